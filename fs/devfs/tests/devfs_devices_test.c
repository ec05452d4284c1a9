// SPDX-License-Identifier: GPL-2.0
/*
 * /dev nodes of the device classes: every terminal port and every block
 * device (disks and partitions) registered in the device model has its
 * node of the right type and size; there are as many /dev/mtdN as MTD
 * devices and each reads what the flash holds; a raw terminal node takes
 * writes and its blocking read ends when the reader is asked to stop.
 */
#include <kernel/ktest.h>
#include <kernel/device.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/slab.h>
#include <block/blkdev.h>
#include <mtd/mtd_device.h>
#include <fs/vfs.h>

struct class_check {
	u32 type;		/* S_IFCHR or S_IFBLK */
	int devices, missing;
};

static int check_node(struct device *dev, void *data)
{
	struct class_check *cc = data;
	char path[48];
	struct stat st;

	cc->devices++;
	snprintf(path, sizeof(path), "/dev/%s", dev->name);
	if (vfs_stat(vfs_kernel_ctx(), path, &st) || (st.st_mode & S_IFMT) != cc->type)
		cc->missing++;
	return 0;
}

static void devices_tty_nodes(struct ktest *t)
{
	struct class_check cc = { .type = S_IFCHR };

	class_for_each_dev(&tty_class, &cc, check_node);
	ktest_log(t, "%d tty ports", cc.devices);
	KEXPECT_GE(t, cc.devices, 1);
	KEXPECT_EQ(t, cc.missing, 0);
}

static int check_blk_size(struct device *dev, void *data)
{
	struct block_device *bdev = container_of(dev, struct block_device, dev);
	int *bad = data;
	char path[48];
	struct stat st;

	snprintf(path, sizeof(path), "/dev/%s", dev->name);
	if (vfs_stat(vfs_kernel_ctx(), path, &st) ||
	    (u64)st.st_size != (bdev->nr_sectors * bdev->sector_size > 0x7fffffff ?
				0x7fffffff : bdev->nr_sectors * bdev->sector_size))
		(*bad)++;
	return 0;
}

static void devices_block_nodes(struct ktest *t)
{
	struct class_check cc = { .type = S_IFBLK };
	int bad = 0;

	class_for_each_dev(&block_class, &cc, check_node);
	class_for_each_dev(&block_class, &bad, check_blk_size);
	ktest_log(t, "%d block devices", cc.devices);
	if (!cc.devices)
		ktest_skip(t, "no block device on this machine");
	KEXPECT_EQ(t, cc.missing, 0);
	KEXPECT_EQ(t, bad, 0);
}

struct mtd_match {
	const u8 *want;
	bool found;
	int count;
};

static int match_mtd(struct device *dev, void *data)
{
	struct mtd_device *md = container_of(dev, struct mtd_device, dev);
	struct mtd_match *m = data;
	u8 buf[64];
	int ret = mtd_read(md->mtd, 0, sizeof(buf), buf);

	m->count++;
	if (m->want && (!ret || ret == -EUCLEAN) && !memcmp(buf, m->want, sizeof(buf)))
		m->found = true;
	return 0;
}

static void devices_mtd_nodes(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct mtd_match m = { 0 };
	char path[24];
	u8 buf[64];
	struct stat st;
	int nodes = 0, fd;

	while (nodes < 64) {
		snprintf(path, sizeof(path), "/dev/mtd%d", nodes);
		if (vfs_stat(c, path, &st))
			break;
		KEXPECT_TRUE(t, S_ISCHR(st.st_mode));
		nodes++;
	}
	class_for_each_dev(&mtd_class, &m, match_mtd);
	ktest_log(t, "%d MTD devices, %d nodes", m.count, nodes);
	if (!m.count)
		ktest_skip(t, "no MTD device on this machine");
	KEXPECT_EQ(t, nodes, m.count);
	fd = vfs_open(c, "/dev/mtd0", O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_read(c, fd, buf, sizeof(buf)), (ssize_t)sizeof(buf));
	vfs_close(c, fd);
	m.want = buf;
	m.count = 0;
	class_for_each_dev(&mtd_class, &m, match_mtd);
	KEXPECT_TRUE(t, m.found);
}

struct tty_reader {
	int fd;
	ssize_t result;
};

static int tty_reader_fn(void *arg)
{
	struct tty_reader *r = arg;
	char c;

	r->result = vfs_read(vfs_kernel_ctx(), r->fd, &c, 1);
	return 0;
}

static void devices_tty_raw_io(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct tty_reader r = { .result = 1000 };
	struct thread *th;
	int fd = vfs_open(c, "/dev/ttyAMA1", O_RDWR, 0);

	if (fd == -ENOENT) {
		ktest_skip(t, "no second UART");
		return;
	}
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_write(c, fd, "devfs tty test\r\n", 16), 16);
	r.fd = fd;
	th = kthread_run(tty_reader_fn, &r, PRIO_DEFAULT + 1, "tty-r");
	KASSERT_FALSE(t, IS_ERR(th));
	msleep(30);
	KEXPECT_EQ(t, READ_ONCE(r.result), 1000);	/* nothing arrives: asleep */
	kthread_stop(th);
	KEXPECT_EQ(t, r.result, -EINTR);
	vfs_close(c, fd);
}

static struct ktest_case devfs_devices_cases[] = {
	KTEST_CASE(devices_tty_nodes),
	KTEST_CASE(devices_block_nodes),
	KTEST_CASE(devices_mtd_nodes),
	KTEST_CASE(devices_tty_raw_io),
	{}
};

static struct ktest_suite devfs_devices_suite = {
	.name = "devfs_devices",
	.cases = devfs_devices_cases,
};
KTEST_SUITE(devfs_devices_suite);
