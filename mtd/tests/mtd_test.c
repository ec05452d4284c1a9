// SPDX-License-Identifier: GPL-2.0
/*
 * MTD core, partitions and the simulator: flash semantics (program only
 * clears bits, NAND pages once per erase), range checks, ECC statistics,
 * every injected fault, power cuts, and allocation failures.
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <mtd/mtdsim.h>

static struct mtdsim *make_sim(struct ktest *t, enum mtd_type type)
{
	struct mtdsim_config c = {
		.type = type, .size = 16 * 4096, .erasesize = 4096,
		.writesize = type == MTD_NANDFLASH ? 512 : 1,
	};
	struct mtdsim *sim = mtdsim_create(&c);

	if (IS_ERR(sim))
		return NULL;
	return sim;
}

static void mtd_nor_program_and_erase(struct ktest *t)
{
	struct mtdsim *sim = make_sim(t, MTD_NORFLASH);
	u8 buf[8], x;

	KASSERT_NOT_NULL(t, sim);
	KEXPECT_EQ(t, mtd_read(&sim->mtd, 0, 8, buf), 0);
	KEXPECT_EQ(t, buf[0], 0xff);
	x = 0xf0;
	KEXPECT_EQ(t, mtd_write(&sim->mtd, 5, 1, &x), 0);
	x = 0x3c;	/* NOR reprogram: AND */
	KEXPECT_EQ(t, mtd_write(&sim->mtd, 5, 1, &x), 0);
	KEXPECT_EQ(t, mtd_read(&sim->mtd, 5, 1, &x), 0);
	KEXPECT_EQ(t, x, 0x30);
	KEXPECT_EQ(t, mtd_erase(&sim->mtd, 0), 0);
	KEXPECT_EQ(t, mtd_read(&sim->mtd, 5, 1, &x), 0);
	KEXPECT_EQ(t, x, 0xff);
	KEXPECT_EQ(t, mtdsim_erase_count(sim, 0), 1);
	KEXPECT_EQ(t, mtdsim_erase_count(sim, 1), 0);
	KEXPECT_EQ(t, sim->stats.bytes_programmed, 2);
	KEXPECT_EQ(t, sim->stats.bytes_read, 10);
	mtdsim_destroy(sim);
}

static void mtd_range_checks(struct ktest *t)
{
	struct mtdsim *sim = make_sim(t, MTD_NANDFLASH);
	u8 buf[1024];

	KASSERT_NOT_NULL(t, sim);
	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, mtd_read(&sim->mtd, sim->mtd.size - 4, 8, buf), -EINVAL);
	KEXPECT_EQ(t, mtd_read(&sim->mtd, (u64)-4, 8, buf), -EINVAL);
	KEXPECT_EQ(t, mtd_write(&sim->mtd, 100, 512, buf), -EINVAL);
	KEXPECT_EQ(t, mtd_write(&sim->mtd, 0, 100, buf), -EINVAL);
	KEXPECT_EQ(t, mtd_write(&sim->mtd, sim->mtd.size, 512, buf), -EINVAL);
	KEXPECT_EQ(t, mtd_erase(&sim->mtd, 100), -EINVAL);
	KEXPECT_EQ(t, mtd_erase(&sim->mtd, sim->mtd.size), -EINVAL);
	KEXPECT_EQ(t, mtd_block_isbad(&sim->mtd, sim->mtd.size), -EINVAL);
	/* crossing a block boundary is refused by the chip */
	KEXPECT_EQ(t, mtd_write(&sim->mtd, 4096 - 512, 1024, buf), -EINVAL);
	mtdsim_destroy(sim);
}

static void mtd_nand_page_once(struct ktest *t)
{
	struct mtdsim *sim = make_sim(t, MTD_NANDFLASH);
	u8 buf[512];

	KASSERT_NOT_NULL(t, sim);
	memset(buf, 0x5a, sizeof(buf));
	KEXPECT_EQ(t, mtd_write(&sim->mtd, 512, 512, buf), 0);
	KEXPECT_EQ(t, mtd_write(&sim->mtd, 512, 512, buf), -EIO);
	KEXPECT_EQ(t, mtd_erase(&sim->mtd, 0), 0);
	KEXPECT_EQ(t, mtd_write(&sim->mtd, 512, 512, buf), 0);
	mtdsim_destroy(sim);
}

static void mtd_bad_and_worn_blocks(struct ktest *t)
{
	static const u32 bad[] = { 3, 7 };
	struct mtdsim_config c = {
		.type = MTD_NANDFLASH, .size = 16 * 4096, .erasesize = 4096,
		.writesize = 512, .bad_blocks = bad, .nr_bad_blocks = 2,
		.wear_limit = 5,
	};
	struct mtdsim *sim = mtdsim_create(&c);
	u8 buf[512] = { 0 };
	int i;

	KASSERT_FALSE(t, IS_ERR(sim));
	KEXPECT_EQ(t, mtd_block_isbad(&sim->mtd, 3 * 4096 + 10), 1);
	KEXPECT_EQ(t, mtd_block_isbad(&sim->mtd, 7 * 4096), 1);
	KEXPECT_EQ(t, mtd_block_isbad(&sim->mtd, 0), 0);
	for (i = 0; i < 5; i++)
		KEXPECT_EQ(t, mtd_erase(&sim->mtd, 4096), 0);
	KEXPECT_EQ(t, mtd_erase(&sim->mtd, 4096), -EIO);
	KEXPECT_EQ(t, mtd_write(&sim->mtd, 4096, 512, buf), -EIO);
	KEXPECT_EQ(t, mtd_block_markbad(&sim->mtd, 4096), 0);
	KEXPECT_EQ(t, mtd_block_isbad(&sim->mtd, 4096), 1);
	KEXPECT_EQ(t, sim->mtd.ecc_stats.badblocks, 1);
	mtdsim_destroy(sim);
}

static void mtd_bitflips(struct ktest *t)
{
	struct mtdsim_config c = {
		.type = MTD_NANDFLASH, .size = 4 * 4096, .erasesize = 4096,
		.writesize = 512, .bitflip_ppm = 300000, .seed = 42,
	};
	struct mtdsim *sim = mtdsim_create(&c);
	u8 data[512], buf[512];
	int i, corrected = 0, ret;

	KASSERT_FALSE(t, IS_ERR(sim));
	for (i = 0; i < 512; i++)
		data[i] = (u8)i;
	KASSERT_EQ(t, mtd_write(&sim->mtd, 0, 512, data), 0);
	for (i = 0; i < 200; i++) {
		ret = mtd_read(&sim->mtd, 0, 512, buf);
		KEXPECT_TRUE(t, ret == 0 || ret == -EUCLEAN);
		KEXPECT_MEMEQ(t, buf, data, 512);	/* ECC corrected */
		corrected += ret == -EUCLEAN;
	}
	KEXPECT_GT(t, corrected, 20);
	KEXPECT_LT(t, corrected, 120);
	KEXPECT_EQ(t, sim->mtd.ecc_stats.corrected, corrected);
	sim->cfg.bitflip_ppm = 0;
	sim->cfg.uncorrectable_ppm = 1000000;
	KEXPECT_EQ(t, mtd_read(&sim->mtd, 0, 512, buf), -EBADMSG);
	KEXPECT_TRUE(t, memcmp(buf, data, 512) != 0);
	KEXPECT_EQ(t, sim->mtd.ecc_stats.failed, 1);
	mtdsim_destroy(sim);
}

static void mtd_program_erase_failures(struct ktest *t)
{
	struct mtdsim_config c = {
		.type = MTD_NORFLASH, .size = 4 * 4096, .erasesize = 4096,
		.prog_fail_ppm = 1000000, .erase_fail_ppm = 1000000,
	};
	struct mtdsim *sim = mtdsim_create(&c);
	u8 buf[64] = { 0 };

	KASSERT_FALSE(t, IS_ERR(sim));
	KEXPECT_EQ(t, mtd_write(&sim->mtd, 0, 64, buf), -EIO);
	KEXPECT_EQ(t, mtd_erase(&sim->mtd, 4096), -EIO);
	sim->cfg.erase_fail_ppm = 0;
	/* a failed erase retires the block for good */
	KEXPECT_EQ(t, mtd_erase(&sim->mtd, 4096), -EIO);
	KEXPECT_EQ(t, mtd_erase(&sim->mtd, 0), 0);
	mtdsim_destroy(sim);
}

static void mtd_power_cut_tears(struct ktest *t)
{
	struct mtdsim *sim = make_sim(t, MTD_NORFLASH);
	u8 zero[256] = { 0 }, buf[256];
	int i, zeros = 0;

	KASSERT_NOT_NULL(t, sim);
	mtdsim_set_powercut(sim, 2);
	KEXPECT_EQ(t, mtd_write(&sim->mtd, 0, 256, zero), 0);
	KEXPECT_EQ(t, mtd_write(&sim->mtd, 4096, 256, zero), -EIO);
	KEXPECT_TRUE(t, sim->powered_off);
	KEXPECT_EQ(t, mtd_read(&sim->mtd, 0, 256, buf), -EIO);
	KEXPECT_EQ(t, mtd_erase(&sim->mtd, 0), -EIO);
	mtdsim_power_on(sim);
	KEXPECT_EQ(t, mtd_read(&sim->mtd, 0, 256, buf), 0);
	KEXPECT_MEMEQ(t, buf, zero, 256);
	KEXPECT_EQ(t, mtd_read(&sim->mtd, 4096, 256, buf), 0);
	for (i = 0; i < 256; i++)
		zeros += buf[i] == 0;
	KEXPECT_LT(t, zeros, 256);	/* torn: not all programmed */
	/* a cut erase leaves the block neither old nor erased */
	mtdsim_set_powercut(sim, 1);
	KEXPECT_EQ(t, mtd_erase(&sim->mtd, 0), -EIO);
	mtdsim_power_on(sim);
	KEXPECT_EQ(t, mtd_read(&sim->mtd, 0, 256, buf), 0);
	zeros = 0;
	for (i = 0; i < 256; i++)
		zeros += buf[i] == 0xff;
	KEXPECT_GT(t, zeros, 0);
	mtdsim_destroy(sim);
}

static void mtd_partitions(struct ktest *t)
{
	struct mtdsim *sim = make_sim(t, MTD_NORFLASH);
	struct mtd_info part;
	u8 x = 0x11, y;

	KASSERT_NOT_NULL(t, sim);
	KEXPECT_EQ(t, mtd_part_init(&part, &sim->mtd, "p", 100, 0), -EINVAL);
	KEXPECT_EQ(t, mtd_part_init(&part, &sim->mtd, "p", 4096, 16 * 4096),
		   -EINVAL);
	KASSERT_EQ(t, mtd_part_init(&part, &sim->mtd, "p", 4 * 4096, 8 * 4096), 0);
	KEXPECT_EQ(t, part.size, 8 * 4096);
	KEXPECT_EQ(t, mtd_write(&part, 3, 1, &x), 0);
	KEXPECT_EQ(t, mtd_read(&sim->mtd, 4 * 4096 + 3, 1, &y), 0);
	KEXPECT_EQ(t, y, 0x11);
	KEXPECT_EQ(t, mtd_erase(&part, 8 * 4096), -EINVAL);
	KEXPECT_EQ(t, mtd_erase(&part, 0), 0);
	KEXPECT_EQ(t, mtdsim_erase_count(sim, 4), 1);
	KEXPECT_EQ(t, mtd_block_markbad(&part, 4096), 0);
	KEXPECT_EQ(t, mtd_block_isbad(&sim->mtd, 5 * 4096), 1);
	mtdsim_destroy(sim);
}

static void mtd_sim_alloc_failures(struct ktest *t)
{
	struct mtdsim_config c = {
		.type = MTD_NANDFLASH, .size = 16 * 4096, .erasesize = 4096,
		.writesize = 512,
	};
	long before = port_alloc_count();
	struct mtdsim *sim;
	int n, failures = 0;

	if (!port_alloc_faults()) {
		ktest_skip(t, "no allocation fault injection here");
		return;
	}

	for (n = 0; n < 8; n++) {
		port_fail_alloc_after(n);
		sim = mtdsim_create(&c);
		port_fail_alloc_after(-1);
		if (IS_ERR(sim)) {
			KEXPECT_EQ(t, PTR_ERR(sim), -ENOMEM);
			failures++;
		} else {
			mtdsim_destroy(sim);
		}
		KEXPECT_EQ(t, port_alloc_count(), before);
	}
	KEXPECT_EQ(t, failures, 5);
	c.erasesize = 3000;
	KEXPECT_EQ(t, PTR_ERR(mtdsim_create(&c)), -EINVAL);
}

static struct ktest_case mtd_cases[] = {
	KTEST_CASE(mtd_nor_program_and_erase),
	KTEST_CASE(mtd_range_checks),
	KTEST_CASE(mtd_nand_page_once),
	KTEST_CASE(mtd_bad_and_worn_blocks),
	KTEST_CASE(mtd_bitflips),
	KTEST_CASE(mtd_program_erase_failures),
	KTEST_CASE(mtd_power_cut_tears),
	KTEST_CASE(mtd_partitions),
	KTEST_CASE(mtd_sim_alloc_failures),
	{}
};

static struct ktest_suite mtd_suite = {
	.name = "mtd",
	.cases = mtd_cases,
};
KTEST_SUITE(mtd_suite);
