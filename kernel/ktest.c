// SPDX-License-Identifier: GPL-2.0
/*
 * ktest core: walks the "ktest_suites" linker section and prints KTAP v1.
 *
 * Layer: portable.  The same file runs in the kernel (selftest) and in the
 * host test binary; it knows nothing about consoles or QEMU, only
 * ktest_printf().  Not thread-safe: one ktest run at a time (the caller
 * serialises), cases may start threads of their own.
 *
 * Output shape (KTAP version 1, as Linux KUnit prints it):
 *
 *	KTAP version 1
 *	1..2
 *	    KTAP version 1
 *	    # Subtest: suite
 *	    1..3
 *	    ok 1 case_a
 *	    # case_b: EXPECTATION FAILED at file.c:12
 *	    not ok 2 case_b
 *	    ok 3 case_c # SKIP reason
 *	ok 1 suite
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <stdarg.h>

/* Provided by the linker for the section (weak: a build may have no suite). */
extern struct ktest_suite *const __start_ktest_suites[] __weak;
extern struct ktest_suite *const __stop_ktest_suites[] __weak;

#define KTEST_INDENT "    "

static void ktest_report_head(struct ktest *t, const char *file, int line,
			      bool abort)
{
	t->status = KTEST_FAIL;
	ktest_printf(KTEST_INDENT "# %s: %s FAILED at %s:%d\n", t->name,
		     abort ? "ASSERTION" : "EXPECTATION", file, line);
}

static __noreturn void ktest_abort(struct ktest *t)
{
	__builtin_longjmp(t->abort_buf, 1);
}

void ktest_fail_int(struct ktest *t, const char *file, int line, bool abort,
		    const char *expr, long long left, long long right,
		    const char *op)
{
	ktest_report_head(t, file, line, abort);
	ktest_printf(KTEST_INDENT "# Expected %s, but\n", expr);
	ktest_printf(KTEST_INDENT "#     left  == %lld (0x%llx)\n", left,
		     (unsigned long long)left);
	ktest_printf(KTEST_INDENT "#     right == %lld (0x%llx)  [%s]\n", right,
		     (unsigned long long)right, op);
	if (abort)
		ktest_abort(t);
}

void ktest_fail_str(struct ktest *t, const char *file, int line, bool abort,
		    const char *expr, const char *left, const char *right)
{
	ktest_report_head(t, file, line, abort);
	ktest_printf(KTEST_INDENT "# Expected %s, but\n", expr);
	ktest_printf(KTEST_INDENT "#     left  == \"%s\"\n", left ? left : "(null)");
	ktest_printf(KTEST_INDENT "#     right == \"%s\"\n", right ? right : "(null)");
	if (abort)
		ktest_abort(t);
}

void ktest_fail_msg(struct ktest *t, const char *file, int line, bool abort,
		    const char *expr)
{
	ktest_report_head(t, file, line, abort);
	ktest_printf(KTEST_INDENT "# Expected %s is true\n", expr);
	if (abort)
		ktest_abort(t);
}

void ktest_skip(struct ktest *t, const char *reason)
{
	if (t->status == KTEST_PASS)
		t->status = KTEST_SKIP;
	t->skip_reason = reason;
}

void ktest_log(struct ktest *t, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ktest_printf(KTEST_INDENT "# %s: %s\n", t->name, buf);
}

static bool suite_selected(const char *name, const char *filter)
{
	size_t len = strlen(name);
	const char *p = filter;

	if (!filter || !*filter)
		return true;
	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == len && strncmp(p, name, n) == 0)
			return true;
		p += n;
		if (*p == ',')
			p++;
	}
	return false;
}

/* Run one invocation of a case; returns its status. */
static enum ktest_status run_one(struct ktest_suite *suite,
				 struct ktest_case *c, const void *param,
				 const char **skip_reason)
{
	struct ktest t = { .name = c->name, .status = KTEST_PASS,
			   .param = param };

	*skip_reason = NULL;
	if (suite->init && suite->init(&t) != 0) {
		ktest_printf(KTEST_INDENT "# %s: suite init failed\n", c->name);
		return KTEST_FAIL;
	}
	if (__builtin_setjmp(t.abort_buf) == 0)
		c->run(&t);
	if (suite->exit)
		suite->exit(&t);
	*skip_reason = t.skip_reason;
	return t.status;
}

static void print_result(int n, enum ktest_status st, const char *name,
			 const char *reason, const char *indent)
{
	if (st == KTEST_SKIP)
		ktest_printf("%sok %d %s # SKIP %s\n", indent, n, name,
			     reason ? reason : "");
	else
		ktest_printf("%s%s %d %s\n", indent,
			     st == KTEST_PASS ? "ok" : "not ok", n, name);
}

/* Runs a parameterised case as a KTAP subtest of its own. */
static enum ktest_status run_params(struct ktest_suite *suite,
				    struct ktest_case *c, int *failed)
{
	enum ktest_status worst = KTEST_PASS;
	char desc[64];
	size_t i;

	ktest_printf(KTEST_INDENT KTEST_INDENT "KTAP version 1\n");
	ktest_printf(KTEST_INDENT KTEST_INDENT "# Subtest: %s\n", c->name);
	ktest_printf(KTEST_INDENT KTEST_INDENT "1..%zu\n", c->nparams);
	for (i = 0; i < c->nparams; i++) {
		const void *p = (const char *)c->params + i * c->param_size;
		const char *reason;
		enum ktest_status st = run_one(suite, c, p, &reason);

		if (c->describe)
			c->describe(p, desc, sizeof(desc));
		else
			snprintf(desc, sizeof(desc), "param-%zu", i);
		print_result((int)i + 1, st, desc, reason, KTEST_INDENT KTEST_INDENT);
		if (st == KTEST_FAIL) {
			worst = KTEST_FAIL;
			(*failed)++;
		}
	}
	return worst;
}

static int run_suite(struct ktest_suite *suite, int index)
{
	struct ktest_case *c;
	int n = 0, failed = 0, ncases = 0;

	for (c = suite->cases; c->run; c++)
		ncases++;
	ktest_printf(KTEST_INDENT "KTAP version 1\n");
	ktest_printf(KTEST_INDENT "# Subtest: %s\n", suite->name);
	if (suite->suite_init && suite->suite_init() != 0) {
		ktest_printf(KTEST_INDENT "1..0 # SKIP suite_init failed\n");
		ktest_printf("not ok %d %s\n", index, suite->name);
		return 1;
	}
	ktest_printf(KTEST_INDENT "1..%d\n", ncases);
	for (c = suite->cases; c->run; c++) {
		const char *reason = NULL;
		enum ktest_status st;

		n++;
		if (c->params) {
			st = run_params(suite, c, &failed);
			print_result(n, st, c->name, NULL, KTEST_INDENT);
			continue;
		}
		st = run_one(suite, c, NULL, &reason);
		if (st == KTEST_FAIL)
			failed++;
		print_result(n, st, c->name, reason, KTEST_INDENT);
	}
	if (suite->suite_exit)
		suite->suite_exit();
	ktest_printf("%s %d %s\n", failed ? "not ok" : "ok", index, suite->name);
	return failed;
}

int ktest_run_suites(const char *filter)
{
	struct ktest_suite *const *s;
	int total = 0, index = 0, failed = 0;

	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		if (suite_selected((*s)->name, filter))
			total++;
	ktest_printf("KTAP version 1\n");
	ktest_printf("1..%d\n", total);
	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++) {
		if (!suite_selected((*s)->name, filter))
			continue;
		failed += run_suite(*s, ++index);
	}
	return failed;
}
