// SPDX-License-Identifier: GPL-2.0
/*
 * Wake-up latency between two threads (Rhealstone style): a high-priority
 * thread waits; a low-priority one takes a timestamp and signals it (a
 * semaphore, a message, a resume, an interrupt whose handler does one of
 * these); the high thread preempts and takes the second timestamp as soon
 * as its wait returns.  The result is the mean difference less the cost
 * of one timestamp, i.e. from the signal call to the woken thread running
 * its next instruction, both calls through one function pointer.
 *
 * Both threads are pinned to the runner's CPU; the runner joins them.
 */
#include "bench_internal.h"
#include <kernel/time.h>
#include <kernel/err.h>
#include <kernel/errno.h>

static volatile bool lat_stop;
static volatile bool lat_counting;
static volatile u64 lat_t0;
static u64 lat_sum, lat_count;
static int lat_error;
struct thread *lat_waiter;

static int lat_high_fn(void *arg)
{
	const struct lat_pair *pair = arg;

	for (;;) {
		int err = pair->wait();
		u64 now = ktime_get_ns();

		if (lat_stop)
			break;
		if (err) {
			lat_error = err;
			break;
		}
		if (lat_counting) {
			lat_sum += now - lat_t0;
			lat_count++;
		}
	}
	return 0;
}

static int lat_low_fn(void *arg)
{
	const struct lat_pair *pair = arg;

	for (int i = 0; i < BENCH_WARMUP + BENCH_ITERS && !lat_error; i++) {
		int err;

		lat_counting = i >= BENCH_WARMUP;
		lat_t0 = ktime_get_ns();
		err = pair->signal();
		if (err) {
			lat_error = err;
			break;
		}
	}
	lat_stop = true;
	return pair->signal();
}

/**
 * lat_pair_run() - measure and report one wake-up latency
 * @pair: how to wait and signal, the result's name and target
 *
 * Return: 0, a thread creation error, an error of @pair's calls, or -EIO
 * if fewer wake-ups arrived than were sent.
 */
int lat_pair_run(const struct lat_pair *pair)
{
	struct thread *high, *low;
	u64 mean_x10;
	int ret;

	lat_stop = false;
	lat_counting = false;
	lat_sum = lat_count = 0;
	lat_error = 0;
	high = bench_thread(lat_high_fn, (void *)pair, BENCH_PRIO_HIGH, "lat_high");
	if (IS_ERR(high))
		return PTR_ERR(high);
	lat_waiter = high;
	low = bench_thread(lat_low_fn, (void *)pair, BENCH_PRIO_LOW, "lat_low");
	if (IS_ERR(low)) {
		lat_stop = true;
		pair->signal();
		kthread_join(high);
		return PTR_ERR(low);
	}
	ret = kthread_join(low);
	kthread_join(high);
	lat_waiter = NULL;
	if (lat_error)
		return lat_error;
	if (ret)
		return ret;
	if (lat_count != BENCH_ITERS)
		return -EIO;
	mean_x10 = bench_per_op_x10(lat_sum, lat_count);
	mean_x10 -= min(mean_x10, bench_ktime_cost_x10);
	bench_report(pair->name, mean_x10, "ns", pair->target);
	return 0;
}
