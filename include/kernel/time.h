/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Time: a free-running clocksource for timestamps (ktime_get_ns), and the
 * periodic tick (jiffies at CONFIG_HZ) from the tick timer.
 */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include <kernel/types.h>

#define NSEC_PER_USEC	1000ull
#define NSEC_PER_MSEC	1000000ull
#define NSEC_PER_SEC	1000000000ull

#ifndef CONFIG_HZ
#define CONFIG_HZ 100
#endif
#define HZ CONFIG_HZ

struct clocksource {
	const char *name;
	u64 (*read)(struct clocksource *cs);
	u32 freq_hz;
	void *priv;
};

/* Registers the system clocksource (the first one wins). */
void clocksource_register(struct clocksource *cs);
u64 ktime_get_ns(void);	/* 0 until a clocksource exists */
bool clocksource_ready(void);

extern volatile u64 jiffies;
void tick_handle(void);		/* called by the tick timer's interrupt */
u32 tick_rate_hz(void);		/* the rate the tick timer was set to */
void tick_set_rate(u32 hz);

void udelay(u32 us);		/* busy-wait on the clocksource */
void mdelay(u32 ms);

#endif /* KERNEL_TIME_H */
