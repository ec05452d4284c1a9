/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MTD devices in the device model (kernel only): a flash driver or the DT
 * partition parser registers each struct mtd_info as a class "mtd" device
 * (named after mtd->name: nor0, or a partition's label), and consumers
 * (the FTL, /data mounting) look them up by name.  The MTD core itself
 * (include/mtd/mtd.h) stays portable and knows nothing of this.
 */
#ifndef MTD_MTD_DEVICE_H
#define MTD_MTD_DEVICE_H

#include <kernel/device.h>
#include <mtd/mtd.h>

struct mtd_device {
	struct device dev;		/* class "mtd" */
	struct mtd_info *mtd;
	bool owns_mtd;			/* a partition: freed with the device */
};

/**
 * mtd_device_register() - make @mtd visible as a class "mtd" device
 * @mtd: filled in (name, geometry, ops); must outlive the registration
 * @parent: the flash controller's device, or the master's for a partition
 * @owns: kfree(@mtd) when the device is released (partitions)
 * Return: 0, -EEXIST for a name in use, -ENOMEM, or device_add()'s error.
 */
int mtd_device_register(struct mtd_info *mtd, struct device *parent, bool owns);

/** mtd_device_unregister_all() - unregister the MTD devices under @parent. */
void mtd_device_unregister_all(struct device *parent);

/** mtd_find() - the registered MTD called @name, or NULL. */
struct mtd_info *mtd_find(const char *name);

/**
 * of_mtd_parse_partitions() - register the "fixed-partitions" of DT node
 * @node (its "partitions" child) as partitions of @master
 * Return: the number registered (0 without a table), or -ENOMEM.  A bad
 * entry (outside the device, misaligned, no reg) is logged and skipped.
 */
int of_mtd_parse_partitions(struct mtd_info *master, struct device *master_dev, int node);

#endif /* MTD_MTD_DEVICE_H */
