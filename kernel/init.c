// SPDX-License-Identifier: GPL-2.0
/*
 * Initcalls with paired rollback (include/kernel/init.h).
 *
 * The table is walked in link order (levels are sorted by the linker
 * script).  A failing init undoes its own group: the exits of that group's
 * pairs which had succeeded run newest first, and the group's later inits
 * are skipped.  Other groups carry on: one broken driver does not stop the
 * boot.  initcalls_run() takes any table, so tests and modules reuse it.
 */
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/errno.h>

extern const struct initcall __initcall_start[] __weak;
extern const struct initcall __initcall_end[] __weak;

static bool same_group(const struct initcall *a, const struct initcall *b)
{
	return strcmp(a->group, b->group) == 0;
}

/* Undo the pairs of @failed's group that succeeded, newest first. */
static int rollback_group(const struct initcall *start,
			  const struct initcall *failed, const u8 *done)
{
	int undone = 0;

	for (const struct initcall *c = failed; c-- > start;) {
		if (!done[c - start] || !same_group(c, failed))
			continue;
		if (c->exit) {
			pr_info("initcall: rolling back %s", c->name);
			c->exit();
		}
		undone++;
	}
	return undone;
}

static bool group_failed(const struct initcall *start, const struct initcall *c,
			 const u8 *failed)
{
	for (const struct initcall *p = start; p < c; p++)
		if (failed[p - start] && same_group(p, c))
			return true;
	return false;
}

int initcalls_run(const struct initcall *start, const struct initcall *end,
		  struct initcall_result *res)
{
	/* Bitmaps on the stack: the table is small (a few hundred at most). */
	u8 done[256], failed[256];
	struct initcall_result r = { 0, 0, 0 };
	int first_err = 0;
	size_t n = end - start;

	if (n > sizeof(done)) {
		pr_err("initcall: table of %zu entries exceeds %zu", n, sizeof(done));
		return -E2BIG;
	}
	memset(done, 0, n);
	memset(failed, 0, n);
	for (const struct initcall *c = start; c < end; c++) {
		int err;

		if (group_failed(start, c, failed)) {
			pr_info("initcall: skipping %s (group %s failed)", c->name, c->group);
			failed[c - start] = 1;
			continue;
		}
		r.run++;
		err = c->init();
		if (!err) {
			done[c - start] = 1;
			continue;
		}
		r.failed++;
		failed[c - start] = 1;
		pr_err("initcall: %s failed with error %d", c->name, err);
		r.undone += rollback_group(start, c, done);
		if (!first_err)
			first_err = err;
	}
	if (res)
		*res = r;
	return first_err;
}

void do_initcalls(void)
{
	struct initcall_result r;

	initcalls_run(__initcall_start, __initcall_end, &r);
	pr_info("initcalls: %d run, %d failed, %d rolled back", r.run, r.failed,
		r.undone);
}
