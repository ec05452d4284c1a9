// SPDX-License-Identifier: GPL-2.0
/*
 * Block-layer self-tests on a RAM disk whose requests complete
 * asynchronously (from its poll hook, as an interrupt would): range and
 * read-only checks, MBR and GPT partitions as child devices with shifted
 * requests, damaged tables ignored, the buffer cache's write-back, and
 * the struct blkio view.
 */
#include <kernel/ktest.h>
#include <block/blkdev.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <lib/crc32.h>

#define RD_SECTORS	256

struct ramdisk {
	struct block_device bdev;
	u8 *data;
	struct request *pending;	/* completed by poll */
	int submits;
};

static struct ramdisk rd;
static struct device rd_parent;

static void rd_poll(struct block_device *bdev)
{
	struct ramdisk *r = bdev->priv;
	struct request *rq = r->pending;
	u32 ss = bdev->sector_size;

	if (!rq)
		return;
	r->pending = NULL;
	if (rq->op == REQ_OP_READ)
		memcpy(rq->buf, r->data + rq->sector * ss, rq->count * ss);
	else if (rq->op == REQ_OP_WRITE)
		memcpy(r->data + rq->sector * ss, rq->buf, rq->count * ss);
	blk_end_request(rq, 0);
}

static int rd_submit(struct block_device *bdev, struct request *rq)
{
	struct ramdisk *r = bdev->priv;

	if (r->pending)
		return -EBUSY;
	r->submits++;
	r->pending = rq;
	return 0;
}

static const struct block_device_ops rd_ops = { .submit = rd_submit, .poll = rd_poll };

static void rd_parent_release(struct device *dev)
{
}

static int rd_start(const char *name)
{
	memset(&rd.bdev, 0, sizeof(rd.bdev));
	rd.bdev.sector_size = 512;
	rd.bdev.nr_sectors = RD_SECTORS;
	rd.bdev.ops = &rd_ops;
	rd.bdev.priv = &rd;
	return blk_register(&rd.bdev, &rd_parent, name);
}

static int block_init(struct ktest *t)
{
	rd.data = kzalloc(RD_SECTORS * 512, GFP_KERNEL);
	if (!rd.data)
		return -ENOMEM;
	rd.pending = NULL;
	rd.submits = 0;
	memset(&rd_parent, 0, sizeof(rd_parent));
	dev_set_name(&rd_parent, "ktest-ramdisk");
	rd_parent.release = rd_parent_release;
	return device_register(&rd_parent);
}

static void block_exit(struct ktest *t)
{
	if (blk_find("rd0") || blk_find("ram"))
		blk_unregister(&rd.bdev);
	device_unregister(&rd_parent);
	kfree(rd.data);
}

static void put_le32(u8 *p, u32 v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static void mbr_entry(u8 *mbr, int i, u8 type, u32 start, u32 count)
{
	u8 *e = mbr + 446 + 16 * i;

	e[4] = type;
	put_le32(e + 8, start);
	put_le32(e + 12, count);
	mbr[510] = 0x55;
	mbr[511] = 0xaa;
}

static void block_rw_async_and_checks(struct ktest *t)
{
	u8 *buf = kmalloc(1024, GFP_KERNEL);

	KASSERT_NOT_NULL(t, buf);
	KASSERT_EQ(t, rd_start("ram"), 0);
	{
		struct block_device dup = { .sector_size = 512, .nr_sectors = 1,
					    .ops = &rd_ops };

		KEXPECT_EQ(t, blk_register(&dup, NULL, "ram"), -EEXIST);
	}
	for (int i = 0; i < 1024; i++)
		buf[i] = (u8)(i * 7);
	KEXPECT_EQ(t, blk_rw(&rd.bdev, REQ_OP_WRITE, 10, buf, 2), 0);
	KEXPECT_MEMEQ(t, rd.data + 10 * 512, buf, 1024);
	memset(buf, 0, 1024);
	KEXPECT_EQ(t, blk_rw(&rd.bdev, REQ_OP_READ, 10, buf, 2), 0);
	KEXPECT_MEMEQ(t, rd.data + 10 * 512, buf, 1024);
	KEXPECT_EQ(t, blk_rw(&rd.bdev, REQ_OP_READ, RD_SECTORS - 1, buf, 2), -EINVAL);
	KEXPECT_EQ(t, blk_rw(&rd.bdev, REQ_OP_READ, 0, buf, 0), -EINVAL);
	rd.bdev.read_only = true;
	KEXPECT_EQ(t, blk_rw(&rd.bdev, REQ_OP_WRITE, 0, buf, 1), -EROFS);
	rd.bdev.read_only = false;
	KEXPECT_EQ(t, rd.submits, 2 + 1);	/* + the partition scan */
	kfree(buf);
}

static void block_mbr_partitions(struct ktest *t)
{
	struct block_device *p1, *p2;
	u8 buf[512];

	mbr_entry(rd.data, 0, 0x83, 8, 100);
	mbr_entry(rd.data, 1, 0x0c, 108, 148);
	mbr_entry(rd.data, 2, 0x83, 200, 100);	/* past the end: skipped */
	KASSERT_EQ(t, rd_start("rd0"), 0);
	p1 = blk_find("rd0p1");
	p2 = blk_find("rd0p2");
	KASSERT_TRUE(t, p1 && p2);
	KEXPECT_NULL(t, blk_find("rd0p3"));
	KEXPECT_TRUE(t, p1->dev.parent == &rd.bdev.dev);
	KEXPECT_UEQ(t, p1->nr_sectors, 100);
	KEXPECT_UEQ(t, p2->start_sect, 108);
	/* Requests are shifted onto the whole disk and bounded by the partition. */
	memset(buf, 0xa5, sizeof(buf));
	KEXPECT_EQ(t, blk_rw(p2, REQ_OP_WRITE, 3, buf, 1), 0);
	KEXPECT_MEMEQ(t, rd.data + (108 + 3) * 512, buf, 512);
	KEXPECT_EQ(t, blk_rw(p1, REQ_OP_READ, 100, buf, 1), -EINVAL);
	KEXPECT_EQ(t, blk_get_blkio(p2)->nr_sectors, 148);
	blk_unregister(&rd.bdev);
	KEXPECT_NULL(t, blk_find("rd0p1"));
	KEXPECT_NULL(t, blk_find("rd0"));
}

static void block_damaged_mbr_ignored(struct ktest *t)
{
	mbr_entry(rd.data, 0, 0x83, 0xfffffff0, 100);	/* wraps past the end */
	KASSERT_EQ(t, rd_start("rd0"), 0);
	KEXPECT_NULL(t, blk_find("rd0p1"));
	KEXPECT_NOT_NULL(t, blk_find("rd0"));
}

static void make_gpt(u8 *disk, bool corrupt)
{
	u8 *hdr = disk + 512, *ent = disk + 1024;

	memset(disk, 0, 512 * 34);
	mbr_entry(disk, 0, 0xee, 1, RD_SECTORS - 1);
	memcpy(hdr, "EFI PART", 8);
	put_le32(hdr + 8, 0x10000);
	put_le32(hdr + 12, 92);
	put_le32(hdr + 72, 2);		/* entries at LBA 2 */
	put_le32(hdr + 80, 4);
	put_le32(hdr + 84, 128);
	memset(ent, 0x11, 16);		/* type GUID of entry 1 */
	put_le32(ent + 32, 40);
	put_le32(ent + 40, 99);
	memset(ent + 3 * 128, 0x22, 16);	/* entry 4 */
	put_le32(ent + 3 * 128 + 32, 100);
	put_le32(ent + 3 * 128 + 40, 199);
	put_le32(hdr + 88, crc32(0, ent, 4 * 128));
	put_le32(hdr + 16, crc32(0, hdr, 92));
	if (corrupt)
		ent[40] ^= 1;		/* entry array no longer matches its CRC */
}

static void block_gpt_partitions(struct ktest *t)
{
	struct block_device *p1, *p4;

	if (!IS_ENABLED(CONFIG_BLK_PART_GPT)) {
		ktest_skip(t, "CONFIG_BLK_PART_GPT is off");
		return;
	}
	make_gpt(rd.data, false);
	KASSERT_EQ(t, rd_start("rd0"), 0);
	p1 = blk_find("rd0p1");
	p4 = blk_find("rd0p4");
	KASSERT_TRUE(t, p1 && p4);
	KEXPECT_UEQ(t, p1->start_sect, 40);
	KEXPECT_UEQ(t, p1->nr_sectors, 60);
	KEXPECT_UEQ(t, p4->nr_sectors, 100);
	KEXPECT_NULL(t, blk_find("rd0p2"));
}

static void block_gpt_bad_crc_ignored(struct ktest *t)
{
	if (!IS_ENABLED(CONFIG_BLK_PART_GPT)) {
		ktest_skip(t, "CONFIG_BLK_PART_GPT is off");
		return;
	}
	make_gpt(rd.data, true);
	KASSERT_EQ(t, rd_start("rd0"), 0);
	KEXPECT_NULL(t, blk_find("rd0p1"));
}

static void block_bcache_write_back(struct ktest *t)
{
	struct buffer_head *bh, *again;

	KASSERT_EQ(t, rd_start("rd0"), 0);
	rd.data[5 * 512] = 0x42;
	bh = bread(&rd.bdev, 5);
	KASSERT_FALSE(t, IS_ERR(bh));
	KEXPECT_EQ(t, ((u8 *)bh->data)[0], 0x42);
	again = bread(&rd.bdev, 5);		/* a hit: no new request */
	KEXPECT_TRUE(t, again == bh);
	((u8 *)bh->data)[1] = 0x43;
	mark_buffer_dirty(bh);
	brelse(again);
	brelse(bh);
	KEXPECT_EQ(t, rd.data[5 * 512 + 1], 0);	/* not yet written */
	KEXPECT_EQ(t, bcache_sync(&rd.bdev), 0);
	KEXPECT_EQ(t, rd.data[5 * 512 + 1], 0x43);
	KEXPECT_FALSE(t, bh->dirty);
	bh = bread(&rd.bdev, RD_SECTORS);	/* past the end */
	KEXPECT_TRUE(t, IS_ERR(bh) && PTR_ERR(bh) == -EINVAL);
	bcache_invalidate(&rd.bdev);
}

static void block_device_in_class(struct ktest *t)
{
	char buf[32];

	KASSERT_EQ(t, rd_start("rd0"), 0);
	KEXPECT_GT(t, device_attr_show(&rd.bdev.dev, "class", buf, sizeof(buf)), 0);
	KEXPECT_STREQ(t, buf, "block");
	KEXPECT_TRUE(t, rd.bdev.dev.parent == &rd_parent);
}

static struct ktest_case block_cases[] = {
	KTEST_CASE(block_rw_async_and_checks),
	KTEST_CASE(block_mbr_partitions),
	KTEST_CASE(block_damaged_mbr_ignored),
	KTEST_CASE(block_gpt_partitions),
	KTEST_CASE(block_gpt_bad_crc_ignored),
	KTEST_CASE(block_bcache_write_back),
	KTEST_CASE(block_device_in_class),
	{}
};

static struct ktest_suite block_suite = {
	.name = "block",
	.cases = block_cases,
	.init = block_init,
	.exit = block_exit,
};
KTEST_SUITE(block_suite);
