// SPDX-License-Identifier: GPL-2.0
/*
 * "dm_shell": the device model's console commands (view.c) run through
 * shell_exec() with their output captured (console_capture_start()), on
 * the real board: `devices` and `devices -v` show every platform device
 * with its driver or state and the class devices; `drivers` lists each
 * bound device under its driver; `classes` each member with its path;
 * `unbind` and `bind` of the PL031 RTC take it off its driver and back
 * (its rtc0 goes and comes back, the wall clock works again) with the
 * remove/unbind/add/bind events, which `events` then shows; and the
 * commands' errors (no such device or driver, an early-bound device,
 * a device already bound, bad usage).
 */
#include <kernel/ktest.h>
#include <kernel/device.h>
#include <kernel/shell.h>
#include <kernel/printk.h>
#include <kernel/rtc.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>

#define OUT_SIZE	16384

static char *out;		/* the last command's output */

static int dm_shell_init(struct ktest *t)
{
	out = kmalloc(OUT_SIZE, GFP_KERNEL);
	return out ? 0 : -ENOMEM;
}

static void dm_shell_exit(struct ktest *t)
{
	kfree(out);
	out = NULL;
}

/* Run @line as the console shell would; its output lands in @out. */
static int run(struct ktest *t, const char *line)
{
	struct console_capture cap;
	char cmd[96];
	int ret;

	strlcpy(cmd, line, sizeof(cmd));
	KASSERT_EQ(t, console_capture_start(&cap, out, OUT_SIZE), 0);
	ret = shell_exec(cmd);
	console_capture_stop(&cap);
	KEXPECT_FALSE(t, cap.truncated);
	return ret;
}

/*
 * The line of @text whose first word (after the indentation) is @word,
 * ended by a space, a colon or the line's end; NULL if none.
 */
static const char *line_of(const char *text, const char *word)
{
	size_t n = strlen(word);

	for (const char *l = text; *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : "") {
		const char *w = l;

		while (*w == ' ')
			w++;
		if (!strncmp(w, word, n) &&
		    (w[n] == ' ' || w[n] == ':' || w[n] == '\n' || !w[n]))
			return l;
	}
	return NULL;
}

/* Does the line at @line (up to its newline) contain @needle? */
static bool line_has(const char *line, const char *needle)
{
	const char *end = strchr(line, '\n');
	size_t n = strlen(needle), len = end ? (size_t)(end - line) : strlen(line);

	for (size_t i = 0; i + n <= len; i++)
		if (!strncmp(line + i, needle, n))
			return true;
	return false;
}

/* Is @want one of @text's lines, exactly? */
static bool has_line(const char *text, const char *want)
{
	size_t n = strlen(want);

	for (const char *l = text; l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
		if (!strncmp(l, want, n) && (l[n] == '\n' || !l[n]))
			return true;
	return false;
}

struct pick {
	const char *driver;	/* NULL: any driver */
	bool early;		/* with a driver bound at early boot */
	struct device *dev;
};

static int pick_bound(struct device *dev, void *data)
{
	struct pick *p = data;

	if (!dev->driver || dev->driver->early != p->early ||
	    (p->driver && strcmp(dev->driver->name, p->driver)))
		return 0;
	p->dev = dev;
	return 1;
}

/* The first platform device bound to @driver (any, if NULL). */
static struct device *find_bound(const char *driver, bool early)
{
	struct pick p = { driver, early, NULL };

	bus_for_each_dev(bus_find("platform"), &p, pick_bound);
	return p.dev;
}

struct named {
	const char *name;
	struct device *dev;
};

static int match_name(struct device *dev, void *data)
{
	struct named *n = data;

	if (strcmp(dev->name, n->name))
		return 0;
	n->dev = dev;
	return 1;
}

/* The member of @cls called @name, or NULL. */
static struct device *class_member(struct class *cls, const char *name)
{
	struct named n = { name, NULL };

	class_for_each_dev(cls, &n, match_name);
	return n.dev;
}

struct check {
	struct ktest *t;
	int seen;
};

/* `devices`: the device's line, with "[driver]" or "(state)". */
static int check_device_line(struct device *dev, void *data)
{
	struct check *c = data;
	const char *line = line_of(out, dev->name);
	char want[64];

	c->seen++;
	KEXPECT_NOT_NULL(c->t, line);
	if (!line)
		return 0;
	if (dev->driver)
		snprintf(want, sizeof(want), "[%s]", dev->driver->name);
	else
		snprintf(want, sizeof(want), "(");
	if (!line_has(line, want))
		ktest_log(c->t, "%s: no \"%s\" in its line", dev->name, want);
	KEXPECT_TRUE(c->t, line_has(line, want));
	return 0;
}

static void dm_shell_devices(struct ktest *t)
{
	struct check c = { t, 0 };
	struct device *tty;
	char want[32];

	KASSERT_EQ(t, run(t, "devices"), 0);
	bus_for_each_dev(bus_find("platform"), &c, check_device_line);
	KEXPECT_GT(t, c.seen, 3);
	/* Class devices (no bus) carry their class. */
	tty = class_member(&tty_class, "ttyAMA0");
	KASSERT_NOT_NULL(t, tty);
	KASSERT_NOT_NULL(t, line_of(out, "ttyAMA0"));
	KEXPECT_TRUE(t, line_has(line_of(out, "ttyAMA0"), "class=tty"));
	snprintf(want, sizeof(want), "%d deferred", deferred_probe_count());
	KEXPECT_TRUE(t, has_line(out, want));
}

static void dm_shell_devices_verbose(struct ktest *t)
{
	struct device *dev = find_bound(NULL, false);
	const char *line;
	char want[64];

	KASSERT_NOT_NULL(t, dev);
	KASSERT_EQ(t, run(t, "devices -v"), 0);
	line = line_of(out, dev->name);
	KASSERT_NOT_NULL(t, line);
	/* Its attributes follow its line, before the next device. */
	snprintf(want, sizeof(want), "driver: %s", dev->driver->name);
	KEXPECT_NOT_NULL(t, line_of(line, "bus"));
	KEXPECT_TRUE(t, line_has(line_of(line, "bus"), "bus: platform"));
	KEXPECT_NOT_NULL(t, line_of(line, "driver"));
	KEXPECT_TRUE(t, line_has(line_of(line, "driver"), want));
	KEXPECT_TRUE(t, line_has(line_of(line, "state"), "state: bound"));
	KEXPECT_TRUE(t, line_has(line_of(line, "of_node"), "of_node: /"));
}

/* `drivers`: the driver's line names the device. */
static int check_driver_line(struct device *dev, void *data)
{
	struct check *c = data;
	const char *line;
	char want[40];

	if (!dev->driver)
		return 0;
	c->seen++;
	line = line_of(out, dev->driver->name);
	KEXPECT_NOT_NULL(c->t, line);
	snprintf(want, sizeof(want), " %s", dev->name);
	if (line && !line_has(line, want))
		ktest_log(c->t, "driver %s: %s not listed", dev->driver->name, dev->name);
	KEXPECT_TRUE(c->t, line && line_has(line, want));
	if (line && dev->driver->early)
		KEXPECT_TRUE(c->t, line_has(line, "(early):"));
	return 0;
}

static void dm_shell_drivers(struct ktest *t)
{
	struct check c = { t, 0 };

	KASSERT_EQ(t, run(t, "drivers"), 0);
	KEXPECT_TRUE(t, has_line(out, "bus platform"));
	bus_for_each_dev(bus_find("platform"), &c, check_driver_line);
	KEXPECT_GT(t, c.seen, 3);
	KEXPECT_NOT_NULL(t, find_bound(NULL, true));	/* and one was early */
}

/* `classes`: "  name -> path" under "class <name>". */
static int check_member(struct device *dev, void *data)
{
	struct check *c = data;
	char want[128];
	int n;

	c->seen++;
	n = snprintf(want, sizeof(want), "  %s -> ", dev->name);
	device_path(dev, want + n, sizeof(want) - n);
	if (!has_line(out, want))
		ktest_log(c->t, "no line \"%s\"", want);
	KEXPECT_TRUE(c->t, has_line(out, want));
	return 0;
}

static int check_class(struct class *cls, void *data)
{
	struct check *c = data;
	char want[40];

	snprintf(want, sizeof(want), "class %s", cls->name);
	KEXPECT_TRUE(c->t, has_line(out, want));
	return class_for_each_dev(cls, c, check_member);
}

static void dm_shell_classes(struct ktest *t)
{
	struct check c = { t, 0 };

	KASSERT_EQ(t, run(t, "classes"), 0);
	KEXPECT_TRUE(t, has_line(out, "class tty"));
	classes_for_each(&c, check_class);
	KEXPECT_GT(t, c.seen, 0);
}

/*
 * The events after @after, in order, must be @n events with these
 * actions, each for @paths[i]; `events` must show each as a line.
 */
static void expect_events(struct ktest *t, u32 after, const enum uevent_action *actions,
			  const char *const *paths, const char *driver, int n)
{
	struct uevent ev;
	char want[160];
	int i = 0;

	KASSERT_EQ(t, run(t, "events"), 0);
	while (!uevent_read(after, &ev)) {
		after = ev.seq;
		if (i >= n) {
			ktest_log(t, "unexpected event %s %s", uevent_action_name(ev.action),
				  ev.path);
			KEXPECT_LT(t, i, n);
			break;
		}
		KEXPECT_EQ(t, ev.action, actions[i]);
		KEXPECT_STREQ(t, ev.path, paths[i]);
		snprintf(want, sizeof(want), "%4u %-6s %s%s%s", ev.seq,
			 uevent_action_name(ev.action), ev.path,
			 ev.driver[0] ? " driver=" : "", ev.driver);
		if (ev.action == UEVENT_BIND || ev.action == UEVENT_UNBIND)
			KEXPECT_STREQ(t, ev.driver, driver);
		if (!has_line(out, want))
			ktest_log(t, "`events` lacks \"%s\"", want);
		KEXPECT_TRUE(t, has_line(out, want));
		i++;
	}
	KEXPECT_EQ(t, i, n);
}

static void dm_shell_unbind_bind_rtc(struct ktest *t)
{
	static const enum uevent_action unbind_events[] = { UEVENT_REMOVE, UEVENT_UNBIND };
	static const enum uevent_action bind_events[] = { UEVENT_ADD, UEVENT_BIND };
	struct device *dev = find_bound("rtc-pl031", false);
	struct device_driver *drv;
	char path[80], rtc_path[96], cmd[64];
	const char *paths[2];
	u32 seq;
	u64 secs = 0;

	if (!dev) {
		ktest_skip(t, "no PL031 bound on this board");
		return;
	}
	drv = dev->driver;
	device_path(dev, path, sizeof(path));
	snprintf(rtc_path, sizeof(rtc_path), "%s/rtc0", path);
	KASSERT_NOT_NULL(t, class_member(&rtc_class, "rtc0"));

	seq = uevent_last_seq();
	snprintf(cmd, sizeof(cmd), "unbind %s", dev->name);
	KEXPECT_EQ(t, run(t, cmd), 0);
	KEXPECT_STREQ(t, out, "");
	KEXPECT_NULL(t, dev->driver);
	KEXPECT_NULL(t, class_member(&rtc_class, "rtc0"));
	KEXPECT_EQ(t, rtc_read_time(NULL, &secs), -ENODEV);
	paths[0] = rtc_path;	/* its class device goes first */
	paths[1] = path;
	expect_events(t, seq, unbind_events, paths, drv->name, 2);
	KASSERT_EQ(t, run(t, "devices"), 0);
	KEXPECT_TRUE(t, line_of(out, dev->name) && line_has(line_of(out, dev->name), "(unbound)"));
	KEXPECT_NULL(t, line_of(out, "rtc0"));

	seq = uevent_last_seq();
	snprintf(cmd, sizeof(cmd), "bind %s %s", dev->name, drv->name);
	KEXPECT_EQ(t, run(t, cmd), 0);
	KEXPECT_TRUE(t, dev->driver == drv);
	KEXPECT_NOT_NULL(t, class_member(&rtc_class, "rtc0"));
	KEXPECT_EQ(t, rtc_read_time(NULL, &secs), 0);
	KEXPECT_GT(t, secs, 1500000000);	/* after 2017: QEMU gives the host's time */
	paths[0] = rtc_path;
	paths[1] = path;
	expect_events(t, seq, bind_events, paths, drv->name, 2);
	KASSERT_EQ(t, run(t, "classes"), 0);
	snprintf(cmd, sizeof(cmd), "  rtc0 -> %s", rtc_path);
	KEXPECT_TRUE(t, has_line(out, cmd));
}

static void dm_shell_bind_errors(struct ktest *t)
{
	struct device *early = find_bound(NULL, true), *dev = find_bound(NULL, false);
	char cmd[80], want[80];
	u32 seq = uevent_last_seq();

	KASSERT_TRUE(t, early && dev);
	KEXPECT_EQ(t, run(t, "unbind"), -EINVAL);
	KEXPECT_STREQ(t, out, "usage: bind DEVICE DRIVER | unbind DEVICE\n");
	KEXPECT_EQ(t, run(t, "bind onlyone"), -EINVAL);
	KEXPECT_EQ(t, run(t, "unbind no-such-device"), -ENODEV);
	KEXPECT_STREQ(t, out, "no-such-device: no such device\n");

	snprintf(cmd, sizeof(cmd), "bind %s no-such-driver", dev->name);
	KEXPECT_EQ(t, run(t, cmd), -ENODEV);
	KEXPECT_STREQ(t, out, "no-such-driver: no such driver\n");
	snprintf(cmd, sizeof(cmd), "bind %s %s", dev->name, dev->driver->name);
	KEXPECT_EQ(t, run(t, cmd), -EBUSY);
	KEXPECT_STREQ(t, out, "bind: -16\n");

	snprintf(cmd, sizeof(cmd), "unbind %s", early->name);
	KEXPECT_EQ(t, run(t, cmd), -EPERM);
	snprintf(want, sizeof(want), "%s: bound at early boot, cannot unbind\n", early->name);
	KEXPECT_STREQ(t, out, want);
	KEXPECT_NOT_NULL(t, early->driver);
	KEXPECT_EQ(t, uevent_last_seq(), seq);	/* nothing happened */
}

static struct ktest_case dm_shell_cases[] = {
	KTEST_CASE(dm_shell_devices),
	KTEST_CASE(dm_shell_devices_verbose),
	KTEST_CASE(dm_shell_drivers),
	KTEST_CASE(dm_shell_classes),
	KTEST_CASE(dm_shell_unbind_bind_rtc),
	KTEST_CASE(dm_shell_bind_errors),
	{}
};

static struct ktest_suite dm_shell_suite = {
	.name = "dm_shell",
	.cases = dm_shell_cases,
	.init = dm_shell_init,
	.exit = dm_shell_exit,
};
KTEST_SUITE(dm_shell_suite);
