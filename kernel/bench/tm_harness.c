// SPDX-License-Identifier: GPL-2.0
/*
 * Thread-Metric harness: starts a test's worker threads, measures how much
 * work they complete in one reporting period of kernel time, stops them,
 * and reports the throughput (operations per period) and its inverse (ns
 * per operation).  Also the suspend/resume pair the tests use.
 *
 * The runner is the reporter: it is more urgent than every worker, so the
 * workers run only while it sleeps, and its wake-up at the end of the
 * period preempts them wherever they are (as Thread-Metric's reporting
 * thread does).  Uniprocessor by construction: every worker is pinned to
 * the runner's CPU.
 */
#include "tm.h"
#include <kernel/time.h>
#include <kernel/err.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/errno.h>

volatile bool tm_stop;
volatile u32 tm_counter[TM_MAX_THREADS];
struct thread *tm_threads[TM_MAX_THREADS];

static const char *const tm_names[TM_MAX_THREADS] = {
	"tm0", "tm1", "tm2", "tm3", "tm4"
};

/**
 * bench_suspend() - block the calling thread until bench_resume()
 * @stop: when it is (or becomes) true, return instead of blocking
 *
 * The thread marks itself blocked before it reads @stop, so a resume that
 * follows setting @stop is never lost.  Must not be called with IRQs off.
 */
void bench_suspend(const volatile bool *stop)
{
	set_current_blocked();
	if (READ_ONCE(*stop)) {
		set_current_runnable();
		return;
	}
	schedule();
}

/**
 * bench_resume() - make a thread blocked in bench_suspend() runnable
 * @t: the thread; it preempts the caller if more urgent
 *
 * Any context, interrupts included.
 */
void bench_resume(struct thread *t)
{
	wake_up_thread(t, 0);
}

static u64 tm_sum(u32 mask)
{
	u64 sum = 0;

	for (int i = 0; i < TM_MAX_THREADS; i++)
		if (mask & (1u << i))
			sum += tm_counter[i];
	return sum;
}

/* Stops and joins threads [0, n), least urgent (highest index) first. */
static void tm_stop_threads(int n)
{
	tm_stop = true;
	for (int i = 0; i < n; i++)
		wake_up_thread(tm_threads[i], 0);
	for (int i = n - 1; i >= 0; i--)
		kthread_join(tm_threads[i]);
}

static int tm_start_threads(const struct tm_test *test)
{
	tm_stop = false;
	for (int i = 0; i < TM_MAX_THREADS; i++)
		tm_counter[i] = 0;
	for (int i = 0; i < test->nr_threads; i++) {
		struct thread *t = bench_thread(test->fn[i], (void *)(long)i,
						test->prio[i], tm_names[i]);

		if (IS_ERR(t)) {
			tm_stop_threads(i);
			return PTR_ERR(t);
		}
		tm_threads[i] = t;
	}
	return 0;
}

static void tm_report(const struct tm_test *test, u64 ops, u64 ns)
{
	u64 period_ns = (u64)CONFIG_BENCH_TM_PERIOD_MS * NSEC_PER_MSEC;
	char name[32], unit[24];

	console_printf("# bench: %s: %llu operations in %llu ns\n", test->name, ops, ns);
	snprintf(unit, sizeof(unit), "ops_per_%ums", CONFIG_BENCH_TM_PERIOD_MS);
	bench_report(test->name, ns ? (ops * period_ns * 10 + ns / 2) / ns : 0, unit, 0);
	snprintf(name, sizeof(name), "%s_ns", test->name);
	bench_report(name, bench_per_op_x10(ns, ops), "ns_per_op", 0);
}

/**
 * tm_run() - run one Thread-Metric test for a reporting period
 * @test: its threads, priorities and which counters count
 *
 * The workers first run until the next tick (warm-up), then for
 * CONFIG_BENCH_TM_PERIOD_MS; the sleep ends on a tick, so the window is
 * measured with ktime_get_ns() and the result scaled to one period.
 *
 * Return: 0, an error of the test's setup or thread creation, or -EIO
 * when the workers completed nothing.
 */
int tm_run(const struct tm_test *test)
{
	u64 c0, c1, t0, t1;
	int err = 0;

	if (test->setup) {
		err = test->setup();
		if (err)
			return err;
	}
	err = tm_start_threads(test);
	if (err)
		goto out_teardown;
	msleep(1);
	c0 = tm_sum(test->count_mask);
	t0 = ktime_get_ns();
	msleep(CONFIG_BENCH_TM_PERIOD_MS);
	t1 = ktime_get_ns();
	c1 = tm_sum(test->count_mask);
	tm_stop_threads(test->nr_threads);
	if (c1 == c0)
		err = -EIO;
	else
		tm_report(test, c1 - c0, t1 - t0);
out_teardown:
	if (test->teardown)
		test->teardown();
	return err;
}
