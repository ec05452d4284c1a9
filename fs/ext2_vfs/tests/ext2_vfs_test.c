// SPDX-License-Identifier: GPL-2.0
/*
 * ext2 through the VFS: fs/ext2's tiny test image (cloop/LZ4 in memory)
 * registered as /dev/e2tiny and mounted on /tmp/e2 - contents match,
 * symlinks resolve (also ".." inside the image and out of it), getdents
 * lists the root, every write is -EROFS, umount is -EBUSY while a file is
 * open.  Then a damaged copy: errors, not crashes, and a clean unmount.
 */
#include <kernel/ktest.h>
#include <fs/vfs.h>
#include <fs/devfs.h>
#include <fs/file_blkio.h>
#include <block/cloop.h>
#include <block/memblk.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/slab.h>
#include "../../ext2/tests/tiny_image.h"

#define TINY_SIZE (64 * 1024)
#define MNT "/tmp/e2"

struct e2 {
	u8 *packed;
	struct memblk mb, plain_mb;
	struct cloop_dev *cl;
	u8 *plain;
};

static int e2_init(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct e2 *x = kzalloc(sizeof(*x), GFP_KERNEL);
	int ret;

	if (!x)
		return -ENOMEM;
	t->priv = x;
	x->packed = kmalloc(sizeof(ext2_tiny_cloop), GFP_KERNEL);
	if (!x->packed)
		return -ENOMEM;
	memcpy(x->packed, ext2_tiny_cloop, sizeof(ext2_tiny_cloop));
	ret = memblk_init(&x->mb, x->packed, sizeof(ext2_tiny_cloop), 512, true);
	if (!ret)
		ret = cloop_open(&x->mb.bio, NULL, &x->cl);
	if (!ret)
		ret = devfs_register_blkio("e2tiny", cloop_blkio(x->cl));
	if (!ret)
		ret = vfs_mkdir(c, MNT, 0755);
	return ret;
}

static void e2_exit(struct ktest *t)
{
	struct e2 *x = t->priv;

	if (!x)
		return;
	vfs_rmdir(vfs_kernel_ctx(), MNT);
	devfs_unregister("e2tiny");
	devfs_unregister("e2bad");
	cloop_close(x->cl);
	kfree(x->plain);
	kfree(x->packed);
	kfree(x);
}

static int read_file(const char *path, void *buf, size_t len)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	int fd = vfs_open(c, path, O_RDONLY, 0);
	int n;

	if (fd < 0)
		return fd;
	n = vfs_read(c, fd, buf, len);
	vfs_close(c, fd);
	return n;
}

static void ext2_vfs_contents(struct ktest *t)
{
	static const char passwd[] = "root:x:0:0:root:/root:/bin/sh\n";
	struct vfs_ctx *c = vfs_kernel_ctx();
	u8 *buf = kmalloc(20001, GFP_KERNEL);
	struct stat st;
	int bad = 0;

	KASSERT_NOT_NULL(t, buf);
	KASSERT_EQ(t, vfs_mount(c, "/dev/e2tiny", MNT, "ext2", MS_RDONLY, NULL), 0);
	KEXPECT_EQ(t, read_file(MNT "/etc/passwd", buf, 100), sizeof(passwd) - 1);
	KEXPECT_MEMEQ(t, buf, passwd, sizeof(passwd) - 1);
	KEXPECT_EQ(t, vfs_stat(c, MNT "/bin/prog", &st), 0);
	KEXPECT_EQ(t, st.st_size, 20000);
	KEXPECT_TRUE(t, S_ISREG(st.st_mode));
	KEXPECT_EQ(t, read_file(MNT "/bin/prog", buf, 20001), 20000);
	for (int i = 0; i < 20000; i++)
		bad += buf[i] != (u8)(i * 7 + (i >> 9));
	KEXPECT_EQ(t, bad, 0);
	KEXPECT_EQ(t, read_file(MNT "/empty", buf, 10), 0);
	/* symlinks: fast (in the inode) and slow (in a block) */
	KEXPECT_EQ(t, vfs_readlink(c, MNT "/bin/sub/pw", (char *)buf, 100), 13);
	KEXPECT_MEMEQ(t, buf, "../etc/passwd", 13);
	/* relative to /bin/sub, "../etc/passwd" is /bin/etc/passwd: none */
	KEXPECT_EQ(t, read_file(MNT "/bin/sub/pw", buf, 100), -ENOENT);
	/* a ramfs symlink into the mount */
	KEXPECT_EQ(t, vfs_symlink(c, "e2/bin/../etc/passwd", "/tmp/e2link"), 0);
	KEXPECT_EQ(t, read_file("/tmp/e2link", buf, 100), sizeof(passwd) - 1);
	KEXPECT_EQ(t, vfs_unlink(c, "/tmp/e2link"), 0);
	KEXPECT_EQ(t, vfs_readlink(c, MNT "/bin/slow", (char *)buf, 200), 82);
	KEXPECT_EQ(t, vfs_stat(c, MNT "/bin/slow", &st), -ENOENT);	/* dangling */
	/* directories; ".." inside and out of the mount */
	KEXPECT_EQ(t, vfs_stat(c, MNT "/bin/sub/../../etc/passwd", &st), 0);
	KEXPECT_EQ(t, vfs_stat(c, MNT "/../e2/etc", &st), 0);
	KEXPECT_TRUE(t, S_ISDIR(st.st_mode));
	KEXPECT_EQ(t, vfs_stat(c, MNT "/empty/x", &st), -ENOTDIR);
	KEXPECT_EQ(t, vfs_stat(c, MNT "/nothere", &st), -ENOENT);
	kfree(buf);
	KEXPECT_EQ(t, vfs_umount(c, MNT), 0);
}

static void ext2_vfs_readdir(struct ktest *t)
{
	static const char *const want[] = { ".", "..", "lost+found", "etc", "bin", "empty" };
	struct vfs_ctx *c = vfs_kernel_ctx();
	u64 buf64[16];
	int fd, n, found = 0, count = 0;

	KASSERT_EQ(t, vfs_mount(c, "/dev/e2tiny", MNT, "ext2", MS_RDONLY, NULL), 0);
	fd = vfs_open(c, MNT, O_RDONLY | O_DIRECTORY, 0);
	KASSERT_GE(t, fd, 0);
	/* a small buffer: several calls, each resuming at the right entry */
	while ((n = vfs_getdents(c, fd, buf64, sizeof(buf64))) > 0) {
		for (int off = 0; off < n;) {
			struct dirent64 *de = (struct dirent64 *)((u8 *)buf64 + off);

			count++;
			for (size_t i = 0; i < ARRAY_SIZE(want); i++)
				if (!strcmp(de->d_name, want[i]))
					found |= 1 << i;
			if (!strcmp(de->d_name, "etc"))
				KEXPECT_EQ(t, de->d_type, DT_DIR);
			if (!strcmp(de->d_name, "empty"))
				KEXPECT_EQ(t, de->d_type, DT_REG);
			off += de->d_reclen;
		}
	}
	KEXPECT_EQ(t, n, 0);
	KEXPECT_EQ(t, count, 6);
	KEXPECT_EQ(t, found, 0x3f);
	KEXPECT_EQ(t, vfs_umount(c, MNT), -EBUSY);	/* fd still open */
	vfs_close(c, fd);
	KEXPECT_EQ(t, vfs_umount(c, MNT), 0);
}

static void ext2_vfs_read_only(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct statfs sf;

	/* even mounted without MS_RDONLY, the filesystem is read-only */
	KASSERT_EQ(t, vfs_mount(c, "/dev/e2tiny", MNT, "ext2", 0, NULL), 0);
	KEXPECT_EQ(t, vfs_open(c, MNT "/new", O_CREAT | O_WRONLY, 0644), -EROFS);
	KEXPECT_EQ(t, vfs_open(c, MNT "/etc/passwd", O_WRONLY, 0), -EROFS);
	KEXPECT_EQ(t, vfs_open(c, MNT "/etc/passwd", O_RDONLY | O_TRUNC, 0), -EROFS);
	KEXPECT_EQ(t, vfs_mkdir(c, MNT "/d", 0755), -EROFS);
	KEXPECT_EQ(t, vfs_unlink(c, MNT "/empty"), -EROFS);
	KEXPECT_EQ(t, vfs_rmdir(c, MNT "/lost+found"), -EROFS);
	KEXPECT_EQ(t, vfs_rename(c, MNT "/empty", MNT "/e2"), -EROFS);
	KEXPECT_EQ(t, vfs_symlink(c, "x", MNT "/l"), -EROFS);
	KEXPECT_EQ(t, vfs_link(c, MNT "/empty", MNT "/h"), -EROFS);
	KEXPECT_EQ(t, vfs_truncate(c, MNT "/empty", 0), -EROFS);
	KEXPECT_EQ(t, vfs_statfs(c, MNT, &sf), 0);
	KEXPECT_EQ(t, sf.f_type, EXT2_SUPER_MAGIC);
	KEXPECT_TRUE(t, sf.f_flags & ST_RDONLY);
	KEXPECT_EQ(t, vfs_umount(c, MNT), 0);
	/* mount errors */
	KEXPECT_EQ(t, vfs_mount(c, "/dev/null", MNT, "ext2", 0, NULL), -ENOTBLK);
	KEXPECT_EQ(t, vfs_mount(c, "/dev/none", MNT, "ext2", 0, NULL), -ENOENT);
}

static size_t find(const u8 *img, size_t len, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i + n <= len; i++)
		if (!memcmp(img + i, s, n))
			return i;
	return 0;
}

static void ext2_vfs_damaged(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct e2 *x = t->priv;
	u64 buf64[16];
	struct stat st;
	size_t pos;
	int fd;

	x->plain = kmalloc(TINY_SIZE, GFP_KERNEL);
	KASSERT_NOT_NULL(t, x->plain);
	KASSERT_EQ(t, cloop_read(x->cl, 0, x->plain, TINY_SIZE), 0);
	KASSERT_EQ(t, memblk_init(&x->plain_mb, x->plain, TINY_SIZE, 512, true), 0);
	KASSERT_EQ(t, devfs_register_blkio("e2bad", &x->plain_mb.bio), 0);
	/* the root's "lost+found" entry: rec_len (at -4) not a multiple of 4 */
	pos = find(x->plain, TINY_SIZE, "lost+found");
	KASSERT_GT(t, pos, 8);
	x->plain[pos - 4] = 5;
	x->plain[pos - 3] = 0;
	ktest_printf("    # ext2 errors below are expected\n");
	KASSERT_EQ(t, vfs_mount(c, "/dev/e2bad", MNT, "ext2", MS_RDONLY, NULL), 0);
	KEXPECT_EQ(t, vfs_stat(c, MNT "/etc", &st), -EUCLEAN);
	fd = vfs_open(c, MNT, O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_GT(t, vfs_getdents(c, fd, buf64, sizeof(buf64)), 0);	/* . and .. */
	KEXPECT_EQ(t, vfs_getdents(c, fd, buf64, sizeof(buf64)), -EUCLEAN);
	vfs_close(c, fd);
	KEXPECT_EQ(t, vfs_umount(c, MNT), 0);
	/* not ext2 at all: zeroes */
	memset(x->plain, 0, TINY_SIZE);
	KEXPECT_EQ(t, vfs_mount(c, "/dev/e2bad", MNT, "ext2", MS_RDONLY, NULL), -EINVAL);
	KEXPECT_EQ(t, vfs_stat(c, MNT, &st), 0);		/* still a plain directory */
}

/* The image as a file in ramfs: file -> cloop -> devfs node -> ext2 mount. */
static void ext2_vfs_image_in_a_file(struct ktest *t)
{
	static const char passwd[] = "root:x:0:0:root:/root:/bin/sh\n";
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct cloop_dev *cl = NULL;
	struct file_blkio fb;
	char buf[64];
	int fd;

	fd = vfs_open(c, "/tmp/tiny.cloop", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_write(c, fd, ext2_tiny_cloop, sizeof(ext2_tiny_cloop)),
		   sizeof(ext2_tiny_cloop));
	vfs_close(c, fd);
	KASSERT_EQ(t, file_blkio_open(&fb, c, "/tmp/tiny.cloop", 512, true), 0);
	KEXPECT_EQ(t, cloop_open(&fb.bio, NULL, &cl), 0);
	if (cl) {
		KEXPECT_EQ(t, devfs_register_blkio("e2file", cloop_blkio(cl)), 0);
		KEXPECT_EQ(t, vfs_mount(c, "/dev/e2file", MNT, "ext2", MS_RDONLY, NULL), 0);
		KEXPECT_EQ(t, read_file(MNT "/etc/passwd", buf, sizeof(buf)), sizeof(passwd) - 1);
		KEXPECT_MEMEQ(t, buf, passwd, sizeof(passwd) - 1);
		/* the image's name can go; the open file keeps the data */
		KEXPECT_EQ(t, vfs_unlink(c, "/tmp/tiny.cloop"), 0);
		KEXPECT_EQ(t, read_file(MNT "/bin/prog", buf, 8), 8);
		KEXPECT_EQ(t, vfs_umount(c, MNT), 0);
		KEXPECT_EQ(t, devfs_unregister("e2file"), 0);
		cloop_close(cl);
	}
	file_blkio_close(&fb);
}

static struct ktest_case ext2_vfs_cases[] = {
	KTEST_CASE(ext2_vfs_contents),
	KTEST_CASE(ext2_vfs_readdir),
	KTEST_CASE(ext2_vfs_read_only),
	KTEST_CASE(ext2_vfs_damaged),
	KTEST_CASE(ext2_vfs_image_in_a_file),
	{}
};

static struct ktest_suite ext2_vfs_suite = {
	.name = "ext2_vfs",
	.cases = ext2_vfs_cases,
	.init = e2_init,
	.exit = e2_exit,
};
KTEST_SUITE(ext2_vfs_suite);
