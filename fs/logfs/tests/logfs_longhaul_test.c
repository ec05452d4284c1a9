// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS long-haul power-cut test: the host twin of `make torture`
 * (user/tests/t-powercut.c on the target), over many boots on one medium.
 *
 * Each "boot" mounts the filesystem left by the previous one, checks it
 * (fsck clean, every fsync'd generation of the window whole, every other
 * generation a prefix of its data, the append-only log whole records),
 * then writes generations — /pc/g<N> in one write, fsync, a 32-byte
 * record appended to /pc/log, unlink of g<N - WINDOW> — until the
 * simulator cuts the power at a random program or erase.  Unlike the
 * short power-cut suite, state accumulates across thousands of cuts: the
 * log file grows, a cut between an fsync and the unlink leaves an old
 * generation behind, and the filesystem fills.  What must hold:
 *   - every mount works, full or not (a full medium still mounts, and
 *     unlinking makes room again);
 *   - ENOSPC comes only when the files really fill the capacity that
 *     statfs reports (no space lost across cuts);
 *   - the usage table stays exact (no GC warning).
 * Host only (minutes of work at full size).  LOGFS_LH_SEED=S replays a
 * run; LOGFS_LH_DEBUG=N turns the filesystem's debug log on from boot N.
 * One old generation in four is kept on purpose, so the medium fills
 * sooner.  After ENOSPC the power mostly goes at once, so that runs of
 * boots mount a full filesystem; now and then the workload cleans up the
 * old generations, as a user would, so a run goes through "full" many
 * times.
 */
#include "logfs_test_util.h"

#define LH_WINDOW	12
#define LH_MAX_LEN	(12 * 1024)
#define LH_MAGIC	0x54554350u
#define LH_REC_MAGIC	0x4345524cu
#define LH_MAX_FILES	4096

struct lh_gen_header {
	u32 magic, gen, len, hash;
};

struct lh_record {
	u32 magic, gen, hash, pad[5];
};

struct lh_run {
	struct lt_fix f;
	u64 rng;
	s64 synced;		/* newest generation whose fsync returned */
	u32 next_gen;
	u32 boots, enospc, mount_cuts;
	u64 gens;
	u8 buf[sizeof(struct lh_gen_header) + LH_MAX_LEN];
	u8 rbuf[sizeof(struct lh_gen_header) + LH_MAX_LEN + 1];
	u32 names[LH_MAX_FILES];
	u32 nr_names;
};

static struct lh_run *lh;
static u32 lh_debug_from;	/* LOGFS_LH_DEBUG=N: the log at debug level from boot N */

static u32 lh_fnv(const void *p, size_t n)
{
	const u8 *b = p;
	u32 h = 2166136261u;

	while (n--)
		h = (h ^ *b++) * 16777619u;
	return h;
}

static u32 lh_rand(u64 *s)
{
	*s = *s * 6364136223846793005ull + 1442695040888963407ull;
	return (u32)(*s >> 33);
}

/* The whole file of generation @gen into lh->buf; returns its size. */
static u32 lh_make_gen(u32 gen)
{
	struct lh_gen_header *h = (struct lh_gen_header *)lh->buf;
	u64 s = gen * 2654435761ull + 1;
	u32 i;

	h->magic = LH_MAGIC;
	h->gen = gen;
	h->len = 1 + lh_rand(&s) % LH_MAX_LEN;
	for (i = 0; i < h->len; i++)
		lh->buf[sizeof(*h) + i] = (u8)lh_rand(&s);
	h->hash = lh_fnv(lh->buf + sizeof(*h), h->len);
	return sizeof(*h) + h->len;
}

static int lh_fill(void *ctx, const char *name, u32 len, u32 ino, u32 type)
{
	(void)ctx; (void)ino; (void)type;
	if (len > 1 && name[0] == 'g' && lh->nr_names < LH_MAX_FILES)
		lh->names[lh->nr_names++] = (u32)strtoul(name + 1, NULL, 10);
	return 0;
}

/* 1: whole, 0: a prefix (or empty), <0: damaged or unreadable. */
static int lh_check_gen(struct ktest *t, u32 gen)
{
	char path[32];
	u32 want;
	s64 n;

	snprintf(path, sizeof(path), "/pc/g%u", gen);
	n = lt_get(lh->f.fs, path, lh->rbuf, sizeof(lh->rbuf));
	if (n < 0) {
		ktest_log(t, "boot %u: %s: read error %lld", lh->boots, path,
			  (long long)n);
		return -1;
	}
	want = lh_make_gen(gen);
	if ((u64)n > want || memcmp(lh->rbuf, lh->buf, (size_t)n)) {
		ktest_log(t, "boot %u: %s: %lld bytes, not a prefix of the %u written",
			  lh->boots, path, (long long)n, want);
		return -1;
	}
	return (u64)n == want;
}

static bool lh_check_log(struct ktest *t)
{
	struct logfs_stat st;
	struct logfs_file *fl;
	struct lh_record r;
	u64 off;

	if (logfs_stat(lh->f.fs, "/pc/log", &st) == -ENOENT)
		return true;
	if (st.size % sizeof(r)) {
		ktest_log(t, "boot %u: log size %llu is not whole records",
			  lh->boots, (unsigned long long)st.size);
		return false;
	}
	fl = logfs_open(lh->f.fs, "/pc/log", LOGFS_O_RDONLY, 0);
	if (IS_ERR(fl)) {
		ktest_log(t, "boot %u: log: open failed: %ld", lh->boots, PTR_ERR(fl));
		return false;
	}
	/* the tail only: reading 1 MiB of records each boot costs too much */
	off = st.size > 64 * sizeof(r) ? st.size - 64 * sizeof(r) : 0;
	for (; off < st.size; off += sizeof(r))
		if (logfs_pread(fl, &r, sizeof(r), off) != sizeof(r) ||
		    r.magic != LH_REC_MAGIC || r.hash != lh_fnv(&r.gen, 4)) {
			ktest_log(t, "boot %u: log record at %llu damaged",
				  lh->boots, (unsigned long long)off);
			logfs_close(fl);
			return false;
		}
	logfs_close(fl);
	return true;
}

/* After a cut and a mount: fsck, every fsync'd generation whole. */
static bool lh_verify(struct ktest *t)
{
	struct logfs_stat st;
	char path[32];
	s64 g;
	u32 i;
	int ret;

	ret = logfs_fsck(lh->f.fs, false, NULL, NULL);
	if (ret) {
		ktest_log(t, "boot %u: fsck: %d", lh->boots, ret);
		return false;
	}
	lh->nr_names = 0;
	ret = logfs_readdir(lh->f.fs, "/pc", lh_fill, NULL);
	if (ret && ret != -ENOENT) {
		ktest_log(t, "boot %u: readdir: %d", lh->boots, ret);
		return false;
	}
	for (i = 0; i < lh->nr_names; i++)
		if (lh_check_gen(t, lh->names[i]) < 0)
			return false;
	for (g = lh->synced; g >= 0 && g > lh->synced - LH_WINDOW; g--) {
		snprintf(path, sizeof(path), "/pc/g%lld", (long long)g);
		ret = logfs_stat(lh->f.fs, path, &st);
		if (ret || lh_check_gen(t, (u32)g) != 1) {
			ktest_log(t, "boot %u: generation %lld (fsync'd) %s (%llu bytes)",
				  lh->boots, (long long)g, ret ? "missing" : "not whole",
				  ret ? 0ull : (unsigned long long)st.size);
			return false;
		}
	}
	return lh_check_log(t);
}

/*
 * The filesystem said ENOSPC: the files must really fill it.  Allow for
 * what each file costs beyond its bytes (a block rounded up, its inode
 * and tree) and the log's own metadata.
 */
static bool lh_enospc_is_real(struct ktest *t)
{
	struct logfs_statfs sf;
	struct logfs_stat st;
	char path[32];
	u64 used = 0, cap;
	u32 i;

	logfs_statfs(lh->f.fs, &sf);
	lh->nr_names = 0;
	if (logfs_readdir(lh->f.fs, "/pc", lh_fill, NULL)) {
		ktest_log(t, "boot %u: readdir after ENOSPC failed", lh->boots);
		return false;
	}
	for (i = 0; i < lh->nr_names; i++) {
		snprintf(path, sizeof(path), "/pc/g%u", lh->names[i]);
		if (!logfs_stat(lh->f.fs, path, &st))
			used += ALIGN_UP(st.size, 4096) + 1024;
	}
	if (!logfs_stat(lh->f.fs, "/pc/log", &st))
		used += ALIGN_UP(st.size, 4096) + st.size / 64;
	cap = sf.blocks * sf.block_size;
	if (used * 10 >= cap * 8)
		return true;
	ktest_log(t, "boot %u: ENOSPC with %llu of %llu bytes in files "
		  "(%u files, %u free segments of %u, %llu gc segments)",
		  lh->boots, (unsigned long long)used, (unsigned long long)cap,
		  lh->nr_names, sf.free_segs, sf.nr_segs,
		  (unsigned long long)sf.gc_segs);
	return false;
}

/* Remove every generation but the window, as a user would when full. */
static int lh_clean_up(void)
{
	char path[32];
	u32 i;
	int ret;

	for (i = 0; i < lh->nr_names; i++) {
		if ((s64)lh->names[i] > lh->synced - LH_WINDOW)
			continue;
		snprintf(path, sizeof(path), "/pc/g%u", lh->names[i]);
		ret = logfs_unlink(lh->f.fs, path);
		if (ret && ret != -ENOENT)
			return ret;
	}
	return logfs_truncate(lh->f.fs, "/pc/log", 0);
}

/* One generation; returns 0 or the error (ENOSPC, or the power went). */
static int lh_write_gen(u32 gen)
{
	struct lh_record rec = { .magic = LH_REC_MAGIC, .gen = gen };
	struct logfs_file *fl;
	char path[32];
	u32 len = lh_make_gen(gen);
	s64 n;
	int ret;

	snprintf(path, sizeof(path), "/pc/g%u", gen);
	fl = logfs_open(lh->f.fs, path, LOGFS_O_WRONLY | LOGFS_O_CREAT |
			LOGFS_O_TRUNC, 0644);
	if (IS_ERR(fl))
		return PTR_ERR(fl);
	n = logfs_pwrite(fl, lh->buf, len, 0);
	ret = n < 0 ? (int)n : n != len ? -EIO : logfs_fsync(fl);
	logfs_close(fl);
	if (ret)
		return ret;
	lh->synced = gen;
	lh->next_gen = gen + 1;	/* never O_TRUNC an fsync'd generation */
	lh->gens++;
	rec.hash = lh_fnv(&rec.gen, 4);
	fl = logfs_open(lh->f.fs, "/pc/log", LOGFS_O_WRONLY | LOGFS_O_CREAT |
			LOGFS_O_APPEND, 0644);
	if (IS_ERR(fl))
		return PTR_ERR(fl);
	n = logfs_pwrite(fl, &rec, sizeof(rec), 0);
	logfs_close(fl);
	if (n < 0)
		return (int)n;
	/* one in four old generations stays: the medium fills sooner */
	if (gen >= LH_WINDOW && lh_rand(&lh->rng) % 4) {
		snprintf(path, sizeof(path), "/pc/g%u", gen - LH_WINDOW);
		ret = logfs_unlink(lh->f.fs, path);
		if (ret && ret != -ENOENT)
			return ret;
	}
	return 0;
}

/* Work until the power goes (the cut is armed by the caller). */
static bool lh_work(struct ktest *t)
{
	int ret, i;

	ret = logfs_mkdir(lh->f.fs, "/pc", 0755);
	if (ret && ret != -EEXIST && !lh->f.sim->powered_off) {
		ktest_log(t, "boot %u: mkdir: %d", lh->boots, ret);
		return false;
	}
	for (i = 0; !lh->f.sim->powered_off; i++) {
		ret = lh_write_gen(lh->next_gen);
		if (!ret)
			continue;
		if (lh->f.sim->powered_off)
			break;
		if (ret != -ENOSPC) {
			ktest_log(t, "boot %u: generation %u: %d", lh->boots,
				  lh->next_gen, ret);
			return false;
		}
		lh->enospc++;
		if (!lh_enospc_is_real(t))
			return false;
		/*
		 * Mostly the power goes while the medium is full (t-powercut
		 * gives up and the board is reset): the next boots mount a
		 * full filesystem, again and again.  Then a clean-up.
		 */
		if (lh_rand(&lh->rng) % 16) {
			lh->f.sim->powered_off = true;
			break;
		}
		ret = lh_clean_up();
		if (ret && !lh->f.sim->powered_off) {
			ktest_log(t, "boot %u: clean-up after ENOSPC: %d",
				  lh->boots, ret);
			return false;
		}
		/* the generation that failed is written again: never fsync'd */
	}
	return true;
}

static void lh_run(struct ktest *t, u32 nblocks, u32 es, u32 boots,
		   u32 max_cut, u64 seed)
{
	struct logfs_statfs sf;
	bool ok = true;
	int ret;

	lh = kzalloc(sizeof(*lh), GFP_KERNEL);
	KASSERT_NOT_NULL(t, lh);
	lh_debug_from = getenv("LOGFS_LH_DEBUG") ?
			(u32)strtoul(getenv("LOGFS_LH_DEBUG"), NULL, 10) : 0;
	lh->rng = seed;
	lh->synced = -1;
	KASSERT_EQ(t, lt_setup(&lh->f, nblocks, es, 0, seed), 0);
	lt_unmount(&lh->f);
	for (lh->boots = 1; ok && lh->boots <= boots; lh->boots++) {
		if (lh->boots == lh_debug_from)
			port_set_loglevel(LOGLEVEL_DEBUG);
		/* one boot in four loses the power early, often in mount */
		if (lh_rand(&lh->rng) % 4 == 0)
			mtdsim_set_powercut(lh->f.sim, 1 + lh_rand(&lh->rng) % 48);
		ret = lt_mount(&lh->f);
		if (lh->f.sim->powered_off) {
			lh->mount_cuts++;
			goto power_cycle;
		}
		if (ret) {
			ktest_log(t, "boot %u: mount failed: %d", lh->boots, ret);
			ok = false;
			break;
		}
		mtdsim_set_powercut(lh->f.sim, 0);	/* fsck may commit */
		ok = lh_verify(t);
		if (!ok)
			break;
		logfs_statfs(lh->f.fs, &sf);
		if (sf.sut_errors) {
			ktest_log(t, "boot %u: usage table wrong %llu times",
				  lh->boots, (unsigned long long)sf.sut_errors);
			ok = false;
			break;
		}
		mtdsim_set_powercut(lh->f.sim, 1 + lh_rand(&lh->rng) % max_cut);
		ok = lh_work(t);
power_cycle:
		lt_unmount(&lh->f);		/* no power: frees only */
		mtdsim_power_on(lh->f.sim);
	}
	if (!ok)
		ktest_log(t, "replay: seed=%llu (boot %u)",
			  (unsigned long long)seed, lh->boots);
	ktest_log(t, "%u boots (%u cut in mount), %llu generations fsync'd, "
		  "%u ENOSPC", lh->boots - 1, lh->mount_cuts,
		  (unsigned long long)lh->gens, lh->enospc);
	KEXPECT_TRUE(t, ok);
	KEXPECT_GT(t, lh->enospc, 0u);	/* it did go through "full" */
	lt_teardown(&lh->f);
	kfree(lh);
	lh = NULL;
}

static u64 lh_seed(void)
{
	const char *e = getenv("LOGFS_LH_SEED");

	return e ? strtoull(e, NULL, 0) : 20261207;
}

/* 3 MiB of NOR, 128 KiB blocks: full many times over */
static void logfs_longhaul_small(struct ktest *t)
{
	lh_run(t, 24, 128 * 1024, 600, 1500, lh_seed());
}

static struct ktest_case lh_cases[] = {
	KTEST_CASE(logfs_longhaul_small),
	{}
};

/* the cuts' error lines are expected: keep them off the console */
static int lh_old_loglevel;

static int lh_init(struct ktest *t)
{
	(void)t;
	lh_old_loglevel = port_set_loglevel(LOGLEVEL_CRIT);
	if (lh_old_loglevel >= LOGLEVEL_DEBUG)
		port_set_loglevel(lh_old_loglevel);
	return 0;
}

static void lh_exit(struct ktest *t)
{
	(void)t;
	port_set_loglevel(lh_old_loglevel);
}

static struct ktest_suite lh_suite = {
	.name = "logfs_longhaul",
	.init = lh_init,
	.exit = lh_exit,
	.cases = lh_cases,
};
KTEST_SUITE(lh_suite);
