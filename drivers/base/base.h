/* SPDX-License-Identifier: GPL-2.0 */
/*
 * drivers/base private header: the lock over the model's lists and the
 * calls between core.c, bus.c, class.c and uevent.c.
 */
#ifndef DRIVERS_BASE_BASE_H
#define DRIVERS_BASE_BASE_H

#include <kernel/device.h>
#include <kernel/spinlock.h>

/*
 * dm_lock protects: every bus's devices/drivers lists, every class's
 * devices list, the bus and class lists, each device's children list and
 * the deferred list.  Never held across probe/remove/release.
 */
extern spinlock_t dm_lock;

int bus_add_device(struct device *dev);
void bus_remove_device(struct device *dev);
void deferred_probe_remove(struct device *dev);
int class_add_device(struct device *dev);
void class_remove_device(struct device *dev);

#endif /* DRIVERS_BASE_BASE_H */
