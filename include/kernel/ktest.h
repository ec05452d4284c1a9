/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktest: a KUnit-style test framework that prints KTAP version 1.
 *
 * A suite is a table of cases; each case gets a struct ktest and checks
 * values with KEXPECT_* (record a failure, go on) or KASSERT_* (record a
 * failure and abort the case).  Suites register with KTEST_SUITE() into the
 * linker section "ktest_suites"; the same source runs in the kernel
 * (`selftest` on the command line) and, for portable code, on the host
 * (tests/host/ktest_main.c), with the same macros and the same output.
 *
 *	static void test_add(struct ktest *t)
 *	{
 *		KEXPECT_EQ(t, 1 + 1, 2);
 *	}
 *	static struct ktest_case math_cases[] = {
 *		KTEST_CASE(test_add),
 *		{}
 *	};
 *	static struct ktest_suite math_suite = {
 *		.name = "math",
 *		.cases = math_cases,
 *	};
 *	KTEST_SUITE(math_suite);
 *
 * A failed check prints a KTAP diagnostic with file:line, the expression and
 * both values.  Parameterised cases use KTEST_CASE_PARAMS(fn, array,
 * describe): fn runs once per element, t->param points at the element.
 */
#ifndef KERNEL_KTEST_H
#define KERNEL_KTEST_H

#include <kernel/types.h>
#include <kernel/compiler.h>

enum ktest_status {
	KTEST_PASS,
	KTEST_FAIL,
	KTEST_SKIP,
};

struct ktest {
	const char *name;		/* running case */
	enum ktest_status status;
	const char *skip_reason;
	const void *param;		/* element of a parameterised case */
	void *priv;			/* for the suite's init/exit fixture */
	void *abort_buf[5];		/* __builtin_setjmp buffer for KASSERT */
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *t);
	/* Parameterised: run once per element of params[0..nparams). */
	const void *params;
	size_t nparams;
	size_t param_size;
	void (*describe)(const void *param, char *buf, size_t len);
};

struct ktest_suite {
	const char *name;
	struct ktest_case *cases;	/* terminated by an empty entry */
	int (*suite_init)(void);	/* once; non-zero skips the suite */
	void (*suite_exit)(void);
	int (*init)(struct ktest *t);	/* before each case; non-zero fails it */
	void (*exit)(struct ktest *t);	/* after each case, even on abort */
};

#define KTEST_CASE(fn) { .name = #fn, .run = fn }
#define KTEST_CASE_PARAMS(fn, array, desc)				\
	{ .name = #fn, .run = fn, .params = array,			\
	  .nparams = ARRAY_SIZE(array), .param_size = sizeof((array)[0]), \
	  .describe = desc }

#define KTEST_SUITE(suite)						\
	static struct ktest_suite *const __ktest_ptr_##suite		\
	__used __section("ktest_suites") __aligned(sizeof(void *)) = &suite

/* Output sink: the console in the kernel, stdout on the host. */
void ktest_printf(const char *fmt, ...) __printf(1, 2);

/* Failure reporting; the macros below call these. */
void ktest_fail_int(struct ktest *t, const char *file, int line, bool abort,
		    const char *expr, long long left, long long right,
		    const char *op);
void ktest_fail_str(struct ktest *t, const char *file, int line, bool abort,
		    const char *expr, const char *left, const char *right);
void ktest_fail_msg(struct ktest *t, const char *file, int line, bool abort,
		    const char *expr);
void ktest_skip(struct ktest *t, const char *reason);
void ktest_log(struct ktest *t, const char *fmt, ...) __printf(2, 3);

#define __KTEST_BINOP(t, a, op, b, abort) do {				\
	long long __l = (long long)(a), __r = (long long)(b);		\
	if (!(__l op __r))						\
		ktest_fail_int(t, __FILE__, __LINE__, abort,		\
			       #a " " #op " " #b, __l, __r, #op);	\
} while (0)

#define __KTEST_UBINOP(t, a, op, b, abort) do {				\
	unsigned long long __l = (unsigned long long)(a);		\
	unsigned long long __r = (unsigned long long)(b);		\
	if (!(__l op __r))						\
		ktest_fail_int(t, __FILE__, __LINE__, abort,		\
			       #a " " #op " " #b, (long long)__l,	\
			       (long long)__r, #op);			\
} while (0)

#define __KTEST_COND(t, cond, abort) do {				\
	if (!(cond))							\
		ktest_fail_msg(t, __FILE__, __LINE__, abort, #cond);	\
} while (0)

#define __KTEST_STREQ(t, a, b, abort) do {				\
	const char *__l = (a), *__r = (b);				\
	if (!__l || !__r || strcmp(__l, __r) != 0)			\
		ktest_fail_str(t, __FILE__, __LINE__, abort,		\
			       #a " == " #b, __l, __r);			\
} while (0)

#define __KTEST_MEMEQ(t, a, b, n, abort) do {				\
	if (memcmp((a), (b), (n)) != 0)					\
		ktest_fail_msg(t, __FILE__, __LINE__, abort,		\
			       "memcmp(" #a ", " #b ", " #n ") == 0");	\
} while (0)

#define KEXPECT_EQ(t, a, b)	__KTEST_BINOP(t, a, ==, b, false)
#define KEXPECT_NE(t, a, b)	__KTEST_BINOP(t, a, !=, b, false)
#define KEXPECT_LT(t, a, b)	__KTEST_BINOP(t, a, <, b, false)
#define KEXPECT_LE(t, a, b)	__KTEST_BINOP(t, a, <=, b, false)
#define KEXPECT_GT(t, a, b)	__KTEST_BINOP(t, a, >, b, false)
#define KEXPECT_GE(t, a, b)	__KTEST_BINOP(t, a, >=, b, false)
#define KEXPECT_UEQ(t, a, b)	__KTEST_UBINOP(t, a, ==, b, false)
#define KEXPECT_ULE(t, a, b)	__KTEST_UBINOP(t, a, <=, b, false)
#define KEXPECT_UGE(t, a, b)	__KTEST_UBINOP(t, a, >=, b, false)
#define KEXPECT_TRUE(t, c)	__KTEST_COND(t, c, false)
#define KEXPECT_FALSE(t, c)	__KTEST_COND(t, !(c), false)
#define KEXPECT_NULL(t, p)	__KTEST_COND(t, (p) == NULL, false)
#define KEXPECT_NOT_NULL(t, p)	__KTEST_COND(t, (p) != NULL, false)
#define KEXPECT_STREQ(t, a, b)	__KTEST_STREQ(t, a, b, false)
#define KEXPECT_MEMEQ(t, a, b, n) __KTEST_MEMEQ(t, a, b, n, false)

#define KASSERT_EQ(t, a, b)	__KTEST_BINOP(t, a, ==, b, true)
#define KASSERT_NE(t, a, b)	__KTEST_BINOP(t, a, !=, b, true)
#define KASSERT_LT(t, a, b)	__KTEST_BINOP(t, a, <, b, true)
#define KASSERT_LE(t, a, b)	__KTEST_BINOP(t, a, <=, b, true)
#define KASSERT_GT(t, a, b)	__KTEST_BINOP(t, a, >, b, true)
#define KASSERT_GE(t, a, b)	__KTEST_BINOP(t, a, >=, b, true)
#define KASSERT_TRUE(t, c)	__KTEST_COND(t, c, true)
#define KASSERT_FALSE(t, c)	__KTEST_COND(t, !(c), true)
#define KASSERT_NULL(t, p)	__KTEST_COND(t, (p) == NULL, true)
#define KASSERT_NOT_NULL(t, p)	__KTEST_COND(t, (p) != NULL, true)
#define KASSERT_STREQ(t, a, b)	__KTEST_STREQ(t, a, b, true)
#define KASSERT_MEMEQ(t, a, b, n) __KTEST_MEMEQ(t, a, b, n, true)

/**
 * ktest_run_suites() - run registered suites and print one KTAP document
 * @filter: comma-separated suite names, or NULL/"" for all
 *
 * Return: the number of failed cases (0 when everything passed or skipped).
 */
int ktest_run_suites(const char *filter);

#endif /* KERNEL_KTEST_H */
