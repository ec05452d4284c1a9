// SPDX-License-Identifier: GPL-2.0
/*
 * Model-based test: thousands of random operations on LogFS and on an
 * in-memory model (tests/logfs_model.h); after every step the results
 * (error codes included) and the whole visible state must agree.  Every
 * 100 steps the fs is remounted, and fsck must find it clean.  A failure
 * logs "replay: seed=S step=N".  The operations include holding one file
 * open across others (unlinked while open: an orphan until released).
 */
#include "logfs_model.h"

struct mt_param {
	const char *name;
	u32 nblocks, es, blkio;
	u64 seed;
	int steps;
	bool compress;
};

static const struct mt_param mt_params[] = {
	{ "ftl-nor", 48, 32 * 1024, 0, 11, 1500, false },
	{ "ftl-nor-lz4", 48, 32 * 1024, 0, 12, 1000, true },
	{ "blkio", 0, 0, 2 * 1024 * 1024, 13, 1500, false },
};

static void mt_describe(const void *p, char *buf, size_t len)
{
	const struct mt_param *mp = p;

	snprintf(buf, len, "%s seed=%llu", mp->name, (unsigned long long)mp->seed);
}

static void logfs_model_random_ops(struct ktest *t)
{
	const struct mt_param *p = t->param;
	static struct lt_fix f;
	static struct lm_model m;
	struct logfs_statfs sf;
	struct lm_op op;
	u64 s = p->seed;
	int step, want, got, fails = 0;
	int steps = (int)mtdsim_test_scaled((u64)p->steps, 300);
	u64 orphans0 = lm_orphans_made;

	memset(&m, 0, sizeof(m));
	KASSERT_EQ(t, lt_setup(&f, p->nblocks, p->es, p->blkio, p->seed), 0);
	f.cfg.compress = p->compress;
	KASSERT_EQ(t, lt_remount(&f), 0);
	for (step = 0; step < steps && fails < 3; step++) {
		lm_gen(&op, &s, &m);
		want = lm_predict(&m, &op);
		if (want == 1)
			continue;	/* not modelled */
		got = lm_apply(f.fs, &op);
		if (got != want) {
			ktest_log(t, "replay: seed=%llu step=%d op %d %s %s: got %d want %d",
				  (unsigned long long)p->seed, step, op.kind,
				  lm_paths[op.a], lm_paths[op.b], got, want);
			fails++;
			break;
		}
		if (!lm_compare(t, f.fs, &m, false)) {
			ktest_log(t, "replay: seed=%llu step=%d (op %d)",
				  (unsigned long long)p->seed, step, op.kind);
			fails++;
			break;
		}
		if (step % 100 == 99) {
			KASSERT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
			KASSERT_EQ(t, lm_drop_handle(), 0);
			lm_release(&m);
			KASSERT_EQ(t, lt_remount(&f), 0);
			if (!lm_compare(t, f.fs, &m, false)) {
				ktest_log(t, "replay: seed=%llu step=%d after remount",
					  (unsigned long long)p->seed, step);
				fails++;
			}
		}
	}
	KEXPECT_EQ(t, fails, 0);
	ktest_log(t, "%d steps, %llu files unlinked while held open", steps,
		  (unsigned long long)(lm_orphans_made - orphans0));
	KEXPECT_GT(t, lm_orphans_made - orphans0, 0);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	KEXPECT_EQ(t, lm_drop_handle(), 0);
	KEXPECT_EQ(t, logfs_statfs(f.fs, &sf), 0);
	KEXPECT_EQ(t, sf.orphans, 0);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	lt_teardown(&f);
}

static struct ktest_case model_cases[] = {
	KTEST_CASE_PARAMS(logfs_model_random_ops, mt_params, mt_describe),
	{}
};

static struct ktest_suite model_suite = {
	.name = "logfs_model",
	.cases = model_cases,
};
KTEST_SUITE(model_suite);
