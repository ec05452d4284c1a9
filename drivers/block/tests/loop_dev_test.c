// SPDX-License-Identifier: GPL-2.0
/*
 * Loop device nodes on the target: files on a ramfs bound to /dev/loopN
 * and read and written through the node; read-only binding; the files
 * that cannot back a device; LOOP_CTL_GET_FREE up to the limit; -EBUSY
 * while a LogFS is mounted on the device or a device is stacked on it;
 * -ENXIO when unbound; and the ioctls themselves (descriptor of the
 * caller, kernel pointers refused with -EFAULT).  A bound device is in
 * the block class with its partitions, which hold it like the node does,
 * and leaves the class (its partitions' nodes too) when detached.
 */
#include "nodes_helpers.h"
#include <block/blkdev.h>
#include <block/loop_dev.h>
#include <fs/devfs.h>
#include <fs/logfs.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define IMG BNT "/img"
#define IMG_SIZE (64 * 1024)

static void dev_path(char *buf, size_t len, int index)
{
	snprintf(buf, len, "/dev/loop%d", index);
}

/* A free device bound to a new @size-byte file @path opened with @flags. */
static int bind_new(struct ktest *t, const char *path, u64 size, int flags)
{
	struct file *f;
	int index = loop_dev_get_free(), ret;

	if (index < 0)
		return index;
	ret = bnt_make_file(bnt_ctx(t), path, size, 1);
	f = ret ? NULL : bnt_filp(t, path, flags);
	if (!f)
		return ret ? ret : -EIO;
	ret = loop_dev_set_file(index, f);
	if (ret) {
		fput(f);
		return ret;
	}
	return index;
}

static void loop_dev_bind_read_write(struct ktest *t)
{
	struct vfs_ctx *c = bnt_ctx(t);
	static u8 buf[3000];
	struct loop_info info;
	struct stat st;
	struct file *other;
	char dev[32];
	int index, fd;

	index = bind_new(t, IMG, IMG_SIZE, O_RDWR);
	KASSERT_GE(t, index, 0);
	dev_path(dev, sizeof(dev), index);
	KEXPECT_EQ(t, loop_dev_get_info(index, &info), 0);
	KEXPECT_EQ(t, info.index, index);
	KEXPECT_EQ(t, info.flags, 0);
	KEXPECT_EQ(t, info.size, IMG_SIZE);
	KEXPECT_STREQ(t, info.backing, IMG);
	KEXPECT_EQ(t, vfs_stat(c, dev, &st), 0);
	KEXPECT_TRUE(t, S_ISBLK(st.st_mode));
	KEXPECT_EQ(t, st.st_size, IMG_SIZE);
	fd = vfs_open(c, dev, O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	/* reads see the file, unaligned too */
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, sizeof(buf), 700), sizeof(buf));
	KEXPECT_TRUE(t, bnt_is_pattern(buf, sizeof(buf), 700, 1));
	/* writes land in the file */
	memset(buf, 0xa5, sizeof(buf));
	KEXPECT_EQ(t, vfs_pwrite(c, fd, buf, 100, 5000), 100);
	KEXPECT_EQ(t, vfs_fsync(c, fd), 0);
	/* a bound device cannot be bound again; the caller keeps its file */
	KASSERT_EQ(t, bnt_make_file(c, BNT "/other", 4096, 2), 0);
	other = bnt_filp(t, BNT "/other", O_RDWR);
	KASSERT_NOT_NULL(t, other);
	KEXPECT_EQ(t, loop_dev_set_file(index, other), -EBUSY);
	fput(other);
	KEXPECT_EQ(t, loop_dev_clear(index), 0);
	/* unbound: no medium */
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, 10, 0), -ENXIO);
	KEXPECT_EQ(t, vfs_pwrite(c, fd, buf, 10, 0), -ENXIO);
	KEXPECT_EQ(t, loop_dev_get_info(index, &info), -ENXIO);
	KEXPECT_EQ(t, loop_dev_clear(index), -ENXIO);
	KEXPECT_EQ(t, vfs_stat(c, dev, &st), 0);
	KEXPECT_EQ(t, st.st_size, 0);
	vfs_close(c, fd);
	fd = vfs_open(c, IMG, O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, 102, 4999), 102);
	vfs_close(c, fd);
	KEXPECT_TRUE(t, bnt_is_pattern(buf, 1, 4999, 1));
	KEXPECT_EQ(t, buf[1], 0xa5);
	KEXPECT_EQ(t, buf[100], 0xa5);
	KEXPECT_TRUE(t, bnt_is_pattern(buf + 101, 1, 5100, 1));
}

static void loop_dev_read_only(struct ktest *t)
{
	struct vfs_ctx *c = bnt_ctx(t);
	struct loop_info info;
	char dev[32], b[16];
	u32 crc;
	int index, fd;

	index = bind_new(t, IMG, IMG_SIZE, O_RDONLY);
	KASSERT_GE(t, index, 0);
	crc = bnt_file_crc(c, IMG);
	KEXPECT_EQ(t, loop_dev_get_info(index, &info), 0);
	KEXPECT_EQ(t, info.flags, LOOP_INFO_READ_ONLY);
	dev_path(dev, sizeof(dev), index);
	fd = vfs_open(c, dev, O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_pread(c, fd, b, sizeof(b), 512), sizeof(b));
	KEXPECT_TRUE(t, bnt_is_pattern((u8 *)b, sizeof(b), 512, 1));
	KEXPECT_EQ(t, vfs_pwrite(c, fd, "x", 1, 0), -EROFS);
	vfs_close(c, fd);
	KEXPECT_EQ(t, bnt_file_crc(c, IMG), crc);
	KEXPECT_EQ(t, loop_dev_clear(index), 0);
}

/* What cannot back a device; the caller keeps its reference every time. */
static void loop_dev_bad_backing(struct ktest *t)
{
	struct vfs_ctx *c = bnt_ctx(t);
	int index = loop_dev_get_free();
	struct file *f;

	KASSERT_GE(t, index, 0);
	KASSERT_EQ(t, vfs_mkdir(c, BNT "/dir", 0755), 0);
	f = bnt_filp(t, BNT "/dir", O_RDONLY);
	KASSERT_NOT_NULL(t, f);
	KEXPECT_EQ(t, loop_dev_set_file(index, f), -EINVAL);
	fput(f);
	f = bnt_filp(t, "/dev/null", O_RDWR);
	KASSERT_NOT_NULL(t, f);
	KEXPECT_EQ(t, loop_dev_set_file(index, f), -EINVAL);
	fput(f);
	KASSERT_EQ(t, bnt_make_file(c, IMG, 4096, 1), 0);
	f = bnt_filp(t, IMG, O_WRONLY);
	KASSERT_NOT_NULL(t, f);
	KEXPECT_EQ(t, loop_dev_set_file(index, f), -EBADF);
	fput(f);
	f = bnt_filp(t, IMG, O_RDWR | O_APPEND);
	KASSERT_NOT_NULL(t, f);
	KEXPECT_EQ(t, loop_dev_set_file(index, f), -EINVAL);
	fput(f);
	KASSERT_EQ(t, bnt_make_file(c, BNT "/tiny", 100, 1), 0);
	f = bnt_filp(t, BNT "/tiny", O_RDWR);
	KASSERT_NOT_NULL(t, f);
	KEXPECT_EQ(t, loop_dev_set_file(index, f), -ENXIO);
	KEXPECT_EQ(t, loop_dev_set_file(CONFIG_BLK_DEV_LOOP_MAX, f), -ENODEV);
	fput(f);
	/* the device is still free after all that */
	KEXPECT_EQ(t, loop_dev_get_free(), index);
	KEXPECT_EQ(t, loop_dev_clear(CONFIG_BLK_DEV_LOOP_MAX), -ENODEV);
}

/* Free devices come lowest first, new nodes as needed, up to the limit. */
static void loop_dev_get_free_limit(struct ktest *t)
{
	static int bound[CONFIG_BLK_DEV_LOOP_MAX];
	char path[48];
	struct stat st;
	int n = 0, index;

	for (;;) {
		snprintf(path, sizeof(path), BNT "/f%d", n);
		index = bind_new(t, path, 4096, O_RDWR);
		if (index < 0 || n == CONFIG_BLK_DEV_LOOP_MAX)
			break;
		if (n)
			KEXPECT_GT(t, index, bound[n - 1]);
		bound[n++] = index;
	}
	KEXPECT_EQ(t, index, -ENOSPC);
	KEXPECT_EQ(t, loop_dev_get_free(), -ENOSPC);
	KEXPECT_GT(t, n, 0);
	/* every node exists now */
	for (int i = 0; i < CONFIG_BLK_DEV_LOOP_MAX; i++) {
		dev_path(path, sizeof(path), i);
		KEXPECT_EQ(t, vfs_stat(vfs_kernel_ctx(), path, &st), 0);
	}
	for (int i = 0; i < n; i++)
		KEXPECT_EQ(t, loop_dev_clear(bound[i]), 0);
	if (n)
		KEXPECT_EQ(t, loop_dev_get_free(), bound[0]);
}

/* Mounted, or under another device: no detaching. */
static void loop_dev_busy(struct ktest *t)
{
	struct vfs_ctx *c = bnt_ctx(t);
	struct logfs_dev ldev;
	struct blkio *bio;
	struct file *h, *f;
	char dev[32], dev2[32];
	int index, upper, fd;
	u8 b[8];

	/* busy is shown with a LogFS mounted on the device */
	if (!IS_ENABLED(CONFIG_LOGFS)) {
		ktest_skip(t, "needs CONFIG_LOGFS");
		return;
	}
	index = bind_new(t, IMG, 2 << 20, O_RDWR);
	KASSERT_GE(t, index, 0);
	dev_path(dev, sizeof(dev), index);
	/* a LogFS on it, mounted */
	h = devfs_open_blkio(c, dev, &bio);
	KASSERT_FALSE(t, IS_ERR(h));
	KEXPECT_EQ(t, loop_dev_clear(index), -EBUSY);
	KASSERT_EQ(t, logfs_dev_blkio(&ldev, bio, 0), 0);
	KEXPECT_EQ(t, logfs_format(&ldev), 0);
	ldev.release(&ldev);
	fput(h);
	KASSERT_EQ(t, vfs_mkdir(c, BNT "/mnt", 0755), 0);
	KASSERT_EQ(t, vfs_mount(c, dev, BNT "/mnt", "logfs", 0, NULL), 0);
	KEXPECT_EQ(t, loop_dev_clear(index), -EBUSY);
	fd = vfs_open(c, BNT "/mnt/hello", O_CREAT | O_WRONLY, 0644);
	KEXPECT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_write(c, fd, "hello", 5), 5);
	vfs_close(c, fd);
	KEXPECT_EQ(t, vfs_umount(c, BNT "/mnt"), 0);
	/* a device stacked on it */
	upper = loop_dev_get_free();
	KASSERT_GE(t, upper, 0);
	f = bnt_filp(t, dev, O_RDWR);
	KASSERT_NOT_NULL(t, f);
	KASSERT_EQ(t, loop_dev_set_file(upper, f), 0);
	KEXPECT_EQ(t, loop_dev_clear(index), -EBUSY);
	dev_path(dev2, sizeof(dev2), upper);
	KEXPECT_EQ(t, vfs_mount(c, dev2, BNT "/mnt", "logfs", 0, NULL), 0);
	KEXPECT_EQ(t, vfs_stat(c, BNT "/mnt/hello", &(struct stat){ 0 }), 0);
	KEXPECT_EQ(t, vfs_umount(c, BNT "/mnt"), 0);
	KEXPECT_EQ(t, loop_dev_clear(upper), 0);
	KEXPECT_EQ(t, loop_dev_clear(index), 0);
	/* an unbound device: not mountable, not stackable, not even on itself */
	KEXPECT_EQ(t, PTR_ERR(devfs_open_blkio(c, dev, &bio)), -ENXIO);
	KEXPECT_EQ(t, vfs_mount(c, dev, BNT "/mnt", "logfs", 0, NULL), -ENXIO);
	f = bnt_filp(t, dev, O_RDWR);
	KASSERT_NOT_NULL(t, f);
	KEXPECT_EQ(t, loop_dev_set_file(index, f), -ENXIO);
	KEXPECT_EQ(t, kernel_read(f, b, sizeof(b), &(u64){ 0 }), -ENXIO);
	fput(f);
	KEXPECT_EQ(t, vfs_rmdir(c, BNT "/mnt"), 0);
}

/* The ioctls: the descriptor is the caller's; kernel pointers are refused. */
static void loop_dev_ioctls(struct ktest *t)
{
	struct vfs_ctx *k = vfs_kernel_ctx();
	struct loop_info info;
	struct file *node, *ctl;
	char dev[32];
	int index, fd;

	KASSERT_EQ(t, bnt_make_file(bnt_ctx(t), IMG, 8192, 3), 0);
	ctl = bnt_filp(t, "/dev/loop-control", O_RDWR);
	KASSERT_NOT_NULL(t, ctl);
	index = ctl->f_op->ioctl(ctl, LOOP_CTL_GET_FREE, 0);
	KEXPECT_EQ(t, index, loop_dev_get_free());
	KEXPECT_EQ(t, ctl->f_op->ioctl(ctl, LOOP_SET_FD, 0), -ENOTTY);
	fput(ctl);
	KASSERT_GE(t, index, 0);
	dev_path(dev, sizeof(dev), index);
	node = bnt_filp(t, dev, O_RDONLY);
	KASSERT_NOT_NULL(t, node);
	fd = vfs_open(k, IMG, O_RDONLY, 0);	/* this thread's context */
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, node->f_op->ioctl(node, LOOP_SET_FD, 99), -EBADF);
	KEXPECT_EQ(t, node->f_op->ioctl(node, LOOP_SET_FD, (u32)-1), -EBADF);
	KEXPECT_EQ(t, node->f_op->ioctl(node, LOOP_SET_FD, fd), 0);
	vfs_close(k, fd);			/* the device keeps its own reference */
	KEXPECT_EQ(t, loop_dev_get_info(index, &info), 0);
	KEXPECT_EQ(t, info.size, 8192);
	KEXPECT_EQ(t, info.flags, LOOP_INFO_READ_ONLY);
	KEXPECT_EQ(t, node->f_op->ioctl(node, LOOP_GET_INFO, (u32)(uintptr_t)&info),
		   -EFAULT);
	KEXPECT_EQ(t, node->f_op->ioctl(node, LOOP_GET_INFO, 0xfffff000), -EFAULT);
	KEXPECT_EQ(t, node->f_op->ioctl(node, 0x4c99, 0), -ENOTTY);
	KEXPECT_EQ(t, node->f_op->ioctl(node, LOOP_CLR_FD, 0), 0);
	KEXPECT_EQ(t, node->f_op->ioctl(node, LOOP_CLR_FD, 0), -ENXIO);
	fput(node);
}

/* An MBR in sector 0 of @path: partition 1 of @count sectors at @start. */
static int write_mbr(struct vfs_ctx *c, const char *path, u32 start, u32 count)
{
	static u8 mbr[512];
	u8 *e = mbr + 446;
	int fd = vfs_open(c, path, O_RDWR, 0), ret;

	if (fd < 0)
		return fd;
	memset(mbr, 0, sizeof(mbr));
	e[4] = 0x83;
	for (int i = 0; i < 4; i++) {
		e[8 + i] = (u8)(start >> (8 * i));
		e[12 + i] = (u8)(count >> (8 * i));
	}
	mbr[510] = 0x55;
	mbr[511] = 0xaa;
	ret = vfs_pwrite(c, fd, mbr, sizeof(mbr), 0) == sizeof(mbr) ? 0 : -EIO;
	vfs_close(c, fd);
	return ret;
}

/* Bound: loopN and loopNp1 in the block class; detached: gone, node stays. */
static void loop_dev_block_class(struct ktest *t)
{
	struct vfs_ctx *c = bnt_ctx(t);
	char name[16], part[16], dev[32], pdev[32];
	struct block_device *bdev, *p1;
	static u8 buf[512];
	struct file *pf;
	struct stat st;
	int index, ret;

	KASSERT_EQ(t, bnt_make_file(c, IMG, IMG_SIZE, 1), 0);
	KASSERT_EQ(t, write_mbr(c, IMG, 8, 32), 0);
	for (int round = 0; round < 2; round++) {	/* registers again after a detach */
		index = loop_dev_get_free();
		KASSERT_GE(t, index, 0);
		pf = bnt_filp(t, IMG, O_RDWR);
		KASSERT_NOT_NULL(t, pf);
		ret = loop_dev_set_file(index, pf);
		if (ret)
			fput(pf);
		KASSERT_EQ(t, ret, 0);
		snprintf(name, sizeof(name), "loop%d", index);
		snprintf(part, sizeof(part), "loop%dp1", index);
		dev_path(dev, sizeof(dev), index);
		snprintf(pdev, sizeof(pdev), "/dev/%s", part);
		bdev = blk_find(name);
		KASSERT_NOT_NULL(t, bdev);
		KEXPECT_EQ(t, bdev->nr_sectors, IMG_SIZE / 512);
		KEXPECT_EQ(t, bdev->sector_size, 512);
		KEXPECT_FALSE(t, bdev->read_only);
		p1 = blk_find(part);
		KASSERT_NOT_NULL(t, p1);
		KEXPECT_EQ(t, p1->start_sect, 8);
		KEXPECT_EQ(t, p1->nr_sectors, 32);
		/* the partition reads the file's sectors 8.. through the loop */
		KEXPECT_EQ(t, blk_rw(p1, REQ_OP_READ, 0, buf, 1), 0);
		KEXPECT_TRUE(t, bnt_is_pattern(buf, sizeof(buf), 8 * 512, 1));
		KEXPECT_EQ(t, vfs_stat(c, pdev, &st), 0);
		KEXPECT_TRUE(t, S_ISBLK(st.st_mode));
		KEXPECT_EQ(t, st.st_size, 32 * 512);
		/* a claim on the partition holds the whole device */
		pf = bnt_filp(t, pdev, O_RDWR);
		KASSERT_NOT_NULL(t, pf);
		KEXPECT_EQ(t, devfs_claim(pf, false), 0);
		KEXPECT_EQ(t, loop_dev_clear(index), -EBUSY);
		KEXPECT_NOT_NULL(t, blk_find(part));
		devfs_unclaim(pf);
		fput(pf);
		KEXPECT_EQ(t, loop_dev_clear(index), 0);
		KEXPECT_NULL(t, blk_find(name));
		KEXPECT_NULL(t, blk_find(part));
		KEXPECT_EQ(t, vfs_stat(c, pdev, &st), -ENOENT);
		KEXPECT_EQ(t, vfs_stat(c, dev, &st), 0);	/* /dev/loopN stays */
		KEXPECT_EQ(t, st.st_size, 0);
	}
}

static struct ktest_case loop_dev_cases[] = {
	KTEST_CASE(loop_dev_bind_read_write),
	KTEST_CASE(loop_dev_read_only),
	KTEST_CASE(loop_dev_bad_backing),
	KTEST_CASE(loop_dev_get_free_limit),
	KTEST_CASE(loop_dev_busy),
	KTEST_CASE(loop_dev_ioctls),
	KTEST_CASE(loop_dev_block_class),
	{}
};

static struct ktest_suite loop_dev_suite = {
	.name = "loop_dev",
	.cases = loop_dev_cases,
	.init = bnt_init,
	.exit = bnt_exit,
};
KTEST_SUITE(loop_dev_suite);
