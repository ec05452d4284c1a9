// SPDX-License-Identifier: GPL-2.0
/*
 * Managed resources: what a driver takes with devm_*() is given back,
 * newest first, when its probe fails or it unbinds.  Each record is a
 * release callback and its argument on the device's devres list.
 *
 * Layer: drivers/base.  Locking: the list belongs to the bound driver's
 * probe/remove path (one at a time per device); no lock.
 */
#include <kernel/device.h>
#include <kernel/slab.h>
#include <kernel/irq.h>
#include <kernel/errno.h>

struct devres {
	struct list_head node;
	void (*release)(struct device *dev, void *data);
	void *data;
};

int devres_add(struct device *dev, void (*release)(struct device *dev, void *data),
	       void *data)
{
	struct devres *dr = kmalloc(sizeof(*dr), GFP_KERNEL);

	if (!dr)
		return -ENOMEM;
	dr->release = release;
	dr->data = data;
	list_add(&dr->node, &dev->devres);
	return 0;
}

void devres_release_all(struct device *dev)
{
	while (!list_empty(&dev->devres)) {
		struct devres *dr = list_first_entry(&dev->devres, struct devres, node);

		list_del(&dr->node);
		dr->release(dev, dr->data);
		kfree(dr);
	}
}

static void devm_kfree_release(struct device *dev, void *data)
{
	kfree(data);
}

void *devm_kzalloc(struct device *dev, size_t size)
{
	void *p = kzalloc(size, GFP_KERNEL);

	if (p && devres_add(dev, devm_kfree_release, p)) {
		kfree(p);
		return NULL;
	}
	return p;
}

struct devm_irq {
	unsigned int irq;
	void *data;
};

static void devm_irq_release(struct device *dev, void *data)
{
	struct devm_irq *di = data;

	free_irq(di->irq, di->data);
	kfree(di);
}

int devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
		     const char *name, void *data)
{
	struct devm_irq *di = kmalloc(sizeof(*di), GFP_KERNEL);
	int err;

	if (!di)
		return -ENOMEM;
	di->irq = irq;
	di->data = data;
	err = request_irq(irq, handler, name, data);
	if (err)
		goto out_free;
	err = devres_add(dev, devm_irq_release, di);
	if (err)
		goto out_free_irq;
	return 0;

out_free_irq:
	free_irq(irq, data);
out_free:
	kfree(di);
	return err;
}
