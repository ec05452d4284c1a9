// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS on a faulty FTL: wear (the device written many times over, the
 * erase-count spread must stay within the FTL's bound), correctable and
 * uncorrectable bit flips (data intact and scrubbed; or a clean error and
 * a read-only fs), factory bad blocks plus program failures plus blocks
 * wearing out (work goes on, data intact, fsck clean after remount).
 */
#include "logfs_test_util.h"

struct st_fix {
	struct mtdsim *sim;
	struct ftl_device *ftl;
	struct logfs_dev dev;
	struct logfs *fs;
	struct ftl_config fcfg;
};

static int st_up(struct st_fix *s, bool format)
{
	int vol, ret;

	if (format) {
		ret = ftl_format(&s->sim->mtd, &s->fcfg);
		if (ret)
			return ret;
	}
	s->ftl = ftl_attach(&s->sim->mtd, &s->fcfg);
	if (IS_ERR(s->ftl))
		return PTR_ERR(s->ftl);
	vol = format ? ftl_vol_create(s->ftl, "data", 0) : ftl_vol_find(s->ftl, "data");
	if (vol < 0)
		return vol;
	ret = logfs_dev_ftl(&s->dev, s->ftl, vol);
	if (!ret && format)
		ret = logfs_format(&s->dev);
	if (ret)
		return ret;
	s->fs = logfs_mount(&s->dev, NULL);
	return IS_ERR(s->fs) ? PTR_ERR(s->fs) : 0;
}

static void st_down(struct st_fix *s)
{
	if (s->fs && !IS_ERR(s->fs))
		if (logfs_unmount(s->fs))
			pr_err("stress: unmount failed\n");
	s->fs = NULL;
	if (s->dev.release)
		s->dev.release(&s->dev);
	memset(&s->dev, 0, sizeof(s->dev));
	if (s->ftl && !IS_ERR(s->ftl))
		ftl_detach(s->ftl);
	s->ftl = NULL;
}

static void logfs_wear_spread(struct ktest *t)
{
	struct mtdsim_config c = { .type = MTD_NORFLASH, .size = 32 * 32768,
				   .erasesize = 32768, .seed = 5 };
	static struct st_fix s;
	u8 *buf = kmalloc(16384, GFP_KERNEL), *got = kmalloc(16384, GFP_KERNEL);
	struct logfs_file *f;
	u32 i, lo = ~0u, hi = 0;
	u64 written = 0;

	KASSERT_TRUE(t, buf && got);
	memset(&s, 0, sizeof(s));
	s.fcfg.wl_threshold = 8;
	s.sim = mtdsim_create(&c);
	KASSERT_FALSE(t, IS_ERR(s.sim));
	KASSERT_EQ(t, st_up(&s, true), 0);
	lt_pattern(buf, 16384, 1);
	KASSERT_EQ(t, lt_put(s.fs, "/cold", buf, 16384 * 1), 0);
	f = logfs_open(s.fs, "/hot", LOGFS_O_RDWR | LOGFS_O_CREAT, 0644);
	KASSERT_FALSE(t, IS_ERR(f));
	/* 30 times the device */
	while (written < 30ull * c.size) {
		buf[0] = (u8)written;
		KASSERT_EQ(t, logfs_pwrite(f, buf, 16384, 0), 16384);
		written += 16384;
	}
	logfs_close(f);
	for (i = 2; i < 32; i++) {	/* 0, 1: FTL checkpoint PEBs */
		lo = min(lo, mtdsim_erase_count(s.sim, i));
		hi = max(hi, mtdsim_erase_count(s.sim, i));
	}
	ktest_log(t, "erase counts %u..%u after writing %llu MiB", lo, hi,
		  (unsigned long long)(written >> 20));
	KEXPECT_GT(t, hi, 20);
	KEXPECT_LE(t, hi - lo, 8 + 6);
	lt_pattern(buf, 16384, 1);
	KEXPECT_EQ(t, lt_get(s.fs, "/cold", got, 16384), 16384);
	KEXPECT_MEMEQ(t, got, buf, 16384);
	KEXPECT_EQ(t, logfs_fsck(s.fs, false, NULL, NULL), 0);
	st_down(&s);
	mtdsim_destroy(s.sim);
	kfree(buf);
	kfree(got);
}

static void logfs_bitflips(struct ktest *t)
{
	struct mtdsim_config c = { .type = MTD_NANDFLASH, .size = 64 * 65536,
				   .erasesize = 65536, .writesize = 2048, .seed = 9 };
	static struct st_fix s;
	u8 *buf = kmalloc(65536, GFP_KERNEL), *got = kmalloc(65536, GFP_KERNEL);
	struct logfs_statfs sf;
	struct ftl_stats fst;
	char p[16];
	int i;
	s64 n;

	KASSERT_TRUE(t, buf && got);
	memset(&s, 0, sizeof(s));
	s.sim = mtdsim_create(&c);
	KASSERT_FALSE(t, IS_ERR(s.sim));
	KASSERT_EQ(t, st_up(&s, true), 0);
	for (i = 0; i < 8; i++) {
		lt_pattern(buf, 65536, i);
		snprintf(p, sizeof(p), "/f%d", i);
		KASSERT_EQ(t, lt_put(s.fs, p, buf, 65536), 0);
	}
	st_down(&s);
	s.sim->cfg.bitflip_ppm = 50000;		/* 5 % of page reads */
	KASSERT_EQ(t, st_up(&s, false), 0);
	for (i = 0; i < 8; i++) {
		lt_pattern(buf, 65536, i);
		snprintf(p, sizeof(p), "/f%d", i);
		KEXPECT_EQ(t, lt_get(s.fs, p, got, 65536), 65536);
		KEXPECT_MEMEQ(t, got, buf, 65536);
	}
	ftl_get_stats(s.ftl, &fst);
	KEXPECT_GT(t, fst.scrubs, 0);
	KEXPECT_EQ(t, logfs_fsck(s.fs, false, NULL, NULL), 0);
	/* uncorrectable: a clean error and a read-only fs, no crash */
	s.sim->cfg.bitflip_ppm = 0;
	s.sim->cfg.uncorrectable_ppm = 1000000;
	n = lt_get(s.fs, "/f3", got, 65536);
	KEXPECT_TRUE(t, n == -EIO || n == -EUCLEAN);
	logfs_statfs(s.fs, &sf);
	KEXPECT_TRUE(t, sf.read_only);
	s.sim->cfg.uncorrectable_ppm = 0;
	/* the medium reads again, but the fs stays read-only until remount */
	KEXPECT_EQ(t, lt_put(s.fs, "/new", buf, 10), -EROFS);
	st_down(&s);
	KASSERT_EQ(t, st_up(&s, false), 0);	/* the medium is fine again */
	lt_pattern(buf, 65536, 3);
	KEXPECT_EQ(t, lt_get(s.fs, "/f3", got, 65536), 65536);
	KEXPECT_MEMEQ(t, got, buf, 65536);
	st_down(&s);
	mtdsim_destroy(s.sim);
	kfree(buf);
	kfree(got);
}

static void logfs_bad_blocks(struct ktest *t)
{
	static const u32 bad[] = { 3, 17, 40 };
	struct mtdsim_config c = { .type = MTD_NANDFLASH, .size = 64 * 65536,
				   .erasesize = 65536, .writesize = 2048, .seed = 4,
				   .bad_blocks = bad, .nr_bad_blocks = 3 };
	static struct st_fix s;
	u8 *buf = kmalloc(65536, GFP_KERNEL), *got = kmalloc(65536, GFP_KERNEL);
	struct ftl_stats fst;
	int round, i, ret = 0;
	char p[16];

	KASSERT_TRUE(t, buf && got);
	memset(&s, 0, sizeof(s));
	s.fcfg.bad_reserve = 8;
	s.sim = mtdsim_create(&c);
	KASSERT_FALSE(t, IS_ERR(s.sim));
	KASSERT_EQ(t, st_up(&s, true), 0);
	s.sim->cfg.prog_fail_ppm = 3000;
	s.sim->cfg.wear_limit = 60;
	for (round = 0; round < 12 && !ret; round++) {
		for (i = 0; i < 8 && !ret; i++) {
			lt_pattern(buf, 65536, round * 8 + i);
			snprintf(p, sizeof(p), "/f%d", i);
			ret = lt_put(s.fs, p, buf, 65536);
		}
	}
	ftl_get_stats(s.ftl, &fst);
	ktest_log(t, "%u bad PEBs, %d rounds, ret %d", fst.bad_pebs, round, ret);
	KEXPECT_GT(t, fst.bad_pebs, 3);
	KEXPECT_TRUE(t, ret == 0 || ret == -EROFS || ret == -EIO || ret == -ENOSPC);
	s.sim->cfg.prog_fail_ppm = 0;
	st_down(&s);
	KASSERT_EQ(t, st_up(&s, false), 0);
	KEXPECT_EQ(t, logfs_fsck(s.fs, false, NULL, NULL), 0);
	if (!ret) {
		for (i = 0; i < 8; i++) {
			lt_pattern(buf, 65536, (round - 1) * 8 + i);
			snprintf(p, sizeof(p), "/f%d", i);
			KEXPECT_EQ(t, lt_get(s.fs, p, got, 65536), 65536);
			KEXPECT_MEMEQ(t, got, buf, 65536);
		}
	}
	st_down(&s);
	mtdsim_destroy(s.sim);
	kfree(buf);
	kfree(got);
}

static struct ktest_case stress_cases[] = {
	KTEST_CASE(logfs_wear_spread),
	KTEST_CASE(logfs_bitflips),
	KTEST_CASE(logfs_bad_blocks),
	{}
};

static struct ktest_suite stress_suite = {
	.name = "logfs_stress",
	.cases = stress_cases,
};
KTEST_SUITE(stress_suite);
