// SPDX-License-Identifier: GPL-2.0
/*
 * Partition tables: the MBR (four primary entries; a protective 0xEE
 * entry hands over to GPT) and the GPT (UEFI spec 2.x, chapter 5: header
 * at LBA 1, CRC32 over the header and the entry array).  Each partition
 * becomes a child block device (vda1, mmcblk0p1 ...).
 *
 * Layer: block.  Everything read from the disk is checked: a damaged
 * table is logged and ignored, the whole disk stays usable.
 * Locking: runs from blk_register(), process context.
 */
#define pr_fmt(fmt) "partitions: " fmt
#include <block/blkdev.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <lib/crc32.h>

#define MBR_SIG_OFS	510
#define MBR_PART_OFS	446
#define MBR_TYPE_EXT	0x05
#define MBR_TYPE_EXT_LBA 0x0f
#define MBR_TYPE_GPT	0xee
#define GPT_MAX_ENTRIES	128

static u32 get_le32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static u64 get_le64(const u8 *p)
{
	return get_le32(p) | (u64)get_le32(p + 4) << 32;
}

/* GPT header (UEFI 5.3.2), offsets in bytes. */
#define GPT_SIG		0
#define GPT_HDR_SIZE	12
#define GPT_HDR_CRC	16
#define GPT_ENTRIES_LBA	72
#define GPT_NR_ENTRIES	80
#define GPT_ENTRY_SIZE	84
#define GPT_ENTRIES_CRC	88

static int scan_gpt(struct block_device *disk, u8 *buf)
{
	u32 hdr_size, crc, nr, esize, bytes;
	u64 lba;
	u8 *entries;
	int err, found = 0;

	if (!IS_ENABLED(CONFIG_BLK_PART_GPT))
		return -EOPNOTSUPP;
	err = blk_rw(disk, REQ_OP_READ, 1, buf, 1);
	if (err)
		return err;
	hdr_size = get_le32(buf + GPT_HDR_SIZE);
	if (memcmp(buf + GPT_SIG, "EFI PART", 8) || hdr_size < 92 ||
	    hdr_size > disk->sector_size)
		return -EINVAL;
	crc = get_le32(buf + GPT_HDR_CRC);
	memset(buf + GPT_HDR_CRC, 0, 4);
	if (crc32(0, buf, hdr_size) != crc)
		return -EBADMSG;
	lba = get_le64(buf + GPT_ENTRIES_LBA);
	nr = get_le32(buf + GPT_NR_ENTRIES);
	esize = get_le32(buf + GPT_ENTRY_SIZE);
	crc = get_le32(buf + GPT_ENTRIES_CRC);
	if (nr > GPT_MAX_ENTRIES || esize < 128 || esize > 512 || (esize & 7))
		return -EINVAL;
	bytes = nr * esize;
	bytes = (bytes + disk->sector_size - 1) & ~(disk->sector_size - 1);
	if (!bytes || lba >= disk->nr_sectors ||
	    bytes / disk->sector_size > disk->nr_sectors - lba)
		return -EINVAL;
	entries = kmalloc(bytes, GFP_KERNEL);
	if (!entries)
		return -ENOMEM;
	err = blk_rw(disk, REQ_OP_READ, lba, entries, bytes / disk->sector_size);
	if (err)
		goto out_free;
	err = -EBADMSG;
	if (crc32(0, entries, nr * esize) != crc)
		goto out_free;
	for (u32 i = 0; i < nr; i++) {
		const u8 *e = entries + i * esize;
		u64 first = get_le64(e + 32), last = get_le64(e + 40);
		static const u8 zero[16];

		if (!memcmp(e, zero, 16))
			continue;	/* unused entry */
		if (last < first || blk_add_partition(disk, i + 1, first, last - first + 1))
			pr_err("%s: GPT entry %u (%llu..%llu) outside the disk: skipped",
			       disk->dev.name, i + 1, first, last);
		else
			found++;
	}
	err = found;
out_free:
	kfree(entries);
	return err;
}

static int scan_mbr(struct block_device *disk, u8 *buf)
{
	int found = 0;

	for (int i = 0; i < 4; i++) {
		const u8 *e = buf + MBR_PART_OFS + 16 * i;
		u8 type = e[4];
		u32 start = get_le32(e + 8), count = get_le32(e + 12);

		if (!type || !count)
			continue;
		if (type == MBR_TYPE_EXT || type == MBR_TYPE_EXT_LBA) {
			pr_warn("%s: extended partition %d not supported: skipped",
				disk->dev.name, i + 1);
			continue;
		}
		if (blk_add_partition(disk, i + 1, start, count))
			pr_err("%s: MBR entry %d (%u+%u) outside the disk: skipped",
			       disk->dev.name, i + 1, start, count);
		else
			found++;
	}
	return found;
}

static bool mbr_is_protective(const u8 *buf)
{
	for (int i = 0; i < 4; i++)
		if (buf[MBR_PART_OFS + 16 * i + 4] == MBR_TYPE_GPT)
			return true;
	return false;
}

int blk_scan_partitions(struct block_device *disk)
{
	u8 *buf;
	int err;

	if (disk->nr_sectors < 2)
		return 0;
	buf = kmalloc(disk->sector_size, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	err = blk_rw(disk, REQ_OP_READ, 0, buf, 1);
	if (err) {
		pr_err("%s: cannot read sector 0: %d", disk->dev.name, err);
		goto out_free;
	}
	if (buf[MBR_SIG_OFS] != 0x55 || buf[MBR_SIG_OFS + 1] != 0xaa) {
		err = 0;		/* no table: a whole-disk filesystem */
		goto out_free;
	}
	if (mbr_is_protective(buf)) {
		err = scan_gpt(disk, buf);
		if (err < 0)
			pr_err("%s: GPT unusable (%d): no partitions", disk->dev.name, err);
	} else {
		err = scan_mbr(disk, buf);
	}
out_free:
	kfree(buf);
	return err < 0 ? err : 0;
}
