// SPDX-License-Identifier: GPL-2.0
/*
 * FTL functional tests on the in-memory simulator: format/attach through
 * the checkpoint and by scan, volumes, LEB semantics, atomic change,
 * persistence, bad blocks (factory, worn out, program failures), scrubbing
 * of corrected bit flips, wear levelling spread, attach read budget and
 * allocation failures.
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <mtd/mtdsim.h>
#include <mtd/ftl.h>

struct ftl_fix {
	struct mtdsim *sim;
	struct ftl_device *ftl;
	int vol;
};

static struct mtdsim *sim_new(enum mtd_type type, u32 nblocks, u32 es, u32 ws)
{
	struct mtdsim_config c = {
		.type = type, .size = (u64)nblocks * es, .erasesize = es,
		.writesize = ws, .seed = 7,
	};

	return mtdsim_create(&c);
}

static void fill(u8 *buf, u32 len, u32 seed)
{
	u32 i, x = seed * 2654435761u + 1;

	for (i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		buf[i] = (u8)x;
	}
}

static void ftl_format_attach_checkpoint(struct ktest *t)
{
	struct mtdsim *sim = sim_new(MTD_NORFLASH, 64, 16384, 1);
	struct ftl_stats st;
	struct ftl_device *ftl;

	KASSERT_FALSE(t, IS_ERR(sim));
	KASSERT_EQ(t, ftl_format(&sim->mtd, NULL), 0);
	ftl = ftl_attach(&sim->mtd, NULL);
	KASSERT_FALSE(t, IS_ERR(ftl));
	ftl_get_stats(ftl, &st);
	KEXPECT_FALSE(t, st.attached_by_scan);
	KEXPECT_EQ(t, st.nr_pebs, 64);
	KEXPECT_EQ(t, st.bad_pebs, 0);
	KEXPECT_EQ(t, ftl_leb_size(ftl), 16384 - 128);
	KEXPECT_EQ(t, ftl_vol_find(ftl, "data"), -ENOENT);
	KEXPECT_EQ(t, ftl_detach(ftl), 0);
	/* not an FTL image */
	mtdsim_destroy(sim);
	sim = sim_new(MTD_NORFLASH, 64, 16384, 1);
	KASSERT_FALSE(t, IS_ERR(sim));
	ftl = ftl_attach(&sim->mtd, NULL);
	KEXPECT_EQ(t, PTR_ERR(ftl), -EUCLEAN);
	mtdsim_destroy(sim);
}

static void ftl_volumes(struct ktest *t)
{
	struct mtdsim *sim = sim_new(MTD_NANDFLASH, 64, 16384, 512);
	struct ftl_device *ftl;
	int a, b;

	KASSERT_FALSE(t, IS_ERR(sim));
	KASSERT_EQ(t, ftl_format(&sim->mtd, NULL), 0);
	ftl = ftl_attach(&sim->mtd, NULL);
	KASSERT_FALSE(t, IS_ERR(ftl));
	a = ftl_vol_create(ftl, "alpha", 10);
	KEXPECT_EQ(t, a, 0);
	KEXPECT_EQ(t, ftl_vol_create(ftl, "alpha", 1), -EEXIST);
	KEXPECT_EQ(t, ftl_vol_create(ftl, "", 1), -EINVAL);
	KEXPECT_EQ(t, ftl_vol_create(ftl, "a-name-far-too-long-for-it", 1), -EINVAL);
	KEXPECT_EQ(t, ftl_vol_create(ftl, "huge", 1000), -ENOSPC);
	b = ftl_vol_create(ftl, "beta", 0);
	KEXPECT_EQ(t, b, 1);
	/* 64 - 2 ckpt - 1 layout - 2 spare - 2 bad reserve - 10 */
	KEXPECT_EQ(t, ftl_vol_lebs(ftl, b), 47);
	KEXPECT_EQ(t, ftl_vol_create(ftl, "gamma", 1), -ENOSPC);
	KEXPECT_EQ(t, ftl_detach(ftl), 0);
	ftl = ftl_attach(&sim->mtd, NULL);
	KASSERT_FALSE(t, IS_ERR(ftl));
	KEXPECT_EQ(t, ftl_vol_find(ftl, "alpha"), 0);
	KEXPECT_EQ(t, ftl_vol_find(ftl, "beta"), 1);
	KEXPECT_EQ(t, ftl_vol_lebs(ftl, 0), 10);
	KEXPECT_EQ(t, ftl_detach(ftl), 0);
	mtdsim_destroy(sim);
}

static void ftl_leb_semantics(struct ktest *t)
{
	struct mtdsim *sim = sim_new(MTD_NANDFLASH, 32, 16384, 512);
	u8 *a = kmalloc(16384, GFP_KERNEL), *b = kmalloc(16384, GFP_KERNEL);
	struct ftl_device *ftl;
	u32 ls;
	int v;

	KASSERT_FALSE(t, IS_ERR(sim));
	KASSERT_TRUE(t, a && b);
	KASSERT_EQ(t, ftl_format(&sim->mtd, NULL), 0);
	ftl = ftl_attach(&sim->mtd, NULL);
	KASSERT_FALSE(t, IS_ERR(ftl));
	ls = ftl_leb_size(ftl);
	KEXPECT_EQ(t, ftl_min_io(ftl), 512);
	v = ftl_vol_create(ftl, "v", 8);
	KASSERT_EQ(t, v, 0);
	KEXPECT_EQ(t, ftl_leb_is_mapped(ftl, v, 3), 0);
	KEXPECT_EQ(t, ftl_leb_read(ftl, v, 3, 0, a, 100), 0);
	KEXPECT_EQ(t, a[0], 0xff);
	KEXPECT_EQ(t, a[99], 0xff);
	fill(a, ls, 1);
	KEXPECT_EQ(t, ftl_leb_write(ftl, v, 3, 0, a, 1024), 0);
	KEXPECT_EQ(t, ftl_leb_write(ftl, v, 3, 1024, a + 1024, 2048), 0);
	KEXPECT_EQ(t, ftl_leb_write(ftl, v, 3, 100, a, 512), -EINVAL);
	KEXPECT_EQ(t, ftl_leb_write(ftl, v, 3, ls, a, 512), -EINVAL);
	KEXPECT_EQ(t, ftl_leb_write(ftl, v, 8, 0, a, 512), -EINVAL);
	KEXPECT_EQ(t, ftl_leb_write(ftl, 5, 0, 0, a, 512), -EINVAL);
	KEXPECT_EQ(t, ftl_leb_read(ftl, v, 3, 10, b, 3000), 0);
	KEXPECT_MEMEQ(t, a + 10, b, 3000);
	KEXPECT_EQ(t, ftl_leb_is_mapped(ftl, v, 3), 1);
	fill(b, ls, 2);
	KEXPECT_EQ(t, ftl_leb_change(ftl, v, 3, b, ls), 0);
	KEXPECT_EQ(t, ftl_leb_read(ftl, v, 3, 0, a, ls), 0);
	KEXPECT_MEMEQ(t, a, b, ls);
	KEXPECT_EQ(t, ftl_leb_unmap(ftl, v, 3), 0);
	KEXPECT_EQ(t, ftl_leb_is_mapped(ftl, v, 3), 0);
	KEXPECT_EQ(t, ftl_leb_write(ftl, v, 3, 0, b, 512), 0);
	KEXPECT_EQ(t, ftl_detach(ftl), 0);
	ftl = ftl_attach(&sim->mtd, NULL);
	KASSERT_FALSE(t, IS_ERR(ftl));
	KEXPECT_EQ(t, ftl_leb_read(ftl, v, 3, 0, a, 1024), 0);
	KEXPECT_MEMEQ(t, a, b, 512);
	KEXPECT_EQ(t, a[512], 0xff);
	KEXPECT_EQ(t, ftl_detach(ftl), 0);
	kfree(a);
	kfree(b);
	mtdsim_destroy(sim);
}

/* Write every LEB of a volume @rounds times; return the volume id. */
static int churn(struct ktest *t, struct ftl_device *ftl, int v, u32 lebs,
		 u32 first, u32 rounds, u8 *buf)
{
	u32 r, l, ls = ftl_leb_size(ftl);
	int ret;

	for (r = 0; r < rounds; r++) {
		for (l = first; l < lebs; l++) {
			fill(buf, ls, r * 1000 + l);
			ret = ftl_leb_change(ftl, v, l, buf, ls);
			if (ret) {
				KEXPECT_EQ(t, ret, 0);
				return ret;
			}
		}
	}
	return 0;
}

static bool check_leb(struct ftl_device *ftl, int v, u32 l, u32 seed,
		      u8 *buf, u8 *ref)
{
	u32 ls = ftl_leb_size(ftl);

	fill(ref, ls, seed);
	return !ftl_leb_read(ftl, v, l, 0, buf, ls) && !memcmp(buf, ref, ls);
}

static void ftl_persistence_without_detach(struct ktest *t)
{
	struct mtdsim *sim = sim_new(MTD_NORFLASH, 32, 8192, 1);
	u8 *buf = kmalloc(8192, GFP_KERNEL), *ref = kmalloc(8192, GFP_KERNEL);
	struct ftl_device *ftl;
	struct ftl_stats st;
	u32 l;
	int v;

	KASSERT_FALSE(t, IS_ERR(sim));
	KASSERT_TRUE(t, buf && ref);
	KASSERT_EQ(t, ftl_format(&sim->mtd, NULL), 0);
	ftl = ftl_attach(&sim->mtd, NULL);
	KASSERT_FALSE(t, IS_ERR(ftl));
	v = ftl_vol_create(ftl, "v", 20);
	KASSERT_EQ(t, v, 0);
	churn(t, ftl, v, 20, 0, 5, buf);
	ftl_get_stats(ftl, &st);
	KEXPECT_GT(t, st.ckpt_writes, 3);
	/* drop it as a power cut would: no final checkpoint */
	mtdsim_set_powercut(sim, 1);
	KEXPECT_NE(t, ftl_detach(ftl), 0);
	mtdsim_power_on(sim);
	ftl = ftl_attach(&sim->mtd, NULL);
	KASSERT_FALSE(t, IS_ERR(ftl));
	ftl_get_stats(ftl, &st);
	KEXPECT_FALSE(t, st.attached_by_scan);
	for (l = 0; l < 20; l++)
		KEXPECT_TRUE(t, check_leb(ftl, v, l, 4 * 1000 + l, buf, ref));
	KEXPECT_EQ(t, ftl_detach(ftl), 0);
	kfree(buf);
	kfree(ref);
	mtdsim_destroy(sim);
}

static void ftl_scan_fallback(struct ktest *t)
{
	struct mtdsim *sim = sim_new(MTD_NANDFLASH, 32, 16384, 512);
	u8 *buf = kmalloc(16384, GFP_KERNEL), *ref = kmalloc(16384, GFP_KERNEL);
	struct ftl_device *ftl;
	struct ftl_stats st;
	u32 l, i;
	int v;

	KASSERT_FALSE(t, IS_ERR(sim));
	KASSERT_TRUE(t, buf && ref);
	KASSERT_EQ(t, ftl_format(&sim->mtd, NULL), 0);
	ftl = ftl_attach(&sim->mtd, NULL);
	KASSERT_FALSE(t, IS_ERR(ftl));
	v = ftl_vol_create(ftl, "v", 10);
	churn(t, ftl, v, 10, 0, 3, buf);
	KEXPECT_EQ(t, ftl_detach(ftl), 0);
	/* destroy both checkpoint PEBs (the first two) */
	for (i = 0; i < 2; i++)
		KASSERT_EQ(t, mtd_erase(&sim->mtd, i * 16384), 0);
	ftl = ftl_attach(&sim->mtd, NULL);
	KASSERT_FALSE(t, IS_ERR(ftl));
	ftl_get_stats(ftl, &st);
	KEXPECT_TRUE(t, st.attached_by_scan);
	KEXPECT_EQ(t, ftl_vol_find(ftl, "v"), v);
	for (l = 0; l < 10; l++)
		KEXPECT_TRUE(t, check_leb(ftl, v, l, 2 * 1000 + l, buf, ref));
	KEXPECT_EQ(t, ftl_detach(ftl), 0);
	/* and the checkpoint is back */
	ftl = ftl_attach(&sim->mtd, NULL);
	KASSERT_FALSE(t, IS_ERR(ftl));
	ftl_get_stats(ftl, &st);
	KEXPECT_FALSE(t, st.attached_by_scan);
	for (l = 0; l < 10; l++)
		KEXPECT_TRUE(t, check_leb(ftl, v, l, 2 * 1000 + l, buf, ref));
	KEXPECT_EQ(t, ftl_detach(ftl), 0);
	kfree(buf);
	kfree(ref);
	mtdsim_destroy(sim);
}

static void ftl_wear_levelling(struct ktest *t)
{
	struct mtdsim *sim = sim_new(MTD_NORFLASH, 48, 4096, 1);
	struct ftl_config cfg = { .wl_threshold = 16, .pool_size = 8 };
	u8 *buf = kmalloc(4096, GFP_KERNEL), *ref = kmalloc(4096, GFP_KERNEL);
	struct ftl_device *ftl;
	struct ftl_stats st;
	u32 l, i, lo = ~0u, hi = 0;
	int v;

	KASSERT_FALSE(t, IS_ERR(sim));
	KASSERT_TRUE(t, buf && ref);
	KASSERT_EQ(t, ftl_format(&sim->mtd, &cfg), 0);
	ftl = ftl_attach(&sim->mtd, &cfg);
	KASSERT_FALSE(t, IS_ERR(ftl));
	v = ftl_vol_create(ftl, "v", 0);
	KASSERT_GE(t, v, 0);
	/* cold data in all LEBs once, then hammer only 4 of them */
	churn(t, ftl, v, ftl_vol_lebs(ftl, v), 0, 1, buf);
	for (i = 0; i < 600; i++)
		churn(t, ftl, v, 4, 0, 1, buf);
	ftl_get_stats(ftl, &st);
	KEXPECT_GT(t, st.wl_moves, 0);
	KEXPECT_GT(t, st.max_ec, 40);
	KEXPECT_LE(t, st.max_ec - st.min_ec, 16 + 8);
	for (i = 0; i < 48; i++) {
		if (i < 2)
			continue;	/* checkpoint PEBs: excluded, see README */
		lo = min(lo, mtdsim_erase_count(sim, i));
		hi = max(hi, mtdsim_erase_count(sim, i));
	}
	ktest_log(t, "erase counts %u..%u, %llu moves", lo, hi,
		  (unsigned long long)st.wl_moves);
	KEXPECT_LE(t, hi - lo, 16 + 8);
	for (l = 4; l < ftl_vol_lebs(ftl, v); l++)
		KEXPECT_TRUE(t, check_leb(ftl, v, l, l, buf, ref));
	for (l = 0; l < 4; l++)
		KEXPECT_TRUE(t, check_leb(ftl, v, l, l, buf, ref));
	KEXPECT_EQ(t, ftl_detach(ftl), 0);
	kfree(buf);
	kfree(ref);
	mtdsim_destroy(sim);
}

static void ftl_bad_blocks(struct ktest *t)
{
	static const u32 bad[] = { 1, 9, 20 };
	struct mtdsim_config c = {
		.type = MTD_NANDFLASH, .size = 40 * 16384, .erasesize = 16384,
		.writesize = 512, .bad_blocks = bad, .nr_bad_blocks = 3,
		.wear_limit = 30, .seed = 3,
	};
	struct ftl_config cfg = { .bad_reserve = 6, .pool_size = 8 };
	struct mtdsim *sim = mtdsim_create(&c);
	u8 *buf = kmalloc(16384, GFP_KERNEL), *ref = kmalloc(16384, GFP_KERNEL);
	struct ftl_device *ftl;
	struct ftl_stats st;
	u32 l, r;
	int v, ret = 0;

	KASSERT_FALSE(t, IS_ERR(sim));
	KASSERT_TRUE(t, buf && ref);
	KASSERT_EQ(t, ftl_format(&sim->mtd, &cfg), 0);
	ftl = ftl_attach(&sim->mtd, &cfg);
	KASSERT_FALSE(t, IS_ERR(ftl));
	ftl_get_stats(ftl, &st);
	KEXPECT_EQ(t, st.bad_pebs, 3);
	v = ftl_vol_create(ftl, "v", 20);
	KASSERT_EQ(t, v, 0);
	sim->cfg.prog_fail_ppm = 2000;
	/* until blocks start wearing out (limit 30) and some more */
	for (r = 0; r < 45 && !ret; r++) {
		for (l = 0; l < 20 && !ret; l++) {
			fill(buf, ftl_leb_size(ftl), r * 1000 + l);
			ret = ftl_leb_change(ftl, v, l, buf, ftl_leb_size(ftl));
		}
	}
	ftl_get_stats(ftl, &st);
	ktest_log(t, "%u bad PEBs after %u rounds, ret %d", st.bad_pebs, r, ret);
	KEXPECT_GT(t, st.bad_pebs, 3);
	/* either it kept going, or it ran out of reserve and said so */
	KEXPECT_TRUE(t, ret == 0 || ret == -EROFS || ret == -ENOSPC);
	sim->cfg.prog_fail_ppm = 0;
	if (!ret) {
		for (l = 0; l < 20; l++)
			KEXPECT_TRUE(t, check_leb(ftl, v, l, (r - 1) * 1000 + l,
						  buf, ref));
	}
	ftl_detach(ftl);
	sim->cfg.wear_limit = 0;
	ftl = ftl_attach(&sim->mtd, &cfg);
	KASSERT_FALSE(t, IS_ERR(ftl));
	if (!ret) {
		for (l = 0; l < 20; l++)
			KEXPECT_TRUE(t, check_leb(ftl, v, l, (r - 1) * 1000 + l,
						  buf, ref));
	}
	ftl_detach(ftl);
	kfree(buf);
	kfree(ref);
	mtdsim_destroy(sim);
}

static void ftl_scrub_on_bitflips(struct ktest *t)
{
	struct mtdsim *sim = sim_new(MTD_NANDFLASH, 32, 16384, 512);
	u8 *buf = kmalloc(16384, GFP_KERNEL), *ref = kmalloc(16384, GFP_KERNEL);
	struct ftl_device *ftl;
	struct ftl_stats st;
	u32 l, i;
	int v;

	KASSERT_FALSE(t, IS_ERR(sim));
	KASSERT_TRUE(t, buf && ref);
	KASSERT_EQ(t, ftl_format(&sim->mtd, NULL), 0);
	ftl = ftl_attach(&sim->mtd, NULL);
	KASSERT_FALSE(t, IS_ERR(ftl));
	v = ftl_vol_create(ftl, "v", 10);
	churn(t, ftl, v, 10, 0, 1, buf);
	sim->cfg.bitflip_ppm = 20000;
	for (i = 0; i < 5; i++)
		for (l = 0; l < 10; l++)
			KEXPECT_TRUE(t, check_leb(ftl, v, l, l, buf, ref));
	ftl_get_stats(ftl, &st);
	KEXPECT_GT(t, st.scrubs, 0);
	KEXPECT_GT(t, sim->mtd.ecc_stats.corrected, 0);
	sim->cfg.bitflip_ppm = 0;
	sim->cfg.uncorrectable_ppm = 1000000;
	KEXPECT_EQ(t, ftl_leb_read(ftl, v, 0, 0, buf, 512), -EBADMSG);
	sim->cfg.uncorrectable_ppm = 0;
	KEXPECT_EQ(t, ftl_detach(ftl), 0);
	kfree(buf);
	kfree(ref);
	mtdsim_destroy(sim);
}

static void ftl_attach_reads_little(struct ktest *t)
{
	/* 256 blocks either way; 64 MiB on the host, 2 MiB on the target */
	u32 es = MTDSIM_TEST_SCALE == 100 ? 256 * 1024 : 8 * 1024;
	struct mtdsim *sim = sim_new(MTD_NORFLASH, 256, es, 1);
	u8 *buf = kmalloc(es, GFP_KERNEL);
	struct ftl_device *ftl;
	struct ftl_stats st;
	u64 before;
	int v;

	KASSERT_FALSE(t, IS_ERR(sim));
	KASSERT_NOT_NULL(t, buf);
	KASSERT_EQ(t, ftl_format(&sim->mtd, NULL), 0);
	ftl = ftl_attach(&sim->mtd, NULL);
	KASSERT_FALSE(t, IS_ERR(ftl));
	v = ftl_vol_create(ftl, "data", 0);
	KASSERT_GE(t, v, 0);
	churn(t, ftl, v, ftl_vol_lebs(ftl, v), 0, 1, buf);
	KEXPECT_EQ(t, ftl_detach(ftl), 0);
	before = sim->stats.bytes_read;
	ftl = ftl_attach(&sim->mtd, NULL);
	KASSERT_FALSE(t, IS_ERR(ftl));
	ftl_get_stats(ftl, &st);
	ktest_log(t, "attach of a full %u KiB NOR read %llu bytes, RAM %zu",
		  es / 4,
		  (unsigned long long)(sim->stats.bytes_read - before),
		  st.ram_bytes);
	KEXPECT_LE(t, sim->stats.bytes_read - before, 64 * 1024);
	KEXPECT_FALSE(t, st.attached_by_scan);
	KEXPECT_EQ(t, ftl_detach(ftl), 0);
	kfree(buf);
	mtdsim_destroy(sim);
}

static void ftl_alloc_failures(struct ktest *t)
{
	struct mtdsim *sim = sim_new(MTD_NORFLASH, 16, 4096, 1);
	struct ftl_device *ftl;
	long before;
	int n, ok = 0;

	if (!port_alloc_faults()) {
		if (!IS_ERR(sim))
			mtdsim_destroy(sim);
		ktest_skip(t, "no allocation fault injection here");
		return;
	}

	KASSERT_FALSE(t, IS_ERR(sim));
	KASSERT_EQ(t, ftl_format(&sim->mtd, NULL), 0);
	before = port_alloc_count();
	for (n = 0; n < 20; n++) {
		port_fail_alloc_after(n);
		ftl = ftl_attach(&sim->mtd, NULL);
		port_fail_alloc_after(-1);
		if (IS_ERR(ftl)) {
			KEXPECT_EQ(t, PTR_ERR(ftl), -ENOMEM);
		} else {
			ok++;
			KEXPECT_EQ(t, ftl_vol_create(ftl, "x", 1) >= 0 ||
				   1, 1);
			ftl_detach(ftl);
		}
		KEXPECT_EQ(t, port_alloc_count(), before);
	}
	KEXPECT_GT(t, ok, 0);
	ftl = ftl_attach(&sim->mtd, NULL);
	KASSERT_FALSE(t, IS_ERR(ftl));
	port_fail_alloc_after(0);
	KEXPECT_EQ(t, ftl_vol_create(ftl, "y", 1), -ENOMEM);
	port_fail_alloc_after(-1);
	KEXPECT_EQ(t, ftl_vol_find(ftl, "y"), -ENOENT);
	ftl_detach(ftl);
	mtdsim_destroy(sim);
}

static struct ktest_case ftl_cases[] = {
	KTEST_CASE(ftl_format_attach_checkpoint),
	KTEST_CASE(ftl_volumes),
	KTEST_CASE(ftl_leb_semantics),
	KTEST_CASE(ftl_persistence_without_detach),
	KTEST_CASE(ftl_scan_fallback),
	KTEST_CASE(ftl_wear_levelling),
	KTEST_CASE(ftl_bad_blocks),
	KTEST_CASE(ftl_scrub_on_bitflips),
	KTEST_CASE(ftl_attach_reads_little),
	KTEST_CASE(ftl_alloc_failures),
	{}
};

static struct ktest_suite ftl_suite = {
	.name = "ftl",
	.cases = ftl_cases,
};
KTEST_SUITE(ftl_suite);
