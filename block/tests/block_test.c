// SPDX-License-Identifier: GPL-2.0
/*
 * Block-layer self-tests on a RAM disk whose requests complete
 * asynchronously (from its poll hook, as an interrupt would): range and
 * read-only checks, MBR partitions (primary, and logical ones in a chain
 * of EBRs) and GPT partitions as child devices with shifted requests, the
 * backup GPT taking over from a damaged primary, damaged tables ignored,
 * the buffer cache's write-back, and the struct blkio view.
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

/* What make_gpt() damages. */
#define GPT_BAD_PRIMARY_HDR	(1 << 0)	/* header CRC */
#define GPT_BAD_PRIMARY_ENTRIES	(1 << 1)	/* entry array vs its CRC */
#define GPT_BAD_BACKUP		(1 << 2)	/* the backup header's signature */
#define GPT_BACKUP_LBA		(RD_SECTORS - 1)
#define GPT_BACKUP_ENTRIES	(RD_SECTORS - 2)

/* A GPT header at @lba naming @alt and the 4-entry array @ent at @ent_lba. */
static void gpt_header(u8 *disk, u32 lba, u32 alt, u32 ent_lba)
{
	u8 *hdr = disk + 512 * lba;

	memset(hdr, 0, 512);
	memcpy(hdr, "EFI PART", 8);
	put_le32(hdr + 8, 0x10000);
	put_le32(hdr + 12, 92);
	put_le32(hdr + 24, lba);
	put_le32(hdr + 32, alt);
	put_le32(hdr + 72, ent_lba);
	put_le32(hdr + 80, 4);
	put_le32(hdr + 84, 128);
	put_le32(hdr + 88, crc32(0, disk + 512 * ent_lba, 4 * 128));
	put_le32(hdr + 16, crc32(0, hdr, 92));
}

/*
 * A protective MBR, the primary GPT (header at LBA 1, entries at 2) and
 * the backup (entries, then the header at the last LBA): entry 1 is
 * sectors 40..99, entry 4 100..199.
 */
static void make_gpt(u8 *disk, int damage)
{
	u8 *ent = disk + 1024;

	memset(disk, 0, 512 * 34);
	mbr_entry(disk, 0, 0xee, 1, RD_SECTORS - 1);
	memset(ent, 0x11, 16);		/* type GUID of entry 1 */
	put_le32(ent + 32, 40);
	put_le32(ent + 40, 99);
	memset(ent + 3 * 128, 0x22, 16);	/* entry 4 */
	put_le32(ent + 3 * 128 + 32, 100);
	put_le32(ent + 3 * 128 + 40, 199);
	memcpy(disk + 512 * GPT_BACKUP_ENTRIES, ent, 512);
	gpt_header(disk, 1, GPT_BACKUP_LBA, 2);
	gpt_header(disk, GPT_BACKUP_LBA, 1, GPT_BACKUP_ENTRIES);
	if (damage & GPT_BAD_PRIMARY_HDR)
		disk[512 + 60] ^= 1;	/* inside the CRC'd header */
	if (damage & GPT_BAD_PRIMARY_ENTRIES)
		ent[40] ^= 1;		/* entry array no longer matches its CRC */
	if (damage & GPT_BAD_BACKUP)
		disk[512 * GPT_BACKUP_LBA] = 'X';
}

/* Intact, or with a damaged primary header or array: the backup stands in. */
static const int gpt_damage[] = { 0, GPT_BAD_PRIMARY_HDR, GPT_BAD_PRIMARY_ENTRIES,
				  GPT_BAD_PRIMARY_HDR | GPT_BAD_PRIMARY_ENTRIES };

static void describe_gpt_damage(const void *param, char *buf, size_t len)
{
	static const char *const names[] = { "intact", "primary_header_damaged",
		"primary_entries_damaged", "primary_header_and_entries_damaged" };

	snprintf(buf, len, "%s", names[*(const int *)param & 3]);
}

static void block_gpt_partitions(struct ktest *t)
{
	const int *damage = t->param;
	struct block_device *p1, *p4;

	if (!IS_ENABLED(CONFIG_BLK_PART_GPT)) {
		ktest_skip(t, "CONFIG_BLK_PART_GPT is off");
		return;
	}
	make_gpt(rd.data, *damage);
	KASSERT_EQ(t, rd_start("rd0"), 0);
	p1 = blk_find("rd0p1");
	p4 = blk_find("rd0p4");
	KASSERT_TRUE(t, p1 && p4);
	KEXPECT_UEQ(t, p1->start_sect, 40);
	KEXPECT_UEQ(t, p1->nr_sectors, 60);
	KEXPECT_UEQ(t, p4->start_sect, 100);
	KEXPECT_UEQ(t, p4->nr_sectors, 100);
	KEXPECT_NULL(t, blk_find("rd0p2"));
}

static void block_gpt_bad_crc_ignored(struct ktest *t)
{
	if (!IS_ENABLED(CONFIG_BLK_PART_GPT)) {
		ktest_skip(t, "CONFIG_BLK_PART_GPT is off");
		return;
	}
	make_gpt(rd.data, GPT_BAD_PRIMARY_ENTRIES | GPT_BAD_BACKUP);
	KASSERT_EQ(t, rd_start("rd0"), 0);
	KEXPECT_NULL(t, blk_find("rd0p1"));
	KEXPECT_NOT_NULL(t, blk_find("rd0"));
}

/* An extended boot record at @lba: a logical @rel_start+@count, then a link. */
static void ebr(u8 *disk, u32 lba, u32 rel_start, u32 count, u32 next_rel, u32 next_count)
{
	u8 *e = disk + 512 * lba;

	memset(e, 0, 512);
	if (count)
		mbr_entry(e, 0, 0x83, rel_start, count);
	if (next_count)
		mbr_entry(e, 1, 0x05, next_rel, next_count);
	e[510] = 0x55;
	e[511] = 0xaa;
}

/*
 * Primary 1 at 8+40, extended 2 at 48+200 holding logical 5 (50+30) and
 * logical 6 (104+50) through a chain of two EBRs (48, 100).
 */
static void block_mbr_logical_partitions(struct ktest *t)
{
	struct block_device *p1, *p5, *p6;

	mbr_entry(rd.data, 0, 0x83, 8, 40);
	mbr_entry(rd.data, 1, 0x0f, 48, 200);
	ebr(rd.data, 48, 2, 30, 100 - 48, 60);
	ebr(rd.data, 100, 4, 50, 0, 0);
	KASSERT_EQ(t, rd_start("rd0"), 0);
	p1 = blk_find("rd0p1");
	p5 = blk_find("rd0p5");
	p6 = blk_find("rd0p6");
	KASSERT_TRUE(t, p1 && p5 && p6);
	KEXPECT_NULL(t, blk_find("rd0p2"));	/* the container is no partition */
	KEXPECT_NULL(t, blk_find("rd0p7"));
	KEXPECT_UEQ(t, p5->start_sect, 50);
	KEXPECT_UEQ(t, p5->nr_sectors, 30);
	KEXPECT_UEQ(t, p6->start_sect, 104);
	KEXPECT_UEQ(t, p6->nr_sectors, 50);
	KEXPECT_EQ(t, p6->partno, 6);
	/* A logical partition is a partition like the others. */
	rd.data[104 * 512 + 7] = 0x5a;
	{
		u8 buf[512];

		KEXPECT_EQ(t, blk_rw(p6, REQ_OP_READ, 0, buf, 1), 0);
		KEXPECT_EQ(t, buf[7], 0x5a);
	}
}

/*
 * A damaged chain keeps what came before the damage: logical 5 is fine,
 * logical 6 leaves the extended partition (skipped, its number used),
 * logical 7 is fine, then a link points back to the first EBR (a loop).
 */
static void block_mbr_logical_chain_damaged(struct ktest *t)
{
	mbr_entry(rd.data, 0, 0x05, 48, 150);		/* 48..197 */
	ebr(rd.data, 48, 2, 30, 100 - 48, 50);
	ebr(rd.data, 100, 2, 120, 150 - 48, 20);	/* 102..221: too far */
	ebr(rd.data, 150, 1, 10, 0, 20);		/* back to 48 */
	KASSERT_EQ(t, rd_start("rd0"), 0);
	KEXPECT_NOT_NULL(t, blk_find("rd0p5"));
	KEXPECT_NULL(t, blk_find("rd0p6"));
	KEXPECT_NOT_NULL(t, blk_find("rd0p7"));
	KEXPECT_NULL(t, blk_find("rd0p8"));
	KEXPECT_UEQ(t, blk_find("rd0p7") ? blk_find("rd0p7")->start_sect : 0, 151);
	blk_unregister(&rd.bdev);

	/* An EBR without its signature ends the chain there. */
	memset(rd.data, 0, RD_SECTORS * 512);
	mbr_entry(rd.data, 0, 0x05, 48, 150);
	ebr(rd.data, 48, 2, 30, 100 - 48, 50);
	KASSERT_EQ(t, rd_start("rd0"), 0);
	KEXPECT_NOT_NULL(t, blk_find("rd0p5"));
	KEXPECT_NULL(t, blk_find("rd0p6"));
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
	KTEST_CASE(block_mbr_logical_partitions),
	KTEST_CASE(block_mbr_logical_chain_damaged),
	KTEST_CASE_PARAMS(block_gpt_partitions, gpt_damage, describe_gpt_damage),
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
