/* SPDX-License-Identifier: GPL-2.0 */
/* Private to sysfs: the kinds of node and the enumeration of a directory. */
#ifndef FS_SYSFS_INTERNAL_H
#define FS_SYSFS_INTERNAL_H

#include <fs/fs.h>
#include <kernel/device.h>

enum sysfs_kind {
	SYS_ROOT,		/* /sys */
	SYS_DEVICES,		/* /sys/devices: the parentless devices */
	SYS_DEV,		/* a device: its attributes and children */
	SYS_ATTR,		/* an attribute file of a device */
	SYS_CLASSES,		/* /sys/class */
	SYS_CLASS,		/* /sys/class/<name>: links to its devices */
	SYS_LINK,		/* a symlink into /sys/devices */
	SYS_BUSES,		/* /sys/bus */
	SYS_BUS,		/* /sys/bus/<bus>: "devices" and "drivers" */
	SYS_BUS_DEVICES,	/* /sys/bus/<bus>/devices: links to its devices */
	SYS_BUS_DRIVERS,	/* /sys/bus/<bus>/drivers: its drivers */
	SYS_DRIVER,		/* /sys/bus/<bus>/drivers/<drv>: links to what it drives */
};

/* One entry of a directory, as the enumeration hands it out. */
struct sysfs_entry {
	const char *name;
	enum sysfs_kind kind;
	struct device *dev;	/* SYS_DEV, SYS_ATTR, SYS_LINK (not referenced) */
	struct class *cls;	/* SYS_CLASS */
	struct bus_type *bus;	/* SYS_BUS and below */
	struct device_driver *drv;	/* SYS_DRIVER */
	int up;			/* SYS_LINK: its directory's depth below /sys */
};

/*
 * inode->priv: what the inode shows; it holds a reference on @dev.  Buses
 * and drivers are kept by name and looked up at each use: a driver may
 * be unregistered while its directory is open.
 */
struct sysfs_node {
	enum sysfs_kind kind;
	struct device *dev;
	struct class *cls;
	char attr[32];
	char bus[32];
	char drv[32];
	int up;
};

#define SYSFS_MAGIC 0x62656572

/*
 * Call @fn for each entry of directory @dir in order; stops when @fn
 * returns non-zero and returns that.  No sleeping inside @fn: the device
 * model's lists are walked without a lock of ours.
 */
int sysfs_for_each(const struct sysfs_node *dir,
		   int (*fn)(const struct sysfs_entry *e, void *arg), void *arg);

extern const struct file_operations sysfs_attr_fops;

#endif
