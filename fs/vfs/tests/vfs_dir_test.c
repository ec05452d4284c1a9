// SPDX-License-Identifier: GPL-2.0
/*
 * VFS + ramfs namespace semantics: directories and their error cases,
 * getdents, link counts, hard links, rename (with replacement and its
 * POSIX errors), symlinks (relative, absolute, dangling, loops -> -ELOOP,
 * the nesting limit), and name-length limits.
 */
#include "vfs_helpers.h"
#include "../internal.h"
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/slab.h>

static void dir_create_remove(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct stat st;
	char buf[8];

	KEXPECT_EQ(t, vfs_mkdir(c, VT "/d", 0700), 0);
	KEXPECT_EQ(t, vfs_mkdir(c, VT "/d", 0700), -EEXIST);
	KEXPECT_EQ(t, vfs_mkdir(c, VT "/d/", 0700), -EEXIST);
	KEXPECT_EQ(t, vfs_mkdir(c, VT "/x/y", 0700), -ENOENT);
	KASSERT_EQ(t, vt_write_file(c, VT "/f", "x"), 1);
	KEXPECT_EQ(t, vfs_mkdir(c, VT "/f/y", 0700), -ENOTDIR);
	KEXPECT_EQ(t, vfs_stat(c, VT "/f/", &st), -ENOTDIR);
	KEXPECT_EQ(t, vfs_open(c, VT "/f/", O_RDONLY, 0), -ENOTDIR);
	KEXPECT_EQ(t, vfs_stat(c, VT "/f/..", &st), -ENOTDIR);
	KEXPECT_EQ(t, vfs_stat(c, VT "/d/", &st), 0);
	KEXPECT_TRUE(t, S_ISDIR(st.st_mode));
	KEXPECT_EQ(t, st.st_mode & 0777, 0700);
	KEXPECT_EQ(t, st.st_nlink, 2);
	KEXPECT_EQ(t, vfs_mkdir(c, VT "/d/e", 0755), 0);
	KEXPECT_EQ(t, vt_nlink(c, VT "/d"), 3);
	KEXPECT_EQ(t, vt_nlink(c, VT), 3);
	KEXPECT_EQ(t, vfs_rmdir(c, VT "/d"), -ENOTEMPTY);
	KEXPECT_EQ(t, vfs_rmdir(c, VT "/f"), -ENOTDIR);
	KEXPECT_EQ(t, vfs_rmdir(c, VT "/d/."), -EINVAL);
	KEXPECT_EQ(t, vfs_rmdir(c, VT "/nope"), -ENOENT);
	KEXPECT_EQ(t, vfs_unlink(c, VT "/d"), -EISDIR);
	KEXPECT_EQ(t, vfs_open(c, VT "/d", O_RDWR, 0), -EISDIR);
	KEXPECT_EQ(t, vfs_open(c, VT "/d", O_CREAT | O_WRONLY, 0644), -EISDIR);
	KEXPECT_EQ(t, vfs_open(c, VT "/f", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	KEXPECT_EQ(t, vfs_open(c, VT "/newdir/", O_CREAT | O_RDWR, 0644), -EISDIR);
	{
		int fd = vfs_open(c, VT "/d", O_RDONLY, 0);

		KEXPECT_GE(t, fd, 0);
		KEXPECT_EQ(t, vfs_read(c, fd, buf, 1), -EISDIR);
		vfs_close(c, fd);
	}
	KEXPECT_EQ(t, vfs_rmdir(c, VT "/d/e"), 0);
	KEXPECT_EQ(t, vt_nlink(c, VT "/d"), 2);
	KEXPECT_EQ(t, vfs_rmdir(c, VT "/d/"), 0);
	KEXPECT_EQ(t, vfs_stat(c, VT "/d", &st), -ENOENT);
	KEXPECT_EQ(t, vt_nlink(c, VT), 2);
	KEXPECT_EQ(t, vfs_unlink(c, VT "/f"), 0);
	KEXPECT_EQ(t, vfs_unlink(c, VT "/f"), -ENOENT);
	KEXPECT_EQ(t, vfs_stat(c, "", &st), -ENOENT);
}

static void dir_getdents(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	char name[16];
	u64 small[4];
	int fd;

	KEXPECT_EQ(t, vt_count_entries(c, VT), 2);		/* . and .. */
	KEXPECT_TRUE(t, vt_dir_has(c, VT, "."));
	KEXPECT_TRUE(t, vt_dir_has(c, VT, ".."));
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), VT "/n%02d", i);
		KASSERT_EQ(t, vt_write_file(c, name, "x"), 1);
	}
	KEXPECT_EQ(t, vt_count_entries(c, VT), 42);	/* several getdents calls */
	KEXPECT_TRUE(t, vt_dir_has(c, VT, "n39"));
	KEXPECT_EQ(t, vfs_unlink(c, VT "/n17"), 0);
	KEXPECT_FALSE(t, vt_dir_has(c, VT, "n17"));
	KEXPECT_EQ(t, vt_count_entries(c, VT), 41);
	/* a buffer too small for one record */
	fd = vfs_open(c, VT, O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_getdents(c, fd, small, 8), -EINVAL);
	KEXPECT_EQ(t, vfs_getdents(c, fd, small, sizeof(small)), 24);	/* "." */
	KEXPECT_EQ(t, ((struct dirent64 *)small)->d_type, DT_DIR);
	vfs_close(c, fd);
	fd = vfs_open(c, VT "/n00", O_RDONLY, 0);
	KEXPECT_EQ(t, vfs_getdents(c, fd, small, sizeof(small)), -ENOTDIR);
	vfs_close(c, fd);
}

static void dir_hard_links(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct stat a, b;
	char buf[16];

	KASSERT_EQ(t, vt_write_file(c, VT "/a", "data"), 4);
	KEXPECT_EQ(t, vfs_link(c, VT "/a", VT "/b"), 0);
	KEXPECT_EQ(t, vt_nlink(c, VT "/a"), 2);
	KEXPECT_EQ(t, vfs_stat(c, VT "/a", &a), 0);
	KEXPECT_EQ(t, vfs_stat(c, VT "/b", &b), 0);
	KEXPECT_EQ(t, a.st_spare4[0], b.st_spare4[0]);	/* same inode */
	KEXPECT_EQ(t, vfs_link(c, VT "/a", VT "/b"), -EEXIST);
	KEXPECT_EQ(t, vfs_link(c, VT "/none", VT "/c"), -ENOENT);
	KEXPECT_EQ(t, vfs_mkdir(c, VT "/d", 0755), 0);
	KEXPECT_EQ(t, vfs_link(c, VT "/d", VT "/d2"), -EPERM);
	KEXPECT_EQ(t, vfs_link(c, VT "/a", "/tmp/cross"), -EXDEV);
	KEXPECT_EQ(t, vfs_unlink(c, VT "/a"), 0);
	KEXPECT_EQ(t, vt_nlink(c, VT "/b"), 1);
	KEXPECT_EQ(t, vt_read_file(c, VT "/b", buf, sizeof(buf)), 4);
	KEXPECT_STREQ(t, buf, "data");
}

static void dir_rename(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	char buf[16];

	KASSERT_EQ(t, vt_write_file(c, VT "/a", "A"), 1);
	KASSERT_EQ(t, vt_write_file(c, VT "/b", "B"), 1);
	KEXPECT_EQ(t, vfs_rename(c, VT "/a", VT "/b"), 0);	/* replace */
	KEXPECT_EQ(t, vt_read_file(c, VT "/b", buf, sizeof(buf)), 1);
	KEXPECT_STREQ(t, buf, "A");
	KEXPECT_EQ(t, vt_read_file(c, VT "/a", buf, sizeof(buf)), -ENOENT);
	KEXPECT_EQ(t, vfs_rename(c, VT "/a", VT "/c"), -ENOENT);
	KEXPECT_EQ(t, vfs_rename(c, VT "/b", VT "/b"), 0);	/* itself */
	KEXPECT_EQ(t, vfs_link(c, VT "/b", VT "/b2"), 0);
	KEXPECT_EQ(t, vfs_rename(c, VT "/b", VT "/b2"), 0);	/* same inode: no-op */
	KEXPECT_EQ(t, vt_nlink(c, VT "/b"), 2);
	KEXPECT_EQ(t, vfs_unlink(c, VT "/b2"), 0);

	/* directories */
	KEXPECT_EQ(t, vfs_mkdir(c, VT "/d1", 0755), 0);
	KEXPECT_EQ(t, vfs_mkdir(c, VT "/d1/sub", 0755), 0);
	KEXPECT_EQ(t, vfs_mkdir(c, VT "/d2", 0755), 0);
	KEXPECT_EQ(t, vfs_rename(c, VT "/d1", VT "/d1/sub/x"), -EINVAL);
	KEXPECT_EQ(t, vfs_rename(c, VT "/d1", VT "/d1/y"), -EINVAL);
	KEXPECT_EQ(t, vfs_rename(c, VT "/b", VT "/d2"), -EISDIR);
	KEXPECT_EQ(t, vfs_rename(c, VT "/d2", VT "/b"), -ENOTDIR);
	KEXPECT_EQ(t, vfs_rename(c, VT "/d2", VT "/d1"), -ENOTEMPTY);
	KEXPECT_EQ(t, vfs_rename(c, VT "/d1/sub", VT "/d1"), -ENOTEMPTY);
	KEXPECT_EQ(t, vfs_rename(c, VT "/d1/sub", VT "/d2"), 0);	/* over an empty dir */
	KEXPECT_EQ(t, vt_nlink(c, VT "/d1"), 2);
	KEXPECT_EQ(t, vt_nlink(c, VT), 4);		/* ., .., d1/.., d2/.. */
	KEXPECT_EQ(t, vfs_rename(c, VT "/b", VT "/d1/moved"), 0);
	KEXPECT_EQ(t, vt_read_file(c, VT "/d1/moved", buf, sizeof(buf)), 1);
	KEXPECT_EQ(t, vfs_rename(c, VT "/d1", VT "/d2/d1"), 0);
	KEXPECT_EQ(t, vt_nlink(c, VT "/d2"), 3);
	KEXPECT_EQ(t, vt_read_file(c, VT "/d2/d1/moved", buf, sizeof(buf)), 1);
	KEXPECT_STREQ(t, buf, "A");
	KEXPECT_TRUE(t, vt_dir_has(c, VT "/d2/d1/..", "d1"));	/* .. follows the move */
	KEXPECT_EQ(t, vfs_rename(c, VT "/d2/d1/moved", "/tmp/x"), -EXDEV);
	KEXPECT_EQ(t, vfs_rename(c, VT "/d2/.", VT "/z"), -EINVAL);
	/* a long name (not inline in the dentry) */
	KEXPECT_EQ(t, vfs_rename(c, VT "/d2/d1/moved",
				 VT "/d2/a-name-longer-than-the-inline-buffer"), 0);
	KEXPECT_EQ(t, vt_read_file(c, VT "/d2/a-name-longer-than-the-inline-buffer",
				   buf, sizeof(buf)), 1);
}

static void dir_symlinks(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	char buf[64], name[32], target[32];
	struct stat st;
	int i;

	KASSERT_EQ(t, vfs_mkdir(c, VT "/d", 0755), 0);
	KASSERT_EQ(t, vt_write_file(c, VT "/d/f", "via link"), 8);
	KEXPECT_EQ(t, vfs_symlink(c, "d/f", VT "/rel"), 0);
	KEXPECT_EQ(t, vfs_symlink(c, VT "/d", VT "/abs"), 0);
	KEXPECT_EQ(t, vfs_symlink(c, "x", VT "/rel"), -EEXIST);
	KEXPECT_EQ(t, vfs_symlink(c, "", VT "/empty"), -ENOENT);
	KEXPECT_EQ(t, vt_read_file(c, VT "/rel", buf, sizeof(buf)), 8);
	KEXPECT_STREQ(t, buf, "via link");
	KEXPECT_EQ(t, vt_read_file(c, VT "/abs/f", buf, sizeof(buf)), 8);
	KEXPECT_EQ(t, vfs_readlink(c, VT "/rel", buf, sizeof(buf)), 3);
	KEXPECT_MEMEQ(t, buf, "d/f", 3);
	KEXPECT_EQ(t, vfs_readlink(c, VT "/rel", buf, 2), 2);
	KEXPECT_EQ(t, vfs_readlink(c, VT "/d/f", buf, sizeof(buf)), -EINVAL);
	KEXPECT_EQ(t, vfs_lstat(c, VT "/rel", &st), 0);
	KEXPECT_TRUE(t, S_ISLNK(st.st_mode));
	KEXPECT_EQ(t, st.st_size, 3);
	KEXPECT_EQ(t, vfs_stat(c, VT "/rel", &st), 0);
	KEXPECT_TRUE(t, S_ISREG(st.st_mode));
	KEXPECT_EQ(t, vfs_stat(c, VT "/abs/", &st), 0);
	KEXPECT_TRUE(t, S_ISDIR(st.st_mode));
	KEXPECT_EQ(t, vfs_open(c, VT "/rel", O_RDONLY | O_NOFOLLOW, 0), -ELOOP);
	/* dangling, then created through the link */
	KEXPECT_EQ(t, vfs_symlink(c, "d/new", VT "/dangle"), 0);
	KEXPECT_EQ(t, vfs_stat(c, VT "/dangle", &st), -ENOENT);
	KEXPECT_EQ(t, vt_write_file(c, VT "/dangle", "made"), 4);
	KEXPECT_EQ(t, vt_read_file(c, VT "/d/new", buf, sizeof(buf)), 4);
	/* loops */
	KEXPECT_EQ(t, vfs_symlink(c, "loop2", VT "/loop1"), 0);
	KEXPECT_EQ(t, vfs_symlink(c, "loop1", VT "/loop2"), 0);
	KEXPECT_EQ(t, vfs_stat(c, VT "/loop1", &st), -ELOOP);
	KEXPECT_EQ(t, vfs_open(c, VT "/loop1", O_CREAT | O_RDWR, 0644), -ELOOP);
	KEXPECT_EQ(t, vfs_symlink(c, "self", VT "/self"), 0);
	KEXPECT_EQ(t, vfs_stat(c, VT "/self/x", &st), -ELOOP);
	KEXPECT_EQ(t, vfs_lstat(c, VT "/self", &st), 0);	/* not followed */
	KEXPECT_EQ(t, vfs_unlink(c, VT "/self"), 0);		/* removes the link */
	/* a chain: c0 -> d/f, c1 -> c0 ... exactly at the limit works */
	KEXPECT_EQ(t, vfs_symlink(c, "d/f", VT "/c0"), 0);
	for (i = 1; i <= VFS_MAX_SYMLINKS; i++) {
		snprintf(name, sizeof(name), VT "/c%d", i);
		snprintf(target, sizeof(target), "c%d", i - 1);
		KASSERT_EQ(t, vfs_symlink(c, target, name), 0);
	}
	snprintf(name, sizeof(name), VT "/c%d", VFS_MAX_SYMLINKS - 1);
	KEXPECT_EQ(t, vfs_stat(c, name, &st), 0);
	snprintf(name, sizeof(name), VT "/c%d", VFS_MAX_SYMLINKS);
	KEXPECT_EQ(t, vfs_stat(c, name, &st), -ELOOP);
}

static void dir_name_limits(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	char *long_path = kmalloc(PATH_MAX + 16, GFP_KERNEL);
	struct stat st;

	KASSERT_NOT_NULL(t, long_path);
	strcpy(long_path, VT "/");
	memset(long_path + strlen(long_path), 'n', NAME_MAX);
	long_path[strlen(VT) + 1 + NAME_MAX] = '\0';
	KEXPECT_EQ(t, vt_write_file(c, long_path, "ok"), 2);	/* 255 is allowed */
	KEXPECT_EQ(t, vfs_stat(c, long_path, &st), 0);
	KEXPECT_EQ(t, vfs_unlink(c, long_path), 0);
	long_path[strlen(VT) + 1 + NAME_MAX] = 'n';
	long_path[strlen(VT) + 2 + NAME_MAX] = '\0';
	KEXPECT_EQ(t, vfs_mkdir(c, long_path, 0755), -ENAMETOOLONG);
	KEXPECT_EQ(t, vfs_stat(c, long_path, &st), -ENAMETOOLONG);
	memset(long_path, 'a', PATH_MAX + 8);
	long_path[PATH_MAX + 8] = '\0';
	KEXPECT_EQ(t, vfs_mkdir(c, long_path, 0755), -ENAMETOOLONG);
	kfree(long_path);
}

/* More names than the dcache keeps unused: the LRU is pruned, names stay. */
static void dir_dcache_prune(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	int total, unused, bad = 0, i;
	char name[32];
	struct stat st;

	for (i = 0; i < VFS_DCACHE_UNUSED + 150; i++) {
		snprintf(name, sizeof(name), VT "/p%d", i);
		KASSERT_EQ(t, vt_write_file(c, name, "x"), 1);
	}
	dcache_stats(&total, &unused);
	KEXPECT_LE(t, unused, VFS_DCACHE_UNUSED);
	KEXPECT_GE(t, total, unused);
	ktest_log(t, "%d dentries, %d unused", total, unused);
	for (i = 0; i < VFS_DCACHE_UNUSED + 150; i++) {
		snprintf(name, sizeof(name), VT "/p%d", i);
		bad += vfs_stat(c, name, &st) != 0 || st.st_size != 1;
	}
	KEXPECT_EQ(t, bad, 0);
	KEXPECT_EQ(t, vt_count_entries(c, VT), 2 + VFS_DCACHE_UNUSED + 150);
}

static struct ktest_case vfs_dir_cases[] = {
	KTEST_CASE(dir_create_remove),
	KTEST_CASE(dir_getdents),
	KTEST_CASE(dir_hard_links),
	KTEST_CASE(dir_rename),
	KTEST_CASE(dir_symlinks),
	KTEST_CASE(dir_name_limits),
	KTEST_CASE(dir_dcache_prune),
	{}
};

static struct ktest_suite vfs_dir_suite = {
	.name = "vfs_dir",
	.cases = vfs_dir_cases,
	.init = vt_init,
	.exit = vt_exit,
};
KTEST_SUITE(vfs_dir_suite);
