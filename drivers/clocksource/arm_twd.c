// SPDX-License-Identifier: GPL-2.0
/*
 * Cortex-A9 private timer (Cortex-A9 MPCore TRM, 4.1 "About the private
 * timer and watchdog blocks"): the periodic tick.  Its input clock comes
 * from the DT ("clocks", a fixed clock); the reload value is set so that
 * it fires CONFIG_HZ times a second.
 */
#define pr_fmt(fmt) "twd: " fmt
#include <kernel/irq.h>
#include <kernel/of.h>
#include <kernel/time.h>
#include <kernel/printk.h>
#include <kernel/errno.h>
#include <kernel/cpu.h>
#include <asm/io.h>

#define TWD_LOAD	0x00
#define TWD_COUNTER	0x04
#define TWD_CONTROL	0x08
#define TWD_INTSTAT	0x0c

#define TWD_ENABLE	(1 << 0)
#define TWD_AUTO_RELOAD	(1 << 1)
#define TWD_IRQ_ENABLE	(1 << 2)

static void *twd_base;

static enum irq_return twd_interrupt(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	writel_relaxed(1, twd_base + TWD_INTSTAT);
	tick_handle();
	return IRQ_HANDLED;
}

static u32 twd_load;

/* The private timer is banked per CPU: each CPU starts its own tick. */
static void twd_start(int cpu)
{
	(void)cpu;
	writel(0, twd_base + TWD_CONTROL);
	writel(1, twd_base + TWD_INTSTAT);
	writel(twd_load, twd_base + TWD_LOAD);
	writel(TWD_ENABLE | TWD_AUTO_RELOAD | TWD_IRQ_ENABLE, twd_base + TWD_CONTROL);
}

static struct cpu_hook twd_cpu_hook = { .name = "twd", .starting = twd_start };

static int twd_probe(int node)
{
	u64 base, size;
	unsigned int irq;
	u32 rate;
	int err;

	if (twd_base)
		return -EBUSY;
	err = of_address(node, 0, &base, &size);
	if (err)
		return err;
	err = of_irq_get(node, 0, &irq);
	if (err)
		return err;
	err = of_clock_rate(node, 0, &rate);
	if (err) {
		pr_err("no fixed input clock in the DT (clocks): %d", err);
		return err;
	}
	if (rate < HZ)
		return -EINVAL;
	twd_base = ioremap((phys_addr_t)base, (size_t)size);
	if (!twd_base)
		return -ENOMEM;
	writel(0, twd_base + TWD_CONTROL);
	writel(1, twd_base + TWD_INTSTAT);
	err = request_irq(irq, twd_interrupt, "twd-tick", NULL);
	if (err)
		return err;
	twd_load = rate / HZ - 1;
	twd_start(0);
	register_cpu_starting(&twd_cpu_hook);
	tick_set_rate(HZ);
	pr_info("tick at %d Hz from a %u Hz clock (irq %u)", HZ, rate, irq);
	return 0;
}

static const char *const twd_compat[] = { "arm,cortex-a9-twd-timer", NULL };
static const struct dt_driver twd_driver = {
	.name = "twd", .stage = DT_STAGE_TIMER,
	.compatible = twd_compat, .probe = twd_probe,
};
DT_DRIVER(twd_driver);
