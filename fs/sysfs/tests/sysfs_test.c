// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs tests through the VFS: the top directories, every device of the
 * model reachable under /sys/devices with readable attributes, class
 * links that resolve to device directories, a device registered and
 * removed at run time appearing and disappearing, and read-only-ness.
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

static int roots(struct device *dev, void *data)
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
	KEXPECT_EQ(t, count_dir("/sys", "devices", &found), 2);
	KEXPECT_TRUE(t, found);
	device_for_each_root(&nroots, roots);
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

static struct ktest_case sysfs_cases[] = {
	KTEST_CASE(sysfs_tree),
	KTEST_CASE(sysfs_follows_the_model),
	{}
};

static struct ktest_suite sysfs_suite = {
	.name = "sysfs",
	.cases = sysfs_cases,
};
KTEST_SUITE(sysfs_suite);
