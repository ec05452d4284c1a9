// SPDX-License-Identifier: GPL-2.0
/*
 * SP804 self-tests (boards that have one): every "arm,sp804" node is bound,
 * timer 1 counts down at the DT clock's rate (checked against the system
 * clocksource), and a
 * one-shot on timer 2 raises exactly one interrupt.
 */
#include <kernel/ktest.h>
#include <kernel/platform_device.h>
#include <kernel/time.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include "../sp804.h"

static struct sp804 *first_sp804(struct ktest *t)
{
	struct bus_type *bus = bus_find("platform");
	struct device *dev;

	list_for_each_entry(dev, &bus->devices, bus_node)
		if (dev->driver && !strcmp(dev->driver->name, "sp804"))
			return dev_get_drvdata(dev);
	ktest_skip(t, "no SP804 bound on this board");
	return NULL;
}

/*
 * The counter's ticks between two reads must lie between what the system
 * clock saw inside the reads and around them (5% slack): a bound that a
 * preempted vCPU on a busy host cannot break.
 */
static void sp804_counts_at_dt_rate(struct ktest *t)
{
	struct sp804 *s = first_sp804(t);
	u64 t0, t1, t2, t3, got, inner, outer;
	u32 a, b;

	if (!s)
		return;
	t0 = ktime_get_ns();
	a = sp804_counter(s);
	t1 = ktime_get_ns();
	mdelay(20);
	t2 = ktime_get_ns();
	b = sp804_counter(s);
	t3 = ktime_get_ns();
	got = (u32)(a - b);		/* a down-counter */
	inner = (t2 - t1) * s->rate / NSEC_PER_SEC;
	outer = (t3 - t0) * s->rate / NSEC_PER_SEC;
	KEXPECT_GT(t, got, 0);
	KEXPECT_GE(t, got * 100, inner * 95);
	KEXPECT_LE(t, got * 100, outer * 105 + 100);
	ktest_log(t, "%llu ticks in %llu..%llu us at %u Hz", got, (t2 - t1) / 1000,
		  (t3 - t0) / 1000, s->rate);
}

static void sp804_oneshot_interrupts_once(struct ktest *t)
{
	struct sp804 *s = first_sp804(t);
	u32 before;
	u64 deadline;

	if (!s)
		return;
	before = s->fired;
	KASSERT_EQ(t, sp804_oneshot(s, 2000), 0);
	deadline = ktime_get_ns() + 100 * NSEC_PER_MSEC;
	while (s->fired == before && ktime_get_ns() < deadline)
		;
	KEXPECT_EQ(t, s->fired, before + 1);
	mdelay(5);
	KEXPECT_EQ(t, s->fired, before + 1);	/* one-shot: no second one */
	KEXPECT_EQ(t, sp804_oneshot(s, 0), -EINVAL);
}

static struct ktest_case sp804_cases[] = {
	KTEST_CASE(sp804_counts_at_dt_rate),
	KTEST_CASE(sp804_oneshot_interrupts_once),
	{}
};

static struct ktest_suite sp804_suite = {
	.name = "sp804",
	.cases = sp804_cases,
};
KTEST_SUITE(sp804_suite);
