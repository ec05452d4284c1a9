// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark interrupt: a GIC software-generated interrupt (BENCH_SGI)
 * that a thread raises on its own CPU, standing in for a device interrupt.
 * The handler the interrupt benchmarks install runs in interrupt context
 * through the normal path (vector, controller, generic_handle_irq), so a
 * measurement includes everything a driver's interrupt would pay.
 *
 * One user at a time: the cases run one after another.
 */
#include "bench_internal.h"
#include <kernel/irq.h>
#include <kernel/errno.h>

static void (*sgi_fn)(void *arg);
static void *sgi_arg;
static struct irq_chip *sgi_chip;

static enum irq_return bench_sgi_handler(int irq, void *dev)
{
	sgi_fn(sgi_arg);
	return IRQ_HANDLED;
}

/**
 * bench_sgi_install() - make @fn(@arg) the handler of the benchmark SGI
 * Return: 0, -ENODEV without a controller that can raise SGIs, or the
 * error of request_irq().
 */
int bench_sgi_install(void (*fn)(void *arg), void *arg)
{
	struct irq_chip *chip = irq_root_chip();

	if (!chip || !chip->raise_sgi)
		return -ENODEV;
	sgi_fn = fn;
	sgi_arg = arg;
	sgi_chip = chip;
	return request_irq(BENCH_SGI, bench_sgi_handler, "bench", &sgi_fn);
}

/**
 * bench_sgi_remove() - detach the handler installed by bench_sgi_install()
 */
void bench_sgi_remove(void)
{
	free_irq(BENCH_SGI, &sgi_fn);
}

/**
 * bench_sgi_raise() - raise the benchmark SGI on the calling CPU
 *
 * With interrupts enabled it is taken right after the write to the
 * distributor; the caller continues once the handler (and any thread it
 * made runnable) has given the CPU back.
 */
void bench_sgi_raise(void)
{
	sgi_chip->raise_sgi(sgi_chip, BENCH_SGI, 1u << smp_processor_id());
}
