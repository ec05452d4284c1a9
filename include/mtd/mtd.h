/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MTD: a raw flash device (NOR or NAND) with erase blocks, write pages and
 * out-of-band bytes, and the calls every flash consumer (FTL, tools) uses.
 *
 * A driver (CFI NOR, the simulator) fills a struct mtd_info with geometry
 * and an ops table; consumers call mtd_read()/mtd_write()/mtd_erase()...,
 * which validate ranges and alignment, keep ECC statistics and forward to
 * the ops.  A partition (mtd_part_init()) is itself an mtd_info that maps
 * onto a window of its parent; it allocates nothing.
 *
 * Return conventions (as Linux MTD):
 *   mtd_read(): 0; -EUCLEAN when the data is correct but ECC had to correct
 *   bit flips (the block should be scrubbed); -EBADMSG when the data is
 *   uncorrectable (the buffer holds what was read); -EIO on a dead device;
 *   -EINVAL on a bad range.
 *   mtd_write(): 0, -EIO (program failure: the block should be retired),
 *   -EINVAL (range/alignment).  NAND pages are programmed once per erase.
 *   mtd_erase(): 0, -EIO (erase failure: mark the block bad).
 */
#ifndef MTD_MTD_H
#define MTD_MTD_H

#include <kernel/types.h>

enum mtd_type {
	MTD_NORFLASH = 1,
	MTD_NANDFLASH = 2,
};

struct mtd_ecc_stats {
	u32 corrected;		/* reads that needed (and got) ECC correction */
	u32 failed;		/* reads with uncorrectable errors */
	u32 badblocks;		/* blocks marked bad through mtd_block_markbad */
};

struct mtd_info;

/* Offsets are relative to the device the op belongs to. */
struct mtd_ops {
	int (*read)(struct mtd_info *mtd, u64 from, size_t len, void *buf);
	int (*write)(struct mtd_info *mtd, u64 to, size_t len, const void *buf);
	int (*erase)(struct mtd_info *mtd, u64 addr);	/* one block */
	int (*block_isbad)(struct mtd_info *mtd, u64 ofs);	/* 1, 0, -errno */
	int (*block_markbad)(struct mtd_info *mtd, u64 ofs);
};

struct mtd_info {
	enum mtd_type type;
	const char *name;
	u64 size;		/* bytes */
	u32 erasesize;		/* bytes per erase block, power of two */
	u32 writesize;		/* minimal program unit (NAND page, 1 on NOR) */
	u32 oobsize;		/* OOB bytes per page (0 on NOR) */
	struct mtd_ecc_stats ecc_stats;
	const struct mtd_ops *ops;
	void *priv;		/* driver state */
	/* Set for a partition: its window on the parent. */
	struct mtd_info *parent;
	u64 offset;
};

/**
 * mtd_read() - read bytes
 * @mtd: device
 * @from: byte offset
 * @len: bytes
 * @buf: destination
 *
 * Return: 0, -EUCLEAN (corrected bit flips: data good, scrub the block),
 * -EBADMSG (uncorrectable), -EIO, or -EINVAL for a range outside the device.
 */
int mtd_read(struct mtd_info *mtd, u64 from, size_t len, void *buf);

/**
 * mtd_write() - program bytes (whole write pages, erased before)
 * @mtd: device
 * @to: byte offset, a multiple of writesize
 * @len: bytes, a multiple of writesize
 * @buf: source
 *
 * Return: 0, -EIO on program failure, -EINVAL on a bad range or alignment.
 */
int mtd_write(struct mtd_info *mtd, u64 to, size_t len, const void *buf);

/**
 * mtd_erase() - erase one block
 * @mtd: device
 * @addr: byte offset of the block (a multiple of erasesize)
 *
 * Return: 0, -EIO on erase failure, -EINVAL on a bad address.
 */
int mtd_erase(struct mtd_info *mtd, u64 addr);

/**
 * mtd_block_isbad() - is the block containing @ofs marked bad?
 * Return: 1 bad, 0 good, or -EINVAL.
 */
int mtd_block_isbad(struct mtd_info *mtd, u64 ofs);

/**
 * mtd_block_markbad() - mark the block containing @ofs bad
 * Return: 0 or -errno (-EINVAL for a bad offset, -EIO if it cannot be marked).
 */
int mtd_block_markbad(struct mtd_info *mtd, u64 ofs);

/**
 * mtd_part_init() - make @part a partition of @parent (nothing allocated)
 * @part: zeroed by the caller; filled in here
 * @parent: the master device
 * @name: partition name (kept by pointer)
 * @offset: start on @parent, a multiple of its erasesize
 * @size: bytes, a multiple of erasesize; 0 means "to the end of @parent"
 *
 * Return: 0, or -EINVAL if the window is misaligned or outside @parent.
 */
int mtd_part_init(struct mtd_info *part, struct mtd_info *parent,
		  const char *name, u64 offset, u64 size);

static inline u32 mtd_nr_blocks(const struct mtd_info *mtd)
{
	return (u32)(mtd->size / mtd->erasesize);
}

#endif /* MTD_MTD_H */
