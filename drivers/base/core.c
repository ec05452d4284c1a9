// SPDX-License-Identifier: GPL-2.0
/*
 * Device lifetime and the device tree of the model: initialize, add, del,
 * reference counting with a release callback, parent/child links, paths.
 *
 * Layer: drivers/base, below every driver and bus.  Locking: dm_lock for
 * the children lists; refcounts change under dm_lock too (interrupt-safe).
 * Knows nothing of the device tree or of any bus in particular.
 */
#define pr_fmt(fmt) "device: " fmt
#include <kernel/device.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <stdarg.h>
#include "base.h"

DEFINE_SPINLOCK(dm_lock);
static LIST_HEAD(root_devices);	/* registered devices without a parent */

void device_initialize(struct device *dev)
{
	dev->refcount = 1;
	dev->registered = false;
	INIT_LIST_HEAD(&dev->children);
	INIT_LIST_HEAD(&dev->sibling);
	INIT_LIST_HEAD(&dev->bus_node);
	INIT_LIST_HEAD(&dev->class_node);
	INIT_LIST_HEAD(&dev->deferred_node);
	INIT_LIST_HEAD(&dev->devres);
}

void dev_set_name(struct device *dev, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dev->name, sizeof(dev->name), fmt, ap);
	va_end(ap);
}

struct device *get_device(struct device *dev)
{
	unsigned long flags;

	if (!dev)
		return NULL;
	spin_lock_irqsave(&dm_lock, flags);
	dev->refcount++;
	spin_unlock_irqrestore(&dm_lock, flags);
	return dev;
}

void put_device(struct device *dev)
{
	unsigned long flags;
	struct device *parent;
	int left;

	if (!dev)
		return;
	spin_lock_irqsave(&dm_lock, flags);
	left = --dev->refcount;
	spin_unlock_irqrestore(&dm_lock, flags);
	if (left > 0)
		return;
	if (left < 0) {
		pr_err("%s: reference count underflow", dev->name);
		return;
	}
	parent = dev->holds_parent ? dev->parent : NULL;
	if (dev->release)
		dev->release(dev);
	else
		pr_warn("%s: freed without a release callback (leaked)", dev->name);
	put_device(parent);	/* the child held its parent */
}

int device_add(struct device *dev)
{
	unsigned long flags;
	int err;

	if (!dev->name[0])
		return -EINVAL;
	if (dev->registered)
		return -EEXIST;
	dev->holds_parent = get_device(dev->parent) != NULL;
	spin_lock_irqsave(&dm_lock, flags);
	list_add_tail(&dev->sibling, dev->parent ? &dev->parent->children : &root_devices);
	dev->registered = true;
	spin_unlock_irqrestore(&dm_lock, flags);

	err = class_add_device(dev);
	if (err)
		goto out_unlink;
	uevent_emit(dev, UEVENT_ADD);
	if (dev->bus) {
		err = bus_add_device(dev);
		if (err)
			goto out_class;
	}
	return 0;

out_class:
	class_remove_device(dev);
	uevent_emit(dev, UEVENT_REMOVE);
out_unlink:
	spin_lock_irqsave(&dm_lock, flags);
	list_del(&dev->sibling);
	dev->registered = false;
	spin_unlock_irqrestore(&dm_lock, flags);
	if (dev->holds_parent)
		put_device(dev->parent);
	dev->holds_parent = false;
	return err;
}

int device_register(struct device *dev)
{
	device_initialize(dev);
	return device_add(dev);
}

void device_del(struct device *dev)
{
	unsigned long flags;
	struct device *child;

	if (!dev->registered)
		return;
	/* Children go first, newest first, as Linux tears down. */
	for (;;) {
		spin_lock_irqsave(&dm_lock, flags);
		child = list_empty(&dev->children) ? NULL :
			list_last_entry(&dev->children, struct device, sibling);
		spin_unlock_irqrestore(&dm_lock, flags);
		if (!child)
			break;
		device_unregister(child);
	}
	if (dev->bus)
		bus_remove_device(dev);
	class_remove_device(dev);
	uevent_emit(dev, UEVENT_REMOVE);
	spin_lock_irqsave(&dm_lock, flags);
	list_del(&dev->sibling);
	dev->registered = false;
	spin_unlock_irqrestore(&dm_lock, flags);
}

void device_unregister(struct device *dev)
{
	device_del(dev);
	put_device(dev);
}

static int path_of(const struct device *dev, char *buf, size_t len)
{
	int n = 0;

	if (dev->parent)
		n = path_of(dev->parent, buf, len);
	if ((size_t)n < len)
		n += snprintf(buf + n, len - n, "/%s", dev->name);
	return (size_t)n < len ? n : (int)len - 1;
}

int device_path(const struct device *dev, char *buf, size_t len)
{
	if (!len)
		return 0;
	buf[0] = '\0';
	return path_of(dev, buf, len);
}

int device_for_each_child(struct device *dev, void *data,
			  int (*fn)(struct device *dev, void *data))
{
	struct device *child, *next;
	int ret = 0;

	/* Callbacks may not remove siblings other than the current one. */
	list_for_each_entry_safe(child, next, &dev->children, sibling) {
		ret = fn(child, data);
		if (ret)
			break;
	}
	return ret;
}

int device_for_each_root(void *data, int (*fn)(struct device *dev, void *data))
{
	struct device *dev, *next;
	int ret = 0;

	list_for_each_entry_safe(dev, next, &root_devices, sibling) {
		ret = fn(dev, data);
		if (ret)
			break;
	}
	return ret;
}
