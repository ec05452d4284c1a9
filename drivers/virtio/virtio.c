// SPDX-License-Identifier: GPL-2.0
/*
 * The virtio bus: devices found by a transport are matched to drivers by
 * device ID; probe runs the status handshake (ACKNOWLEDGE, DRIVER,
 * feature negotiation, FEATURES_OK) around the driver's probe and sets
 * DRIVER_OK after it, or FAILED.
 *
 * Layer: virtio core, over drivers/base.  Locking: the model's.
 * Knows no transport and no device type.
 */
#define pr_fmt(fmt) "virtio: " fmt
#include <virtio/virtio.h>
#include <kernel/init.h>
#include <kernel/errno.h>

static bool virtio_match(struct device *dev, struct device_driver *drv)
{
	struct virtio_device *vdev = to_virtio_device(dev);

	for (const u32 *id = to_virtio_driver(drv)->id_table; id && *id; id++)
		if (*id == vdev->id)
			return true;
	return false;
}

static void add_status(struct virtio_device *vdev, u8 bits)
{
	vdev->config->set_status(vdev, vdev->config->get_status(vdev) | bits);
}

static int virtio_probe(struct device *dev)
{
	struct virtio_device *vdev = to_virtio_device(dev);
	struct virtio_driver *vdrv = to_virtio_driver(dev->driver);
	u64 offered;
	int err;

	vdev->config->reset(vdev);
	add_status(vdev, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	offered = vdev->config->get_features(vdev);
	vdev->features = offered & (vdrv->features | (1ull << VIRTIO_F_VERSION_1));
	err = vdev->config->finalize_features(vdev, vdev->features);
	if (err)
		goto out_failed;
	err = vdrv->probe(vdev);
	if (err)
		goto out_failed;
	add_status(vdev, VIRTIO_STATUS_DRIVER_OK);
	return 0;

out_failed:
	add_status(vdev, VIRTIO_STATUS_FAILED);
	return err;
}

static void virtio_remove(struct device *dev)
{
	struct virtio_device *vdev = to_virtio_device(dev);

	to_virtio_driver(dev->driver)->remove(vdev);
	vdev->config->reset(vdev);
}

struct bus_type virtio_bus = {
	.name = "virtio",
	.match = virtio_match,
	.probe = virtio_probe,
	.remove = virtio_remove,
};

int virtio_driver_register(struct virtio_driver *vdrv)
{
	vdrv->driver.bus = &virtio_bus;
	return driver_register(&vdrv->driver);
}

void virtio_driver_unregister(struct virtio_driver *vdrv)
{
	driver_unregister(&vdrv->driver);
}

int virtio_register_device(struct virtio_device *vdev)
{
	vdev->dev.bus = &virtio_bus;
	return device_add(&vdev->dev);
}

static int virtio_bus_init(void)
{
	return bus_register(&virtio_bus);
}
initcall_pair(core, virtio_bus_init, NULL);
