// SPDX-License-Identifier: GPL-2.0
/*
 * A read-only, sysfs-like view of the device model: attributes of each
 * device, and the console commands `devices` (the tree, with attributes),
 * `drivers` (per bus, with what each drives), `classes`, `events` (the
 * hotplug queue) and `bind`/`unbind` for run-time binding.  A /sys
 * filesystem will read the same device_attr_show().
 *
 * Layer: drivers/base, top.  Locking: walks the lists like the rest of
 * the model (one thread today).  Must not know any particular bus.
 */
#include <kernel/device.h>
#include <kernel/shell.h>
#include <kernel/of.h>
#include <kernel/string.h>
#include <kernel/errno.h>

static const char *const std_attrs[] = { "bus", "class", "driver", "of_node", "state" };

int device_attr_show(struct device *dev, const char *name, char *buf, size_t len)
{
	if (!len)
		return -EINVAL;
	buf[0] = '\0';
	if (!strcmp(name, "bus"))
		return snprintf(buf, len, "%s", dev->bus ? dev->bus->name : "");
	if (!strcmp(name, "class"))
		return snprintf(buf, len, "%s", dev->class ? dev->class->name : "");
	if (!strcmp(name, "driver"))
		return snprintf(buf, len, "%s", dev->driver ? dev->driver->name : "");
	if (!strcmp(name, "of_node")) {
		if (dev->of_node > 0 && !of_node_path(dev->of_node, buf, (int)len))
			return strlen(buf);
		return 0;
	}
	if (!strcmp(name, "state")) {
		if (dev->driver)
			return snprintf(buf, len, "bound");
		if (dev->probe_err == -EPROBE_DEFER)
			return snprintf(buf, len, "deferred");
		if (dev->probe_err == -ENODEV)
			return snprintf(buf, len, "no device");
		if (dev->probe_err)
			return snprintf(buf, len, "failed (%d)", dev->probe_err);
		return snprintf(buf, len, "unbound");
	}
	for (const struct device_attribute *const *a = dev->attrs; a && *a; a++)
		if (!strcmp((*a)->name, name))
			return (*a)->show(dev, buf, len);
	return -ENOENT;
}

struct walk {
	int depth;
	bool verbose;
};

static void show_attrs(struct device *dev, int indent)
{
	char buf[96];

	for (size_t i = 0; i < ARRAY_SIZE(std_attrs); i++)
		if (device_attr_show(dev, std_attrs[i], buf, sizeof(buf)) > 0)
			console_printf("%*s  %s: %s\n", indent, "", std_attrs[i], buf);
	for (const struct device_attribute *const *a = dev->attrs; a && *a; a++)
		if ((*a)->show(dev, buf, sizeof(buf)) >= 0)
			console_printf("%*s  %s: %s\n", indent, "", (*a)->name, buf);
}

static int show_tree(struct device *dev, void *data)
{
	struct walk *w = data, sub = { w->depth + 1, w->verbose };
	char buf[96];

	console_printf("%*s%s", w->depth * 2, "", dev->name);
	device_attr_show(dev, "driver", buf, sizeof(buf));
	if (buf[0]) {
		console_printf("  [%s]", buf);
	} else if (dev->bus) {
		if (device_attr_show(dev, "state", buf, sizeof(buf)) <= 0)
			strlcpy(buf, "unbound", sizeof(buf));
		console_printf("  (%s)", buf);
	}
	if (dev->class)
		console_printf("  class=%s", dev->class->name);
	console_printf("\n");
	if (w->verbose)
		show_attrs(dev, w->depth * 2);
	return device_for_each_child(dev, &sub, show_tree);
}

static int cmd_devices(int argc, char **argv)
{
	struct walk w = { 0, argc > 1 && !strcmp(argv[1], "-v") };

	device_for_each_root(&w, show_tree);
	console_printf("%d deferred\n", deferred_probe_count());
	return 0;
}
SHELL_COMMAND("devices", "the device tree of the model (-v: with attributes)", cmd_devices);

static int show_bound(struct device *dev, void *data)
{
	if (dev->driver == data)
		console_printf(" %s", dev->name);
	return 0;
}

static int show_driver(struct device_driver *drv, void *data)
{
	console_printf("  %s%s:", drv->name, drv->early ? " (early)" : "");
	bus_for_each_dev(drv->bus, drv, show_bound);
	console_printf("\n");
	return 0;
}

static int show_bus(struct bus_type *bus, void *data)
{
	console_printf("bus %s\n", bus->name);
	return bus_for_each_drv(bus, NULL, show_driver);
}

static int cmd_drivers(int argc, char **argv)
{
	return buses_for_each(NULL, show_bus);
}
SHELL_COMMAND("drivers", "drivers per bus and the devices they drive", cmd_drivers);

static int show_member(struct device *dev, void *data)
{
	char path[96];

	device_path(dev, path, sizeof(path));
	console_printf("  %s -> %s\n", dev->name, path);
	return 0;
}

static int show_class(struct class *cls, void *data)
{
	console_printf("class %s\n", cls->name);
	return class_for_each_dev(cls, NULL, show_member);
}

static int cmd_classes(int argc, char **argv)
{
	return classes_for_each(NULL, show_class);
}
SHELL_COMMAND("classes", "device classes and their members", cmd_classes);

static int cmd_events(int argc, char **argv)
{
	struct uevent ev;
	u32 seq = 0;
	int err;

	while ((err = uevent_read(seq, &ev)) != -ENOENT) {
		if (err == -EOVERFLOW)
			console_printf("(%u events dropped)\n", ev.seq - seq - 1);
		console_printf("%4u %-6s %s%s%s\n", ev.seq, uevent_action_name(ev.action),
			       ev.path, ev.driver[0] ? " driver=" : "", ev.driver);
		seq = ev.seq;
	}
	return 0;
}
SHELL_COMMAND("events", "the hotplug event queue", cmd_events);

struct find_req {
	const char *name;
	struct device *found;
};

static int find_on_bus(struct bus_type *bus, void *data)
{
	struct find_req *req = data;

	req->found = bus_find_device_by_name(bus, req->name);
	return req->found != NULL;
}

/* The first device called @name on any bus. */
static struct device *find_any(const char *name)
{
	struct find_req req = { name, NULL };

	buses_for_each(&req, find_on_bus);
	return req.found;
}

/* unbind DEVICE  /  bind DEVICE DRIVER */
static int cmd_bind(int argc, char **argv)
{
	bool bind = !strcmp(argv[0], "bind");
	struct device_driver *drv;
	struct device *dev;
	int err;

	if (argc != (bind ? 3 : 2)) {
		console_printf("usage: bind DEVICE DRIVER | unbind DEVICE\n");
		return -EINVAL;
	}
	dev = find_any(argv[1]);
	if (!dev) {
		console_printf("%s: no such device\n", argv[1]);
		return -ENODEV;
	}
	if (!bind) {
		if (dev->driver && dev->driver->early) {
			console_printf("%s: bound at early boot, cannot unbind\n", dev->name);
			return -EPERM;
		}
		device_release_driver(dev);
		return 0;
	}
	drv = driver_find(dev->bus, argv[2]);
	if (!drv) {
		console_printf("%s: no such driver\n", argv[2]);
		return -ENODEV;
	}
	err = device_bind_driver_to(dev, drv);
	if (err)
		console_printf("bind: %d\n", err);
	return err;
}
SHELL_COMMAND("bind", "bind DEVICE DRIVER: bind a device at run time", cmd_bind);

static int cmd_unbind(int argc, char **argv)
{
	return cmd_bind(argc, argv);
}
SHELL_COMMAND("unbind", "unbind DEVICE: unbind a device at run time", cmd_unbind);

