/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Thread-Metric harness (tm_harness.c) and its tests (tm_*.c).
 *
 * A test is up to TM_MAX_THREADS worker threads that each count the work
 * they complete in tm_counter[index] until tm_stop.  The runner, the most
 * urgent thread, is Thread-Metric's reporter: it lets the workers warm up,
 * sleeps for one period and reads the counters before and after.
 */
#ifndef KERNEL_BENCH_TM_H
#define KERNEL_BENCH_TM_H

#include "bench_internal.h"

#define TM_MAX_THREADS	5

struct tm_test {
	const char *name;		/* results: <name> and <name>_ns */
	int nr_threads;
	int (*fn[TM_MAX_THREADS])(void *index);
	int prio[TM_MAX_THREADS];
	u32 count_mask;			/* counters that make up the operations */
	int (*setup)(void);		/* optional, before the threads start */
	void (*teardown)(void);		/* optional, after they are joined */
};

extern volatile bool tm_stop;
extern volatile u32 tm_counter[TM_MAX_THREADS];
extern struct thread *tm_threads[TM_MAX_THREADS];

/* Runs @test for one period and reports it; 0 or -errno. */
int tm_run(const struct tm_test *test);

#endif /* KERNEL_BENCH_TM_H */
