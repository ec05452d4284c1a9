// SPDX-License-Identifier: GPL-2.0
/*
 * FTL power-cut test: a seeded workload of LEB changes, appends, unmaps
 * and syncs runs against an in-memory model; the simulator cuts power
 * during the Nth program/erase, for every N the workload performs.  After
 * each cut the device is re-attached and every LEB compared with the
 * model: completed operations must be there, the interrupted one must be
 * all-or-nothing (change, unmap+sync) or keep its old prefix (append).
 * Then every LEB is rewritten and checked again across a clean re-attach.
 * A failure logs "replay: <device> seed=S cut=N".
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <mtd/mtdsim.h>
#include <mtd/ftl.h>

#define PC_LEBS		6
#define PC_OPS		40

struct pc_param {
	const char *name;
	enum mtd_type type;
	u32 nblocks, erasesize, writesize;
	u64 seed;
};

static const struct pc_param pc_params[] = {
	{ "nor", MTD_NORFLASH, 24, 4096, 1, 1 },
	{ "nand", MTD_NANDFLASH, 24, 8192, 512, 2 },
	{ "nor-seed3", MTD_NORFLASH, 24, 4096, 1, 3 },
};

static void pc_describe(const void *p, char *buf, size_t len)
{
	const struct pc_param *pp = p;

	snprintf(buf, len, "%s seed=%llu", pp->name,
		 (unsigned long long)pp->seed);
}

enum pc_op { PC_CHANGE, PC_APPEND, PC_UNMAP, PC_SYNC };

struct pc_model {
	u8 *data[PC_LEBS];	/* committed contents, leb_size each */
	u32 len[PC_LEBS];	/* written bytes */
	u8 *old;		/* in-flight LEB's contents before the op */
	u32 old_len;
	int cur_leb;		/* in-flight LEB, -1 if none */
	enum pc_op cur_op;
	u32 ls, io;
};

static u64 pc_rand(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void pc_fill(u8 *b, u32 n, u64 *s)
{
	u32 i;

	for (i = 0; i < n; i++)
		b[i] = (u8)pc_rand(s);
}

/* Run the workload; stop at the first error (the cut). */
static int pc_workload(struct ftl_device *ftl, int vol, struct pc_model *m,
		       u64 seed, u8 *tmp)
{
	u64 s = seed * 0x9e3779b97f4a7c15ull | 1;
	int i, ret = 0;

	for (i = 0; i < PC_OPS && !ret; i++) {
		u32 r = (u32)(pc_rand(&s) % 100), l = (u32)(pc_rand(&s) % PC_LEBS);
		u32 n = (u32)(pc_rand(&s) % (m->ls / m->io)) * m->io + m->io;

		m->cur_leb = (int)l;
		memcpy(m->old, m->data[l], m->ls);
		m->old_len = m->len[l];
		if (r < 50) {
			m->cur_op = PC_CHANGE;
			pc_fill(tmp, n, &s);
			ret = ftl_leb_change(ftl, vol, l, tmp, n);
			if (!ret) {
				memset(m->data[l], 0xff, m->ls);
				memcpy(m->data[l], tmp, n);
				m->len[l] = n;
			}
		} else if (r < 85) {
			m->cur_op = PC_APPEND;
			n = min(n / 4 / m->io * m->io + m->io, m->ls - m->len[l]);
			if (!n)
				continue;
			pc_fill(tmp, n, &s);
			ret = ftl_leb_write(ftl, vol, l, m->len[l], tmp, n);
			if (!ret) {
				memcpy(m->data[l] + m->len[l], tmp, n);
				m->len[l] += n;
			}
		} else if (r < 95) {
			m->cur_op = PC_UNMAP;
			ret = ftl_leb_unmap(ftl, vol, l);
			if (!ret)
				ret = ftl_sync(ftl);
			if (!ret) {
				memset(m->data[l], 0xff, m->ls);
				m->len[l] = 0;
			}
		} else {
			m->cur_op = PC_SYNC;
			m->cur_leb = -1;
			ret = ftl_sync(ftl);
		}
	}
	if (!ret)
		m->cur_leb = -1;
	return ret;
}

static bool pc_all_ff(const u8 *b, u32 n)
{
	while (n--)
		if (b[n] != 0xff)
			return false;
	return true;
}

/* Compare the device with the model; adopt the interrupted op's outcome. */
static bool pc_verify(struct ktest *t, struct ftl_device *ftl, int vol,
		      struct pc_model *m, u8 *tmp)
{
	int l, ret;

	for (l = 0; l < PC_LEBS; l++) {
		ret = ftl_leb_read(ftl, vol, l, 0, tmp, m->ls);
		if (ret) {
			ktest_log(t, "LEB %d: read %d", l, ret);
			return false;
		}
		if (!memcmp(tmp, m->data[l], m->ls))
			continue;
		if (l != m->cur_leb) {
			ktest_log(t, "LEB %d differs from the model", l);
			return false;
		}
		if (m->cur_op == PC_APPEND) {
			if (memcmp(tmp, m->old, m->old_len)) {
				ktest_log(t, "LEB %d lost data before a torn append", l);
				return false;
			}
		} else if (m->cur_op == PC_UNMAP && pc_all_ff(tmp, m->ls)) {
			/* the unmap made it */
		} else if (memcmp(tmp, m->old, m->ls)) {
			ktest_log(t, "LEB %d neither old nor new (op %d)", l,
				  m->cur_op);
			return false;
		}
		memcpy(m->data[l], tmp, m->ls);
	}
	return true;
}

static bool pc_rewrite_all(struct ftl_device *ftl, int vol, struct pc_model *m,
			   u64 seed, u8 *tmp)
{
	u64 s = seed + 77;
	int l;

	for (l = 0; l < PC_LEBS; l++) {
		pc_fill(m->data[l], m->ls, &s);
		if (ftl_leb_change(ftl, vol, l, m->data[l], m->ls))
			return false;
		m->len[l] = m->ls;
	}
	m->cur_leb = -1;
	return true;
}

struct pc_run {
	struct mtdsim *sim;
	struct pc_model m;
	u8 *tmp;
};

static void pc_free(struct pc_run *r)
{
	int l;

	for (l = 0; l < PC_LEBS; l++)
		kfree(r->m.data[l]);
	kfree(r->m.old);
	kfree(r->tmp);
	mtdsim_destroy(r->sim);
}

static const struct ftl_config pc_cfg = { .pool_size = 4, .wl_threshold = 8 };

/* One run: fresh device, cut at @cut (0: none).  Returns ops counted. */
static u64 pc_one(struct ktest *t, const struct pc_param *p, u64 cut, bool *ok)
{
	struct mtdsim_config c = {
		.type = p->type, .size = (u64)p->nblocks * p->erasesize,
		.erasesize = p->erasesize, .writesize = p->writesize,
		.seed = p->seed + cut,
	};
	struct pc_run r = { 0 };
	struct ftl_device *ftl;
	u64 start, ops = 0;
	int vol, l, ret;

	*ok = false;
	r.sim = mtdsim_create(&c);
	if (IS_ERR(r.sim))
		return 0;
	if (ftl_format(&r.sim->mtd, &pc_cfg))
		goto out;
	ftl = ftl_attach(&r.sim->mtd, &pc_cfg);
	if (IS_ERR(ftl))
		goto out;
	vol = ftl_vol_create(ftl, "pc", PC_LEBS);
	r.m.ls = ftl_leb_size(ftl);
	r.m.io = max(ftl_min_io(ftl), 64u);
	r.tmp = kmalloc(r.m.ls, GFP_KERNEL);
	r.m.old = kmalloc(r.m.ls, GFP_KERNEL);
	for (l = 0; l < PC_LEBS; l++) {
		r.m.data[l] = kmalloc(r.m.ls, GFP_KERNEL);
		if (r.m.data[l])
			memset(r.m.data[l], 0xff, r.m.ls);
	}
	if (vol < 0 || !r.tmp || !r.m.old || !r.m.data[PC_LEBS - 1]) {
		ftl_detach(ftl);
		goto out;
	}
	start = r.sim->stats.powercut_ops;
	mtdsim_set_powercut(r.sim, cut);
	ret = pc_workload(ftl, vol, &r.m, p->seed, r.tmp);
	ops = r.sim->stats.powercut_ops - start;
	if (!cut) {
		*ok = !ret && pc_verify(t, ftl, vol, &r.m, r.tmp);
		ftl_detach(ftl);
		goto out;
	}
	if (!r.sim->powered_off) {	/* the workload ended before the cut */
		*ok = !ret;
		ftl_detach(ftl);
		goto out;
	}
	ftl_detach(ftl);	/* fails: no power; frees */
	mtdsim_power_on(r.sim);
	ftl = ftl_attach(&r.sim->mtd, &pc_cfg);
	if (IS_ERR(ftl)) {
		ktest_log(t, "re-attach failed: %ld", PTR_ERR(ftl));
		goto out;
	}
	*ok = ftl_vol_find(ftl, "pc") == vol &&
	      pc_verify(t, ftl, vol, &r.m, r.tmp) &&
	      pc_rewrite_all(ftl, vol, &r.m, cut, r.tmp) &&
	      pc_verify(t, ftl, vol, &r.m, r.tmp);
	ret = ftl_detach(ftl);
	if (*ok && !ret) {
		ftl = ftl_attach(&r.sim->mtd, &pc_cfg);
		*ok = !IS_ERR(ftl) && pc_verify(t, ftl, vol, &r.m, r.tmp);
		if (!IS_ERR(ftl))
			ftl_detach(ftl);
	} else {
		*ok = false;
	}
out:
	pc_free(&r);
	return ops;
}

static void ftl_powercut_every_op(struct ktest *t)
{
	const struct pc_param *p = t->param;
	u64 total, cut, fails = 0;
	bool ok;

	total = pc_one(t, p, 0, &ok);
	KASSERT_TRUE(t, ok);
	KASSERT_GT(t, total, 20);
	for (cut = 1; cut <= total; cut++) {
		pc_one(t, p, cut, &ok);
		if (!ok) {
			ktest_log(t, "replay: %s seed=%llu cut=%llu", p->name,
				  (unsigned long long)p->seed,
				  (unsigned long long)cut);
			if (++fails > 5)
				break;
		}
	}
	ktest_log(t, "%s: %llu power cuts", p->name, (unsigned long long)total);
	KEXPECT_EQ(t, fails, 0);
}

static struct ktest_case ftl_pc_cases[] = {
	KTEST_CASE_PARAMS(ftl_powercut_every_op, pc_params, pc_describe),
	{}
};

/* Every cut makes the FTL log its failed writes: keep them off the console
 * (unless the log level was raised to debug). */
static int ftl_pc_old_loglevel;

static int ftl_pc_init(struct ktest *t)
{
	ftl_pc_old_loglevel = port_set_loglevel(LOGLEVEL_CRIT);
	if (ftl_pc_old_loglevel >= LOGLEVEL_DEBUG)	/* someone is debugging: keep all */
		port_set_loglevel(ftl_pc_old_loglevel);
	return 0;
}

static void ftl_pc_exit(struct ktest *t)
{
	port_set_loglevel(ftl_pc_old_loglevel);
}

static struct ktest_suite ftl_pc_suite = {
	.name = "ftl_powercut",
	.cases = ftl_pc_cases,
	.init = ftl_pc_init,
	.exit = ftl_pc_exit,
};
KTEST_SUITE(ftl_pc_suite);
