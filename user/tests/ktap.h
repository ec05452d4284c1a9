/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KTAP version 1 output for the user-space tests: a plan, one
 * "ok N name" / "not ok N name" per case, "# " diagnostics.  The
 * EXPECT macros report file:line and both values, and let the case go on.
 */
#ifndef USER_TESTS_KTAP_H
#define USER_TESTS_KTAP_H

#include <stdio.h>

void ktap_begin(const char *suite, int ncases);
/* Record a failure in the current case (printed as a diagnostic). */
void ktap_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* End the current case: ok unless a failure was recorded. */
void ktap_case(const char *name);
void ktap_skip(const char *name, const char *why);
/* Print the totals; returns the exit status (0 all passed, 1 otherwise). */
int ktap_end(void);

#define EXPECT_TRUE(c) do { \
	if (!(c)) \
		ktap_fail(__FILE__, __LINE__, "expected %s", #c); \
} while (0)

#define EXPECT_EQ(a, b) do { \
	long long _a = (long long)(a), _b = (long long)(b); \
	if (_a != _b) \
		ktap_fail(__FILE__, __LINE__, "%s == %lld, expected %s == %lld", \
			  #a, _a, #b, _b); \
} while (0)

/* A call that must fail with -1 and the given errno. */
#define EXPECT_ERR(call, err) do { \
	errno = 0; \
	long _r = (long)(call); \
	int _e = errno; \
	if (_r != -1 || _e != (err)) \
		ktap_fail(__FILE__, __LINE__, "%s returned %ld errno %d, expected -1 errno %d (%s)", \
			  #call, _r, _e, (err), #err); \
} while (0)

#endif /* USER_TESTS_KTAP_H */
