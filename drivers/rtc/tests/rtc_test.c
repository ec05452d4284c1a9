// SPDX-License-Identifier: GPL-2.0
/*
 * RTC self-tests: calendar conversion against known dates, and on the
 * board's RTC (both QEMU boards have a PL031, which QEMU starts at the
 * host's time): a plausible time, a second that passes, set and restore.
 */
#include <kernel/ktest.h>
#include <kernel/rtc.h>
#include <kernel/time.h>
#include <kernel/errno.h>
#include <kernel/string.h>

struct tm_case {
	u64 secs;
	struct rtc_tm tm;
};

static const struct tm_case tm_cases[] = {
	{ 0, { 1970, 1, 1, 0, 0, 0, 4 } },
	{ 951782400, { 2000, 2, 29, 0, 0, 0, 2 } },
	{ 1700000000, { 2023, 11, 14, 22, 13, 20, 2 } },
	{ 4102444799ull, { 2099, 12, 31, 23, 59, 59, 4 } },
};

static void describe_tm(const void *p, char *buf, size_t len)
{
	const struct tm_case *c = p;

	snprintf(buf, len, "%llu -> %04d-%02d-%02d", c->secs, c->tm.year, c->tm.mon,
		 c->tm.mday);
}

static void rtc_calendar(struct ktest *t)
{
	const struct tm_case *c = t->param;
	struct rtc_tm tm;

	rtc_time_to_tm(c->secs, &tm);
	KEXPECT_EQ(t, tm.year, c->tm.year);
	KEXPECT_EQ(t, tm.mon, c->tm.mon);
	KEXPECT_EQ(t, tm.mday, c->tm.mday);
	KEXPECT_EQ(t, tm.hour, c->tm.hour);
	KEXPECT_EQ(t, tm.min, c->tm.min);
	KEXPECT_EQ(t, tm.sec, c->tm.sec);
	KEXPECT_EQ(t, tm.wday, c->tm.wday);
}

/*
 * Without an RTC in the DT (tests/qemu/dt-node-removed.sh takes it out)
 * the wall-clock cases skip; dm_board fails if a DT RTC did not bind.
 */
static bool no_rtc(struct ktest *t)
{
	u64 secs;

	if (rtc_read_time(NULL, &secs) != -ENODEV)
		return false;
	ktest_skip(t, "no RTC in the device tree");
	return true;
}

static void rtc_time_plausible(struct ktest *t)
{
	u64 secs;

	if (no_rtc(t))
		return;
	KASSERT_EQ(t, rtc_read_time(NULL, &secs), 0);
	KEXPECT_UGE(t, secs, 1577836800ull);	/* 2020-01-01 */
	KEXPECT_ULE(t, secs, 4102444800ull);	/* 2100-01-01 */
}

/*
 * At least a second passes in 1.1 s, and no more seconds than the system
 * clock saw around the two reads (+1 for the counter's phase): a bound
 * that holds however late a busy host lets the delay end.
 */
static void rtc_time_advances(struct ktest *t)
{
	u64 a, b, t0, t1;

	if (no_rtc(t))
		return;
	t0 = ktime_get_ns();
	KASSERT_EQ(t, rtc_read_time(NULL, &a), 0);
	mdelay(1100);
	KASSERT_EQ(t, rtc_read_time(NULL, &b), 0);
	t1 = ktime_get_ns();
	KEXPECT_UGE(t, b, a + 1);
	KEXPECT_ULE(t, b - a, (t1 - t0) / NSEC_PER_SEC + 1);
}

static void rtc_set_and_restore(struct ktest *t)
{
	u64 saved, now;

	if (no_rtc(t))
		return;
	KASSERT_EQ(t, rtc_read_time(NULL, &saved), 0);
	KASSERT_EQ(t, rtc_set_time(NULL, 1700000000ull), 0);
	KASSERT_EQ(t, rtc_read_time(NULL, &now), 0);
	KEXPECT_UGE(t, now, 1700000000ull);
	KEXPECT_ULE(t, now, 1700000001ull);
	KEXPECT_EQ(t, rtc_set_time(NULL, 1ull << 33), -ERANGE);
	KEXPECT_EQ(t, rtc_set_time(NULL, saved), 0);
}

static struct ktest_case rtc_cases[] = {
	KTEST_CASE_PARAMS(rtc_calendar, tm_cases, describe_tm),
	KTEST_CASE(rtc_time_plausible),
	KTEST_CASE(rtc_time_advances),
	KTEST_CASE(rtc_set_and_restore),
	{}
};

static struct ktest_suite rtc_suite = {
	.name = "rtc",
	.cases = rtc_cases,
};
KTEST_SUITE(rtc_suite);
