// SPDX-License-Identifier: GPL-2.0
/*
 * The platform bus: matching by DT compatible string, the probe/remove
 * glue for platform drivers, and the helpers drivers use to get their
 * registers, interrupts and clocks from their DT node.
 *
 * Layer: drivers/base, over drivers/of.  Locking: none of its own (the
 * model's lists are in bus.c).  Knows no board and no device.
 */
#define pr_fmt(fmt) "platform: " fmt
#include <kernel/platform_device.h>
#include <kernel/of.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <asm/io.h>

static void platform_root_release(struct device *dev)
{
	/* Static: nothing to free. */
}

struct device platform_root = {
	.name = "platform",
	.release = platform_root_release,
};

static const struct of_device_id *match_of(struct platform_device *pdev,
					   struct device_driver *drv)
{
	const struct of_device_id *id;

	if (!pdev->dev.of_node || !drv->of_match_table)
		return NULL;
	for (id = drv->of_match_table; id->compatible; id++)
		if (of_node_is_compatible(pdev->dev.of_node, id->compatible))
			return id;
	return NULL;
}

static bool platform_match(struct device *dev, struct device_driver *drv)
{
	struct platform_device *pdev = to_platform_device(dev);

	if (drv->of_match_table)
		return match_of(pdev, drv) != NULL;
	return !strcmp(dev->name, drv->name);
}

static int platform_probe(struct device *dev)
{
	struct platform_device *pdev = to_platform_device(dev);
	struct platform_driver *pdrv = to_platform_driver(dev->driver);

	pdev->match = match_of(pdev, dev->driver);
	return pdrv->probe ? pdrv->probe(pdev) : 0;
}

static void platform_remove(struct device *dev)
{
	struct platform_driver *pdrv = to_platform_driver(dev->driver);

	if (pdrv->remove)
		pdrv->remove(to_platform_device(dev));
}

struct bus_type platform_bus_type = {
	.name = "platform",
	.match = platform_match,
	.probe = platform_probe,
	.remove = platform_remove,
};

int platform_driver_register(struct platform_driver *pdrv)
{
	pdrv->driver.bus = &platform_bus_type;
	return driver_register(&pdrv->driver);
}

void platform_driver_unregister(struct platform_driver *pdrv)
{
	driver_unregister(&pdrv->driver);
}

static void platform_device_release(struct device *dev)
{
	kfree(to_platform_device(dev));
}

struct platform_device *platform_device_alloc(const char *name, int node)
{
	struct platform_device *pdev = kzalloc(sizeof(*pdev), GFP_KERNEL);

	if (!pdev)
		return NULL;
	strlcpy(pdev->dev.name, name, sizeof(pdev->dev.name));
	pdev->dev.of_node = node;
	pdev->dev.bus = &platform_bus_type;
	pdev->dev.release = platform_device_release;
	device_initialize(&pdev->dev);
	return pdev;
}

int platform_get_irq(struct platform_device *pdev, int index, unsigned int *irq)
{
	int err;

	if (!pdev->dev.of_node)
		return -ENOENT;
	err = of_irq_get(pdev->dev.of_node, index, irq);
	if (err == -ENXIO)
		dev_err(&pdev->dev, "interrupt %d: no interrupt-parent", index);
	else if (err && err != -EPROBE_DEFER)
		dev_err(&pdev->dev, "interrupt %d: bad or missing specifier (%d)",
			index, err);
	return err;
}

void *devm_platform_ioremap(struct platform_device *pdev, int index)
{
	void *base;

	if (index < 0 || index >= pdev->num_reg) {
		dev_err(&pdev->dev, "no reg window %d", index);
		return NULL;
	}
	base = ioremap((phys_addr_t)pdev->reg[index].start,
		       (size_t)pdev->reg[index].size);
	if (!base)
		dev_err(&pdev->dev, "cannot map %08llx", pdev->reg[index].start);
	return base;
}

int platform_clock_rate(struct platform_device *pdev, int index, u32 *hz)
{
	if (!pdev->dev.of_node)
		return -ENOENT;
	return of_clock_rate(pdev->dev.of_node, index, hz);
}

static int platform_bus_init(void)
{
	int err;

	err = bus_register(&platform_bus_type);
	if (err)
		return err;
	err = device_register(&platform_root);
	if (err)
		goto out_bus;
	return 0;

out_bus:
	bus_unregister(&platform_bus_type);
	return err;
}
initcall_pair(core, platform_bus_init, NULL);
