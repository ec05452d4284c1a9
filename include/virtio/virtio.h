/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtio (OASIS virtio 1.1): devices on the "virtio" bus, found by a
 * transport (virtio-mmio), driven by drivers matched by device ID
 * (virtio-blk ...), talking through split virtqueues.
 */
#ifndef VIRTIO_VIRTIO_H
#define VIRTIO_VIRTIO_H

#include <kernel/device.h>

#define VIRTIO_ID_NET		1
#define VIRTIO_ID_BLOCK		2

/* Device status bits (virtio 1.1, 2.1). */
#define VIRTIO_STATUS_ACKNOWLEDGE	1
#define VIRTIO_STATUS_DRIVER		2
#define VIRTIO_STATUS_DRIVER_OK		4
#define VIRTIO_STATUS_FEATURES_OK	8
#define VIRTIO_STATUS_FAILED		128

#define VIRTIO_F_VERSION_1	32

struct virtio_device;
struct virtqueue;

/* What a transport provides. */
struct virtio_config_ops {
	u64 (*get_features)(struct virtio_device *vdev);
	/* Writes the accepted features; 0 or -ENODEV if the device refuses. */
	int (*finalize_features)(struct virtio_device *vdev, u64 features);
	void (*get_config)(struct virtio_device *vdev, u32 offset, void *buf, u32 len);
	u8 (*get_status)(struct virtio_device *vdev);
	void (*set_status)(struct virtio_device *vdev, u8 status);
	void (*reset)(struct virtio_device *vdev);
	/* Set up queue @index with at most @max entries. */
	struct virtqueue *(*setup_vq)(struct virtio_device *vdev, unsigned int index,
				      unsigned int max,
				      void (*callback)(struct virtqueue *vq));
	void (*del_vq)(struct virtqueue *vq);
	void (*notify)(struct virtqueue *vq);
};

struct virtio_device {
	struct device dev;		/* on the virtio bus, child of the transport */
	u32 id;				/* VIRTIO_ID_* */
	u32 vendor;
	u64 features;			/* negotiated */
	const struct virtio_config_ops *config;
	void *priv;			/* the transport's */
};

struct virtio_driver {
	const u32 *id_table;		/* device IDs, ends with 0 */
	u64 features;			/* the features it can use */
	int (*probe)(struct virtio_device *vdev);
	void (*remove)(struct virtio_device *vdev);
	struct device_driver driver;
};

#define to_virtio_device(d) container_of(d, struct virtio_device, dev)
#define to_virtio_driver(d) container_of(d, struct virtio_driver, driver)

extern struct bus_type virtio_bus;

/** virtio_driver_register() - add @vdrv to the virtio bus.  Return: as driver_register(). */
int virtio_driver_register(struct virtio_driver *vdrv);
/** virtio_driver_unregister() - unbind @vdrv's devices and remove it. */
void virtio_driver_unregister(struct virtio_driver *vdrv);

/**
 * virtio_register_device() - add a device found by a transport
 * Return: 0 or the device_add() error (the caller then put_device()s).
 */
int virtio_register_device(struct virtio_device *vdev);

static inline bool virtio_has_feature(const struct virtio_device *vdev, unsigned int bit)
{
	return vdev->features & (1ull << bit);
}

/* --- split virtqueues (virtio 1.1, 2.6) -------------------------------- */

struct vq_buf {
	void *addr;		/* in the linear map */
	u32 len;
};

struct virtqueue {
	struct virtio_device *vdev;
	unsigned int index;
	unsigned int num;		/* entries, a power of two */
	void (*callback)(struct virtqueue *vq);
	void *priv;			/* the driver's */
	/* Ring memory; private to virtio_ring.c and the transport. */
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	void *ring_mem;			/* allocation holding the three */
	size_t ring_size;
	u16 free_head, num_free, last_used;
	void **data;			/* per head descriptor */
};

/** vring_size() - bytes for a legacy-layout ring of @num entries, @align'ed used ring. */
size_t vring_size(unsigned int num, unsigned long align);

/**
 * vring_init() - lay a ring of @num entries out in @mem (zeroed), the used
 * ring at the next multiple of @align
 */
void vring_init(struct virtqueue *vq, void *mem, unsigned int num, unsigned long align);

/**
 * virtqueue_add() - post @out device-readable then @in device-writable buffers
 * @data: returned by virtqueue_get_buf() when the device is done
 * Return: 0; -ENOSPC without enough free descriptors; -EINVAL.
 */
int virtqueue_add(struct virtqueue *vq, const struct vq_buf *bufs,
		  unsigned int out, unsigned int in, void *data);

/** virtqueue_kick() - make new buffers visible and notify the device. */
void virtqueue_kick(struct virtqueue *vq);

/**
 * virtqueue_get_buf() - the next completed chain's @data, or NULL
 * @len: bytes the device wrote
 * Device-writable buffers are invalidated from the D-cache before return.
 */
void *virtqueue_get_buf(struct virtqueue *vq, u32 *len);

#endif /* VIRTIO_VIRTIO_H */
