// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/ and /proc/self through the VFS: a process of the embedded
 * user test program (kernel/proc/tests/utest_blob.S, "exit42") is left a
 * zombie until the test reaps it, so its directory can be listed and its
 * stat and status read; once reaped, its cached directory must vanish.
 * Also /proc/self from a kernel thread (no process: ENOENT), names that
 * are not pids, and /proc/cmdline.
 */
#include <kernel/ktest.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <fs/vfs.h>

extern const char utest_elf[], utest_elf_end[];

static int read_text(const char *path, char *buf, size_t len)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	int fd = vfs_open(c, path, O_RDONLY, 0);
	int total = 0, n;

	if (fd < 0)
		return fd;
	while (total < (int)len - 1 && (n = vfs_read(c, fd, buf + total, len - 1 - total)) > 0)
		total += n;
	buf[total] = '\0';
	vfs_close(c, fd);
	return total;
}

static bool proc_lists(const char *name)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	u8 *buf = kmalloc(512, GFP_KERNEL);
	bool found = false;
	int fd, n;

	if (!buf)
		return false;
	fd = vfs_open(c, "/proc", O_RDONLY | O_DIRECTORY, 0);
	while (fd >= 0 && !found && (n = vfs_getdents(c, fd, buf, 512)) > 0) {
		for (int off = 0; off < n;) {
			struct dirent64 *de = (struct dirent64 *)(buf + off);

			found |= !strcmp(de->d_name, name);
			off += de->d_reclen;
		}
	}
	if (fd >= 0)
		vfs_close(c, fd);
	kfree(buf);
	return found;
}

static void procfs_pid_zombie(struct ktest *t)
{
	const char *argv[] = { "utest", "exit42", NULL };
	char path[48], name[12], *buf = kmalloc(512, GFP_KERNEL);
	struct stat st;
	int pid, status = 0, tries;

	KASSERT_NOT_NULL(t, buf);
	pid = process_spawn_image("utest", utest_elf, (u32)(utest_elf_end - utest_elf), argv);
	KASSERT_GT(t, pid, 0);
	snprintf(name, sizeof(name), "%d", pid);
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	/* it exits at once; unreaped, it stays a zombie */
	for (tries = 0; tries < 100; tries++) {
		if (read_text(path, buf, 512) > 0 && strstr(buf, ") Z "))
			break;
		msleep(5);
	}
	ktest_log(t, "stat: %s", buf);
	snprintf(path, sizeof(path), "%d (utest) Z 0 ", pid);
	KEXPECT_TRUE(t, !strncmp(buf, path, strlen(path)));
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	KEXPECT_GT(t, read_text(path, buf, 512), 0);
	KEXPECT_TRUE(t, strstr(buf, "Name:\tutest\n") != NULL);
	KEXPECT_TRUE(t, strstr(buf, "State:\tZ (zombie)\n") != NULL);
	snprintf(path, sizeof(path), "Pid:\t%d\nPPid:\t0\n", pid);
	KEXPECT_TRUE(t, strstr(buf, path) != NULL);
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	KEXPECT_EQ(t, read_text(path, buf, 512), 0);	/* arguments are not kept */
	snprintf(path, sizeof(path), "/proc/%d", pid);
	KEXPECT_EQ(t, vfs_stat(vfs_kernel_ctx(), path, &st), 0);
	KEXPECT_TRUE(t, S_ISDIR(st.st_mode));
	KEXPECT_TRUE(t, proc_lists(name));
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	KEXPECT_EQ(t, vfs_open(vfs_kernel_ctx(), path, O_WRONLY, 0), -EROFS);
	snprintf(path, sizeof(path), "/proc/%d", pid);

	KEXPECT_EQ(t, process_wait(pid, &status), pid);
	KEXPECT_EQ(t, status, 42 << 8);
	/* reaped: the cached directory and file are gone */
	KEXPECT_EQ(t, vfs_stat(vfs_kernel_ctx(), path, &st), -ENOENT);
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	KEXPECT_EQ(t, read_text(path, buf, 512), -ENOENT);
	KEXPECT_FALSE(t, proc_lists(name));
	kfree(buf);
}

static void procfs_pid_names(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	char buf[16];
	struct stat st;

	KEXPECT_EQ(t, vfs_stat(c, "/proc/0", &st), -ENOENT);
	KEXPECT_EQ(t, vfs_stat(c, "/proc/007", &st), -ENOENT);
	KEXPECT_EQ(t, vfs_stat(c, "/proc/12x", &st), -ENOENT);
	KEXPECT_EQ(t, vfs_stat(c, "/proc/99999999999", &st), -ENOENT);
	KEXPECT_EQ(t, vfs_lstat(c, "/proc/self", &st), 0);
	KEXPECT_TRUE(t, S_ISLNK(st.st_mode));
	KEXPECT_TRUE(t, proc_lists("self"));
	/* a kernel thread has no process */
	KEXPECT_EQ(t, vfs_readlink(c, "/proc/self", buf, sizeof(buf)), -ENOENT);
	KEXPECT_EQ(t, vfs_stat(c, "/proc/self/stat", &st), -ENOENT);
}

static void procfs_cmdline(struct ktest *t)
{
	char *buf = kmalloc(512, GFP_KERNEL);

	KASSERT_NOT_NULL(t, buf);
	KEXPECT_GT(t, read_text("/proc/cmdline", buf, 512), 0);
	/* the self-test run itself was asked for on the command line */
	KEXPECT_TRUE(t, strstr(buf, "selftest") != NULL);
	KEXPECT_EQ(t, buf[strlen(buf) - 1], '\n');
	kfree(buf);
}

static struct ktest_case procfs_pid_cases[] = {
	KTEST_CASE(procfs_pid_zombie),
	KTEST_CASE(procfs_pid_names),
	KTEST_CASE(procfs_cmdline),
	{}
};

static struct ktest_suite procfs_pid_suite = {
	.name = "procfs_pid",
	.cases = procfs_pid_cases,
};
KTEST_SUITE(procfs_pid_suite);
