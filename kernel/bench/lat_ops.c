// SPDX-License-Identifier: GPL-2.0
/*
 * Costs of single kernel operations that do not switch threads, each a
 * loop of BENCH_ITERS pairs timed as a whole (loop overhead included):
 *   ktime_get_ns        one timestamp (also subtracted from latencies)
 *   sem_give_take       up() then down() on a semaphore nobody waits for
 *   kmalloc_kfree_128   kmalloc(128) then kfree()
 *   page_alloc_free     alloc_pages(order 0) then free_pages(), from the
 *                       order-0 free list (no split, no merge)
 * They run in the runner itself: no other thread is involved.
 */
#include "bench_internal.h"
#include <kernel/semaphore.h>
#include <kernel/slab.h>
#include <kernel/time.h>
#include <kernel/errno.h>
#include <mm/page_alloc.h>

static int run_ktime(void)
{
	bench_report("ktime_get_ns", bench_ktime_cost_x10, "ns_per_op", 0);
	return 0;
}

const struct bench_case bench_ktime = {
	.name = "ktime_get_ns",
	.desc = "one timestamp from the clocksource",
	.run = run_ktime,
};

static int run_sem_give_take(void)
{
	struct semaphore sem;
	u64 t0, t1;

	sema_init(&sem, 0);
	t0 = ktime_get_ns();
	for (int i = 0; i < BENCH_ITERS; i++) {
		up(&sem);
		down(&sem);
	}
	t1 = ktime_get_ns();
	if (sem.count)
		return -EIO;
	bench_report("sem_give_take", bench_per_op_x10(t1 - t0, BENCH_ITERS), "ns_per_op", 100);
	return 0;
}

const struct bench_case bench_sem_give_take = {
	.name = "sem_give_take",
	.desc = "semaphore up + down, no waiter, no switch",
	.run = run_sem_give_take,
};

static int run_kmalloc_kfree(void)
{
	u64 t0, t1;

	t0 = ktime_get_ns();
	for (int i = 0; i < BENCH_ITERS; i++) {
		void *p = kmalloc(128, GFP_KERNEL);

		if (!p)
			return -ENOMEM;
		kfree(p);
	}
	t1 = ktime_get_ns();
	bench_report("kmalloc_kfree_128", bench_per_op_x10(t1 - t0, BENCH_ITERS),
		     "ns_per_op", 150);
	return 0;
}

const struct bench_case bench_kmalloc_kfree = {
	.name = "kmalloc_kfree_128",
	.desc = "kmalloc(128) + kfree",
	.run = run_kmalloc_kfree,
};

/*
 * Measures the common case: an order-0 block is on its free list, so the
 * pair neither splits nor merges.  A free order-0 block's buddy is never
 * free, so after "allocate a and b, free a" the list holds a block whose
 * buddy stays allocated during the loop, whatever the lists held before.
 */
static int run_page_alloc_free(void)
{
	struct page *a, *b;
	u64 t0, t1;

	a = alloc_pages(0, 0);
	b = alloc_pages(0, 0);
	if (!a || !b) {
		if (a)
			free_pages(a, 0);
		return -ENOMEM;
	}
	free_pages(a, 0);
	t0 = ktime_get_ns();
	for (int i = 0; i < BENCH_ITERS; i++) {
		struct page *p = alloc_pages(0, 0);

		if (!p) {
			free_pages(b, 0);
			return -ENOMEM;
		}
		free_pages(p, 0);
	}
	t1 = ktime_get_ns();
	free_pages(b, 0);
	bench_report("page_alloc_free", bench_per_op_x10(t1 - t0, BENCH_ITERS), "ns_per_op", 0);
	return 0;
}

const struct bench_case bench_page_alloc_free = {
	.name = "page_alloc_free",
	.desc = "alloc_pages(order 0) + free_pages, no split or merge",
	.run = run_page_alloc_free,
};
