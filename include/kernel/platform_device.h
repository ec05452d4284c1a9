/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The platform bus: memory-mapped devices described by the device tree.
 * of_platform_populate() creates one platform device per enabled DT node
 * with a "compatible" (walking into "simple-bus" nodes), with its "reg"
 * windows already translated to CPU addresses.  Drivers match by
 * compatible string and get their interrupts (platform_get_irq, which
 * returns -EPROBE_DEFER while the controller is missing), registers
 * (devm_platform_ioremap) and fixed clocks (platform_clock_rate) here.
 */
#ifndef KERNEL_PLATFORM_DEVICE_H
#define KERNEL_PLATFORM_DEVICE_H

#include <kernel/device.h>
#include <kernel/init.h>

#define PLATFORM_MAX_REG	4

struct resource {
	u64 start;
	u64 size;
};

struct platform_device {
	struct device dev;
	int num_reg;
	struct resource reg[PLATFORM_MAX_REG];	/* CPU addresses */
	const struct of_device_id *match;	/* the entry that matched */
};

struct platform_driver {
	int (*probe)(struct platform_device *pdev);
	void (*remove)(struct platform_device *pdev);
	struct device_driver driver;
};

#define to_platform_device(d) container_of(d, struct platform_device, dev)
#define to_platform_driver(d) container_of(d, struct platform_driver, driver)

extern struct bus_type platform_bus_type;

static inline void *platform_get_drvdata(struct platform_device *pdev)
{
	return pdev->dev.driver_data;
}

static inline void platform_set_drvdata(struct platform_device *pdev, void *data)
{
	pdev->dev.driver_data = data;
}

/**
 * platform_driver_register() - register a driver on the platform bus
 * Return: as driver_register().
 */
int platform_driver_register(struct platform_driver *pdrv);
/** platform_driver_unregister() - unbind @pdrv's devices and remove it. */
void platform_driver_unregister(struct platform_driver *pdrv);

/*
 * module_platform_driver(drv): register at device initcall time, and
 * unregister on rollback.
 */
#define module_platform_driver(pdrv)					\
	static int pdrv##_init(void)					\
	{								\
		return platform_driver_register(&pdrv);			\
	}								\
	static void pdrv##_exit(void)					\
	{								\
		platform_driver_unregister(&pdrv);			\
	}								\
	initcall_pair(device, pdrv##_init, pdrv##_exit)

/**
 * platform_device_alloc() - a platform device for DT node @node
 * @name: device name
 * @node: DT node offset (0 for none)
 * Return: an initialized device (refcount 1), or NULL without memory.
 */
struct platform_device *platform_device_alloc(const char *name, int node);

/**
 * platform_get_irq() - the @index-th interrupt of @pdev from the DT
 * Return: 0 and *@irq; -EPROBE_DEFER while its controller is missing;
 * -ENXIO without interrupt-parent; -ENOENT/-EINVAL as of_irq_get().
 * Errors other than deferral are logged with the device's name.
 */
int platform_get_irq(struct platform_device *pdev, int index, unsigned int *irq);

/**
 * devm_platform_ioremap() - map the @index-th reg window of @pdev
 * Return: the mapping, or NULL (logged) when there is no such window or
 * no virtual space left.  The mapping lives as long as the kernel.
 */
void *devm_platform_ioremap(struct platform_device *pdev, int index);

/**
 * platform_clock_rate() - rate of the @index-th fixed clock of @pdev
 * Return: 0 or the of_clock_rate() error.
 */
int platform_clock_rate(struct platform_device *pdev, int index, u32 *hz);

/**
 * of_platform_populate() - create platform devices for the children of @bus_node
 * @fdt_node: the DT node whose children to walk (0: the root)
 * @parent: their parent device (NULL: the platform root)
 *
 * Nodes that are disabled or have no compatible are skipped; a node whose
 * reg cannot be read or translated is logged and skipped alone, and so is
 * one whose first window overlaps an existing device's.  Children
 * of "simple-bus" nodes are populated under their bus's device.  Nodes
 * already bound by the early DT drivers become devices bound to a
 * placeholder driver named after the early driver.
 * Return: the number of devices created, or -ENOMEM.
 */
int of_platform_populate(int fdt_node, struct device *parent);

/** The parent of every DT-created device ("platform"). */
extern struct device platform_root;

#endif /* KERNEL_PLATFORM_DEVICE_H */
