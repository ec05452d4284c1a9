// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs tests through the VFS: the top directories, every device of the
 * model reachable under /sys/devices with readable attributes, class
 * links that resolve to device directories, a device registered and
 * removed at run time appearing and disappearing, and read-only-ness;
 * /sys/bus: every bus, its devices as links into /sys/devices, its
 * drivers with links to what they drive, following binds, unbinds and a
 * bus that comes and goes.
 */
#include <kernel/ktest.h>
#include <kernel/device.h>
#include <fs/vfs.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/slab.h>

/* Count entries of @path (without . and ..); -errno on failure. */
static int count_dir(const char *path, const char *want, bool *found)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	u64 buf64[32];
	int fd = vfs_open(c, path, O_RDONLY | O_DIRECTORY, 0);
	int n, count = 0;

	if (fd < 0)
		return fd;
	while ((n = vfs_getdents(c, fd, buf64, sizeof(buf64))) > 0) {
		for (int off = 0; off < n;) {
			struct dirent64 *de = (struct dirent64 *)((u8 *)buf64 + off);

			off += de->d_reclen;
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			count++;
			if (want && !strcmp(de->d_name, want))
				*found = true;
		}
	}
	vfs_close(c, fd);
	return n < 0 ? n : count;
}

static int count_dev(struct device *dev, void *data)
{
	(*(int *)data)++;
	return 0;
}

static void sysfs_tree(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	char *path = kmalloc(256, GFP_KERNEL);
	char buf[64];
	bool found = false;
	struct stat st;
	int nroots = 0, fd, n;
	const char *tty;
	char attr[64];

	KASSERT_NOT_NULL(t, path);
	KEXPECT_EQ(t, count_dir("/sys", "devices", &found), 3);
	KEXPECT_TRUE(t, found);
	device_for_each_root(&nroots, count_dev);
	KEXPECT_EQ(t, count_dir("/sys/devices", NULL, NULL), nroots);
	KEXPECT_GT(t, nroots, 0);
	/* the classes, and a tty link that leads to a device directory */
	found = false;
	KEXPECT_GE(t, count_dir("/sys/class", "tty", &found), 5);
	KEXPECT_TRUE(t, found);
	KEXPECT_GT(t, count_dir("/sys/class/tty", NULL, NULL), 0);
	/* ttyAMA1 on vexpress; boards with one UART (virt) have only ttyAMA0. */
	tty = vfs_lstat(c, "/sys/class/tty/ttyAMA1", &st) == 0 ? "/sys/class/tty/ttyAMA1" :
								  "/sys/class/tty/ttyAMA0";
	snprintf(attr, sizeof(attr), "%s/class", tty);
	KEXPECT_EQ(t, vfs_lstat(c, tty, &st), 0);
	KEXPECT_TRUE(t, S_ISLNK(st.st_mode));
	n = vfs_readlink(c, tty, path, 255);
	KEXPECT_GT(t, n, 14);
	path[n > 0 ? n : 0] = '\0';
	KEXPECT_EQ(t, strncmp(path, "../../devices/", 14), 0);
	KEXPECT_EQ(t, vfs_stat(c, tty, &st), 0);
	KEXPECT_TRUE(t, S_ISDIR(st.st_mode));
	/* its attributes */
	fd = vfs_open(c, attr, O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	n = vfs_read(c, fd, buf, sizeof(buf) - 1);
	vfs_close(c, fd);
	KEXPECT_EQ(t, n, 4);
	buf[n > 0 ? n : 0] = '\0';
	KEXPECT_STREQ(t, buf, "tty\n");
	snprintf(attr, sizeof(attr), "%s/nothing", tty);
	KEXPECT_EQ(t, vfs_stat(c, attr, &st), -ENOENT);
	snprintf(attr, sizeof(attr), "%s/state", tty);
	KEXPECT_EQ(t, vfs_stat(c, attr, &st), 0);
	KEXPECT_EQ(t, vfs_open(c, attr, O_WRONLY, 0), -EROFS);
	KEXPECT_EQ(t, vfs_mkdir(c, "/sys/devices/x", 0755), -EROFS);
	kfree(path);
}

static void release_dyn(struct device *dev)
{
	kfree(dev);
}

static void sysfs_follows_the_model(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	struct stat st;
	int fd;

	KASSERT_NOT_NULL(t, dev);
	device_initialize(dev);
	dev_set_name(dev, "sysfs-test-dev");
	dev->release = release_dyn;
	KEXPECT_EQ(t, vfs_stat(c, "/sys/devices/sysfs-test-dev", &st), -ENOENT);
	KASSERT_EQ(t, device_add(dev), 0);
	KEXPECT_EQ(t, vfs_stat(c, "/sys/devices/sysfs-test-dev", &st), 0);
	fd = vfs_open(c, "/sys/devices/sysfs-test-dev/state", O_RDONLY, 0);
	KEXPECT_GE(t, fd, 0);
	device_unregister(dev);		/* the open file keeps the device */
	KEXPECT_EQ(t, vfs_stat(c, "/sys/devices/sysfs-test-dev", &st), -ENOENT);
	if (fd >= 0) {
		char buf[32];

		KEXPECT_GT(t, vfs_read(c, fd, buf, sizeof(buf)), 0);
		vfs_close(c, fd);
	}
}

static int count_drv(struct device_driver *drv, void *data)
{
	(*(int *)data)++;
	return 0;
}

static int count_bus(struct bus_type *bus, void *data)
{
	(*(int *)data)++;
	return 0;
}

static struct device_driver *drv_of_interest;

static int count_bound(struct device *dev, void *data)
{
	*(int *)data += dev->driver == drv_of_interest;
	return 0;
}

static int first_bound(struct device *dev, void *data)
{
	if (!dev->driver)
		return 0;
	*(struct device **)data = dev;
	return 1;
}

/* @link's target is "@up times ../" + "devices" + the device's path. */
static void expect_link(struct ktest *t, const char *link, struct device *dev, int up)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	char *want = kmalloc(256, GFP_KERNEL), *got = kmalloc(256, GFP_KERNEL);
	struct stat st;
	int n = 0;

	KASSERT_TRUE(t, want && got);
	while (up--)
		n += snprintf(want + n, 256 - n, "../");
	n += snprintf(want + n, 256 - n, "devices");
	device_path(dev, want + n, 256 - n);
	KEXPECT_EQ(t, vfs_lstat(c, link, &st), 0);
	KEXPECT_TRUE(t, S_ISLNK(st.st_mode));
	n = vfs_readlink(c, link, got, 255);
	KEXPECT_GT(t, n, 0);
	got[n > 0 ? n : 0] = '\0';
	KEXPECT_STREQ(t, got, want);
	KEXPECT_EQ(t, vfs_stat(c, link, &st), 0);	/* and it leads to the device */
	KEXPECT_TRUE(t, S_ISDIR(st.st_mode));
	kfree(want);
	kfree(got);
}

static void sysfs_bus_platform(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct bus_type *platform = bus_find("platform");
	struct device *dev = NULL;
	char path[128], buf[64];
	struct stat st;
	int nbuses = 0, ndevs = 0, ndrvs = 0, bound = 0, fd, n;
	bool found = false;

	KASSERT_NOT_NULL(t, platform);
	buses_for_each(&nbuses, count_bus);
	KEXPECT_EQ(t, count_dir("/sys/bus", "platform", &found), nbuses);
	KEXPECT_TRUE(t, found);
	found = false;
	KEXPECT_EQ(t, count_dir("/sys/bus/platform", "drivers", &found), 2);
	KEXPECT_TRUE(t, found);
	bus_for_each_dev(platform, &ndevs, count_dev);
	bus_for_each_drv(platform, &ndrvs, count_drv);
	KEXPECT_GT(t, ndevs, 0);
	KEXPECT_EQ(t, count_dir("/sys/bus/platform/devices", NULL, NULL), ndevs);
	KEXPECT_EQ(t, count_dir("/sys/bus/platform/drivers", NULL, NULL), ndrvs);

	/* A bound device: under devices/ and under its driver, both links. */
	bus_for_each_dev(platform, &dev, first_bound);
	KASSERT_NOT_NULL(t, dev);
	snprintf(path, sizeof(path), "/sys/bus/platform/devices/%s", dev->name);
	expect_link(t, path, dev, 3);
	snprintf(path, sizeof(path), "/sys/bus/platform/devices/%s/driver", dev->name);
	fd = vfs_open(c, path, O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	n = vfs_read(c, fd, buf, sizeof(buf) - 1);
	vfs_close(c, fd);
	buf[n > 0 ? n : 0] = '\0';
	KEXPECT_EQ(t, strncmp(buf, dev->driver->name, strlen(dev->driver->name)), 0);
	snprintf(path, sizeof(path), "/sys/bus/platform/drivers/%s/%s", dev->driver->name,
		 dev->name);
	expect_link(t, path, dev, 4);
	snprintf(path, sizeof(path), "/sys/bus/platform/drivers/%s", dev->driver->name);
	drv_of_interest = dev->driver;
	bus_for_each_dev(platform, &bound, count_bound);
	KEXPECT_EQ(t, count_dir(path, NULL, NULL), bound);
	KEXPECT_EQ(t, vfs_mkdir(c, "/sys/bus/x", 0755), -EROFS);
	KEXPECT_EQ(t, vfs_stat(c, "/sys/bus/no-such-bus", &st), -ENOENT);
}

/* A private bus: its directories follow registration, binds and unbinds. */
static bool any_match(struct device *dev, struct device_driver *drv)
{
	return true;
}

static int null_probe(struct device *dev)
{
	return 0;
}

static struct bus_type sysfs_test_bus = { .name = "sysfs-test", .match = any_match };
static struct device_driver sysfs_test_drv = {
	.name = "sysfs-test-drv", .bus = &sysfs_test_bus, .probe = null_probe,
};

static void sysfs_bus_follows_the_model(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	const char *drvdir = "/sys/bus/sysfs-test/drivers/sysfs-test-drv";
	struct stat st;
	bool found = false;
	int fd;

	KASSERT_NOT_NULL(t, dev);
	KEXPECT_EQ(t, vfs_stat(c, "/sys/bus/sysfs-test", &st), -ENOENT);
	KASSERT_EQ(t, bus_register(&sysfs_test_bus), 0);
	KEXPECT_EQ(t, vfs_stat(c, "/sys/bus/sysfs-test", &st), 0);
	KEXPECT_EQ(t, count_dir("/sys/bus/sysfs-test/devices", NULL, NULL), 0);
	KEXPECT_EQ(t, count_dir("/sys/bus/sysfs-test/drivers", NULL, NULL), 0);
	KASSERT_EQ(t, driver_register(&sysfs_test_drv), 0);
	KEXPECT_EQ(t, count_dir("/sys/bus/sysfs-test/drivers", "sysfs-test-drv", &found), 1);
	KEXPECT_TRUE(t, found);
	KEXPECT_EQ(t, count_dir(drvdir, NULL, NULL), 0);
	fd = vfs_open(c, drvdir, O_RDONLY | O_DIRECTORY, 0);	/* held across unregister */
	KEXPECT_GE(t, fd, 0);

	device_initialize(dev);
	dev_set_name(dev, "sysfs-bus-dev");
	dev->bus = &sysfs_test_bus;
	dev->release = release_dyn;
	KASSERT_EQ(t, device_add(dev), 0);	/* binds at once: any_match */
	KEXPECT_TRUE(t, dev->driver == &sysfs_test_drv);
	expect_link(t, "/sys/bus/sysfs-test/devices/sysfs-bus-dev", dev, 3);
	expect_link(t, "/sys/bus/sysfs-test/drivers/sysfs-test-drv/sysfs-bus-dev", dev, 4);
	device_release_driver(dev);
	KEXPECT_EQ(t, count_dir(drvdir, NULL, NULL), 0);
	KEXPECT_EQ(t, count_dir("/sys/bus/sysfs-test/devices", NULL, NULL), 1);
	KEXPECT_EQ(t, device_bind_driver_to(dev, &sysfs_test_drv), 0);
	KEXPECT_EQ(t, count_dir(drvdir, NULL, NULL), 1);
	device_unregister(dev);
	KEXPECT_EQ(t, count_dir("/sys/bus/sysfs-test/devices", NULL, NULL), 0);
	KEXPECT_EQ(t, count_dir(drvdir, NULL, NULL), 0);

	driver_unregister(&sysfs_test_drv);
	KEXPECT_EQ(t, vfs_stat(c, drvdir, &st), -ENOENT);
	if (fd >= 0) {		/* the open directory of a gone driver reads empty */
		u64 buf64[32];
		int n, names = 0;

		while ((n = vfs_getdents(c, fd, buf64, sizeof(buf64))) > 0)
			for (int off = 0; off < n; names++)
				off += ((struct dirent64 *)((u8 *)buf64 + off))->d_reclen;
		KEXPECT_EQ(t, n, 0);
		KEXPECT_EQ(t, names, 2);	/* . and .. */
		vfs_close(c, fd);
	}
	bus_unregister(&sysfs_test_bus);
	KEXPECT_EQ(t, vfs_stat(c, "/sys/bus/sysfs-test", &st), -ENOENT);
}

static struct ktest_case sysfs_cases[] = {
	KTEST_CASE(sysfs_tree),
	KTEST_CASE(sysfs_follows_the_model),
	KTEST_CASE(sysfs_bus_platform),
	KTEST_CASE(sysfs_bus_follows_the_model),
	{}
};

static struct ktest_suite sysfs_suite = {
	.name = "sysfs",
	.cases = sysfs_cases,
};
KTEST_SUITE(sysfs_suite);
