// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt descriptors and dispatch.  The controller (drivers/irqchip)
 * acknowledges and calls generic_handle_irq() per interrupt; this file
 * finds the handler and counts.  Handlers run with IRQs masked.
 *
 * Locking: desc_lock (irqsave) protects handler installation; dispatch
 * reads a handler that is only changed with its line masked.
 */
#include <kernel/irq.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/errno.h>
#include <asm/ptrace.h>
#include <kernel/sched.h>
#include <kernel/process.h>


struct irq_desc {
	irq_handler_t handler;
	void *dev;
	const char *name;
	u64 count;
};

static struct irq_desc irq_descs[NR_IRQS];
static DEFINE_SPINLOCK(desc_lock);
static struct irq_chip *chips[4];
static int nr_chips;
static u64 spurious;

int irq_chip_register(struct irq_chip *chip)
{
	if (nr_chips == ARRAY_SIZE(chips))
		return -ENOSPC;
	chips[nr_chips++] = chip;
	return 0;
}

struct irq_chip *irq_chip_find(int of_node)
{
	for (int i = 0; i < nr_chips; i++)
		if (chips[i]->of_node == of_node)
			return chips[i];
	return NULL;
}

struct irq_chip *irq_root_chip(void)
{
	return nr_chips ? chips[0] : NULL;
}

int request_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev)
{
	struct irq_chip *chip = irq_root_chip();
	unsigned long flags;

	if (irq >= NR_IRQS || !handler || !chip)
		return -EINVAL;
	spin_lock_irqsave(&desc_lock, flags);
	if (irq_descs[irq].handler) {
		spin_unlock_irqrestore(&desc_lock, flags);
		return -EBUSY;
	}
	irq_descs[irq].handler = handler;
	irq_descs[irq].dev = dev;
	irq_descs[irq].name = name;
	spin_unlock_irqrestore(&desc_lock, flags);
	chip->unmask(chip, irq);
	return 0;
}

void free_irq(unsigned int irq, void *dev)
{
	struct irq_chip *chip = irq_root_chip();
	unsigned long flags;

	if (irq >= NR_IRQS || !chip)
		return;
	chip->mask(chip, irq);
	spin_lock_irqsave(&desc_lock, flags);
	if (irq_descs[irq].dev == dev)
		irq_descs[irq].handler = NULL;
	spin_unlock_irqrestore(&desc_lock, flags);
}

/**
 * irq_cpu_init() - set up this CPU's side of the interrupt controller
 * Per-CPU interrupts (SGIs, PPIs) are banked per CPU in the GIC: those
 * with a handler are enabled again here.  Called on each secondary CPU.
 */
void irq_cpu_init(void)
{
	struct irq_chip *chip = irq_root_chip();

	if (!chip)
		return;
	if (chip->cpu_init)
		chip->cpu_init(chip);
	for (unsigned int i = 0; i < 32; i++)
		if (irq_descs[i].handler)
			chip->unmask(chip, i);
}

void generic_handle_irq(unsigned int irq)
{
	struct irq_desc *d;

	if (irq >= NR_IRQS) {
		spurious++;
		return;
	}
	d = &irq_descs[irq];
	d->count++;
	if (!d->handler || d->handler(irq, d->dev) == IRQ_NONE)
		spurious++;
}

void irq_get_stat(unsigned int irq, struct irq_stat *st)
{
	st->name = irq < NR_IRQS ? irq_descs[irq].name : NULL;
	st->count = irq < NR_IRQS ? irq_descs[irq].count : 0;
}

/* Entry from the IRQ vector (arch/arm/kernel/entry.S). */
void do_irq(struct pt_regs *regs)
{
	struct irq_chip *chip = irq_root_chip();

	irq_enter();
	if (chip)
		chip->handle(chip, regs);
	sched_irq_exit();	/* may switch threads: preemption */
	if (user_mode(regs))
		do_notify_resume(regs);	/* e.g. a SIGKILL for a looping process */
}
