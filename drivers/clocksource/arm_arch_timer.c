// SPDX-License-Identifier: GPL-2.0
/*
 * ARM generic timer (ARMv7-A ARM B8, "arm,armv7-timer"): the virtual
 * counter CNTVCT is the clocksource and the virtual timer CNTV the
 * periodic tick, through its PPI (the third interrupt of the node; the
 * virtual timer is usable at PL1 whatever the secure/hyp configuration).
 * The rate is CNTFRQ, or the node's clock-frequency when the firmware
 * left CNTFRQ unset.  The compare value advances by a fixed step per
 * tick, so ticks do not drift with interrupt latency; a late interrupt
 * delivers the ticks it owes.
 *
 * Layer: early DT driver (timer stage).  Locking: per-CPU registers,
 * touched by the boot CPU and its tick interrupt only.
 */
#define pr_fmt(fmt) "arch_timer: " fmt
#include <kernel/irq.h>
#include <kernel/of.h>
#include <kernel/time.h>
#include <kernel/printk.h>
#include <kernel/errno.h>
#include <kernel/cpu.h>
#include <kernel/sched.h>
#include <asm/barrier.h>

#define CNTV_CTL_ENABLE		(1 << 0)
#define CNTV_CTL_IMASK		(1 << 1)
#define ARCH_TIMER_VIRT_PPI	2	/* index in "interrupts": sec, phys, virt, hyp */

static u64 tick_step;
static u64 next_deadline[NR_CPUS];	/* the timer is banked per CPU */

static u32 read_cntfrq(void)
{
	u32 v;

	__asm__ __volatile__("mrc p15, 0, %0, c14, c0, 0" : "=r"(v));
	return v;
}

static u64 read_cntvct(void)
{
	u32 lo, hi;

	isb();
	__asm__ __volatile__("mrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi));
	return ((u64)hi << 32) | lo;
}

static void write_cntv_cval(u64 v)
{
	__asm__ __volatile__("mcrr p15, 3, %0, %1, c14" :: "r"((u32)v), "r"((u32)(v >> 32)));
	isb();
}

static void write_cntv_ctl(u32 v)
{
	__asm__ __volatile__("mcr p15, 0, %0, c14, c3, 1" :: "r"(v));
	isb();
}

static u64 arch_counter_read(struct clocksource *cs)
{
	return read_cntvct();
}

static struct clocksource arch_clocksource = {
	.name = "arch_sys_counter",
	.read = arch_counter_read,
};

#define MAX_CATCH_UP	(HZ / 10)	/* after a longer stall, drop the rest */

static enum irq_return arch_timer_interrupt(int irq, void *dev)
{
	u64 now = read_cntvct(), *next = &next_deadline[smp_processor_id()];
	int n = 0;

	/*
	 * One tick per period that has passed, as a periodic timer would have
	 * delivered them (a late interrupt, e.g. a descheduled QEMU vCPU,
	 * must not slow jiffies down), then the next deadline in the future.
	 */
	do {
		*next += tick_step;
		if (n++ < MAX_CATCH_UP)
			tick_handle();
	} while (*next <= now);
	write_cntv_cval(*next);
	return IRQ_HANDLED;
}

/* Each CPU starts its own virtual timer (the PPI is banked too). */
static void arch_timer_start(int cpu)
{
	write_cntv_ctl(CNTV_CTL_IMASK);
	next_deadline[cpu] = read_cntvct() + tick_step;
	write_cntv_cval(next_deadline[cpu]);
	write_cntv_ctl(CNTV_CTL_ENABLE);
}

static struct cpu_hook arch_timer_cpu_hook = {
	.name = "arch_timer", .starting = arch_timer_start,
};

static int arch_timer_probe(int node)
{
	unsigned int irq;
	u32 rate = read_cntfrq();
	int err;

	if (!rate && of_read_u32(node, "clock-frequency", &rate)) {
		pr_err("CNTFRQ is 0 and the DT gives no clock-frequency");
		return -EINVAL;
	}
	if (rate < HZ)
		return -EINVAL;
	err = of_irq_get(node, ARCH_TIMER_VIRT_PPI, &irq);
	if (err) {
		pr_err("no virtual timer interrupt in the DT: %d", err);
		return err;
	}
	arch_clocksource.freq_hz = rate;
	clocksource_register(&arch_clocksource);

	write_cntv_ctl(CNTV_CTL_IMASK);
	err = request_irq(irq, arch_timer_interrupt, "arch-timer", NULL);
	if (err)
		return err;
	tick_step = rate / HZ;
	arch_timer_start(0);
	register_cpu_starting(&arch_timer_cpu_hook);
	tick_set_rate(HZ);
	pr_info("tick at %d Hz from the %u Hz virtual counter (irq %u)", HZ, rate, irq);
	return 0;
}

static const char *const arch_timer_compat[] = { "arm,armv7-timer", NULL };
static const struct dt_driver arch_timer_driver = {
	.name = "arch_timer", .stage = DT_STAGE_TIMER,
	.compatible = arch_timer_compat, .probe = arch_timer_probe,
};
DT_DRIVER(arch_timer_driver);
