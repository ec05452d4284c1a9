// SPDX-License-Identifier: GPL-2.0
/*
 * Device-model self-tests.  "dm_core" drives a private test bus: matching,
 * probe deferral and retry, managed resources released when a probe fails
 * and on unbind, run-time bind/unbind, release at refcount zero, hotplug
 * events.  "dm_of" populates the platform bus from a synthetic DTB with
 * the corner cases (no interrupt-parent, a bad reg size, status
 * "disabled", a controller that never probes) and checks that each gives
 * its error and skips only that device.  "dm_board" checks the real
 * board: every enabled DT node with a compatible is a device, the early
 * devices are shown bound, nothing is left deferred.
 */
#include <kernel/ktest.h>
#include <kernel/platform_device.h>
#include <kernel/of.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/time.h>
#include <kernel/sched.h>
#include <libfdt.h>

/* --- a private bus ------------------------------------------------------ */

static bool test_match(struct device *dev, struct device_driver *drv)
{
	/* "name" matches a device called "name" or "name.N". */
	size_t n = strlen(drv->name);

	return !strncmp(dev->name, drv->name, n) &&
	       (dev->name[n] == '\0' || dev->name[n] == '.');
}

static struct bus_type test_bus = { .name = "ktest", .match = test_match };

static int released;		/* release callbacks run */
static int devres_freed;	/* managed resources given back */
static int probes, removes;
static bool supplier_ready;

static void test_release(struct device *dev)
{
	released++;
	kfree(dev);
}

static struct device *new_dev(const char *name, struct device *parent)
{
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (!dev)
		return NULL;
	dev_set_name(dev, "%s", name);
	dev->bus = &test_bus;
	dev->parent = parent;
	dev->release = test_release;
	device_initialize(dev);
	return dev;
}

static void count_devres(struct device *dev, void *data)
{
	devres_freed++;
}

static int plain_probe(struct device *dev)
{
	probes++;
	return devres_add(dev, count_devres, NULL);
}

static void plain_remove(struct device *dev)
{
	removes++;
}

/* Takes two resources, then fails: both must be given back. */
static int failing_probe(struct device *dev)
{
	probes++;
	if (!devm_kzalloc(dev, 64))
		return -ENOMEM;
	if (devres_add(dev, count_devres, NULL))
		return -ENOMEM;
	if (devres_add(dev, count_devres, NULL))
		return -ENOMEM;
	return -EIO;
}

/* A consumer that waits for the "supplier" device to bind. */
static int consumer_probe(struct device *dev)
{
	probes++;
	if (devres_add(dev, count_devres, NULL))
		return -ENOMEM;
	return supplier_ready ? 0 : -EPROBE_DEFER;
}

static int supplier_probe(struct device *dev)
{
	probes++;
	supplier_ready = true;
	return 0;
}

static struct device_driver plain_drv = {
	.name = "plain", .bus = &test_bus, .probe = plain_probe, .remove = plain_remove,
};
static struct device_driver failing_drv = {
	.name = "failing", .bus = &test_bus, .probe = failing_probe,
};
static struct device_driver consumer_drv = {
	.name = "consumer", .bus = &test_bus, .probe = consumer_probe,
};
static struct device_driver supplier_drv = {
	.name = "supplier", .bus = &test_bus, .probe = supplier_probe,
};

static int core_init(struct ktest *t)
{
	released = devres_freed = probes = removes = 0;
	supplier_ready = false;
	return bus_register(&test_bus);
}

static void core_exit(struct ktest *t)
{
	struct device_driver *drvs[] = { &plain_drv, &failing_drv, &consumer_drv,
					 &supplier_drv };

	for (size_t i = 0; i < ARRAY_SIZE(drvs); i++)
		if (driver_find(&test_bus, drvs[i]->name))
			driver_unregister(drvs[i]);
	bus_unregister(&test_bus);
}

static void dm_match_binds_only_matching(struct ktest *t)
{
	struct device *a = new_dev("plain.0", NULL), *b = new_dev("other.0", NULL);

	KASSERT_TRUE(t, a && b);
	KASSERT_EQ(t, driver_register(&plain_drv), 0);
	KEXPECT_EQ(t, driver_register(&plain_drv), -EEXIST);
	KASSERT_EQ(t, device_add(a), 0);
	KASSERT_EQ(t, device_add(b), 0);
	KEXPECT_TRUE(t, a->driver == &plain_drv);
	KEXPECT_NULL(t, b->driver);
	KEXPECT_EQ(t, probes, 1);
	KEXPECT_EQ(t, device_bind_driver_to(b, &plain_drv), -ENODEV);
	device_unregister(a);
	device_unregister(b);
	KEXPECT_EQ(t, removes, 1);
	KEXPECT_EQ(t, released, 2);
}

static void dm_driver_after_device(struct ktest *t)
{
	struct device *a = new_dev("plain", NULL);

	KASSERT_NOT_NULL(t, a);
	KASSERT_EQ(t, device_add(a), 0);
	KEXPECT_NULL(t, a->driver);
	KASSERT_EQ(t, driver_register(&plain_drv), 0);
	KEXPECT_TRUE(t, a->driver == &plain_drv);
	driver_unregister(&plain_drv);		/* unbinds */
	KEXPECT_NULL(t, a->driver);
	KEXPECT_EQ(t, removes, 1);
	KEXPECT_EQ(t, devres_freed, 1);
	device_unregister(a);
}

static void dm_deferral_and_retry(struct ktest *t)
{
	struct device *c = new_dev("consumer", NULL), *s = new_dev("supplier", NULL);
	int before = deferred_probe_count();

	KASSERT_TRUE(t, c && s);
	KASSERT_EQ(t, driver_register(&consumer_drv), 0);
	KASSERT_EQ(t, driver_register(&supplier_drv), 0);
	KASSERT_EQ(t, device_add(c), 0);
	KEXPECT_NULL(t, c->driver);
	KEXPECT_EQ(t, c->probe_err, -EPROBE_DEFER);
	KEXPECT_EQ(t, deferred_probe_count(), before + 1);
	KEXPECT_EQ(t, devres_freed, 1);	/* the deferred probe's resource */
	/* The supplier binding retries the consumer. */
	KASSERT_EQ(t, device_add(s), 0);
	KEXPECT_TRUE(t, s->driver == &supplier_drv);
	KEXPECT_TRUE(t, c->driver == &consumer_drv);
	KEXPECT_EQ(t, deferred_probe_count(), before);
	KEXPECT_EQ(t, probes, 3);
	device_unregister(c);
	device_unregister(s);
	KEXPECT_EQ(t, devres_freed, 2);
	KEXPECT_EQ(t, released, 2);
}

static void dm_deferred_device_removed(struct ktest *t)
{
	struct device *c = new_dev("consumer", NULL);
	int before = deferred_probe_count();

	KASSERT_NOT_NULL(t, c);
	KASSERT_EQ(t, driver_register(&consumer_drv), 0);
	KASSERT_EQ(t, device_add(c), 0);
	KEXPECT_EQ(t, deferred_probe_count(), before + 1);
	device_unregister(c);
	KEXPECT_EQ(t, deferred_probe_count(), before);
	KEXPECT_EQ(t, released, 1);
}

static void dm_devres_released_on_probe_failure(struct ktest *t)
{
	struct device *f = new_dev("failing", NULL);

	KASSERT_NOT_NULL(t, f);
	KASSERT_EQ(t, driver_register(&failing_drv), 0);
	KASSERT_EQ(t, device_add(f), 0);	/* a probe error is not an add error */
	KEXPECT_NULL(t, f->driver);
	KEXPECT_EQ(t, f->probe_err, -EIO);
	KEXPECT_EQ(t, devres_freed, 2);
	KEXPECT_TRUE(t, list_empty(&f->devres));
	device_unregister(f);
}

static void dm_unbind_and_rebind(struct ktest *t)
{
	struct device *a = new_dev("plain.1", NULL);

	KASSERT_NOT_NULL(t, a);
	KASSERT_EQ(t, driver_register(&plain_drv), 0);
	KASSERT_EQ(t, device_add(a), 0);
	KASSERT_TRUE(t, a->driver == &plain_drv);
	device_release_driver(a);
	KEXPECT_NULL(t, a->driver);
	KEXPECT_EQ(t, removes, 1);
	KEXPECT_EQ(t, devres_freed, 1);
	KEXPECT_EQ(t, device_bind_driver_to(a, &plain_drv), 0);
	KEXPECT_EQ(t, device_bind_driver_to(a, &plain_drv), -EBUSY);
	KEXPECT_EQ(t, probes, 2);
	device_unregister(a);
	KEXPECT_EQ(t, removes, 2);
}

static void dm_release_at_refcount_zero(struct ktest *t)
{
	struct device *parent = new_dev("parent", NULL);
	struct device *child;
	char path[64];

	KASSERT_NOT_NULL(t, parent);
	KASSERT_EQ(t, device_add(parent), 0);
	child = new_dev("child", parent);
	KASSERT_NOT_NULL(t, child);
	KASSERT_EQ(t, device_add(child), 0);
	device_path(child, path, sizeof(path));
	KEXPECT_STREQ(t, path, "/parent/child");

	get_device(child);			/* a user still holds it */
	device_unregister(parent);		/* takes the child down first */
	KEXPECT_FALSE(t, child->registered);
	KEXPECT_EQ(t, released, 0);		/* the child pins its parent */
	put_device(child);
	KEXPECT_EQ(t, released, 2);
}

static void dm_uevents_in_order(struct ktest *t)
{
	enum uevent_action want[] = { UEVENT_ADD, UEVENT_BIND, UEVENT_UNBIND, UEVENT_REMOVE };
	struct device *a = new_dev("plain.2", NULL);
	u32 seq = uevent_last_seq();
	struct uevent ev;

	KASSERT_NOT_NULL(t, a);
	KASSERT_EQ(t, driver_register(&plain_drv), 0);
	KASSERT_EQ(t, device_add(a), 0);
	device_unregister(a);
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		KASSERT_EQ(t, uevent_read(seq, &ev), 0);
		KEXPECT_EQ(t, ev.action, want[i]);
		KEXPECT_STREQ(t, ev.path, "/plain.2");
		seq = ev.seq;
	}
	KEXPECT_STREQ(t, ev.driver, "");
	KEXPECT_EQ(t, uevent_read(seq, &ev), -ENOENT);
}

/* The kdevd thread reads the queue: it catches up with a new event. */
static void dm_uevent_thread_reads(struct ktest *t)
{
	struct device *a = new_dev("other.kdevd", NULL);
	u64 deadline;

	KASSERT_NOT_NULL(t, a);
	KASSERT_EQ(t, device_add(a), 0);
	device_unregister(a);
	deadline = ktime_get_ns() + 500 * NSEC_PER_MSEC;
	while (uevent_thread_seen() != uevent_last_seq() && ktime_get_ns() < deadline)
		msleep(1);
	KEXPECT_EQ(t, uevent_thread_seen(), uevent_last_seq());
}

static void dm_uevent_ring_overflow(struct ktest *t)
{
	u32 seq = uevent_last_seq();
	struct uevent ev;

	for (int i = 0; i < 40; i++) {
		struct device *a = new_dev("other", NULL);

		KASSERT_NOT_NULL(t, a);
		KASSERT_EQ(t, device_add(a), 0);
		device_unregister(a);
	}
	KEXPECT_EQ(t, uevent_read(seq, &ev), -EOVERFLOW);
	KEXPECT_GT(t, ev.seq, seq + 1);
}

static void dm_class_membership(struct ktest *t)
{
	struct device *a = new_dev("other.rtc", NULL);
	char buf[16];
	int n = 0;

	KASSERT_NOT_NULL(t, a);
	a->class = &rtc_class;
	KASSERT_EQ(t, device_add(a), 0);
	KEXPECT_TRUE(t, class_find("rtc") == &rtc_class);
	KEXPECT_GT(t, device_attr_show(a, "class", buf, sizeof(buf)), 0);
	KEXPECT_STREQ(t, buf, "rtc");
	KEXPECT_EQ(t, device_attr_show(a, "nonesuch", buf, sizeof(buf)), -ENOENT);
	for (struct list_head *p = rtc_class.devices.next; p != &rtc_class.devices; p = p->next)
		n += (p == &a->class_node);
	KEXPECT_EQ(t, n, 1);
	device_unregister(a);
	KEXPECT_TRUE(t, list_empty(&a->class_node) || released == 1);
}

static struct ktest_case dm_core_cases[] = {
	KTEST_CASE(dm_match_binds_only_matching),
	KTEST_CASE(dm_driver_after_device),
	KTEST_CASE(dm_deferral_and_retry),
	KTEST_CASE(dm_deferred_device_removed),
	KTEST_CASE(dm_devres_released_on_probe_failure),
	KTEST_CASE(dm_unbind_and_rebind),
	KTEST_CASE(dm_release_at_refcount_zero),
	KTEST_CASE(dm_uevents_in_order),
	KTEST_CASE(dm_uevent_ring_overflow),
	KTEST_CASE(dm_uevent_thread_reads),
	KTEST_CASE(dm_class_membership),
	{}
};

static struct ktest_suite dm_core_suite = {
	.name = "dm_core",
	.cases = dm_core_cases,
	.init = core_init,
	.exit = core_exit,
};
KTEST_SUITE(dm_core_suite);

/* --- the platform bus from a synthetic DTB ------------------------------ */

static const void *saved_fdt;
static void *test_fdt;
static int plat_probes;

static void prop_cells(void *fdt, const char *name, const u32 *v, int n)
{
	fdt32_t buf[8];

	for (int i = 0; i < n; i++)
		buf[i] = cpu_to_fdt32(v[i]);
	fdt_property(fdt, name, buf, n * 4);
}

static void test_node(void *fdt, const char *name, const char *compat,
		      const u32 *reg, int reg_cells)
{
	fdt_begin_node(fdt, name);
	fdt_property_string(fdt, "compatible", compat);
	prop_cells(fdt, "reg", reg, reg_cells);
}

static int build_fdt(void *fdt, int size)
{
	static const u32 one = 1, three = 3;

	fdt_create(fdt, size);
	fdt_finish_reservemap(fdt);
	fdt_begin_node(fdt, "");
	prop_cells(fdt, "#address-cells", &one, 1);
	prop_cells(fdt, "#size-cells", &one, 1);

	fdt_begin_node(fdt, "ic");		/* phandle 1, never probed */
	fdt_property(fdt, "interrupt-controller", NULL, 0);
	prop_cells(fdt, "#interrupt-cells", &three, 1);
	prop_cells(fdt, "phandle", &one, 1);
	fdt_end_node(fdt);

	fdt_begin_node(fdt, "bus");
	fdt_property_string(fdt, "compatible", "simple-bus");
	prop_cells(fdt, "#address-cells", &one, 1);
	prop_cells(fdt, "#size-cells", &one, 1);
	/* A window no board uses: overlapping a real device counts as a duplicate. */
	prop_cells(fdt, "ranges", (const u32[]){ 0, 0xd0000000, 0x1000 }, 3);

	test_node(fdt, "good@100", "ktest,dm-dev", (const u32[]){ 0x100, 0x10 }, 2);
	fdt_end_node(fdt);
	test_node(fdt, "noparent@200", "ktest,dm-irq", (const u32[]){ 0x200, 0x10 }, 2);
	prop_cells(fdt, "interrupts", (const u32[]){ 0, 1, 4 }, 3);
	fdt_end_node(fdt);
	test_node(fdt, "badreg@300", "ktest,dm-dev", (const u32[]){ 0x300 }, 1);
	fdt_end_node(fdt);
	test_node(fdt, "off@400", "ktest,dm-dev", (const u32[]){ 0x400, 0x10 }, 2);
	fdt_property_string(fdt, "status", "disabled");
	fdt_end_node(fdt);
	test_node(fdt, "waiting@500", "ktest,dm-irq", (const u32[]){ 0x500, 0x10 }, 2);
	prop_cells(fdt, "interrupt-parent", &one, 1);
	prop_cells(fdt, "interrupts", (const u32[]){ 0, 2, 4 }, 3);
	fdt_end_node(fdt);
	test_node(fdt, "outside@2000", "ktest,dm-dev", (const u32[]){ 0x2000, 0x10 }, 2);
	fdt_end_node(fdt);
	fdt_end_node(fdt);		/* bus */

	fdt_end_node(fdt);
	return fdt_finish(fdt);
}

static int dm_dev_probe(struct platform_device *pdev)
{
	plat_probes++;
	return pdev->num_reg == 1 ? 0 : -EINVAL;
}

static int dm_irq_probe(struct platform_device *pdev)
{
	unsigned int irq;

	plat_probes++;
	return platform_get_irq(pdev, 0, &irq);
}

static const struct of_device_id dm_dev_ids[] = { { "ktest,dm-dev" }, {} };
static const struct of_device_id dm_irq_ids[] = { { "ktest,dm-irq" }, {} };
static struct platform_driver dm_dev_drv = {
	.probe = dm_dev_probe,
	.driver = { .name = "ktest-dm-dev", .of_match_table = dm_dev_ids },
};
static struct platform_driver dm_irq_drv = {
	.probe = dm_irq_probe,
	.driver = { .name = "ktest-dm-irq", .of_match_table = dm_irq_ids },
};

static void root_release(struct device *dev)
{
	released++;
	kfree(dev);
}

static struct device *test_root;

static int of_suite_init(struct ktest *t)
{
	released = 0;
	plat_probes = 0;
	test_fdt = kzalloc(4096, GFP_KERNEL);
	if (!test_fdt || build_fdt(test_fdt, 4096))
		goto out_free;
	test_root = kzalloc(sizeof(*test_root), GFP_KERNEL);
	if (!test_root)
		goto out_free;
	dev_set_name(test_root, "ktest-dt");
	test_root->release = root_release;
	if (device_register(test_root))
		goto out_put;
	if (platform_driver_register(&dm_dev_drv))
		goto out_unregister;
	if (platform_driver_register(&dm_irq_drv))
		goto out_dev_drv;
	saved_fdt = of_fdt;
	of_fdt = test_fdt;
	return 0;

out_dev_drv:
	platform_driver_unregister(&dm_dev_drv);
out_unregister:
	device_unregister(test_root);
	test_root = NULL;
out_free:
	kfree(test_fdt);
	return -ENOMEM;
out_put:
	put_device(test_root);
	test_root = NULL;
	goto out_free;
}

static void of_suite_exit(struct ktest *t)
{
	if (test_root)
		device_unregister(test_root);
	platform_driver_unregister(&dm_irq_drv);
	platform_driver_unregister(&dm_dev_drv);
	of_fdt = saved_fdt;
	kfree(test_fdt);
}

static struct device *child_named(struct device *parent, const char *name)
{
	struct device *dev;

	list_for_each_entry(dev, &parent->children, sibling)
		if (!strcmp(dev->name, name))
			return dev;
	return NULL;
}

static void dm_of_corner_cases_skip_one_device(struct ktest *t)
{
	int deferred = deferred_probe_count();
	struct device *bus, *good, *noparent, *waiting;
	struct platform_device *pgood;

	/* bus, good, noparent, waiting: badreg, off and outside are skipped. */
	KEXPECT_EQ(t, of_platform_populate(0, test_root), 4);
	bus = child_named(test_root, "bus");
	KASSERT_NOT_NULL(t, bus);
	good = child_named(bus, "good@100");
	noparent = child_named(bus, "noparent@200");
	waiting = child_named(bus, "waiting@500");
	KASSERT_TRUE(t, good && noparent && waiting);
	KEXPECT_NULL(t, child_named(bus, "badreg@300"));
	KEXPECT_NULL(t, child_named(bus, "off@400"));
	KEXPECT_NULL(t, child_named(bus, "outside@2000"));
	KEXPECT_EQ(t, bus->refcount, 1 + 3);	/* its own + one per child */

	pgood = to_platform_device(good);
	KEXPECT_TRUE(t, good->driver == &dm_dev_drv.driver);
	KEXPECT_UEQ(t, pgood->reg[0].start, 0xd0000100);
	KEXPECT_UEQ(t, pgood->reg[0].size, 0x10);
	KEXPECT_TRUE(t, pgood->match && !strcmp(pgood->match->compatible, "ktest,dm-dev"));

	KEXPECT_NULL(t, noparent->driver);
	KEXPECT_EQ(t, noparent->probe_err, -ENXIO);
	KEXPECT_NULL(t, waiting->driver);
	KEXPECT_EQ(t, waiting->probe_err, -EPROBE_DEFER);
	KEXPECT_EQ(t, deferred_probe_count(), deferred + 1);
	KEXPECT_EQ(t, plat_probes, 3);

	/* Removing the subtree takes the deferred device off the list. */
	device_unregister(test_root);
	test_root = NULL;
	KEXPECT_EQ(t, deferred_probe_count(), deferred);
	KEXPECT_EQ(t, released, 1);
}

static struct ktest_case dm_of_cases[] = {
	KTEST_CASE(dm_of_corner_cases_skip_one_device),
	{}
};

static struct ktest_suite dm_of_suite = {
	.name = "dm_of",
	.cases = dm_of_cases,
	.init = of_suite_init,
	.exit = of_suite_exit,
};
KTEST_SUITE(dm_of_suite);

/* --- the real board ----------------------------------------------------- */

static int find_by_node(struct device *dev, void *data)
{
	return dev->of_node == *(int *)data;
}

static struct device *device_of_node(int node)
{
	struct bus_type *bus = bus_find("platform");
	struct device *dev;

	list_for_each_entry(dev, &bus->devices, bus_node)
		if (find_by_node(dev, &node))
			return dev;
	return NULL;
}

/*
 * A node populate skips by rule: its reg is unreadable (logged as "bad
 * reg"), or another node claims the same registers.
 */
static bool skipped_by_rule(int node)
{
	struct bus_type *bus = bus_find("platform");
	struct device *dev;
	u64 addr, size;
	int err = of_address(node, 0, &addr, &size);

	if (err == -ENOENT)
		return false;
	if (err)
		return true;
	list_for_each_entry(dev, &bus->devices, bus_node) {
		struct platform_device *p = to_platform_device(dev);

		if (p->num_reg && p->reg[0].start == addr)
			return true;
	}
	return false;
}

static void dm_board_every_node_is_a_device(struct ktest *t)
{
	int node, depth = 0, missing = 0, count = 0;

	for (node = fdt_next_node(of_fdt, -1, &depth); node >= 0;
	     node = fdt_next_node(of_fdt, node, &depth)) {
		int parent = fdt_parent_offset(of_fdt, node);

		if (parent < 0 || !of_node_is_available(node) ||
		    !fdt_getprop(of_fdt, node, "compatible", NULL))
			continue;
		/* Only the root's children and simple-bus children are populated. */
		if (parent != 0 && !of_node_is_compatible(parent, "simple-bus"))
			continue;
		if (!of_node_is_available(parent))
			continue;
		count++;
		if (!device_of_node(node) && !skipped_by_rule(node)) {
			ktest_log(t, "no device for %s", of_node_name(node));
			missing++;
		}
	}
	KEXPECT_EQ(t, missing, 0);
	KEXPECT_GT(t, count, 3);
}

static void dm_board_early_devices_bound(struct ktest *t)
{
	struct device *con = device_of_node(of_stdout_node());
	u32 ph;
	struct device *gic;

	KASSERT_NOT_NULL(t, con);
	KASSERT_NOT_NULL(t, con->driver);
	KEXPECT_STREQ(t, con->driver->name, "pl011");
	KASSERT_EQ(t, of_read_u32(0, "interrupt-parent", &ph), 0);
	gic = device_of_node(of_find_phandle(ph));
	KASSERT_NOT_NULL(t, gic);
	KEXPECT_NOT_NULL(t, gic->driver);
}

static int match_any(struct device_driver *drv, void *data)
{
	struct device *dev = data;

	return !drv->early && dev->bus->match(dev, drv);
}

/* A device some registered driver matches is bound, or was declined (-ENODEV). */
static void dm_board_matched_devices_bound(struct ktest *t)
{
	struct bus_type *bus = bus_find("platform");
	struct device *dev;
	int bound = 0;

	KASSERT_NOT_NULL(t, bus);
	list_for_each_entry(dev, &bus->devices, bus_node) {
		if (dev->driver) {
			bound++;
			continue;
		}
		if (!bus_for_each_drv(bus, dev, match_any) || dev->probe_err == -ENODEV)
			continue;
		ktest_log(t, "%s: a driver matches but it is unbound (%d)", dev->name,
			  dev->probe_err);
		KEXPECT_TRUE(t, dev->driver != NULL);
	}
	KEXPECT_GT(t, bound, 3);
}

/*
 * Run-time unbind and rebind of a real device: its managed resources
 * (mapping, interrupt) are given back on unbind, or the rebind's
 * request_irq() would fail with -EBUSY.
 */
static void dm_board_unbind_rebind(struct ktest *t)
{
	static const char *const candidates[] = { "sp804", "rtc-pl031" };
	struct bus_type *bus = bus_find("platform");
	struct device_driver *drv = NULL;
	struct device *dev, *victim = NULL;
	u32 seq = uevent_last_seq();
	struct uevent ev;

	for (size_t i = 0; i < ARRAY_SIZE(candidates) && !victim; i++)
		list_for_each_entry(dev, &bus->devices, bus_node)
			if (dev->driver && !strcmp(dev->driver->name, candidates[i])) {
				victim = dev;
				drv = dev->driver;
				break;
			}
	if (!victim) {
		ktest_skip(t, "no SP804 or PL031 bound on this board");
		return;
	}
	device_release_driver(victim);
	KEXPECT_NULL(t, victim->driver);
	/* Its children's events (a class device going away) may come first. */
	while (!uevent_read(seq, &ev) && ev.action != UEVENT_UNBIND)
		seq = ev.seq;
	KEXPECT_EQ(t, ev.action, UEVENT_UNBIND);
	KEXPECT_STREQ(t, ev.driver, drv->name);
	KEXPECT_EQ(t, device_bind_driver_to(victim, drv), 0);
	KEXPECT_TRUE(t, victim->driver == drv);
	KEXPECT_EQ(t, device_bind_driver_to(victim, drv), -EBUSY);
	ktest_log(t, "unbound and rebound %s (%s)", victim->name, drv->name);
}

static void dm_board_nothing_deferred(struct ktest *t)
{
	KEXPECT_EQ(t, deferred_probe_count(), 0);
}

static struct ktest_case dm_board_cases[] = {
	KTEST_CASE(dm_board_every_node_is_a_device),
	KTEST_CASE(dm_board_early_devices_bound),
	KTEST_CASE(dm_board_matched_devices_bound),
	KTEST_CASE(dm_board_unbind_rebind),
	KTEST_CASE(dm_board_nothing_deferred),
	{}
};

static struct ktest_suite dm_board_suite = {
	.name = "dm_board",
	.cases = dm_board_cases,
};
KTEST_SUITE(dm_board_suite);
