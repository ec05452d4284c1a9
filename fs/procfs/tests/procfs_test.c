// SPDX-License-Identifier: GPL-2.0
/*
 * procfs tests through the VFS: the files exist, parse, and say what the
 * kernel knows (MemFree within MemTotal, the mounts of the table, the
 * running thread, an uptime that grows); the filesystem is read-only.
 */
#include <kernel/ktest.h>
#include <fs/vfs.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/sched.h>

static int read_all(const char *path, char *buf, size_t len)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	int fd = vfs_open(c, path, O_RDONLY, 0);
	int total = 0, n;

	if (fd < 0)
		return fd;
	/* small reads: the snapshot must stay consistent across them */
	while (total < (int)len - 1 && (n = vfs_read(c, fd, buf + total, 7)) > 0)
		total += n;
	buf[total] = '\0';
	vfs_close(c, fd);
	return total;
}

static long field(const char *text, const char *name)
{
	const char *p = strstr(text, name);

	if (!p)
		return -1;
	p += strlen(name);
	while (*p == ' ' || *p == ':')
		p++;
	return strtol(p, NULL, 10);
}

static void procfs_meminfo(struct ktest *t)
{
	char *buf = kmalloc(1024, GFP_KERNEL);
	long total, free_kb;

	KASSERT_NOT_NULL(t, buf);
	KEXPECT_GT(t, read_all("/proc/meminfo", buf, 1024), 0);
	total = field(buf, "MemTotal");
	free_kb = field(buf, "MemFree");
	KEXPECT_GT(t, total, 1024);
	KEXPECT_GT(t, free_kb, 0);
	KEXPECT_LE(t, free_kb, total);
	KEXPECT_GE(t, field(buf, "HeapObjects"), 1);
	kfree(buf);
}

static void procfs_mounts(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	char *buf = kmalloc(2048, GFP_KERNEL);

	KASSERT_NOT_NULL(t, buf);
	KEXPECT_GT(t, read_all("/proc/mounts", buf, 2048), 0);
	/* The root: the boot ramfs, or the real root mounted over it. */
	KEXPECT_TRUE(t, strstr(buf, "rootfs / ramfs rw 0 0\n") || strstr(buf, " / ext2 ro 0 0\n"));
	KEXPECT_NOT_NULL(t, strstr(buf, "proc /proc proc ro 0 0\n"));
	KEXPECT_NULL(t, strstr(buf, "/tmp/pt"));
	KASSERT_EQ(t, vfs_mkdir(c, "/tmp/pt", 0755), 0);
	KEXPECT_EQ(t, vfs_mount(c, "scratch", "/tmp/pt", "tmpfs", MS_RDONLY, NULL), 0);
	KEXPECT_GT(t, read_all("/proc/mounts", buf, 2048), 0);
	KEXPECT_NOT_NULL(t, strstr(buf, "scratch /tmp/pt tmpfs ro 0 0\n"));
	KEXPECT_EQ(t, vfs_umount(c, "/tmp/pt"), 0);
	KEXPECT_EQ(t, vfs_rmdir(c, "/tmp/pt"), 0);
	kfree(buf);
}

static void procfs_uptime_threads(struct ktest *t)
{
	char *buf = kmalloc(4096, GFP_KERNEL);
	long a, b;

	KASSERT_NOT_NULL(t, buf);
	KEXPECT_GT(t, read_all("/proc/uptime", buf, 64), 0);
	a = strtol(buf, NULL, 10) * 100 + strtol(strchr(buf, '.') + 1, NULL, 10);
	msleep(30);
	KEXPECT_GT(t, read_all("/proc/uptime", buf, 64), 0);
	b = strtol(buf, NULL, 10) * 100 + strtol(strchr(buf, '.') + 1, NULL, 10);
	KEXPECT_GE(t, b - a, 2);
	KEXPECT_GT(t, read_all("/proc/threads", buf, 4096), 0);
	KEXPECT_NOT_NULL(t, strstr(buf, current->name));
	KEXPECT_NOT_NULL(t, strstr(buf, "idle/0"));
	KEXPECT_GT(t, read_all("/proc/version", buf, 256), 0);
	KEXPECT_NOT_NULL(t, strstr(buf, "Kernel version"));
	kfree(buf);
}

static void procfs_read_only(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct stat st;
	char buf[4];

	KEXPECT_EQ(t, vfs_open(c, "/proc/meminfo", O_WRONLY, 0), -EROFS);
	KEXPECT_EQ(t, vfs_mkdir(c, "/proc/x", 0755), -EROFS);
	KEXPECT_EQ(t, vfs_unlink(c, "/proc/uptime"), -EROFS);
	KEXPECT_EQ(t, vfs_stat(c, "/proc/nothing", &st), -ENOENT);
	KEXPECT_EQ(t, vfs_stat(c, "/proc/meminfo", &st), 0);
	KEXPECT_TRUE(t, S_ISREG(st.st_mode));
	KEXPECT_GT(t, read_all("/proc/slabinfo", buf, sizeof(buf)), 0);
}

static struct ktest_case procfs_cases[] = {
	KTEST_CASE(procfs_meminfo),
	KTEST_CASE(procfs_mounts),
	KTEST_CASE(procfs_uptime_threads),
	KTEST_CASE(procfs_read_only),
	{}
};

static struct ktest_suite procfs_suite = {
	.name = "procfs",
	.cases = procfs_cases,
};
KTEST_SUITE(procfs_suite);
