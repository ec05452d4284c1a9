// SPDX-License-Identifier: GPL-2.0
/*
 * Time self-tests: the clocksource is monotonic and the tick advances at
 * the rate configured from the DT, measured against the clocksource (a
 * different timer).  Tolerances allow for QEMU running on a busy host.
 */
#include <kernel/ktest.h>
#include <kernel/time.h>
#include <asm/irqflags.h>

static void clocksource_monotonic(struct ktest *t)
{
	u64 prev = ktime_get_ns();

	KASSERT_TRUE(t, clocksource_ready());
	for (int i = 0; i < 10000; i++) {
		u64 now = ktime_get_ns();

		if (now < prev) {
			KEXPECT_UGE(t, now, prev);
			return;
		}
		prev = now;
	}
	KEXPECT_GT(t, prev, 0);
}

static void tick_rate_matches(struct ktest *t)
{
	const u64 window_ns = 300 * NSEC_PER_MSEC;
	u64 j0, j1, t0, t1, expected, got;

	KASSERT_EQ(t, tick_rate_hz(), HZ);
	KASSERT_FALSE(t, irqs_disabled());
	j0 = jiffies;
	while (jiffies == j0)	/* start on a tick edge */
		;
	j0 = jiffies;
	t0 = ktime_get_ns();
	do {
		t1 = ktime_get_ns();
	} while (t1 - t0 < window_ns);
	j1 = jiffies;
	expected = (t1 - t0) * HZ / NSEC_PER_SEC;
	got = j1 - j0;
	ktest_log(t, "%llu ticks in %llu ms (expected %llu)", got,
		  (t1 - t0) / NSEC_PER_MSEC, expected);
	/*
	 * A wrong divisor is off by a factor.  Upper bound tight: a tick never
	 * comes early.  Lower bound loose: QEMU merges timer interrupts while
	 * a busy host keeps its CPU thread from running, so ticks can be lost.
	 */
	KEXPECT_LE(t, got, expected + 1);
	KEXPECT_GE(t, got * 2, expected);
}

static void udelay_waits(struct ktest *t)
{
	u64 t0 = ktime_get_ns(), el;

	udelay(5000);
	el = ktime_get_ns() - t0;
	KEXPECT_GE(t, el, 5 * NSEC_PER_MSEC);
	KEXPECT_LT(t, el, 500 * NSEC_PER_MSEC);
}

static struct ktest_case time_cases[] = {
	KTEST_CASE(clocksource_monotonic),
	KTEST_CASE(tick_rate_matches),
	KTEST_CASE(udelay_waits),
	{}
};

static struct ktest_suite time_suite = {
	.name = "time",
	.cases = time_cases,
};
KTEST_SUITE(time_suite);
