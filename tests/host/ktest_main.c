// SPDX-License-Identifier: GPL-2.0
/*
 * Host test binary: runs every ktest suite linked into it (the portable
 * code's suites) and prints KTAP on stdout, like `selftest` does on the
 * target.  Usage: ktest-host [suite1,suite2,...]
 * Exit status: 0 when no case failed.
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <stdarg.h>

void ktest_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
}

int main(int argc, char **argv)
{
	const char *filter = argc > 1 ? argv[1] : NULL;
	const char *lvl = getenv("KTEST_LOGLEVEL");

	if (lvl)
		port_loglevel = atoi(lvl);
	return ktest_run_suites(filter) ? 1 : 0;
}
