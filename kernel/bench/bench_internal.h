/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the benchmark cases in kernel/bench/; not for the rest of the
 * kernel (which only sees bench_run() in <kernel/bench.h>).
 *
 * A case is a function that measures something and reports one or more
 * results with bench_report().  Times come from ktime_get_ns(); under QEMU
 * -icount shift=0 a virtual nanosecond is one guest instruction, so a
 * result is an instruction count that repeats from run to run.
 */
#ifndef KERNEL_BENCH_INTERNAL_H
#define KERNEL_BENCH_INTERNAL_H

#include <kernel/types.h>
#include <kernel/sched.h>

/* The software-generated interrupt the benchmarks raise (smp.c owns 0, 1). */
#define BENCH_SGI		7

/*
 * Priorities (0 most urgent).  The runner (the thread that called
 * bench_run()) raises itself to BENCH_PRIO_RUNNER, so the threads it
 * starts run only once it blocks (join, sleep), and in Thread-Metric
 * tests it is the reporter that preempts them at the end of a period.
 */
#define BENCH_PRIO_RUNNER	0
#define BENCH_PRIO_HIGH		2	/* the thread being woken / preempting */
#define BENCH_PRIO_LOW		3	/* the thread that wakes it */
#define BENCH_PRIO_TM		4	/* first Thread-Metric worker level */

/* Iterations of a latency loop: long enough that 10 ns ticks vanish. */
#define BENCH_ITERS		10000
#define BENCH_WARMUP		16

struct bench_case {
	const char *name;
	const char *desc;
	int (*run)(void);	/* 0 or -errno; results go to bench_report() */
};

/* The cases, listed in order in core.c. */
extern const struct bench_case bench_ktime, bench_sem_give_take,
	bench_kmalloc_kfree, bench_page_alloc_free, bench_context_switch,
	bench_wake_preempt, bench_sem_to_thread, bench_msg_to_thread,
	bench_irq_to_isr, bench_irq_to_thread, bench_irq_to_thread_wake,
	bench_tm_basic, bench_tm_coop, bench_tm_preempt, bench_tm_irq,
	bench_tm_irq_preempt, bench_tm_message, bench_tm_sync,
	bench_tm_memory, bench_cloop_initrd, bench_xts_aes256;

/* One BENCH line; @value_x10 in tenths, @target 0 for none (core.c). */
void bench_report(const char *name, u64 value_x10, const char *unit, u32 target);

/* @ns / @ops in tenths, rounded; 0 when @ops is 0. */
u64 bench_per_op_x10(u64 ns, u64 ops);

/*
 * Cost of one ktime_get_ns() in tenths of ns, measured before the first
 * case; a latency taken as the difference of two timestamps includes it
 * once, and is reported without it.
 */
extern u64 bench_ktime_cost_x10;

/* A started thread pinned to this CPU, to be joined (core.c). */
struct thread *bench_thread(int (*fn)(void *), void *arg, int prio, const char *name);

/*
 * Suspend and resume on the scheduler's own primitives (what a
 * Thread-Metric port maps tx_thread_suspend/resume to).  A suspend never
 * misses a resume that arrives after @stop became true: the caller marks
 * itself blocked before it looks at @stop.
 */
void bench_suspend(const volatile bool *stop);
void bench_resume(struct thread *t);

/*
 * A wake-up latency between two threads (lat_pair.c): the low thread
 * timestamps and calls @signal, the high thread returns from @wait.
 */
struct lat_pair {
	const char *name;		/* result name */
	u32 target;			/* ns, or 0 */
	int (*signal)(void);
	int (*wait)(void);
};

int lat_pair_run(const struct lat_pair *pair);
extern struct thread *lat_waiter;	/* the high thread, while it runs */

/* The benchmark SGI: install @fn as its handler, raise it on this CPU. */
int bench_sgi_install(void (*fn)(void *arg), void *arg);
void bench_sgi_remove(void);
void bench_sgi_raise(void);

#endif /* KERNEL_BENCH_INTERNAL_H */
