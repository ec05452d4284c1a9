// SPDX-License-Identifier: GPL-2.0
/*
 * Populating the platform bus from the device tree: one platform device
 * per enabled node with a compatible, children of simple-bus nodes under
 * their bus's device.  Nodes the early drivers already bound (interrupt
 * controller, console, timers) appear bound to a placeholder driver that
 * carries the early driver's name, so the view shows them as Linux does.
 *
 * Layer: drivers/base over drivers/of.  A node with a bad reg is logged
 * and skipped alone.  Runs at postcore initcall time, after the bus
 * exists and before drivers register.  Locking: boot-time, one thread.
 */
#define pr_fmt(fmt) "of_platform: " fmt
#include <kernel/platform_device.h>
#include <kernel/of.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <libfdt.h>

/* Placeholder drivers for early-bound nodes, one per early driver. */
struct early_drv {
	struct platform_driver pdrv;
	const struct dt_driver *dt;
	struct early_drv *next;
};
static struct early_drv *early_drivers;

static struct device_driver *early_placeholder(const struct dt_driver *dt)
{
	struct early_drv *e;

	for (e = early_drivers; e; e = e->next)
		if (e->dt == dt)
			return &e->pdrv.driver;
	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return NULL;
	e->dt = dt;
	e->pdrv.driver.name = dt->name;
	e->pdrv.driver.early = true;
	if (platform_driver_register(&e->pdrv)) {
		kfree(e);
		return NULL;
	}
	e->next = early_drivers;
	early_drivers = e;
	return &e->pdrv.driver;
}

static int read_regs(struct platform_device *pdev, int node)
{
	for (int i = 0; i < PLATFORM_MAX_REG; i++) {
		u64 addr, size;
		int err = of_address(node, i, &addr, &size);

		if (err == -ENOENT)
			break;
		if (err)
			return err;
		pdev->reg[i].start = addr;
		pdev->reg[i].size = size;
		pdev->num_reg = i + 1;
	}
	return 0;
}

/*
 * A node whose first window overlaps an existing device's describes the
 * same hardware twice (QEMU adds its own virtio-mmio nodes to a DTB it is
 * given): the first one found wins, as a resource claim would decide.
 */
static struct platform_device *claimed_by(const struct resource *r)
{
	struct device *dev;

	list_for_each_entry(dev, &platform_bus_type.devices, bus_node) {
		struct platform_device *other = to_platform_device(dev);
		const struct resource *o = &other->reg[0];

		if (other->num_reg && r->start < o->start + o->size &&
		    o->start < r->start + r->size)
			return other;
	}
	return NULL;
}

static struct platform_device *create_one(int node, struct device *parent)
{
	const struct dt_driver *early = dt_node_early_driver(node);
	struct platform_device *pdev, *owner;
	char path[96];
	int err;

	pdev = platform_device_alloc(of_node_name(node), node);
	if (!pdev)
		return ERR_PTR(-ENOMEM);
	pdev->dev.parent = parent;
	err = read_regs(pdev, node);
	if (err) {
		of_node_path(node, path, sizeof(path));
		pr_err("%s: bad reg (%s): device skipped",
		       path, err == -EINVAL ? "size does not fit #address/#size-cells" :
		       "not translatable through ranges");
		put_device(&pdev->dev);
		return ERR_PTR(err);
	}
	owner = pdev->num_reg ? claimed_by(&pdev->reg[0]) : NULL;
	if (owner) {
		of_node_path(node, path, sizeof(path));
		pr_info("%s: registers already claimed by %s: skipped", path, owner->dev.name);
		put_device(&pdev->dev);
		return ERR_PTR(-EBUSY);
	}
	if (early)
		pdev->dev.driver = early_placeholder(early);
	err = device_add(&pdev->dev);
	if (err) {
		pr_err("%s: cannot add device: %d", pdev->dev.name, err);
		put_device(&pdev->dev);
		return ERR_PTR(err);
	}
	if (pdev->dev.driver)
		uevent_emit(&pdev->dev, UEVENT_BIND);
	return pdev;
}

int of_platform_populate(int fdt_node, struct device *parent)
{
	int node, count = 0;

	if (!parent)
		parent = &platform_root;
	fdt_for_each_subnode(node, of_fdt, fdt_node) {
		struct platform_device *pdev;

		if (!of_node_is_available(node) || !fdt_getprop(of_fdt, node, "compatible", NULL))
			continue;
		pdev = create_one(node, parent);
		if (IS_ERR(pdev)) {
			if (PTR_ERR(pdev) == -ENOMEM)
				return -ENOMEM;
			continue;
		}
		count++;
		if (of_node_is_compatible(node, "simple-bus")) {
			int n = of_platform_populate(node, &pdev->dev);

			if (n < 0)
				return n;
			count += n;
		}
	}
	return count;
}

static int of_platform_default_populate(void)
{
	int n = of_platform_populate(0, NULL);

	if (n < 0)
		return n;
	pr_info("%d devices from the device tree", n);
	return 0;
}
initcall_pair(postcore, of_platform_default_populate, NULL);
