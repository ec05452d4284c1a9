// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt latencies, with the benchmark SGI standing in for a device:
 *   irq_to_isr          from raising the interrupt to its handler running
 *                       (Rhealstone interrupt latency)
 *   irq_to_thread       the handler gives a semaphore; until the more
 *                       urgent thread waiting in down() runs
 *   irq_to_thread_wake  the handler resumes a suspended more urgent
 *                       thread (the scheduler alone, no semaphore)
 * Each is a mean over BENCH_ITERS interrupts less one timestamp's cost.
 */
#include "bench_internal.h"
#include <kernel/semaphore.h>
#include <kernel/time.h>
#include <kernel/errno.h>

static volatile u64 isr_t0;
static u64 isr_sum, isr_count;

static void isr_stamp(void *arg)
{
	isr_sum += ktime_get_ns() - isr_t0;
	isr_count++;
}

static int run_irq_to_isr(void)
{
	u64 mean_x10;
	int err = bench_sgi_install(isr_stamp, NULL);

	if (err)
		return err;
	for (int i = 0; i < BENCH_WARMUP + BENCH_ITERS; i++) {
		if (i == BENCH_WARMUP)
			isr_sum = isr_count = 0;
		isr_t0 = ktime_get_ns();
		bench_sgi_raise();
	}
	bench_sgi_remove();
	if (isr_count != BENCH_ITERS)
		return -EIO;
	mean_x10 = bench_per_op_x10(isr_sum, isr_count);
	mean_x10 -= min(mean_x10, bench_ktime_cost_x10);
	bench_report("irq_to_isr", mean_x10, "ns", 0);
	return 0;
}

const struct bench_case bench_irq_to_isr = {
	.name = "irq_to_isr",
	.desc = "SGI raised until its handler runs (Rhealstone interrupt latency)",
	.run = run_irq_to_isr,
};

static struct semaphore irq_sem;
static volatile bool no_stop;

static void isr_up(void *arg)
{
	up(&irq_sem);
}

static void isr_resume(void *arg)
{
	bench_resume(lat_waiter);
}

static int raise_signal(void)
{
	bench_sgi_raise();
	return 0;
}

static int sem_wait(void)
{
	down(&irq_sem);
	return 0;
}

static int suspend_wait(void)
{
	bench_suspend(&no_stop);
	return 0;
}

static const struct lat_pair irq_to_thread = {
	.name = "irq_to_thread",
	.target = 600,
	.signal = raise_signal,
	.wait = sem_wait,
};

static int run_irq_to_thread(void)
{
	int err;

	sema_init(&irq_sem, 0);
	err = bench_sgi_install(isr_up, NULL);
	if (err)
		return err;
	err = lat_pair_run(&irq_to_thread);
	bench_sgi_remove();
	return err;
}

const struct bench_case bench_irq_to_thread = {
	.name = "irq_to_thread",
	.desc = "SGI handler gives a semaphore until the waiting thread runs",
	.run = run_irq_to_thread,
};

static const struct lat_pair irq_to_thread_wake = {
	.name = "irq_to_thread_wake",
	.signal = raise_signal,
	.wait = suspend_wait,
};

static int run_irq_to_thread_wake(void)
{
	int err = bench_sgi_install(isr_resume, NULL);

	if (err)
		return err;
	err = lat_pair_run(&irq_to_thread_wake);
	bench_sgi_remove();
	return err;
}

const struct bench_case bench_irq_to_thread_wake = {
	.name = "irq_to_thread_wake",
	.desc = "SGI handler resumes a suspended thread until it runs",
	.run = run_irq_to_thread_wake,
};
