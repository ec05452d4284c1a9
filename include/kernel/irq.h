/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupts.  An interrupt number is the controller's hardware number
 * (GIC INTID: SGI 0-15, PPI 16-31, SPI 32+).  Controllers register
 * themselves; drivers get their numbers from the DT (of_irq_get) and
 * attach handlers with request_irq().
 */
#ifndef KERNEL_IRQ_H
#define KERNEL_IRQ_H

#include <kernel/types.h>

struct pt_regs;

#define NR_IRQS 1024

enum irq_return { IRQ_NONE, IRQ_HANDLED };
typedef enum irq_return (*irq_handler_t)(int irq, void *dev);

struct irq_chip {
	const char *name;
	void (*mask)(struct irq_chip *chip, unsigned int irq);
	void (*unmask)(struct irq_chip *chip, unsigned int irq);
	/* Translate a DT interrupt specifier into an irq number. */
	int (*xlate)(struct irq_chip *chip, const u32 *spec, int cells,
		     unsigned int *irq);
	void (*handle)(struct irq_chip *chip, struct pt_regs *regs);
	void (*raise_sgi)(struct irq_chip *chip, unsigned int irq, u32 cpumask);
	void (*cpu_init)(struct irq_chip *chip);	/* on each CPU as it starts */
	int of_node;		/* the controller's DT node offset */
	int irq_cells;		/* #interrupt-cells */
	void *priv;
};

int irq_chip_register(struct irq_chip *chip);
struct irq_chip *irq_chip_find(int of_node);
struct irq_chip *irq_root_chip(void);

/**
 * request_irq() - attach @handler to @irq and unmask it
 * Return: 0, -EINVAL for a bad number, -EBUSY if the line has a handler.
 */
int request_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev);
void free_irq(unsigned int irq, void *dev);

/* Called by the root controller's handle() for each pending interrupt. */
void generic_handle_irq(unsigned int irq);

struct irq_stat {
	const char *name;
	u64 count;
};
void irq_get_stat(unsigned int irq, struct irq_stat *st);

#endif /* KERNEL_IRQ_H */
