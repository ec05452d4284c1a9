// SPDX-License-Identifier: GPL-2.0
/*
 * Classes: devices grouped by what they are (tty, block, mtd, rtc, uio),
 * whatever bus they sit on.  The standard classes register at core
 * initcall time, before any driver.
 *
 * Layer: drivers/base.  Locking: dm_lock for the lists.
 */
#define pr_fmt(fmt) "class: " fmt
#include <kernel/device.h>
#include <kernel/init.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include "base.h"

static LIST_HEAD(class_list);

struct class tty_class = { .name = "tty" };
struct class block_class = { .name = "block" };
struct class mtd_class = { .name = "mtd" };
struct class rtc_class = { .name = "rtc" };
struct class uio_class = { .name = "uio" };

int class_register(struct class *cls)
{
	unsigned long flags;

	if (class_find(cls->name))
		return -EEXIST;
	INIT_LIST_HEAD(&cls->devices);
	spin_lock_irqsave(&dm_lock, flags);
	list_add_tail(&cls->node, &class_list);
	spin_unlock_irqrestore(&dm_lock, flags);
	return 0;
}

struct class *class_find(const char *name)
{
	struct class *cls;

	list_for_each_entry(cls, &class_list, node)
		if (!strcmp(cls->name, name))
			return cls;
	return NULL;
}

int class_add_device(struct device *dev)
{
	unsigned long flags;

	if (!dev->class)
		return 0;
	if (!dev->class->devices.next) {
		pr_err("%s: class %s is not registered", dev->name, dev->class->name);
		return -EINVAL;
	}
	spin_lock_irqsave(&dm_lock, flags);
	list_add_tail(&dev->class_node, &dev->class->devices);
	spin_unlock_irqrestore(&dm_lock, flags);
	return 0;
}

void class_remove_device(struct device *dev)
{
	unsigned long flags;

	spin_lock_irqsave(&dm_lock, flags);
	list_del(&dev->class_node);
	spin_unlock_irqrestore(&dm_lock, flags);
}

int class_for_each_dev(struct class *cls, void *data,
		       int (*fn)(struct device *dev, void *data))
{
	struct device *dev, *next;
	int ret = 0;

	list_for_each_entry_safe(dev, next, &cls->devices, class_node) {
		ret = fn(dev, data);
		if (ret)
			break;
	}
	return ret;
}

int classes_for_each(void *data, int (*fn)(struct class *cls, void *data))
{
	struct class *cls;
	int ret = 0;

	list_for_each_entry(cls, &class_list, node) {
		ret = fn(cls, data);
		if (ret)
			break;
	}
	return ret;
}

static struct class *const std_classes[] = {
	&tty_class, &block_class, &mtd_class, &rtc_class, &uio_class,
};

static int classes_init(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(std_classes); i++) {
		int err = class_register(std_classes[i]);

		if (err)
			return err;
	}
	return 0;
}
initcall_pair(core, classes_init, NULL);
