// SPDX-License-Identifier: GPL-2.0
/*
 * The KTAP printer shared by the user-space test programs (ktap.h).
 * Output goes to stdout unbuffered, so that a crash still leaves every
 * line printed before it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "ktap.h"

static int case_no, case_failed, passed, failed, skipped;

void ktap_begin(const char *suite, int ncases)
{
	/* selftest names a program run more than once (t-fileops per mount) */
	const char *name = getenv("KTAP_SUITE");

	setvbuf(stdout, NULL, _IONBF, 0);
	printf("KTAP version 1\n# Subtest: %s\n1..%d\n", name && *name ? name : suite,
	       ncases);
}

void ktap_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("# %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	case_failed = 1;
}

void ktap_case(const char *name)
{
	case_no++;
	if (case_failed) {
		printf("not ok %d %s\n", case_no, name);
		failed++;
	} else {
		printf("ok %d %s\n", case_no, name);
		passed++;
	}
	case_failed = 0;
}

void ktap_skip(const char *name, const char *why)
{
	printf("ok %d %s # SKIP %s\n", ++case_no, name, why);
	skipped++;
	case_failed = 0;
}

int ktap_end(void)
{
	printf("# totals: pass:%d fail:%d skip:%d\n", passed, failed, skipped);
	return failed ? 1 : 0;
}
