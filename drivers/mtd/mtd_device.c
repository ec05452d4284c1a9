// SPDX-License-Identifier: GPL-2.0
/*
 * MTD devices in the device model: class "mtd" registration and lookup
 * by name, so the FTL and the mount code find "data" or "nor1" without
 * knowing which driver or DT node produced it.
 *
 * Layer: glue between the portable MTD core and drivers/base.  Locking:
 * process context; the model's lists.  Knows no chip.
 */
#define pr_fmt(fmt) "mtd: " fmt
#include <mtd/mtd_device.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <fs/devfs.h>

#define to_mtd_device(d) container_of(d, struct mtd_device, dev)

static struct mtd_info *dev_mtd(struct device *dev)
{
	return to_mtd_device(dev)->mtd;
}

static int show_size(struct device *dev, char *buf, size_t len)
{
	return snprintf(buf, len, "%llu", dev_mtd(dev)->size);
}

static int show_erasesize(struct device *dev, char *buf, size_t len)
{
	return snprintf(buf, len, "%u", dev_mtd(dev)->erasesize);
}

static int show_writesize(struct device *dev, char *buf, size_t len)
{
	return snprintf(buf, len, "%u", dev_mtd(dev)->writesize);
}

static int show_type(struct device *dev, char *buf, size_t len)
{
	return snprintf(buf, len, "%s", dev_mtd(dev)->type == MTD_NANDFLASH ? "nand" : "nor");
}

static const struct device_attribute attr_size = { "size", show_size };
static const struct device_attribute attr_erasesize = { "erasesize", show_erasesize };
static const struct device_attribute attr_writesize = { "writesize", show_writesize };
static const struct device_attribute attr_type = { "type", show_type };
static const struct device_attribute *const mtd_attrs[] = {
	&attr_type, &attr_size, &attr_erasesize, &attr_writesize, NULL,
};

static void mtd_device_release(struct device *dev)
{
	struct mtd_device *md = to_mtd_device(dev);

	devfs_remove_mtd(md->mtd);
	if (md->owns_mtd)
		kfree(md->mtd);
	kfree(md);
}

static struct mtd_device *find_dev(const char *name)
{
	struct device *dev;

	list_for_each_entry(dev, &mtd_class.devices, class_node)
		if (!strcmp(dev->name, name))
			return to_mtd_device(dev);
	return NULL;
}

struct mtd_info *mtd_find(const char *name)
{
	struct mtd_device *md = find_dev(name);

	return md ? md->mtd : NULL;
}

int mtd_device_register(struct mtd_info *mtd, struct device *parent, bool owns)
{
	struct mtd_device *md;
	int err;

	if (!mtd->name || find_dev(mtd->name))
		return -EEXIST;
	md = kzalloc(sizeof(*md), GFP_KERNEL);
	if (!md)
		return -ENOMEM;
	md->mtd = mtd;
	md->owns_mtd = owns;
	md->dev.parent = parent;
	md->dev.class = &mtd_class;
	md->dev.attrs = mtd_attrs;
	md->dev.release = mtd_device_release;
	dev_set_name(&md->dev, "%s", mtd->name);
	device_initialize(&md->dev);
	err = device_add(&md->dev);
	if (err) {
		md->owns_mtd = false;	/* the caller still owns @mtd on failure */
		put_device(&md->dev);
		return err;
	}
	if (devfs_add_mtd(mtd))
		dev_warn(&md->dev, "no /dev node");	/* the device still works */
	return 0;
}

static int unregister_child(struct device *dev, void *data)
{
	if (dev->class == &mtd_class)
		device_unregister(dev);	/* partitions under it go first */
	return 0;
}

void mtd_device_unregister_all(struct device *parent)
{
	device_for_each_child(parent, NULL, unregister_child);
}
