// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's file commands, run through shell_exec() and checked through
 * the VFS: mkdir, echo > and >>, mv, ln and ln -s, touch, rm, rmdir,
 * mount/umount, and the error statuses of failing commands.
 */
#include <kernel/ktest.h>
#include <kernel/shell.h>
#include <fs/vfs.h>
#include <kernel/string.h>
#include <kernel/errno.h>

static int run(const char *cmd)
{
	char line[128];

	strlcpy(line, cmd, sizeof(line));
	return shell_exec(line);
}

static int slurp(const char *path, char *buf, size_t len)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	int fd = vfs_open(c, path, O_RDONLY, 0);
	int n;

	if (fd < 0)
		return fd;
	n = vfs_read(c, fd, buf, len - 1);
	buf[n > 0 ? n : 0] = '\0';
	vfs_close(c, fd);
	return n;
}

static void commands_files(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	char buf[64];
	struct stat st;

	KEXPECT_EQ(t, run("mkdir /tmp/sh /tmp/sh/d"), 0);
	KEXPECT_EQ(t, vfs_stat(c, "/tmp/sh/d", &st), 0);
	KEXPECT_EQ(t, run("echo hello shell > /tmp/sh/f"), 0);
	KEXPECT_EQ(t, run("echo again >> /tmp/sh/f"), 0);
	KEXPECT_EQ(t, slurp("/tmp/sh/f", buf, sizeof(buf)), 18);
	KEXPECT_STREQ(t, buf, "hello shell\nagain\n");
	KEXPECT_EQ(t, run("echo > /tmp/sh/f"), 0);
	KEXPECT_STREQ(t, (slurp("/tmp/sh/f", buf, sizeof(buf)), buf), "\n");
	KEXPECT_EQ(t, run("mv /tmp/sh/f /tmp/sh/d/g"), 0);
	KEXPECT_EQ(t, vfs_stat(c, "/tmp/sh/d/g", &st), 0);
	KEXPECT_EQ(t, run("ln /tmp/sh/d/g /tmp/sh/h"), 0);
	KEXPECT_EQ(t, st.st_nlink + 1, (vfs_stat(c, "/tmp/sh/h", &st), st.st_nlink));
	KEXPECT_EQ(t, run("ln -s d/g /tmp/sh/s"), 0);
	KEXPECT_EQ(t, vfs_readlink(c, "/tmp/sh/s", buf, sizeof(buf)), 3);
	KEXPECT_EQ(t, run("touch /tmp/sh/e"), 0);
	KEXPECT_EQ(t, vfs_stat(c, "/tmp/sh/e", &st), 0);
	KEXPECT_EQ(t, st.st_size, 0);
	KEXPECT_EQ(t, run("ls /tmp/sh"), 0);
	KEXPECT_EQ(t, run("stat /tmp/sh/s"), 0);
	/* failures report their error */
	KEXPECT_EQ(t, run("rmdir /tmp/sh/d"), -ENOTEMPTY);
	KEXPECT_EQ(t, run("rm /tmp/sh/none"), -ENOENT);
	KEXPECT_EQ(t, run("cat /tmp/sh/none"), -ENOENT);
	KEXPECT_EQ(t, run("mkdir"), -EINVAL);
	KEXPECT_EQ(t, run("rm /tmp/sh/e /tmp/sh/h /tmp/sh/s /tmp/sh/d/g"), 0);
	KEXPECT_EQ(t, run("rmdir /tmp/sh/d /tmp/sh"), 0);
	KEXPECT_EQ(t, vfs_stat(c, "/tmp/sh", &st), -ENOENT);
}

static void commands_mount(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct stat a, b;

	KEXPECT_EQ(t, run("mkdir /tmp/shm"), 0);
	KEXPECT_EQ(t, run("mount tmpfs scratch /tmp/shm"), 0);
	KEXPECT_EQ(t, vfs_stat(c, "/tmp", &a), 0);
	KEXPECT_EQ(t, vfs_stat(c, "/tmp/shm", &b), 0);
	KEXPECT_NE(t, a.st_dev, b.st_dev);
	KEXPECT_EQ(t, run("mount"), 0);
	KEXPECT_EQ(t, run("df"), 0);
	KEXPECT_EQ(t, run("mount nofs x /tmp/shm"), -ENODEV);
	KEXPECT_EQ(t, run("cd /tmp/shm"), 0);
	KEXPECT_EQ(t, run("umount /tmp/shm"), -EBUSY);		/* the shell's cwd */
	KEXPECT_EQ(t, run("cd /"), 0);
	KEXPECT_EQ(t, run("umount /tmp/shm"), 0);
	KEXPECT_EQ(t, run("rmdir /tmp/shm"), 0);
}

static struct ktest_case commands_cases[] = {
	KTEST_CASE(commands_files),
	KTEST_CASE(commands_mount),
	{}
};

static struct ktest_suite commands_suite = {
	.name = "vfs_commands",
	.cases = commands_cases,
};
KTEST_SUITE(commands_suite);
