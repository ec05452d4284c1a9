// SPDX-License-Identifier: GPL-2.0
/*
 * Initcall pairing: a failing init rolls back the pairs of its group that
 * had succeeded, newest first, skips the rest of its group, and leaves
 * other groups alone.  Runs initcalls_run() on a private table.
 */
#include <kernel/ktest.h>
#include <kernel/init.h>
#include <kernel/errno.h>
#include <kernel/string.h>

static char trace[64];
static int tlen;

static void note(char c)
{
	if (tlen < (int)sizeof(trace) - 1)
		trace[tlen++] = c;
	trace[tlen] = '\0';
}

static int a_init(void) { note('A'); return 0; }
static void a_exit(void) { note('a'); }
static int b_init(void) { note('B'); return 0; }
static void b_exit(void) { note('b'); }
static int c_fail(void) { note('C'); return -ENODEV; }
static void c_exit(void) { note('c'); }
static int d_init(void) { note('D'); return 0; }
static void d_exit(void) { note('d'); }
static int x_init(void) { note('X'); return 0; }

static const struct initcall table[] = {
	{ a_init, a_exit, "a_init", "g1" },
	{ x_init, NULL, "x_init", "g2" },
	{ b_init, b_exit, "b_init", "g1" },
	{ c_fail, c_exit, "c_fail", "g1" },
	{ d_init, d_exit, "d_init", "g1" },	/* skipped: its group failed */
	{ x_init, NULL, "x_init2", "g2" },	/* other group: runs */
};

static void initcall_rollback_order(struct ktest *t)
{
	struct initcall_result r;
	int err;

	tlen = 0;
	err = initcalls_run(table, table + ARRAY_SIZE(table), &r);
	KEXPECT_EQ(t, err, -ENODEV);
	/* A, X, B ran; C failed; then b and a undone (newest first); X again. */
	KEXPECT_STREQ(t, trace, "AXBCbaX");
	KEXPECT_EQ(t, r.run, 5);
	KEXPECT_EQ(t, r.failed, 1);
	KEXPECT_EQ(t, r.undone, 2);
}

static void initcall_all_succeed(struct ktest *t)
{
	struct initcall_result r;

	tlen = 0;
	KEXPECT_EQ(t, initcalls_run(table, table + 3, &r), 0);
	KEXPECT_STREQ(t, trace, "AXB");
	KEXPECT_EQ(t, r.undone, 0);
}

static struct ktest_case initcall_cases[] = {
	KTEST_CASE(initcall_rollback_order),
	KTEST_CASE(initcall_all_succeed),
	{}
};

static struct ktest_suite initcall_suite = {
	.name = "initcall",
	.cases = initcall_cases,
};
KTEST_SUITE(initcall_suite);
