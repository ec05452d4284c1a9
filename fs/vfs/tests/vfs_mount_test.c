// SPDX-License-Identifier: GPL-2.0
/*
 * Mounts and the walk across them: ".." at the root and across mount
 * points, chdir/getcwd, mount/umount errors (-EBUSY while files, working
 * directories or submounts use a mount; -EINVAL, -ENODEV), rmdir of a
 * mount point, and that unmounting frees every inode (no leak).
 */
#include "vfs_helpers.h"
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/slab.h>

static void mount_dotdot(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct stat a, b;

	KEXPECT_EQ(t, vfs_stat(c, "/", &a), 0);
	KEXPECT_EQ(t, vfs_stat(c, "/..", &b), 0);
	KEXPECT_EQ(t, a.st_spare4[0], b.st_spare4[0]);
	KEXPECT_EQ(t, a.st_dev, b.st_dev);
	KEXPECT_EQ(t, vfs_stat(c, "/../../tmp/../..", &b), 0);
	KEXPECT_EQ(t, a.st_spare4[0], b.st_spare4[0]);
	/* up across the mount point: VT/.. is /tmp on the root filesystem */
	KEXPECT_EQ(t, vfs_stat(c, "/tmp", &a), 0);
	KEXPECT_EQ(t, vfs_stat(c, VT "/..", &b), 0);
	KEXPECT_EQ(t, a.st_spare4[0], b.st_spare4[0]);
	KEXPECT_EQ(t, a.st_dev, b.st_dev);
	KEXPECT_EQ(t, vfs_stat(c, VT, &b), 0);
	KEXPECT_NE(t, a.st_dev, b.st_dev);		/* the mounted ramfs */
	KEXPECT_EQ(t, vfs_mkdir(c, VT "/d", 0755), 0);
	KEXPECT_EQ(t, vfs_stat(c, VT "/d/../../vt/d/..", &a), 0);
	KEXPECT_EQ(t, a.st_dev, b.st_dev);
	KEXPECT_EQ(t, a.st_spare4[0], b.st_spare4[0]);
}

static void mount_chdir_getcwd(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	char buf[64];
	struct stat st;

	KEXPECT_EQ(t, vfs_mkdir(c, VT "/d", 0755), 0);
	KEXPECT_EQ(t, vfs_chdir(c, VT "/d"), 0);
	KEXPECT_EQ(t, vfs_getcwd(c, buf, sizeof(buf)), 0);
	KEXPECT_STREQ(t, buf, VT "/d");
	KEXPECT_EQ(t, vt_write_file(c, "rel", "r"), 1);
	KEXPECT_EQ(t, vfs_stat(c, VT "/d/rel", &st), 0);
	KEXPECT_EQ(t, vfs_stat(c, "./rel", &st), 0);
	KEXPECT_EQ(t, vfs_chdir(c, "rel"), -ENOTDIR);
	KEXPECT_EQ(t, vfs_chdir(c, "nope"), -ENOENT);
	KEXPECT_EQ(t, vfs_umount(vfs_kernel_ctx(), VT), -EBUSY);	/* our cwd */
	KEXPECT_EQ(t, vfs_chdir(c, "../.."), 0);
	KEXPECT_EQ(t, vfs_getcwd(c, buf, sizeof(buf)), 0);
	KEXPECT_STREQ(t, buf, "/tmp");
	KEXPECT_EQ(t, vfs_getcwd(c, buf, 4), -ENAMETOOLONG);
	KEXPECT_EQ(t, vfs_chdir(c, "/"), 0);
	KEXPECT_EQ(t, vfs_getcwd(c, buf, sizeof(buf)), 0);
	KEXPECT_STREQ(t, buf, "/");
	/* a removed working directory: nothing can be created in it */
	KEXPECT_EQ(t, vfs_mkdir(c, VT "/gone", 0755), 0);
	KEXPECT_EQ(t, vfs_chdir(c, VT "/gone"), 0);
	KEXPECT_EQ(t, vfs_rmdir(c, VT "/gone"), 0);
	KEXPECT_EQ(t, vfs_mkdir(c, "new", 0755), -ENOENT);
	KEXPECT_EQ(t, vfs_open(c, "f", O_CREAT | O_RDWR, 0644), -ENOENT);
	KEXPECT_EQ(t, vfs_symlink(c, "x", "l"), -ENOENT);
	KEXPECT_EQ(t, vfs_stat(c, ".", &st), 0);
	KEXPECT_EQ(t, st.st_nlink, 0);
	KEXPECT_EQ(t, vfs_chdir(c, "/"), 0);
}

/* fchdir: the directory of an open descriptor, across a mount point. */
static void mount_fchdir(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct stat st;
	char buf[64];
	int dfd, ffd;

	KEXPECT_EQ(t, vfs_mkdir(c, VT "/fd", 0755), 0);
	dfd = vfs_open(c, VT "/fd", O_RDONLY | O_DIRECTORY, 0);
	KASSERT_GE(t, dfd, 0);
	ffd = vfs_open(c, VT "/fd/file", O_CREAT | O_RDWR, 0644);
	KASSERT_GE(t, ffd, 0);
	KEXPECT_EQ(t, vfs_fchdir(c, dfd), 0);
	KEXPECT_EQ(t, vfs_getcwd(c, buf, sizeof(buf)), 0);
	KEXPECT_STREQ(t, buf, VT "/fd");
	KEXPECT_EQ(t, vfs_close(c, dfd), 0);
	/* the working directory keeps its own reference */
	KEXPECT_EQ(t, vfs_stat(c, "file", &st), 0);
	KEXPECT_EQ(t, vfs_fchdir(c, ffd), -ENOTDIR);
	KEXPECT_EQ(t, vfs_fchdir(c, dfd), -EBADF);
	KEXPECT_EQ(t, vfs_fchdir(c, -1), -EBADF);
	KEXPECT_EQ(t, vfs_getcwd(c, buf, sizeof(buf)), 0);
	KEXPECT_STREQ(t, buf, VT "/fd");
	KEXPECT_EQ(t, vfs_close(c, ffd), 0);
	KEXPECT_EQ(t, vfs_umount(vfs_kernel_ctx(), VT), -EBUSY);	/* our cwd */
	KEXPECT_EQ(t, vfs_chdir(c, "/"), 0);
}

static void mount_busy_and_errors(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct stat st;
	int fd;

	KEXPECT_EQ(t, vfs_mount(c, "x", VT, "ramfs", 0, NULL), -EBUSY);
	KEXPECT_EQ(t, vfs_mount(c, "x", VT "/none", "ramfs", 0, NULL), -ENOENT);
	KEXPECT_EQ(t, vfs_mount(c, "x", VT, "nosuchfs", 0, NULL), -ENODEV);
	KASSERT_EQ(t, vt_write_file(c, VT "/f", "x"), 1);
	KEXPECT_EQ(t, vfs_mount(c, "x", VT "/f", "ramfs", 0, NULL), -ENOTDIR);
	{
		/* The root never unmounts: -EINVAL for the boot ramfs, -EBUSY
		 * for a real root mounted below it (the initrd root). */
		int r = vfs_umount(c, "/");

		KEXPECT_TRUE(t, r == -EINVAL || r == -EBUSY);
	}
	KASSERT_EQ(t, vfs_mkdir(c, VT "/plain", 0755), 0);
	KEXPECT_EQ(t, vfs_umount(c, VT "/plain"), -EINVAL);	/* not a mount point */
	KEXPECT_EQ(t, vfs_rmdir(c, VT "/plain"), 0);
	KEXPECT_EQ(t, vfs_umount(c, VT "/f"), -EINVAL);

	fd = vfs_open(c, VT "/f", O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_umount(c, VT), -EBUSY);		/* an open file */
	KEXPECT_EQ(t, vfs_close(c, fd), 0);

	/* a mount below: busy until it goes; its mount point cannot be removed */
	KEXPECT_EQ(t, vfs_mkdir(c, VT "/sub", 0755), 0);
	KEXPECT_EQ(t, vfs_mount(c, "inner", VT "/sub", "ramfs", MS_RDONLY, NULL), 0);
	KEXPECT_EQ(t, vfs_umount(c, VT), -EBUSY);
	KEXPECT_EQ(t, vfs_rmdir(c, VT "/sub"), -EBUSY);
	KEXPECT_EQ(t, vfs_rename(c, VT "/sub", VT "/sub2"), -EBUSY);
	KEXPECT_EQ(t, vfs_mkdir(c, VT "/sub/x", 0755), -EROFS);	/* read-only mount */
	KEXPECT_EQ(t, vfs_open(c, VT "/sub/y", O_CREAT | O_WRONLY, 0644), -EROFS);
	KEXPECT_EQ(t, vfs_umount(c, VT "/sub"), 0);
	KEXPECT_EQ(t, vfs_umount(c, VT "/sub"), -EINVAL);	/* not a mount now */
	KEXPECT_EQ(t, vfs_stat(c, VT "/sub", &st), 0);
	KEXPECT_EQ(t, vfs_rmdir(c, VT "/sub"), 0);
}

static void mount_frees_everything(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct heap_stats before, after;
	char name[32];
	int i;

	KASSERT_EQ(t, vfs_mkdir(c, "/tmp/leak", 0755), 0);
	heap_get_stats(&before);
	KASSERT_EQ(t, vfs_mount(c, "leak", "/tmp/leak", "ramfs", 0, NULL), 0);
	KEXPECT_EQ(t, vfs_mkdir(c, "/tmp/leak/a", 0755), 0);
	KEXPECT_EQ(t, vfs_mkdir(c, "/tmp/leak/a/b", 0755), 0);
	for (i = 0; i < 20; i++) {
		snprintf(name, sizeof(name), "/tmp/leak/a/b/f%d", i);
		KEXPECT_EQ(t, vt_write_file(c, name, "some data"), 9);
	}
	KEXPECT_EQ(t, vfs_symlink(c, "a/b/f1", "/tmp/leak/l"), 0);
	KEXPECT_EQ(t, vfs_link(c, "/tmp/leak/a/b/f2", "/tmp/leak/h"), 0);
	KEXPECT_EQ(t, vfs_unlink(c, "/tmp/leak/a/b/f3"), 0);
	KEXPECT_EQ(t, vfs_umount(c, "/tmp/leak"), 0);
	heap_get_stats(&after);
	KEXPECT_EQ(t, after.allocs, before.allocs);
	KEXPECT_EQ(t, vfs_rmdir(c, "/tmp/leak"), 0);
}

static struct ktest_case vfs_mount_cases[] = {
	KTEST_CASE(mount_dotdot),
	KTEST_CASE(mount_chdir_getcwd),
	KTEST_CASE(mount_fchdir),
	KTEST_CASE(mount_busy_and_errors),
	KTEST_CASE(mount_frees_everything),
	{}
};

static struct ktest_suite vfs_mount_suite = {
	.name = "vfs_mount",
	.cases = vfs_mount_cases,
	.init = vt_init,
	.exit = vt_exit,
};
KTEST_SUITE(vfs_mount_suite);
