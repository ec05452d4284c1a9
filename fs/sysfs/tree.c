// SPDX-License-Identifier: GPL-2.0
/*
 * What each sysfs directory contains, read from the device model when
 * asked: /sys holds "devices", "class" and "bus"; /sys/devices the
 * parentless devices; a device directory its attributes (the standard
 * five, then the driver's) and its children; /sys/class the classes; a
 * class directory one symlink per member; /sys/bus the buses, each with
 * "devices" (one symlink per device on the bus) and "drivers" (one
 * directory per driver, holding a symlink per device it drives), as in
 * Linux.
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
	int up;				/* for the links emitted */
	struct device_driver *drv;	/* emit_bound_link(): the driver */
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
	struct sysfs_entry e = { .name = dev_name(dev), .kind = SYS_LINK, .dev = dev,
				 .up = w->up };

	return w->fn(&e, w->arg);
}

static int emit_bound_link(struct device *dev, void *data)
{
	struct walk *w = data;

	return dev->driver == w->drv ? emit_link(dev, data) : 0;
}

static int emit_bus(struct bus_type *bus, void *data)
{
	struct walk *w = data;
	struct sysfs_entry e = { .name = bus->name, .kind = SYS_BUS, .bus = bus };

	return w->fn(&e, w->arg);
}

static int emit_driver(struct device_driver *drv, void *data)
{
	struct walk *w = data;
	struct sysfs_entry e = { .name = drv->name, .kind = SYS_DRIVER, .bus = drv->bus,
				 .drv = drv };

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
	static const struct { const char *name; enum sysfs_kind kind; } top[] = {
		{ "devices", SYS_DEVICES }, { "class", SYS_CLASSES }, { "bus", SYS_BUSES },
	};
	struct walk w = { fn, arg };
	struct sysfs_entry e = { 0 };
	struct bus_type *bus = dir->bus[0] ? bus_find(dir->bus) : NULL;
	int ret;

	switch (dir->kind) {
	case SYS_ROOT:
		for (size_t i = 0; i < ARRAY_SIZE(top); i++) {
			e.name = top[i].name;
			e.kind = top[i].kind;
			ret = fn(&e, arg);
			if (ret)
				return ret;
		}
		return 0;
	case SYS_DEVICES:
		return device_for_each_root(&w, emit_dev);
	case SYS_DEV:
		return device_entries(dir->dev, &w);
	case SYS_CLASSES:
		return classes_for_each(&w, emit_class);
	case SYS_CLASS:
		w.up = 2;
		return class_for_each_dev(dir->cls, &w, emit_link);
	case SYS_BUSES:
		return buses_for_each(&w, emit_bus);
	default:
		break;
	}
	if (!bus)		/* unregistered since: an empty directory */
		return 0;
	switch (dir->kind) {
	case SYS_BUS:
		e.bus = bus;
		e.name = "devices";
		e.kind = SYS_BUS_DEVICES;
		ret = fn(&e, arg);
		if (ret)
			return ret;
		e.name = "drivers";
		e.kind = SYS_BUS_DRIVERS;
		return fn(&e, arg);
	case SYS_BUS_DEVICES:
		w.up = 3;
		return bus_for_each_dev(bus, &w, emit_link);
	case SYS_BUS_DRIVERS:
		return bus_for_each_drv(bus, &w, emit_driver);
	case SYS_DRIVER:
		w.drv = driver_find(bus, dir->drv);
		w.up = 4;
		return w.drv ? bus_for_each_dev(bus, &w, emit_bound_link) : 0;
	default:
		return 0;
	}
}
