// SPDX-License-Identifier: GPL-2.0
/*
 * Thread-Metric interrupt tests, from the suite's published description:
 *   tm_irq          one thread raises the benchmark SGI; the handler counts
 *                   and posts a semaphore; back in the thread, it takes
 *                   the semaphore (without blocking), counts, raises again
 *   tm_irq_preempt  a low-priority thread counts and raises the SGI; the
 *                   handler resumes a suspended high-priority thread,
 *                   which preempts on the way out of the interrupt,
 *                   counts and suspends itself again
 * An operation is one interrupt with everything it causes.
 */
#include "tm.h"
#include <kernel/semaphore.h>

static struct semaphore tm_irq_sem;
static volatile u32 tm_isr_count;

static void tm_irq_isr(void *arg)
{
	tm_isr_count++;
	up(&tm_irq_sem);
}

static int tm_irq_setup(void)
{
	sema_init(&tm_irq_sem, 0);
	tm_isr_count = 0;
	return bench_sgi_install(tm_irq_isr, NULL);
}

static void tm_irq_teardown(void)
{
	bench_sgi_remove();
}

static int tm_irq_fn(void *index)
{
	int me = (int)(long)index;

	while (!tm_stop) {
		bench_sgi_raise();
		down(&tm_irq_sem);
		tm_counter[me]++;
	}
	return 0;
}

static const struct tm_test tm_irq = {
	.name = "tm_irq",
	.nr_threads = 1,
	.fn = { tm_irq_fn },
	.prio = { BENCH_PRIO_TM },
	.count_mask = 0x1,
	.setup = tm_irq_setup,
	.teardown = tm_irq_teardown,
};

static int run_tm_irq(void)
{
	return tm_run(&tm_irq);
}

const struct bench_case bench_tm_irq = {
	.name = "tm_irq",
	.desc = "Thread-Metric interrupt processing: SGI posts a semaphore",
	.run = run_tm_irq,
};

static void tm_irq_preempt_isr(void *arg)
{
	tm_isr_count++;
	bench_resume(tm_threads[0]);
}

static int tm_irq_preempt_setup(void)
{
	tm_isr_count = 0;
	return bench_sgi_install(tm_irq_preempt_isr, NULL);
}

static int tm_irq_high_fn(void *index)
{
	int me = (int)(long)index;

	for (;;) {
		bench_suspend(&tm_stop);
		if (tm_stop)
			break;
		tm_counter[me]++;
	}
	return 0;
}

static int tm_irq_low_fn(void *index)
{
	int me = (int)(long)index;

	while (!tm_stop) {
		tm_counter[me]++;
		bench_sgi_raise();
	}
	return 0;
}

static const struct tm_test tm_irq_preempt = {
	.name = "tm_irq_preempt",
	.nr_threads = 2,
	.fn = { tm_irq_high_fn, tm_irq_low_fn },
	.prio = { BENCH_PRIO_TM, BENCH_PRIO_TM + 1 },
	.count_mask = 0x1,	/* the high thread's runs: one per interrupt */
	.setup = tm_irq_preempt_setup,
	.teardown = tm_irq_teardown,
};

static int run_tm_irq_preempt(void)
{
	return tm_run(&tm_irq_preempt);
}

const struct bench_case bench_tm_irq_preempt = {
	.name = "tm_irq_preempt",
	.desc = "Thread-Metric interrupt preemption: SGI resumes a higher thread",
	.run = run_tm_irq_preempt,
};
