// SPDX-License-Identifier: GPL-2.0
/*
 * Timekeeping: one clocksource (a free-running counter from the DT) gives
 * ktime_get_ns(); the tick timer's interrupt advances jiffies.  Knows no
 * hardware: drivers register the clocksource and call tick_handle().
 *
 * Conversion avoids a 64-bit division per call: ns = (cycles * mult) >>
 * shift on 32-bit chunks of the counter, with mult/shift chosen at
 * registration.
 */
#include <kernel/time.h>
#include <kernel/printk.h>
#include <kernel/compiler.h>
#include <asm/barrier.h>
#include <kernel/sched.h>

void timers_run(void);

static struct clocksource *clock;
static u32 cs_mult, cs_shift;
volatile u64 jiffies;
static u32 tick_hz;

void clocksource_register(struct clocksource *cs)
{
	u64 mult;
	u32 shift = 32;

	if (clock || !cs->freq_hz)
		return;
	/* Largest shift for which mult still fits in 32 bits. */
	do {
		shift--;
		mult = (NSEC_PER_SEC << shift) / cs->freq_hz;
	} while (mult > 0xffffffffull && shift > 0);
	cs_mult = (u32)mult;
	cs_shift = shift;
	smp_wmb();
	clock = cs;
	pr_info("clocksource: %s at %u Hz", cs->name, cs->freq_hz);
}

bool clocksource_ready(void)
{
	return clock != NULL;
}

static u64 cycles_to_ns(u64 cycles)
{
	u64 hi = cycles >> 32, lo = cycles & 0xffffffffull;
	/* (hi * 2^32 + lo) * mult >> shift, without 128-bit arithmetic */
	u64 ns_hi = (hi * cs_mult) << (32 - cs_shift);
	u64 ns_lo = (lo * cs_mult) >> cs_shift;

	return ns_hi + ns_lo;
}

u64 ktime_get_ns(void)
{
	struct clocksource *cs = READ_ONCE(clock);

	if (!cs)
		return 0;
	return cycles_to_ns(cs->read(cs));
}

void tick_set_rate(u32 hz)
{
	tick_hz = hz;
}

u32 tick_rate_hz(void)
{
	return tick_hz;
}

/* Every CPU's tick: time slices; the boot CPU also keeps jiffies and timers. */
void tick_handle(void)
{
	if (smp_processor_id() == 0) {
		jiffies++;
		timers_run();
	}
	sched_tick();
}

void udelay(u32 us)
{
	u64 end;

	if (!clock) {	/* no clock yet: a rough spin, good enough for early probes */
		for (volatile u32 i = 0; i < us * 100; i++)
			;
		return;
	}
	end = ktime_get_ns() + (u64)us * NSEC_PER_USEC;
	while (ktime_get_ns() < end)
		;
}

void mdelay(u32 ms)
{
	while (ms--)
		udelay(1000);
}
