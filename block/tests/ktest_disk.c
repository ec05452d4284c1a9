// SPDX-License-Identifier: GPL-2.0
/*
 * Cases shared by the disk drivers' suites on a scratch image
 * (include/block/ktest_disk.h).
 */
#include <block/ktest_disk.h>
#include <block/blkdev.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/cmdline.h>

bool ktest_disk_absent(struct ktest *t, const char *disk, const char *skip_reason)
{
	const char *want = cmdline_get("ktest_disk");

	if (!want || strcmp(want, disk)) {
		ktest_skip(t, skip_reason);
		return true;
	}
	return false;
}

void ktest_disk_fill(u8 *buf, size_t len, u8 seed)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = (u8)(i * 31 + seed);
}

void ktest_disk_host_pattern(struct ktest *t, const char *part)
{
	struct block_device *p1 = blk_find(part);
	u8 *buf = kmalloc(512, GFP_KERNEL);

	KASSERT_NOT_NULL(t, buf);
	KASSERT_NOT_NULL(t, p1);
	KEXPECT_UEQ(t, p1->start_sect, 2048);
	KEXPECT_EQ(t, blk_rw(p1, REQ_OP_READ, 0, buf, 1), 0);
	KEXPECT_MEMEQ(t, buf, KTEST_DISK_HOST_MAGIC, sizeof(KTEST_DISK_HOST_MAGIC));
	kfree(buf);
}

void ktest_disk_write_read_verify(struct ktest *t, const char *name)
{
	struct block_device *disk = blk_find(name);
	u8 *wbuf = kmalloc(8 * 512, GFP_KERNEL);
	u8 *rbuf = kmalloc(8 * 512, GFP_KERNEL);

	KASSERT_TRUE(t, disk && wbuf && rbuf);
	for (u8 seed = 1; seed < 4; seed++) {
		ktest_disk_fill(wbuf, 8 * 512, seed);
		memset(rbuf, 0, 8 * 512);
		KEXPECT_EQ(t, blk_rw(disk, REQ_OP_WRITE, 100 + seed, wbuf, 8), 0);
		KEXPECT_EQ(t, blk_rw(disk, REQ_OP_READ, 100 + seed, rbuf, 8), 0);
		KEXPECT_MEMEQ(t, rbuf, wbuf, 8 * 512);
	}
	ktest_disk_fill(wbuf, 512, 9);		/* single-block commands */
	KEXPECT_EQ(t, blk_rw(disk, REQ_OP_WRITE, 50, wbuf, 1), 0);
	KEXPECT_EQ(t, blk_rw(disk, REQ_OP_READ, 50, rbuf, 1), 0);
	KEXPECT_MEMEQ(t, rbuf, wbuf, 512);
	KEXPECT_EQ(t, blk_rw(disk, REQ_OP_READ, disk->nr_sectors, rbuf, 1), -EINVAL);
	kfree(wbuf);
	kfree(rbuf);
}

void ktest_disk_leave_pattern(struct ktest *t, const char *part)
{
	struct block_device *p1 = blk_find(part);
	u8 *buf = kzalloc(512, GFP_KERNEL);

	KASSERT_TRUE(t, p1 && buf);
	memcpy(buf, KTEST_DISK_KERNEL_MAGIC, sizeof(KTEST_DISK_KERNEL_MAGIC));
	KEXPECT_EQ(t, blk_rw(p1, REQ_OP_WRITE, 10, buf, 1), 0);
	KEXPECT_EQ(t, blk_get_blkio(p1)->flush(blk_get_blkio(p1)), 0);
	kfree(buf);
}
