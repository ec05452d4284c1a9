// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS power-cut test.  A seeded workload of model operations runs on
 * LogFS over the FTL over a simulated NOR; the simulator cuts power during
 * the Nth program or erase — every N for the first seeds, sampled N for
 * the longer ones.  After each cut: power on, attach, mount (must work),
 * fsck (must be clean), and the visible state must equal the model after
 * some prefix of the operations that is at least as long as the last
 * one made durable by fsync/sync (each operation all-or-nothing, nothing
 * durable lost).  Then the fs must take more writes and remount clean.
 * The workload holds a file open across operations; a file unlinked while
 * held must be gone after the cut's mount (no orphan left, fsck clean).
 * A failure logs "replay: seed=S cut=N".
 */
#define LM_MAXFILE	(8 * 1024)
#include "logfs_model.h"
#include "../logfs_format.h"

#define PC_OPS		300
/* cuts of the exhaustive case; the target does MTDSIM_TEST_SCALE % */
#define PC_TARGET_CUTS	mtdsim_test_scaled(10000, 200)
/* the sampled case: cut every PC_STRIDE-th operation of a few workloads */
#define PC_STRIDE	7
#define PC_SAMPLED_SEEDS mtdsim_test_scaled(4, 1)

static u64 pc_total_cuts;

struct pc_run {
	struct lt_fix f;
	struct lm_model durable;	/* state at the last fsync/sync */
	struct lm_model m;		/* state after the ops so far */
	struct lm_op ops[PC_OPS];	/* ops since durable */
	int nops;
};

static struct pc_run pc;

static int pc_setup(u64 seed)
{
	memset(&pc.durable, 0, sizeof(pc.durable));
	memset(&pc.m, 0, sizeof(pc.m));
	pc.nops = 0;
	return lt_setup(&pc.f, 32, 32 * 1024, 0, seed);
}

/* Run the workload until it ends or fails; returns the failing result. */
static int pc_workload(u64 seed, int nops)
{
	u64 s = seed;
	struct lm_op op;
	int i, want, got;

	for (i = 0; i < nops; i++) {
		lm_gen(&op, &s, &pc.m);
		want = lm_predict(&pc.m, &op);
		if (want == 1)
			continue;
		pc.ops[pc.nops++] = op;
		got = lm_apply(pc.f.fs, &op);
		if (got != want)
			return got ? got : -EINVAL;
		if (op.kind == LM_FSYNC || op.kind == LM_SYNC) {
			pc.durable = pc.m;
			pc.nops = 0;
		}
	}
	return 0;
}

/*
 * Does the fs match the durable state or one of the later prefixes?
 * Returns the state it matches (valid until the next call), or NULL.
 */
static const struct lm_model *pc_matches(struct ktest *t)
{
	static struct lm_model c;
	int k;

	c = pc.durable;
	for (k = 0;; k++) {
		if (lm_compare(t, pc.f.fs, &c, true))
			return &c;
		if (k == pc.nops)
			break;
		/* a write to a new file is two calls: create, then write */
		if (pc.ops[k].kind == LM_WRITE && c.type[pc.ops[k].a] == LM_NONE &&
		    !lm_lookup_err(&c, pc.ops[k].a)) {
			static struct lm_model mid;
			struct lm_op create = pc.ops[k];

			mid = c;
			create.off = 0;
			create.len = 0;
			lm_predict(&mid, &create);
			if (lm_compare(t, pc.f.fs, &mid, true))
				return &mid;
		}
		lm_predict(&c, &pc.ops[k]);
	}
	lm_compare(t, pc.f.fs, &pc.durable, false);	/* say why */
	ktest_log(t, "%d ops since the last sync; against the last state:", pc.nops);
	for (k = 0; k < pc.nops; k++)
		ktest_log(t, "  op %d: kind %d %s %s off %u len %u", k,
			  pc.ops[k].kind, lm_paths[pc.ops[k].a],
			  lm_paths[pc.ops[k].b], pc.ops[k].off, pc.ops[k].len);
	lm_compare(t, pc.f.fs, &c, false);
	return NULL;
}

/*
 * After the recovery mount: more writes, a commit, a clean remount.  The
 * remount must find all of it (the state recovered plus /after), not
 * fall back to an anchor older than the recovery's (e.g. past a torn
 * anchor whose seq a later anchor repeated).
 */
static int pc_after_recovery(struct ktest *t, const struct lm_model *m)
{
	char buf[8];
	s64 n;
	int ret;

	ret = lt_put(pc.f.fs, "/after", "cut", 3);
	if (!ret)
		ret = logfs_sync(pc.f.fs);
	if (!ret)
		ret = lt_put(pc.f.fs, "/after", "cut2", 4);
	if (!ret)
		ret = lt_remount(&pc.f);
	if (!ret)
		ret = logfs_fsck(pc.f.fs, false, NULL, NULL);
	if (ret) {
		ktest_log(t, "after recovery: %d", ret);
		return ret;
	}
	n = lt_get(pc.f.fs, "/after", buf, sizeof(buf));
	if (n != 4 || memcmp(buf, "cut2", 4)) {
		ktest_log(t, "after recovery and a remount: /after reads %lld bytes",
			  (long long)n);
		return -EUCLEAN;
	}
	if (!lm_compare(t, pc.f.fs, m, false)) {
		ktest_log(t, "after recovery and a remount: state differs");
		return -EUCLEAN;
	}
	return 0;
}

static bool pc_one(struct ktest *t, u64 seed, int nops, u64 cut, u64 *ops)
{
	const struct lm_model *m;
	struct logfs_statfs sf;
	u64 start;
	bool ok = false;
	int ret;

	if (pc_setup(seed))
		return false;
	start = pc.f.sim->stats.powercut_ops;
	mtdsim_set_powercut(pc.f.sim, cut);
	ret = pc_workload(seed, nops);
	*ops = pc.f.sim->stats.powercut_ops - start;
	if (!pc.f.sim->powered_off) {
		ok = !ret && lm_compare(t, pc.f.fs, &pc.m, false);
		goto out;
	}
	lm_drop_handle();		/* the held file goes with the power */
	lt_unmount(&pc.f);		/* fails: no power; frees */
	mtdsim_power_on(pc.f.sim);
	ret = lt_mount(&pc.f);
	if (ret) {
		ktest_log(t, "mount after the cut: %d", ret);
		goto out;
	}
	ret = logfs_fsck(pc.f.fs, false, NULL, NULL);
	if (ret) {
		ktest_log(t, "fsck after the cut: %d", ret);
		goto out;
	}
	logfs_statfs(pc.f.fs, &sf);
	if (sf.orphans) {
		ktest_log(t, "%u orphans left after mount", sf.orphans);
		goto out;
	}
	m = pc_matches(t);
	if (!m)
		goto out;
	/* and it goes on */
	ok = !pc_after_recovery(t, m);
out:
	lm_drop_handle();
	lt_teardown(&pc.f);
	return ok;
}

/* Cut at every @stride-th operation of one seeded workload. */
static u64 pc_seed(struct ktest *t, u64 seed, int nops, u64 stride, u64 *fails)
{
	u64 total, cut, n = 0, ops;
	bool ok;

	ok = pc_one(t, seed, nops, 0, &total);
	if (!ok) {
		ktest_log(t, "replay: seed=%llu ops=%d cut=0 (no cut)",
			  (unsigned long long)seed, nops);
		(*fails)++;
		return 0;
	}
	for (cut = 1; cut <= total && *fails < 3; cut += stride) {
		n++;
		if (!pc_one(t, seed, nops, cut, &ops)) {
			ktest_log(t, "replay: seed=%llu ops=%d cut=%llu",
				  (unsigned long long)seed, nops,
				  (unsigned long long)cut);
			(*fails)++;
		}
	}
	return n;
}

static u64 getenv_seed(void)
{
#ifndef __KERNEL__
	const char *e = getenv("LOGFS_PC_SEED");

	return e ? strtoull(e, NULL, 0) : 0;
#else
	return 0;
#endif
}

/* Short workloads (30 ops), every cut, seeds until the budget is met. */
static void logfs_powercut_every(struct ktest *t)
{
	u64 seed, cuts = 0, fails = 0;

	seed = 1;
	if (getenv_seed())
		seed = getenv_seed();
	for (; cuts < PC_TARGET_CUTS && fails < 3; seed++)
		cuts += pc_seed(t, seed, 30, 1, &fails);
	pc_total_cuts += cuts;
	ktest_log(t, "%llu power cuts over %llu workloads (%llu unlinks of held files)",
		  (unsigned long long)cuts, (unsigned long long)(seed - 1),
		  (unsigned long long)lm_orphans_made);
	KEXPECT_EQ(t, fails, 0);
	KEXPECT_GE(t, cuts, PC_TARGET_CUTS);
}

/* Long workloads (300 ops, more GC and commits), sampled cuts. */
static void logfs_powercut_sampled(struct ktest *t)
{
	u64 seed, cuts = 0, fails = 0;

	for (seed = 1000; seed < 1000 + PC_SAMPLED_SEEDS && fails < 3; seed++)
		cuts += pc_seed(t, seed, PC_OPS, PC_STRIDE, &fails);
	pc_total_cuts += cuts;
	ktest_log(t, "%llu sampled power cuts (total %llu)",
		  (unsigned long long)cuts, (unsigned long long)pc_total_cuts);
	KEXPECT_EQ(t, fails, 0);
}

/*
 * Torn anchors made by hand, where the cuts above only reach them by
 * chance: part of the newest anchor is on the medium (its header, with a
 * seq as programmed, or less), the rest of its slot is not — a power cut
 * between the program commands of one anchor.  Mount falls back to the
 * anchor before it; everything written after that must be what the next
 * mounts see, also once the journal and the log have wrapped.
 */
enum ta_where { TA_MID, TA_SEG_END, TA_NEXT_SEG };
enum ta_tear {
	TA_BODY,	/* the header whole, half the slot */
	TA_SEQ_BITS,	/* seq with some bits not programmed (higher) */
	TA_SEQ_BLANK,	/* magic only: seq reads all ones */
	TA_MAGIC,	/* half the magic, nothing else */
};

struct ta_param {
	const char *name;
	enum ta_where where;
	enum ta_tear tear;
	bool blkio;
};

static const struct ta_param ta_params[] = {
	{ "mid body", TA_MID, TA_BODY, false },
	{ "mid seq bits", TA_MID, TA_SEQ_BITS, false },
	{ "mid seq blank", TA_MID, TA_SEQ_BLANK, false },
	{ "mid magic", TA_MID, TA_MAGIC, false },
	{ "segment end body", TA_SEG_END, TA_BODY, false },
	{ "segment end seq blank", TA_SEG_END, TA_SEQ_BLANK, false },
	{ "next segment body", TA_NEXT_SEG, TA_BODY, false },
	{ "next segment seq bits", TA_NEXT_SEG, TA_SEQ_BITS, false },
	{ "next segment seq blank", TA_NEXT_SEG, TA_SEQ_BLANK, false },
	{ "next segment magic", TA_NEXT_SEG, TA_MAGIC, false },
	{ "blkio mid body", TA_MID, TA_BODY, true },
	{ "blkio next segment body", TA_NEXT_SEG, TA_BODY, true },
};

static void ta_describe(const void *param, char *buf, size_t len)
{
	snprintf(buf, len, "%s", ((const struct ta_param *)param)->name);
}

struct ta_journal {
	u32 slot_size, nr_slots;
	u32 seg, slot;		/* where the newest anchor is */
	u64 seq;		/* its seq */
};

/* Find the newest anchor header (the test makes no torn ones but its own). */
static int ta_newest(struct logfs_dev *dev, struct ta_journal *j)
{
	struct logfs_anchor a;
	u32 seg, s;
	int ret;

	j->slot_size = ALIGN_UP((u32)sizeof(a) + (dev->nr_segs + LOGFS_MAX_ORPHANS) *
				(u32)sizeof(u32), dev->io_unit);
	j->nr_slots = dev->seg_size / j->slot_size;
	j->seq = 0;
	for (seg = 0; seg < LOGFS_JOURNAL_SEGS; seg++) {
		for (s = 0; s < j->nr_slots; s++) {
			ret = dev->read(dev, seg, s * j->slot_size, &a, sizeof(a));
			if (ret)
				return ret;
			if (a.magic == LOGFS_ANCHOR_MAGIC && a.seq > j->seq) {
				j->seq = a.seq;
				j->seg = seg;
				j->slot = s;
			}
		}
	}
	return j->seq ? 0 : -ENOENT;
}

/* Commit until the unmount's anchor will land where the tear wants it. */
static int ta_advance(struct lt_fix *f, enum ta_where where)
{
	struct ta_journal j;
	u32 want, i;
	int ret;

	for (i = 0; i < 400; i++) {
		ret = ta_newest(&f->dev, &j);
		if (ret)
			return ret;
		want = where == TA_MID ? j.slot : where == TA_SEG_END ?
		       j.nr_slots - 3 : j.nr_slots - 2;
		if (j.slot == want && j.slot + 2 < j.nr_slots + (where != TA_MID))
			return 0;
		ret = lt_put(f->fs, "/tick", &i, sizeof(i));
		if (!ret)
			ret = logfs_sync(f->fs);
		if (ret)
			return ret;
	}
	return -ENOSPC;
}

/* After an unmount: program part of the next anchor. */
static int ta_tear(struct lt_fix *f, const struct ta_param *p)
{
	struct ta_journal j;
	struct logfs_anchor *a;
	u32 seg, slot, keep;
	u8 *buf;
	int ret;

	ret = lt_attach(f);
	if (!ret)
		ret = ta_newest(&f->dev, &j);
	if (ret)
		goto out_detach;
	buf = kmalloc(j.slot_size, GFP_KERNEL);
	if (!buf) {
		ret = -ENOMEM;
		goto out_detach;
	}
	seg = j.seg;
	slot = j.slot + 1;
	if (slot == j.nr_slots) {	/* what the writer does: erase, slot 0 */
		seg = 1 - seg;
		slot = 0;
		ret = f->dev.erase(&f->dev, seg);
	}
	if (!ret)
		ret = f->dev.read(&f->dev, j.seg, j.slot * j.slot_size, buf,
				  j.slot_size);
	if (ret)
		goto out_free;
	a = (struct logfs_anchor *)buf;
	a->flags = 0;
	a->seq = j.seq + 1;
	keep = j.slot_size / 2;
	if (p->tear == TA_SEQ_BITS)
		a->seq |= 0xffff00ull;
	if (p->tear == TA_SEQ_BLANK) {
		a->seq = ~0ull;
		keep = 16;
	}
	if (p->tear == TA_MAGIC)
		keep = 2;
	memset(buf + keep, 0xff, j.slot_size - keep);
	ret = f->dev.write(&f->dev, seg, slot * j.slot_size, buf,
			   ALIGN_UP(keep, f->dev.io_unit));
	if (!ret)
		ret = f->dev.sync(&f->dev);
out_free:
	kfree(buf);
out_detach:
	lt_detach(f);
	return ret;
}

/* /keep, /after and /churn hold what was last written to them. */
static void ta_check(struct ktest *t, struct lt_fix *f, const u8 *keep,
		     u32 churn, const char *when)
{
	static u8 buf[16 * 1024], want[16 * 1024];
	s64 n;

	KEXPECT_EQ(t, logfs_fsck(f->fs, false, NULL, NULL), 0);
	n = lt_get(f->fs, "/keep", buf, sizeof(buf));
	if (n != 5000 || memcmp(buf, keep, 5000))
		ktest_log(t, "%s: /keep reads %lld bytes or differs", when, (long long)n);
	KEXPECT_TRUE(t, n == 5000 && !memcmp(buf, keep, 5000));
	n = lt_get(f->fs, "/after", buf, sizeof(buf));
	if (n != 5 || memcmp(buf, "after", 5))
		ktest_log(t, "%s: /after reads %lld bytes or differs", when, (long long)n);
	KEXPECT_TRUE(t, n == 5 && !memcmp(buf, "after", 5));
	if (!churn)
		return;
	lt_pattern(want, sizeof(want), churn);
	n = lt_get(f->fs, "/churn", buf, sizeof(buf));
	if (n != sizeof(want) || memcmp(buf, want, sizeof(want)))
		ktest_log(t, "%s: /churn reads %lld bytes or differs", when, (long long)n);
	KEXPECT_TRUE(t, n == sizeof(want) && !memcmp(buf, want, sizeof(want)));
}

static void logfs_powercut_torn_anchor(struct ktest *t)
{
	const struct ta_param *p = t->param;
	static u8 keep[5000], churn[16 * 1024];
	struct lt_fix f;
	u32 i;

	KASSERT_EQ(t, lt_setup(&f, 32, 32 * 1024, p->blkio ? 2 * 1024 * 1024 : 0, 7), 0);
	lt_pattern(keep, sizeof(keep), 1);
	KASSERT_EQ(t, lt_put(f.fs, "/keep", keep, sizeof(keep)), 0);
	KASSERT_EQ(t, ta_advance(&f, p->where), 0);
	KASSERT_EQ(t, lt_unmount(&f), 0);
	KASSERT_EQ(t, ta_tear(&f, p), 0);

	/* the mount falls back past the torn anchor and goes on */
	KASSERT_EQ(t, lt_mount(&f), 0);
	KASSERT_EQ(t, lt_put(f.fs, "/after", "after", 5), 0);
	KEXPECT_EQ(t, logfs_sync(f.fs), 0);
	KASSERT_EQ(t, lt_remount(&f), 0);
	ta_check(t, &f, keep, 0, "remount");

	/* wrap the log and the journal: the old anchor's segments get reused */
	for (i = 1; i <= 80; i++) {
		lt_pattern(churn, sizeof(churn), i);
		KASSERT_EQ(t, lt_put(f.fs, "/churn", churn, sizeof(churn)), 0);
		KASSERT_EQ(t, logfs_sync(f.fs), 0);
	}
	KASSERT_EQ(t, lt_remount(&f), 0);
	ta_check(t, &f, keep, 80, "after wrapping");
	lt_teardown(&f);
}

static struct ktest_case pc_cases[] = {
	KTEST_CASE(logfs_powercut_every),
	KTEST_CASE(logfs_powercut_sampled),
	KTEST_CASE_PARAMS(logfs_powercut_torn_anchor, ta_params, ta_describe),
	{}
};

/* Every cut makes the stack log its failed writes: keep them off the console
 * (unless the log level was raised to debug). */
static int pc_old_loglevel;

static int pc_init(struct ktest *t)
{
	pc_old_loglevel = port_set_loglevel(LOGLEVEL_CRIT);
	if (pc_old_loglevel >= LOGLEVEL_DEBUG)	/* someone is debugging: keep all */
		port_set_loglevel(pc_old_loglevel);
	return 0;
}

static void pc_exit(struct ktest *t)
{
	port_set_loglevel(pc_old_loglevel);
}

static struct ktest_suite pc_suite = {
	.name = "logfs_powercut",
	.cases = pc_cases,
	.init = pc_init,
	.exit = pc_exit,
};
KTEST_SUITE(pc_suite);
