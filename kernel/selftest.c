// SPDX-License-Identifier: GPL-2.0
/*
 * Target side of ktest: KTAP goes straight to the console (no timestamps,
 * so the host parser reads it as is) and the run reports its result.
 */
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <stdarg.h>

void ktest_printf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

/**
 * selftest_run() - run the registered suites
 * @filter: "" for all, or "suite1,suite2"
 * Return: number of failed cases.
 */
int selftest_run(const char *filter)
{
	int failed;

	pr_info("selftest: running %s", *filter ? filter : "all suites");
	failed = ktest_run_suites(filter);
	pr_info("selftest: %s (%d failed)", failed ? "FAILED" : "passed", failed);
	return failed;
}
