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

/* Does the fs match the durable state or one of the later prefixes? */
static bool pc_matches(struct ktest *t)
{
	static struct lm_model c;
	int k;

	c = pc.durable;
	for (k = 0;; k++) {
		if (lm_compare(t, pc.f.fs, &c, true))
			return true;
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
				return true;
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
	return false;
}

static bool pc_one(struct ktest *t, u64 seed, int nops, u64 cut, u64 *ops)
{
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
	if (!pc_matches(t))
		goto out;
	/* and it goes on */
	ret = lt_put(pc.f.fs, "/after", "cut", 3);
	if (!ret)
		ret = lt_remount(&pc.f);
	if (!ret)
		ret = logfs_fsck(pc.f.fs, false, NULL, NULL);
	if (ret)
		ktest_log(t, "after recovery: %d", ret);
	ok = !ret;
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

static struct ktest_case pc_cases[] = {
	KTEST_CASE(logfs_powercut_every),
	KTEST_CASE(logfs_powercut_sampled),
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
