// SPDX-License-Identifier: GPL-2.0
/*
 * What each sysfs directory contains, read from the device model when
 * asked: /sys holds "devices" and "class"; /sys/devices the parentless
 * devices; a device directory its attributes (the standard five, then
 * the driver's) and its children; /sys/class the classes; a class
 * directory one symlink per member.
 *
 * Layer: sysfs, over drivers/base.  Locking: the model walks its lists
 * without a lock (one thread adds devices today); callbacks do not sleep.
 * Knows nothing of the VFS.
 */
#include "internal.h"
#include <kernel/string.h>

static const char *const std_attrs[] = { "bus", "class", "driver", "of_node", "state" };

struct walk {
	int (*fn)(const struct sysfs_entry *e, void *arg);
	void *arg;
};

static int emit_dev(struct device *dev, void *data)
{
	struct walk *w = data;
	struct sysfs_entry e = { .name = dev_name(dev), .kind = SYS_DEV, .dev = dev };

	return w->fn(&e, w->arg);
}

static int emit_link(struct device *dev, void *data)
{
	struct walk *w = data;
	struct sysfs_entry e = { .name = dev_name(dev), .kind = SYS_LINK, .dev = dev };

	return w->fn(&e, w->arg);
}

static int emit_class(struct class *cls, void *data)
{
	struct walk *w = data;
	struct sysfs_entry e = { .name = cls->name, .kind = SYS_CLASS, .cls = cls };

	return w->fn(&e, w->arg);
}

static int device_entries(struct device *dev, struct walk *w)
{
	struct sysfs_entry e = { .kind = SYS_ATTR, .dev = dev };
	int ret;

	for (size_t i = 0; i < ARRAY_SIZE(std_attrs); i++) {
		e.name = std_attrs[i];
		ret = w->fn(&e, w->arg);
		if (ret)
			return ret;
	}
	for (size_t i = 0; dev->attrs && dev->attrs[i]; i++) {
		e.name = dev->attrs[i]->name;
		ret = w->fn(&e, w->arg);
		if (ret)
			return ret;
	}
	return device_for_each_child(dev, w, emit_dev);
}

/**
 * sysfs_for_each() - enumerate the entries of directory @dir
 * @fn: called per entry; non-zero stops the walk
 * Return: 0 or @fn's non-zero value.
 */
int sysfs_for_each(const struct sysfs_node *dir,
		   int (*fn)(const struct sysfs_entry *e, void *arg), void *arg)
{
	struct walk w = { fn, arg };
	struct sysfs_entry e = { 0 };
	int ret;

	switch (dir->kind) {
	case SYS_ROOT:
		e.name = "devices";
		e.kind = SYS_DEVICES;
		ret = fn(&e, arg);
		if (ret)
			return ret;
		e.name = "class";
		e.kind = SYS_CLASSES;
		return fn(&e, arg);
	case SYS_DEVICES:
		return device_for_each_root(&w, emit_dev);
	case SYS_DEV:
		return device_entries(dir->dev, &w);
	case SYS_CLASSES:
		return classes_for_each(&w, emit_class);
	case SYS_CLASS:
		return class_for_each_dev(dir->cls, &w, emit_link);
	default:
		return 0;
	}
}
