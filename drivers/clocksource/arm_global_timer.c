// SPDX-License-Identifier: GPL-2.0
/*
 * Cortex-A9 global timer (Cortex-A9 MPCore TRM, 4.3): a 64-bit up-counter
 * shared by all cores, used as the system clocksource (timestamps,
 * ktime_get_ns, delays).  The two 32-bit halves are read hi-lo-hi so that
 * a carry between the reads is never seen.
 */
#define pr_fmt(fmt) "global-timer: " fmt
#include <kernel/of.h>
#include <kernel/time.h>
#include <kernel/printk.h>
#include <kernel/errno.h>
#include <asm/io.h>

#define GT_COUNTER_LO	0x00
#define GT_COUNTER_HI	0x04
#define GT_CONTROL	0x08
#define GT_ENABLE	(1 << 0)

static u64 gt_read(struct clocksource *cs)
{
	void *base = cs->priv;
	u32 hi, lo, hi2;

	hi = readl_relaxed(base + GT_COUNTER_HI);
	for (;;) {
		lo = readl_relaxed(base + GT_COUNTER_LO);
		hi2 = readl_relaxed(base + GT_COUNTER_HI);
		if (hi2 == hi)
			break;
		hi = hi2;
	}
	return ((u64)hi << 32) | lo;
}

static struct clocksource gt_clocksource = {
	.name = "arm_global_timer",
	.read = gt_read,
};

static int gt_probe(int node)
{
	u64 base, size;
	u32 rate;
	int err;

	err = of_address(node, 0, &base, &size);
	if (err)
		return err;
	err = of_clock_rate(node, 0, &rate);
	if (err)
		return err;
	gt_clocksource.priv = ioremap((phys_addr_t)base, (size_t)size);
	if (!gt_clocksource.priv)
		return -ENOMEM;
	writel(readl(gt_clocksource.priv + GT_CONTROL) | GT_ENABLE,
	       gt_clocksource.priv + GT_CONTROL);
	gt_clocksource.freq_hz = rate;
	clocksource_register(&gt_clocksource);
	return 0;
}

static const char *const gt_compat[] = { "arm,cortex-a9-global-timer", NULL };
static const struct dt_driver gt_driver = {
	.name = "global-timer", .stage = DT_STAGE_TIMER,
	.compatible = gt_compat, .probe = gt_probe,
};
DT_DRIVER(gt_driver);
