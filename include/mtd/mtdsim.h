/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mtdsim: a NOR/NAND flash simulator with fault injection (after Linux's
 * nandsim and littlefs's emubd).
 *
 * The caller fills a zeroed struct mtdsim_config (geometry, optional
 * caller-owned storage, faults) and gets a struct mtdsim whose .mtd is an
 * ordinary MTD device.  Semantics enforced, so that bugs above show up:
 *   - programming only clears bits (NOR and NAND); NAND pages are written
 *     whole and once per erase (a second program of a page is -EIO with an
 *     error line);
 *   - erase sets a block to 0xff and counts, per block.
 * Faults:
 *   - factory bad blocks (bad_blocks[]), blocks that wear out after
 *     wear_limit erases (the next erase fails with -EIO, programs then fail);
 *   - random bit flips on read: correctable (data right, -EUCLEAN) and
 *     uncorrectable (data wrong, -EBADMSG) on NAND; on NOR (no ECC) a
 *     "correctable" flip silently corrupts the returned data;
 *   - program and erase failures with a given probability;
 *   - a power cut during the Nth program or erase (counted from creation
 *     or from mtdsim_set_powercut()): that operation is left torn (a random
 *     prefix done, some bits of the rest of the page/block changed) and
 *     every later operation fails with -EIO until mtdsim_power_on().
 * Storage is RAM: caller-owned (cfg.storage, so it survives "reboots" and
 * can be saved to a file by host tools) or allocated here.
 */
#ifndef MTD_MTDSIM_H
#define MTD_MTDSIM_H

#include <mtd/mtd.h>

struct mtdsim_config {
	enum mtd_type type;
	const char *name;
	u64 size;
	u32 erasesize;
	u32 writesize;		/* 0: 1 for NOR, 2048 for NAND */
	u32 oobsize;		/* NAND only; 0: writesize / 32 */
	u8 *storage;		/* optional, @size bytes, caller-owned */
	u64 seed;		/* for every random choice (0 is fine) */

	const u32 *bad_blocks;	/* factory bad blocks */
	u32 nr_bad_blocks;
	u32 wear_limit;		/* erases a block survives; 0: forever */
	u32 bitflip_ppm;	/* per page read: correctable flip */
	u32 uncorrectable_ppm;	/* per page read: uncorrectable */
	u32 prog_fail_ppm;	/* per program call */
	u32 erase_fail_ppm;	/* per erase */
	u64 powercut_after;	/* cut during the Nth program/erase; 0: never */
};

struct mtdsim_stats {
	u64 bytes_read;
	u64 bytes_programmed;
	u64 programs;		/* program calls */
	u64 erases;
	u64 powercut_ops;	/* programs + erases counted for power cuts */
};

struct mtdsim {
	struct mtd_info mtd;
	struct mtdsim_config cfg;
	u8 *mem;
	bool own_mem;
	u8 *bad;		/* per block: marked bad */
	u8 *worn;		/* per block: worn out (erase/program fail) */
	u32 *erase_count;	/* per block */
	u64 rng;
	u64 cut_at;		/* stats.powercut_ops value that is cut; 0: none */
	bool powered_off;
	struct mtdsim_stats stats;
};

/**
 * mtdsim_create() - make a simulated flash device
 * @cfg: geometry and faults (copied)
 *
 * Return: the device, or ERR_PTR(-EINVAL) for bad geometry, -ENOMEM.
 */
struct mtdsim *mtdsim_create(const struct mtdsim_config *cfg);

/** mtdsim_destroy() - free the device (not caller-owned storage) */
void mtdsim_destroy(struct mtdsim *sim);

/**
 * mtdsim_set_powercut() - cut power during the @n-th program/erase from now
 * @sim: device
 * @n: 1 = the next operation; 0 = disarm
 */
void mtdsim_set_powercut(struct mtdsim *sim, u64 n);

/** mtdsim_power_on() - "reboot": clear the powered-off state (disarmed) */
void mtdsim_power_on(struct mtdsim *sim);

/** mtdsim_erase_count() - erases of block @blk so far */
static inline u32 mtdsim_erase_count(const struct mtdsim *sim, u32 blk)
{
	return sim->erase_count[blk];
}

/*
 * Test workloads on the simulator: the host runs them in full, the target
 * at CONFIG_MTD_SIM_TEST_SCALE percent (RAM and time are smaller there).
 */
#ifdef CONFIG_MTD_SIM_TEST_SCALE
#define MTDSIM_TEST_SCALE	CONFIG_MTD_SIM_TEST_SCALE
#else
#define MTDSIM_TEST_SCALE	100
#endif

/** mtdsim_test_scaled() - @n scaled for this build's test budget, >= @min */
static inline u64 mtdsim_test_scaled(u64 n, u64 min)
{
	u64 s = n * MTDSIM_TEST_SCALE / 100;

	return s < min ? min : s;
}

#endif /* MTD_MTDSIM_H */
