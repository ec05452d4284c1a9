/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The block layer: named sector devices (mmcblk0, vda, and partitions
 * mmcblk0p1, vda1 ...), requests with synchronous or asynchronous
 * completion, a buffer cache, and the struct blkio handed to the portable
 * consumers (ext2, LogFS, cloop, loop).
 *
 * A driver fills a struct block_device (geometry, ops) and calls
 * blk_register(); the layer adds it to the "block" class under the
 * driver's device and reads its partition table.  Requests reach the
 * driver's submit(); it completes each one, now or from its interrupt
 * handler, with blk_end_request().
 */
#ifndef BLOCK_BLKDEV_H
#define BLOCK_BLKDEV_H

#include <kernel/device.h>
#include <lib/blkio.h>

enum req_op { REQ_OP_READ, REQ_OP_WRITE, REQ_OP_FLUSH };

struct request {
	enum req_op op;
	u64 sector;		/* on the whole device once submitted */
	u32 count;		/* sectors */
	void *buf;
	int status;		/* 0 or -errno, valid once done */
	volatile bool done;
	/* Called on completion (may be interrupt context); may be NULL. */
	void (*end_io)(struct request *rq);
	void *end_io_data;
	struct list_head queue;	/* free for the driver's use */
	void *driver_priv;	/* free for the driver's use */
};

struct block_device;
struct devfs_blk_ops;

struct block_device_ops {
	/* Start @rq; 0 when accepted (completion follows), else -errno. */
	int (*submit)(struct block_device *bdev, struct request *rq);
	/* Optional: reap completions without interrupts (polling mode). */
	void (*poll)(struct block_device *bdev);
};

struct block_device {
	struct device dev;		/* class "block" */
	u32 sector_size;		/* bytes, a power of two >= 512 */
	u64 nr_sectors;
	bool read_only;
	const struct block_device_ops *ops;
	void *priv;			/* the driver's */
	/* Partitions: the whole device, and the window on it. */
	struct block_device *whole;	/* self for a whole device */
	u64 start_sect;
	int partno;			/* 0 for a whole device */
	struct blkio blkio;		/* this device as a struct blkio */
	struct list_head parts;		/* of a whole device */
	struct list_head part_node;
	/*
	 * A whole device whose /dev/<name> the driver registered itself
	 * (loop, encrypted, cloop: the node has the driver's ioctls and
	 * claim hooks, and may outlive the class entry): blk_register()
	 * then adds no node of its own, and the nodes of its partitions
	 * pass their claims on to @node_ops (which may be NULL).
	 */
	bool own_node;
	const struct devfs_blk_ops *node_ops;
	void *node_priv;
	/*
	 * Optional, whole devices: frees the device when its last reference
	 * goes (sysfs may hold one past blk_unregister()).  Set it once
	 * blk_register() has succeeded.  NULL: the memory is the driver's.
	 */
	void (*release)(struct block_device *bdev);
};

#define to_bdev(d) container_of(d, struct block_device, dev)

/**
 * blk_register() - register a whole block device and scan its partitions
 * @bdev: zeroed except geometry, @ops and @priv
 * @parent: the driver's device
 * @name: "vda", "mmcblk0" ...
 *
 * Return: 0; -EINVAL for a bad geometry; -EEXIST for a name in use;
 * -ENOMEM.  A damaged partition table is logged and leaves the whole
 * device usable.
 */
int blk_register(struct block_device *bdev, struct device *parent, const char *name);

/**
 * blk_unregister() - remove @bdev and its partitions (no new requests)
 * A whole device's memory belongs to its driver, which may free it once
 * this returns: nothing else keeps a reference to a whole disk.
 */
void blk_unregister(struct block_device *bdev);

/**
 * blk_submit() - queue a request (asynchronous)
 * Partition requests are shifted onto the whole device.
 * Return: 0 when queued (rq->end_io runs on completion); -EINVAL for a
 * range outside the device; -EROFS for a write to a read-only device;
 * or the driver's error.
 */
int blk_submit(struct block_device *bdev, struct request *rq);

/** blk_end_request() - the driver completes @rq with @status (any context). */
void blk_end_request(struct request *rq, int status);

/**
 * blk_rw() - read or write @count sectors and wait for the result
 * Return: 0, the request's error, or -ETIMEDOUT (after 5 s).
 */
int blk_rw(struct block_device *bdev, enum req_op op, u64 sector, void *buf, u32 count);

/** blk_find() - the registered block device called @name, or NULL. */
struct block_device *blk_find(const char *name);

#ifdef CONFIG_BLOCK
/**
 * blk_register_blkio() - a whole block device over a driver's struct blkio
 * @bio: the store (loop, encrypted loop, cloop): its geometry is copied
 * now; requests call its read/write/flush in the submitter's context
 * @parent: the device to hang it under (NULL: a root device)
 * @name: in the "block" class; /dev/@name is the driver's own node
 * @node_ops: that node's hooks, for the partitions' claims (may be NULL)
 * @node_priv: passed to @node_ops
 *
 * For the stacked drivers, whose devices come and go at run time: the
 * device is allocated here and freed at its last reference.  Its
 * partitions are scanned as for any disk.  May sleep (I/O on @bio).
 * Return: the device, or ERR_PTR(-EINVAL / -EEXIST / -ENOMEM).
 */
struct block_device *blk_register_blkio(struct blkio *bio, struct device *parent,
					const char *name,
					const struct devfs_blk_ops *node_ops,
					void *node_priv);

/**
 * blk_unregister_blkio() - remove a device from blk_register_blkio()
 * @bdev: the device, or NULL
 * Its partitions' nodes go first (waiting out I/O through them); then
 * @bio is no longer called.  The caller must make sure no claim on a
 * partition is held (the driver's claim hooks count them).
 */
void blk_unregister_blkio(struct block_device *bdev);
#else
static inline struct block_device *blk_register_blkio(struct blkio *bio,
		struct device *parent, const char *name,
		const struct devfs_blk_ops *node_ops, void *node_priv)
{
	return NULL;	/* no block layer: the /dev node alone */
}

static inline void blk_unregister_blkio(struct block_device *bdev) { }
#endif

/** blk_get_blkio() - @bdev as a struct blkio for the portable consumers. */
static inline struct blkio *blk_get_blkio(struct block_device *bdev)
{
	return &bdev->blkio;
}

/**
 * blk_add_partition() - register partition @partno of @whole
 * Return: 0; -EINVAL if the window is outside @whole; -ENOMEM.
 */
int blk_add_partition(struct block_device *whole, int partno, u64 start, u64 count);

/** blk_scan_partitions() - read the MBR or GPT of @whole (called by blk_register). */
int blk_scan_partitions(struct block_device *whole);

/* --- the buffer cache --------------------------------------------------- */

struct buffer_head {
	struct block_device *bdev;
	u64 sector;
	void *data;		/* one sector */
	int refcount;
	bool valid, dirty;
	struct list_head lru;
};

/**
 * bread() - the cached sector @sector of @bdev, read if needed
 * Return: a held buffer (release with brelse()), or an ERR_PTR: -EIO and
 * the device's errors, -ENOMEM, -EBUSY when every buffer is held.
 */
struct buffer_head *bread(struct block_device *bdev, u64 sector);
/** brelse() - drop a hold from bread() (NULL and ERR_PTR are ignored). */
void brelse(struct buffer_head *bh);
/** mark_buffer_dirty() - @bh (held) must be written back. */
void mark_buffer_dirty(struct buffer_head *bh);

/**
 * bcache_sync() - write back the dirty buffers of @bdev (NULL: all)
 * Return: 0 or the first write error (the buffer stays dirty).
 */
int bcache_sync(struct block_device *bdev);

/** bcache_invalidate() - drop @bdev's clean, unheld buffers. */
void bcache_invalidate(struct block_device *bdev);

#endif /* BLOCK_BLKDEV_H */
