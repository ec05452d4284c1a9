// SPDX-License-Identifier: GPL-2.0
/*
 * devfs tests through the VFS: the console, null and zero nodes; a block
 * node over an in-memory struct blkio (unaligned reads and writes,
 * read-only stores, the size), registration errors, unregistering while
 * a file is open (-ENODEV), and devfs_open_blkio() for mounting.
 */
#include <kernel/ktest.h>
#include <fs/vfs.h>
#include <fs/devfs.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/slab.h>

#define RAM_SECTORS 16

struct ramstore {
	struct blkio bio;
	u8 data[RAM_SECTORS * 512];
	int writes;
};

static int ram_read(struct blkio *bio, u64 sector, void *buf, u32 count)
{
	struct ramstore *r = bio->priv;

	if (blkio_check_range(bio, sector, count))
		return -EINVAL;
	memcpy(buf, r->data + sector * 512, count * 512);
	return 0;
}

static int ram_write(struct blkio *bio, u64 sector, const void *buf, u32 count)
{
	struct ramstore *r = bio->priv;

	if (blkio_check_range(bio, sector, count))
		return -EINVAL;
	memcpy(r->data + sector * 512, buf, count * 512);
	r->writes++;
	return 0;
}

static struct ramstore *ram_new(bool ro)
{
	struct ramstore *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return NULL;
	r->bio.sector_size = 512;
	r->bio.nr_sectors = RAM_SECTORS;
	r->bio.read_only = ro;
	r->bio.priv = r;
	r->bio.read = ram_read;
	r->bio.write = ram_write;
	for (int i = 0; i < RAM_SECTORS * 512; i++)
		r->data[i] = (u8)i;
	return r;
}

static void devfs_builtin_nodes(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	char buf[16];
	struct stat st;
	int fd;

	KEXPECT_EQ(t, vfs_stat(c, "/dev/console", &st), 0);
	KEXPECT_TRUE(t, S_ISCHR(st.st_mode));
	fd = vfs_open(c, "/dev/console", O_WRONLY, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_write(c, fd, "# devfs console write\n", 22), 22);
	KEXPECT_EQ(t, vfs_lseek(c, fd, 0, SEEK_SET), -ESPIPE);
	vfs_close(c, fd);
	fd = vfs_open(c, "/dev/null", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_write(c, fd, "gone", 4), 4);
	KEXPECT_EQ(t, vfs_read(c, fd, buf, sizeof(buf)), 0);
	vfs_close(c, fd);
	fd = vfs_open(c, "/dev/zero", O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	memset(buf, 0x5a, sizeof(buf));
	KEXPECT_EQ(t, vfs_read(c, fd, buf, sizeof(buf)), sizeof(buf));
	KEXPECT_MEMEQ(t, buf, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);
	vfs_close(c, fd);
	KEXPECT_EQ(t, vfs_mkdir(c, "/dev/sub", 0755), -EPERM);
	KEXPECT_EQ(t, vfs_open(c, "/dev/new", O_CREAT | O_RDWR, 0644), -EACCES);
	KEXPECT_EQ(t, vfs_unlink(c, "/dev/null"), -EPERM);
	KEXPECT_EQ(t, vfs_stat(c, "/dev/none", &st), -ENOENT);
}

static void devfs_block_node(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct ramstore *r = ram_new(false);
	static u8 buf[1100], want[1100];	/* one test thread */
	struct stat st;
	int fd;

	KASSERT_NOT_NULL(t, r);
	KASSERT_EQ(t, devfs_register_blkio("vtblk", &r->bio), 0);
	KEXPECT_EQ(t, devfs_register_blkio("vtblk", &r->bio), -EEXIST);
	KEXPECT_EQ(t, vfs_stat(c, "/dev/vtblk", &st), 0);
	KEXPECT_TRUE(t, S_ISBLK(st.st_mode));
	KEXPECT_EQ(t, st.st_size, RAM_SECTORS * 512);
	fd = vfs_open(c, "/dev/vtblk", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	/* unaligned read across three sectors */
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, 1100, 300), 1100);
	for (int i = 0; i < 1100; i++)
		want[i] = (u8)(300 + i);
	KEXPECT_MEMEQ(t, buf, want, 1100);
	/* unaligned write: the bytes around it survive (read-modify-write) */
	memset(buf, 0xee, 1100);
	KEXPECT_EQ(t, vfs_pwrite(c, fd, buf, 1100, 700), 1100);
	KEXPECT_EQ(t, r->data[699], (u8)699);
	KEXPECT_EQ(t, r->data[700], 0xee);
	KEXPECT_EQ(t, r->data[1799], 0xee);
	KEXPECT_EQ(t, r->data[1800], (u8)1800);
	/* the end of the device */
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, 100, RAM_SECTORS * 512 - 10), 10);
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, 100, RAM_SECTORS * 512), 0);
	KEXPECT_EQ(t, vfs_pwrite(c, fd, buf, 1, RAM_SECTORS * 512), -ENOSPC);
	/* unregistered while open */
	KEXPECT_EQ(t, devfs_unregister("vtblk"), 0);
	KEXPECT_EQ(t, devfs_unregister("vtblk"), -ENOENT);
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, 10, 0), -ENODEV);
	KEXPECT_EQ(t, vfs_stat(c, "/dev/vtblk", &st), -ENOENT);
	vfs_close(c, fd);
	kfree(r);
}

static void devfs_readonly_and_open_blkio(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct ramstore *r = ram_new(true);
	struct blkio *bio = NULL;
	struct file *f;
	int fd;

	KASSERT_NOT_NULL(t, r);
	KASSERT_EQ(t, devfs_register_blkio("vtro", &r->bio), 0);
	fd = vfs_open(c, "/dev/vtro", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_write(c, fd, "x", 1), -EROFS);
	KEXPECT_EQ(t, r->writes, 0);
	vfs_close(c, fd);
	f = devfs_open_blkio(c, "/dev/vtro", &bio);
	KEXPECT_FALSE(t, IS_ERR(f));
	if (!IS_ERR(f)) {
		KEXPECT_TRUE(t, bio == &r->bio);
		fput(f);
	}
	KEXPECT_EQ(t, PTR_ERR(devfs_open_blkio(c, "/dev/null", &bio)), -ENOTBLK);
	KEXPECT_EQ(t, PTR_ERR(devfs_open_blkio(c, "/dev/nothing", &bio)), -ENOENT);
	KEXPECT_EQ(t, PTR_ERR(devfs_open_blkio(c, "/tmp", &bio)), -ENOTBLK);
	KEXPECT_EQ(t, devfs_unregister("vtro"), 0);
	kfree(r);
	/* bad registrations */
	KEXPECT_EQ(t, devfs_register_blkio("a/b", &r->bio), -EINVAL);
	KEXPECT_EQ(t, devfs_register_blkio("..", &r->bio), -EINVAL);
	KEXPECT_EQ(t, devfs_register_blkio("", &r->bio), -EINVAL);
	KEXPECT_EQ(t, devfs_register_blkio("x", NULL), -EINVAL);
	KEXPECT_EQ(t, devfs_register_char("a-name-that-is-far-too-long-for-devfs", NULL, NULL),
		   -EINVAL);
}

static struct ktest_case devfs_cases[] = {
	KTEST_CASE(devfs_builtin_nodes),
	KTEST_CASE(devfs_block_node),
	KTEST_CASE(devfs_readonly_and_open_blkio),
	{}
};

static struct ktest_suite devfs_suite = {
	.name = "devfs",
	.cases = devfs_cases,
};
KTEST_SUITE(devfs_suite);
