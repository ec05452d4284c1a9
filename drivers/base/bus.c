// SPDX-License-Identifier: GPL-2.0
/*
 * Buses and drivers: matching, probe and remove, run-time bind/unbind and
 * probe deferral.  A probe that returns -EPROBE_DEFER puts the device on
 * the deferred list; every successful bind retries that list until a pass
 * binds nothing new.  A failed probe releases the device's managed
 * resources, so a driver's error path only undoes what devm_* cannot.
 *
 * Layer: drivers/base.  Locking: dm_lock for the lists (never across a
 * probe or remove).  Knows nothing of the device tree: matching is the
 * bus's business.
 */
#define pr_fmt(fmt) "bus: " fmt
#include <kernel/device.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include "base.h"

static LIST_HEAD(bus_list);
static LIST_HEAD(deferred_list);
static int deferred_running;	/* re-entry guard for the retry loop */
static bool deferred_again;

int bus_register(struct bus_type *bus)
{
	unsigned long flags;

	if (bus_find(bus->name))
		return -EEXIST;
	INIT_LIST_HEAD(&bus->devices);
	INIT_LIST_HEAD(&bus->drivers);
	spin_lock_irqsave(&dm_lock, flags);
	list_add_tail(&bus->node, &bus_list);
	spin_unlock_irqrestore(&dm_lock, flags);
	return 0;
}

void bus_unregister(struct bus_type *bus)
{
	unsigned long flags;

	if (!list_empty(&bus->devices) || !list_empty(&bus->drivers))
		pr_err("%s: unregistered with devices or drivers left", bus->name);
	spin_lock_irqsave(&dm_lock, flags);
	list_del(&bus->node);
	spin_unlock_irqrestore(&dm_lock, flags);
}

struct bus_type *bus_find(const char *name)
{
	struct bus_type *bus;

	list_for_each_entry(bus, &bus_list, node)
		if (!strcmp(bus->name, name))
			return bus;
	return NULL;
}

static void deferred_add(struct device *dev)
{
	unsigned long flags;

	spin_lock_irqsave(&dm_lock, flags);
	if (list_empty(&dev->deferred_node))
		list_add_tail(&dev->deferred_node, &deferred_list);
	spin_unlock_irqrestore(&dm_lock, flags);
}

void deferred_probe_remove(struct device *dev)
{
	unsigned long flags;

	spin_lock_irqsave(&dm_lock, flags);
	list_del(&dev->deferred_node);
	spin_unlock_irqrestore(&dm_lock, flags);
}

int deferred_probe_count(void)
{
	struct list_head *pos;
	int n = 0;

	list_for_each(pos, &deferred_list)
		n++;
	return n;
}

/* Call the probe; on failure, undo everything the model did for it. */
static int really_probe(struct device *dev, struct device_driver *drv)
{
	int err;

	dev->driver = drv;
	err = dev->bus->probe ? dev->bus->probe(dev) :
	      drv->probe ? drv->probe(dev) : 0;
	dev->probe_err = err;
	if (err) {
		devres_release_all(dev);
		dev->driver = NULL;
		dev->driver_data = NULL;
		if (err == -EPROBE_DEFER)
			deferred_add(dev);
		else if (err == -ENODEV)	/* "not mine after all": not an error */
			pr_debug("%s: %s: no device", drv->name, dev->name);
		else
			pr_err("%s: probe of %s failed: %d", drv->name, dev->name, err);
		return err;
	}
	deferred_probe_remove(dev);
	uevent_emit(dev, UEVENT_BIND);
	deferred_probe_trigger();
	return 0;
}

int device_attach(struct device *dev)
{
	struct device_driver *drv;
	int err = 0;

	if (dev->driver)
		return 1;
	list_for_each_entry(drv, &dev->bus->drivers, node) {
		if (drv->early || !dev->bus->match(dev, drv))
			continue;
		err = really_probe(dev, drv);
		if (!err)
			return 1;
		if (err == -EPROBE_DEFER)
			return err;
		/* Another driver may still take it; keep looking. */
	}
	return err;
}

void deferred_probe_trigger(void)
{
	struct device *dev, *next;
	LIST_HEAD(pending);
	unsigned long flags;

	if (deferred_running) {
		deferred_again = true;
		return;
	}
	deferred_running = 1;
	do {
		deferred_again = false;
		spin_lock_irqsave(&dm_lock, flags);
		list_for_each_entry_safe(dev, next, &deferred_list, deferred_node)
			list_move_tail(&dev->deferred_node, &pending);
		spin_unlock_irqrestore(&dm_lock, flags);
		while (!list_empty(&pending)) {
			dev = list_first_entry(&pending, struct device, deferred_node);
			deferred_probe_remove(dev);
			get_device(dev);
			if (dev->registered)
				device_attach(dev);
			put_device(dev);
		}
	} while (deferred_again);
	deferred_running = 0;
}

int bus_add_device(struct device *dev)
{
	unsigned long flags;
	int err;

	if (!dev->bus->match)
		return -EINVAL;
	spin_lock_irqsave(&dm_lock, flags);
	list_add_tail(&dev->bus_node, &dev->bus->devices);
	spin_unlock_irqrestore(&dm_lock, flags);
	err = device_attach(dev);
	(void)err;	/* a probe error leaves the device unbound, not absent */
	return 0;
}

void bus_remove_device(struct device *dev)
{
	unsigned long flags;

	device_release_driver(dev);
	deferred_probe_remove(dev);
	spin_lock_irqsave(&dm_lock, flags);
	list_del(&dev->bus_node);
	spin_unlock_irqrestore(&dm_lock, flags);
}

void device_release_driver(struct device *dev)
{
	struct device_driver *drv = dev->driver;

	if (!drv)
		return;
	if (!drv->early) {
		if (dev->bus->remove)
			dev->bus->remove(dev);
		else if (drv->remove)
			drv->remove(dev);
	}
	devres_release_all(dev);
	uevent_emit(dev, UEVENT_UNBIND);
	dev->driver = NULL;
	dev->driver_data = NULL;
}

int device_bind_driver_to(struct device *dev, struct device_driver *drv)
{
	if (dev->driver)
		return -EBUSY;
	if (dev->bus != drv->bus || drv->early || !dev->bus->match(dev, drv))
		return -ENODEV;
	return really_probe(dev, drv);
}

int device_bind_early(struct device *dev, struct device_driver *drv)
{
	if (dev->driver)
		return -EBUSY;
	dev->driver = drv;
	dev->probe_err = 0;
	deferred_probe_remove(dev);
	uevent_emit(dev, UEVENT_BIND);
	return 0;
}

int driver_register(struct device_driver *drv)
{
	struct device *dev, *next;
	unsigned long flags;

	if (!drv->bus)
		return -EINVAL;
	if (driver_find(drv->bus, drv->name))
		return -EEXIST;
	spin_lock_irqsave(&dm_lock, flags);
	list_add_tail(&drv->node, &drv->bus->drivers);
	spin_unlock_irqrestore(&dm_lock, flags);
	if (drv->early)
		return 0;
	list_for_each_entry_safe(dev, next, &drv->bus->devices, bus_node)
		if (!dev->driver && drv->bus->match(dev, drv))
			really_probe(dev, drv);
	return 0;
}

void driver_unregister(struct device_driver *drv)
{
	struct device *dev, *next;
	unsigned long flags;

	list_for_each_entry_safe(dev, next, &drv->bus->devices, bus_node)
		if (dev->driver == drv)
			device_release_driver(dev);
	spin_lock_irqsave(&dm_lock, flags);
	list_del(&drv->node);
	spin_unlock_irqrestore(&dm_lock, flags);
}

struct device_driver *driver_find(struct bus_type *bus, const char *name)
{
	struct device_driver *drv;

	list_for_each_entry(drv, &bus->drivers, node)
		if (!strcmp(drv->name, name))
			return drv;
	return NULL;
}

struct device *bus_find_device_by_name(struct bus_type *bus, const char *name)
{
	struct device *dev;

	list_for_each_entry(dev, &bus->devices, bus_node)
		if (!strcmp(dev->name, name))
			return dev;
	return NULL;
}

int bus_for_each_dev(struct bus_type *bus, void *data,
		     int (*fn)(struct device *dev, void *data))
{
	struct device *dev, *next;
	int ret = 0;

	list_for_each_entry_safe(dev, next, &bus->devices, bus_node) {
		ret = fn(dev, data);
		if (ret)
			break;
	}
	return ret;
}

int bus_for_each_drv(struct bus_type *bus, void *data,
		     int (*fn)(struct device_driver *drv, void *data))
{
	struct device_driver *drv;
	int ret = 0;

	list_for_each_entry(drv, &bus->drivers, node) {
		ret = fn(drv, data);
		if (ret)
			break;
	}
	return ret;
}

int buses_for_each(void *data, int (*fn)(struct bus_type *bus, void *data))
{
	struct bus_type *bus;
	int ret = 0;

	list_for_each_entry(bus, &bus_list, node) {
		ret = fn(bus, data);
		if (ret)
			break;
	}
	return ret;
}
