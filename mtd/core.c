// SPDX-License-Identifier: GPL-2.0
/*
 * MTD core: the checked entry points every flash consumer calls.
 *
 * Layer: mtd, below the FTL, above the drivers (sim, CFI NOR).  It checks
 * ranges and alignment before anything reaches a driver and keeps the ECC
 * statistics; drivers may therefore assume valid arguments.
 * Locking: none here; a device has one user at a time (the FTL serialises
 * its accesses with its own mutex).
 * Must not know: anything above raw blocks (volumes, LEBs, filesystems).
 */
#define pr_fmt(fmt) "mtd: " fmt
#include <port/port.h>
#include <mtd/mtd.h>

static bool mtd_range_ok(const struct mtd_info *mtd, u64 ofs, u64 len)
{
	return ofs <= mtd->size && len <= mtd->size - ofs;
}

/**
 * mtd_read() - read bytes
 * @mtd: device
 * @from: byte offset
 * @len: bytes
 * @buf: destination
 *
 * Return: 0, -EUCLEAN (corrected), -EBADMSG (uncorrectable), -EIO, -EINVAL.
 */
int mtd_read(struct mtd_info *mtd, u64 from, size_t len, void *buf)
{
	int ret;

	if (!mtd_range_ok(mtd, from, len))
		return -EINVAL;
	if (!len)
		return 0;
	ret = mtd->ops->read(mtd, from, len, buf);
	if (ret == -EUCLEAN)
		mtd->ecc_stats.corrected++;
	else if (ret == -EBADMSG)
		mtd->ecc_stats.failed++;
	return ret;
}

/**
 * mtd_write() - program whole write pages
 * @mtd: device
 * @to: byte offset, multiple of writesize
 * @len: bytes, multiple of writesize
 * @buf: source
 *
 * Return: 0, -EIO, -EINVAL.
 */
int mtd_write(struct mtd_info *mtd, u64 to, size_t len, const void *buf)
{
	if (!mtd_range_ok(mtd, to, len))
		return -EINVAL;
	if (to % mtd->writesize || len % mtd->writesize) {
		pr_err("%s: unaligned write %llu+%zu (page %u)\n", mtd->name,
		       (unsigned long long)to, len, mtd->writesize);
		return -EINVAL;
	}
	if (!len)
		return 0;
	return mtd->ops->write(mtd, to, len, buf);
}

/**
 * mtd_erase() - erase one block
 * @mtd: device
 * @addr: block start
 *
 * Return: 0, -EIO, -EINVAL.
 */
int mtd_erase(struct mtd_info *mtd, u64 addr)
{
	if (addr >= mtd->size || addr % mtd->erasesize)
		return -EINVAL;
	return mtd->ops->erase(mtd, addr);
}

/**
 * mtd_block_isbad() - is the block containing @ofs marked bad?
 * @mtd: device
 * @ofs: any offset in the block
 *
 * Return: 1, 0 or -EINVAL.
 */
int mtd_block_isbad(struct mtd_info *mtd, u64 ofs)
{
	if (ofs >= mtd->size)
		return -EINVAL;
	if (!mtd->ops->block_isbad)
		return 0;
	return mtd->ops->block_isbad(mtd, ofs - ofs % mtd->erasesize);
}

/**
 * mtd_block_markbad() - mark the block containing @ofs bad
 * @mtd: device
 * @ofs: any offset in the block
 *
 * Return: 0, -EINVAL, -EIO (cannot mark: e.g. NOR without a bad-block table).
 */
int mtd_block_markbad(struct mtd_info *mtd, u64 ofs)
{
	int ret;

	if (ofs >= mtd->size)
		return -EINVAL;
	if (!mtd->ops->block_markbad)
		return -EIO;
	ret = mtd->ops->block_markbad(mtd, ofs - ofs % mtd->erasesize);
	if (!ret)
		mtd->ecc_stats.badblocks++;
	return ret;
}
