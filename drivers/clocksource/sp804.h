/* SPDX-License-Identifier: GPL-2.0 */
/* drivers/clocksource private: an SP804 dual timer bound by the device model. */
#ifndef DRIVERS_CLOCKSOURCE_SP804_H
#define DRIVERS_CLOCKSOURCE_SP804_H

#include <kernel/types.h>

struct sp804 {
	void *base;
	u32 rate;			/* Hz, from the DT clock */
	unsigned int irq;
	volatile u32 fired;		/* timer 2 interrupts taken */
};

/* Timer 1, free running: counts down from 0xffffffff at @rate. */
u32 sp804_counter(struct sp804 *t);

/**
 * sp804_oneshot() - make timer 2 interrupt once after @us microseconds
 * Return: 0 or -EINVAL for a delay that does not fit 32 bits of ticks.
 */
int sp804_oneshot(struct sp804 *t, u32 us);

#endif /* DRIVERS_CLOCKSOURCE_SP804_H */
