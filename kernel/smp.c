// SPDX-License-Identifier: GPL-2.0
/*
 * Inter-processor interrupts over the interrupt controller's software
 * interrupts (GIC SGIs): SGI 0 asks a CPU to reschedule, SGI 1 to run the
 * functions queued for it.  Secondary CPU start-up is in arch/arm/kernel/smp.c.
 *
 * Locking: call_lock protects each CPU's call slot.
 */
#define pr_fmt(fmt) "smp: " fmt
#include <kernel/sched.h>
#include <kernel/irq.h>
#include <kernel/printk.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/smp.h>
#include <asm/barrier.h>

#define IPI_RESCHEDULE	0
#define IPI_CALL_FUNC	1

u32 cpu_online_mask = 1;
static u64 ipi_count;

struct call_slot {
	void (*fn)(void *arg);
	void *arg;
	volatile int pending;
};
static struct call_slot call_slots[NR_CPUS];
static DEFINE_SPINLOCK(call_lock);

static void send_ipi(int cpu, unsigned int sgi)
{
	struct irq_chip *chip = irq_root_chip();

	if (chip && chip->raise_sgi && (cpu_online_mask & (1u << cpu))) {
		ipi_count++;
		chip->raise_sgi(chip, sgi, 1u << cpu);
	}
}

void sched_send_resched_ipi(int cpu)
{
	send_ipi(cpu, IPI_RESCHEDULE);
}

static enum irq_return ipi_resched(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	return IRQ_HANDLED;	/* need_resched is set; sched_irq_exit() switches */
}

static enum irq_return ipi_call(int irq, void *dev)
{
	struct call_slot *slot = &call_slots[smp_processor_id()];

	(void)irq;
	(void)dev;
	if (slot->pending) {
		slot->fn(slot->arg);
		smp_mb();
		slot->pending = 0;
	}
	return IRQ_HANDLED;
}

int smp_call_function_single(int cpu, void (*fn)(void *), void *arg)
{
	struct call_slot *slot;
	unsigned long flags;

	if (cpu < 0 || cpu >= NR_CPUS || !(cpu_online_mask & (1u << cpu)))
		return -ENXIO;
	if (cpu == (int)smp_processor_id()) {
		local_irq_save(flags);
		fn(arg);
		local_irq_restore(flags);
		return 0;
	}
	slot = &call_slots[cpu];
	spin_lock_irqsave(&call_lock, flags);
	while (slot->pending)
		cpu_relax();
	slot->fn = fn;
	slot->arg = arg;
	smp_mb();
	slot->pending = 1;
	send_ipi(cpu, IPI_CALL_FUNC);
	spin_unlock_irqrestore(&call_lock, flags);
	while (READ_ONCE(slot->pending))	/* synchronous, like Linux's wait=1 */
		cpu_relax();
	return 0;
}

u64 smp_ipi_count(void)
{
	return ipi_count;
}

static int ipi_init(void)
{
	int err = request_irq(IPI_RESCHEDULE, ipi_resched, "ipi-resched", NULL);

	if (!err)
		err = request_irq(IPI_CALL_FUNC, ipi_call, "ipi-call", NULL);
	return err;
}
initcall_pair(early, ipi_init, NULL);
