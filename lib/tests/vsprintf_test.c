// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf conformance: a table of format/argument/expected rows, run on
 * the target (the kernel's lib/vsprintf.c) and on the host (the same file,
 * built under another name so that it does not clash with libc).
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include "vsprintf_test.h"

struct fmt_case {
	const char *expect;
	const char *fmt;
	long long a;
};

static const struct fmt_case int_cases[] = {
	{ "42", "%d", 42 },
	{ "-42", "%d", -42 },
	{ "   42", "%5d", 42 },
	{ "42   |", "%-5d|", 42 },
	{ "00042", "%05d", 42 },
	{ "-0042", "%05d", -42 },
	{ "+42", "%+d", 42 },
	{ " 42", "% d", 42 },
	{ "ff", "%x", 255 },
	{ "FF", "%X", 255 },
	{ "0xff", "%#x", 255 },
	{ "0x000000ff", "%#010x", 255 },
	{ "377", "%o", 255 },
	{ "00042", "%.5d", 42 },
	{ "4294967295", "%u", 0xffffffffLL },
	{ "-2147483648", "%d", -2147483648LL },
	{ "0", "%d", 0 },
	{ "", "%.0d", 0 },
	{ "7", "%hhd", 263 },
	{ "%", "%%", 0 },
};

static void describe_fmt(const void *p, char *buf, size_t len)
{
	const struct fmt_case *c = p;

	snprintf(buf, len, "\"%s\" -> \"%s\"", c->fmt, c->expect);
}

static void vsprintf_int_formats(struct ktest *t)
{
	const struct fmt_case *c = t->param;
	char buf[64];

	ksnprintf(buf, sizeof(buf), c->fmt, (int)c->a);
	KEXPECT_STREQ(t, buf, c->expect);
}

static void vsprintf_long_long(struct ktest *t)
{
	char buf[64];

	ksnprintf(buf, sizeof(buf), "%llu", 18446744073709551615ULL);
	KEXPECT_STREQ(t, buf, "18446744073709551615");
	ksnprintf(buf, sizeof(buf), "%lld", -9223372036854775807LL - 1);
	KEXPECT_STREQ(t, buf, "-9223372036854775808");
	ksnprintf(buf, sizeof(buf), "%llx", 0x123456789abcdefULL);
	KEXPECT_STREQ(t, buf, "123456789abcdef");
	ksnprintf(buf, sizeof(buf), "%zu %ld", (size_t)12345, -7L);
	KEXPECT_STREQ(t, buf, "12345 -7");
}

static void vsprintf_strings(struct ktest *t)
{
	const char *volatile null_str = NULL;	/* hide it from -Wformat */
	char buf[64];

	ksnprintf(buf, sizeof(buf), "[%s]", "abc");
	KEXPECT_STREQ(t, buf, "[abc]");
	ksnprintf(buf, sizeof(buf), "[%6s]", "abc");
	KEXPECT_STREQ(t, buf, "[   abc]");
	ksnprintf(buf, sizeof(buf), "[%-6s]", "abc");
	KEXPECT_STREQ(t, buf, "[abc   ]");
	ksnprintf(buf, sizeof(buf), "[%.2s]", "abc");
	KEXPECT_STREQ(t, buf, "[ab]");
	ksnprintf(buf, sizeof(buf), "[%*s]", 4, "x");
	KEXPECT_STREQ(t, buf, "[   x]");
	ksnprintf(buf, sizeof(buf), "[%s]", null_str);
	KEXPECT_STREQ(t, buf, "[(null)]");
	ksnprintf(buf, sizeof(buf), "%c%c", 'o', 'k');
	KEXPECT_STREQ(t, buf, "ok");
}

static void vsprintf_truncation(struct ktest *t)
{
	char buf[8];
	int n;

	memset(buf, 'X', sizeof(buf));
	n = ksnprintf(buf, sizeof(buf), "%s", "0123456789");
	KEXPECT_EQ(t, n, 10);		/* the length it wanted */
	KEXPECT_STREQ(t, buf, "0123456");	/* 7 chars + NUL */
	n = ksnprintf(buf, 0, "%d", 12345);
	KEXPECT_EQ(t, n, 5);
	KEXPECT_EQ(t, buf[0], '0');	/* size 0: buffer untouched */
	n = kscnprintf(buf, sizeof(buf), "%s", "0123456789");
	KEXPECT_EQ(t, n, 7);
}

static void vsprintf_pointer(struct ktest *t)
{
	char buf[32];

	ksnprintf(buf, sizeof(buf), "%p", (void *)0x1234);
	KEXPECT_EQ(t, strncmp(buf, "0x", 2), 0);
	KEXPECT_EQ(t, strlen(buf), 2 + 2 * sizeof(void *));
	KEXPECT_NOT_NULL(t, strstr(buf, "1234"));
}

static struct ktest_case vsprintf_cases[] = {
	KTEST_CASE_PARAMS(vsprintf_int_formats, int_cases, describe_fmt),
	KTEST_CASE(vsprintf_long_long),
	KTEST_CASE(vsprintf_strings),
	KTEST_CASE(vsprintf_truncation),
	KTEST_CASE(vsprintf_pointer),
	{}
};

static struct ktest_suite vsprintf_suite = {
	.name = "vsprintf",
	.cases = vsprintf_cases,
};
KTEST_SUITE(vsprintf_suite);
