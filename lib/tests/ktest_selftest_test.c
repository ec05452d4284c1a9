// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of ktest itself: that a passing check passes, and that the failure
 * paths record a failure (run on a scratch struct ktest so the suite still
 * passes), that KASSERT aborts the case and that parameters reach the case.
 */
#include <port/port.h>
#include <kernel/ktest.h>

static void ktest_passing_checks(struct ktest *t)
{
	KEXPECT_EQ(t, 2 + 2, 4);
	KEXPECT_NE(t, 1, 2);
	KEXPECT_LT(t, -1, 0);
	KEXPECT_STREQ(t, "abc", "abc");
	KEXPECT_MEMEQ(t, "xyz", "xyz", 3);
	KEXPECT_TRUE(t, true);
	KEXPECT_NULL(t, NULL);
}

static void failing_body(struct ktest *t)
{
	KASSERT_EQ(t, 1, 2);
	/* Not reached: KASSERT aborted the case. */
	t->priv = (void *)1;
}

static void ktest_assert_aborts(struct ktest *t)
{
	struct ktest scratch = { .name = "scratch", .status = KTEST_PASS };

	ktest_printf("    # the next diagnostic is expected (scratch case)\n");
	if (__builtin_setjmp(scratch.abort_buf) == 0)
		failing_body(&scratch);
	KEXPECT_EQ(t, scratch.status, KTEST_FAIL);
	KEXPECT_NULL(t, scratch.priv);
}

static const int squares[][2] = { { 0, 0 }, { 3, 9 }, { 12, 144 } };

static void describe_square(const void *p, char *buf, size_t len)
{
	const int *v = p;

	snprintf(buf, len, "%d^2=%d", v[0], v[1]);
}

static void ktest_params(struct ktest *t)
{
	const int *v = t->param;

	KASSERT_NOT_NULL(t, v);
	KEXPECT_EQ(t, v[0] * v[0], v[1]);
}

static struct ktest_case ktest_cases[] = {
	KTEST_CASE(ktest_passing_checks),
	KTEST_CASE(ktest_assert_aborts),
	KTEST_CASE_PARAMS(ktest_params, squares, describe_square),
	{}
};

static struct ktest_suite ktest_suite = {
	.name = "ktest",
	.cases = ktest_cases,
};
KTEST_SUITE(ktest_suite);
