// SPDX-License-Identifier: GPL-2.0
/*
 * Partition tables: the MBR (four primary entries, numbered 1-4; an
 * extended entry holds a chain of extended boot records, one logical
 * partition each, numbered from 5; a protective 0xEE entry hands over to
 * GPT) and the GPT (UEFI spec 2.x, chapter 5: header at LBA 1, CRC32 over
 * the header and the entry array; when the primary header or its array
 * is damaged, the backup header at the disk's last LBA and its own array
 * are used).  Each partition becomes a child block device (vda1,
 * mmcblk0p1 ...).
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
#include <kernel/err.h>
#include <lib/crc32.h>

#define MBR_SIG_OFS	510
#define MBR_PART_OFS	446
#define MBR_TYPE_EXT	0x05
#define MBR_TYPE_EXT_LBA 0x0f
#define MBR_TYPE_EXT_LINUX 0x85
#define MBR_TYPE_GPT	0xee
#define MBR_MAX_LOGICAL	64	/* EBRs followed: also ends a chain that loops */
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
#define GPT_MY_LBA	24
#define GPT_ALT_LBA	32
#define GPT_ENTRIES_LBA	72
#define GPT_NR_ENTRIES	80
#define GPT_ENTRY_SIZE	84
#define GPT_ENTRIES_CRC	88

/* What a checked GPT header says about its entry array. */
struct gpt_table {
	u64 alt_lba;		/* the other header's LBA */
	u64 entries_lba;
	u32 nr, esize, entries_crc;
	u32 bytes;		/* the array, rounded up to whole sectors */
};

/*
 * Read the GPT header at @lba into @buf and check it (UEFI 5.3.2):
 * signature, size, CRC, that it says it lives at @lba, and an entry
 * array that fits the disk.  Return: 0, -EINVAL, -EBADMSG or a read error.
 */
static int gpt_read_header(struct block_device *disk, u64 lba, u8 *buf, struct gpt_table *g)
{
	u32 hdr_size, crc;
	int err = blk_rw(disk, REQ_OP_READ, lba, buf, 1);

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
	if (get_le64(buf + GPT_MY_LBA) != lba)
		return -EINVAL;
	g->alt_lba = get_le64(buf + GPT_ALT_LBA);
	g->entries_lba = get_le64(buf + GPT_ENTRIES_LBA);
	g->nr = get_le32(buf + GPT_NR_ENTRIES);
	g->esize = get_le32(buf + GPT_ENTRY_SIZE);
	g->entries_crc = get_le32(buf + GPT_ENTRIES_CRC);
	if (g->nr > GPT_MAX_ENTRIES || g->esize < 128 || g->esize > 512 || (g->esize & 7))
		return -EINVAL;
	g->bytes = (g->nr * g->esize + disk->sector_size - 1) & ~(disk->sector_size - 1);
	if (!g->bytes || g->entries_lba < 2 || g->entries_lba >= disk->nr_sectors ||
	    g->bytes / disk->sector_size > disk->nr_sectors - g->entries_lba)
		return -EINVAL;
	return 0;
}

/*
 * The header at @lba and its entry array, both checked.  Return: the
 * array (kmalloc'ed; the caller frees it) or an ERR_PTR.
 */
static u8 *gpt_load(struct block_device *disk, u64 lba, u8 *buf, struct gpt_table *g)
{
	u8 *entries;
	int err = gpt_read_header(disk, lba, buf, g);

	if (err)
		return ERR_PTR(err);
	entries = kmalloc(g->bytes, GFP_KERNEL);
	if (!entries)
		return ERR_PTR(-ENOMEM);
	err = blk_rw(disk, REQ_OP_READ, g->entries_lba, entries, g->bytes / disk->sector_size);
	if (!err && crc32(0, entries, g->nr * g->esize) != g->entries_crc)
		err = -EBADMSG;
	if (err) {
		kfree(entries);
		return ERR_PTR(err);
	}
	return entries;
}

static int gpt_add_partitions(struct block_device *disk, const u8 *entries,
			      const struct gpt_table *g)
{
	static const u8 zero[16];
	int found = 0;

	for (u32 i = 0; i < g->nr; i++) {
		const u8 *e = entries + i * g->esize;
		u64 first = get_le64(e + 32), last = get_le64(e + 40);

		if (!memcmp(e, zero, 16))
			continue;	/* unused entry */
		if (last < first || blk_add_partition(disk, i + 1, first, last - first + 1))
			pr_err("%s: GPT entry %u (%llu..%llu) outside the disk: skipped",
			       disk->dev.name, i + 1, first, last);
		else
			found++;
	}
	return found;
}

/*
 * The primary GPT, or the backup when the primary header or its array is
 * damaged: at the LBA the primary names if its header was sound, else at
 * the disk's last LBA (where the spec puts it).
 */
static int scan_gpt(struct block_device *disk, u8 *buf)
{
	struct gpt_table g = { 0 };
	u64 backup = disk->nr_sectors - 1;
	u8 *entries;
	int err;

	if (!IS_ENABLED(CONFIG_BLK_PART_GPT))
		return -EOPNOTSUPP;
	entries = gpt_load(disk, 1, buf, &g);
	if (IS_ERR(entries) && PTR_ERR(entries) != -ENOMEM) {
		if (g.alt_lba > 1 && g.alt_lba < disk->nr_sectors)
			backup = g.alt_lba;	/* the header was sound, its array not */
		pr_warn("%s: primary GPT damaged (%ld): trying the backup at LBA %llu",
			disk->dev.name, PTR_ERR(entries), backup);
		entries = gpt_load(disk, backup, buf, &g);
	}
	if (IS_ERR(entries))
		return PTR_ERR(entries);
	err = gpt_add_partitions(disk, entries, &g);
	kfree(entries);
	return err;
}

static bool mbr_type_extended(u8 type)
{
	return type == MBR_TYPE_EXT || type == MBR_TYPE_EXT_LBA || type == MBR_TYPE_EXT_LINUX;
}

/*
 * The logical partitions of the extended partition @ext_start+@ext_count:
 * a chain of EBRs, each with the logical partition (relative to the EBR)
 * in its first entry and the next EBR (relative to @ext_start) in its
 * second.  Everything must stay inside the extended partition; a broken
 * link ends the chain, keeping the partitions found so far.
 * @partno: the next number to give (5 and up); advanced.
 */
static int scan_extended(struct block_device *disk, u64 ext_start, u64 ext_count,
			 int *partno)
{
	u8 *ebr = kmalloc(disk->sector_size, GFP_KERNEL);
	u64 ext_end = ext_start + ext_count, lba = ext_start;
	int found = 0;

	if (!ebr)
		return -ENOMEM;
	for (int n = 0; n < MBR_MAX_LOGICAL; n++) {
		const u8 *part = ebr + MBR_PART_OFS, *next = part + 16;
		u64 start, count;
		int err = blk_rw(disk, REQ_OP_READ, lba, ebr, 1);

		if (err || ebr[MBR_SIG_OFS] != 0x55 || ebr[MBR_SIG_OFS + 1] != 0xaa) {
			pr_err("%s: EBR at %llu unreadable (%d): logical partitions end there",
			       disk->dev.name, lba, err ? err : -EINVAL);
			goto out_free;
		}
		start = lba + get_le32(part + 8);
		count = get_le32(part + 12);
		if (part[4] && count) {
			if (start <= lba || start + count > ext_end ||
			    blk_add_partition(disk, *partno, start, count))
				pr_err("%s: logical partition %d (%llu+%llu) outside the extended one: skipped",
				       disk->dev.name, *partno, start, count);
			else
				found++;
			(*partno)++;
		}
		if (!mbr_type_extended(next[4]) || !get_le32(next + 12))
			goto out_free;		/* the last EBR */
		start = ext_start + get_le32(next + 8);
		if (start <= lba || start >= ext_end) {
			/* Links only go forward: this also stops a loop. */
			pr_err("%s: EBR link to %llu outside the extended partition: chain ends",
			       disk->dev.name, start);
			goto out_free;
		}
		lba = start;
	}
	pr_err("%s: more than %d logical partitions: the rest skipped",
	       disk->dev.name, MBR_MAX_LOGICAL);
out_free:
	kfree(ebr);
	return found;
}

static int scan_mbr(struct block_device *disk, u8 *buf)
{
	int found = 0, logical = 5;

	for (int i = 0; i < 4; i++) {
		const u8 *e = buf + MBR_PART_OFS + 16 * i;
		u8 type = e[4];
		u32 start = get_le32(e + 8), count = get_le32(e + 12);

		if (!type || !count)
			continue;
		if (mbr_type_extended(type)) {
			if (start && (u64)start + count <= disk->nr_sectors) {
				int n = scan_extended(disk, start, count, &logical);

				found += n > 0 ? n : 0;
			} else {
				pr_err("%s: extended partition %d (%u+%u) outside the disk: skipped",
				       disk->dev.name, i + 1, start, count);
			}
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
