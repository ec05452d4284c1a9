// SPDX-License-Identifier: GPL-2.0
/*
 * Thread-Metric tests of kernel services used by one thread, from the
 * suite's published description; each counts one operation per cycle:
 *   tm_message  send a 16-byte message to a queue and receive it back
 *   tm_sync     take a semaphore and give it back
 *   tm_memory   allocate a 128-byte block from a cache and free it
 * A thread that sees its message come back wrong stops counting, and the
 * test fails rather than report a rate.
 */
#include "tm.h"
#include <kernel/msgq.h>
#include <kernel/semaphore.h>
#include <mm/slab_cache.h>
#include <kernel/slab.h>
#include <kernel/printk.h>
#include <kernel/errno.h>

#define TM_MSG_WORDS	4	/* 16 bytes */
#define TM_MSGQ_DEPTH	8
#define TM_BLOCK_SIZE	128

static struct msgq tm_msgq;
static struct semaphore tm_sem;
static struct kmem_cache *tm_cache;
static int tm_error;

static int tm_message_setup(void)
{
	tm_error = 0;
	return msgq_init(&tm_msgq, TM_MSG_WORDS * sizeof(u32), TM_MSGQ_DEPTH);
}

static void tm_message_teardown(void)
{
	msgq_destroy(&tm_msgq);
}

static int tm_message_fn(void *index)
{
	int me = (int)(long)index;
	u32 out[TM_MSG_WORDS] = { 0 }, in[TM_MSG_WORDS];

	while (!tm_stop) {
		int err = msgq_send(&tm_msgq, out, 0);

		if (!err)
			err = msgq_recv(&tm_msgq, in, 0);
		if (!err && (in[0] != out[0] || in[3] != out[3]))
			err = -EIO;
		if (err) {
			tm_error = err;
			break;
		}
		out[0]++;
		out[3]--;
		tm_counter[me]++;
	}
	return 0;
}

static const struct tm_test tm_message = {
	.name = "tm_message",
	.nr_threads = 1,
	.fn = { tm_message_fn },
	.prio = { BENCH_PRIO_TM },
	.count_mask = 0x1,
	.setup = tm_message_setup,
	.teardown = tm_message_teardown,
};

static int run_tm_message(void)
{
	int err = tm_run(&tm_message);

	return err ? err : tm_error;
}

const struct bench_case bench_tm_message = {
	.name = "tm_message",
	.desc = "Thread-Metric message processing: 16-byte send + receive",
	.run = run_tm_message,
};

static int tm_sync_setup(void)
{
	sema_init(&tm_sem, 1);
	return 0;
}

static int tm_sync_fn(void *index)
{
	int me = (int)(long)index;

	while (!tm_stop) {
		down(&tm_sem);
		up(&tm_sem);
		tm_counter[me]++;
	}
	return 0;
}

static const struct tm_test tm_sync = {
	.name = "tm_sync",
	.nr_threads = 1,
	.fn = { tm_sync_fn },
	.prio = { BENCH_PRIO_TM },
	.count_mask = 0x1,
	.setup = tm_sync_setup,
};

static int run_tm_sync(void)
{
	return tm_run(&tm_sync);
}

const struct bench_case bench_tm_sync = {
	.name = "tm_sync",
	.desc = "Thread-Metric synchronisation: semaphore take + give",
	.run = run_tm_sync,
};

static int tm_memory_setup(void)
{
	tm_error = 0;
	tm_cache = kmem_cache_create("tm_memory", TM_BLOCK_SIZE, 0, 0, NULL);
	return tm_cache ? 0 : -ENOMEM;
}

static void tm_memory_teardown(void)
{
	if (kmem_cache_destroy(tm_cache))
		pr_warn("bench: tm_memory cache still has objects; left in place");
	tm_cache = NULL;
}

static int tm_memory_fn(void *index)
{
	int me = (int)(long)index;

	while (!tm_stop) {
		void *block = kmem_cache_alloc(tm_cache, GFP_KERNEL);

		if (!block) {
			tm_error = -ENOMEM;
			break;
		}
		kmem_cache_free(tm_cache, block);
		tm_counter[me]++;
	}
	return 0;
}

static const struct tm_test tm_memory = {
	.name = "tm_memory",
	.nr_threads = 1,
	.fn = { tm_memory_fn },
	.prio = { BENCH_PRIO_TM },
	.count_mask = 0x1,
	.setup = tm_memory_setup,
	.teardown = tm_memory_teardown,
};

static int run_tm_memory(void)
{
	int err = tm_run(&tm_memory);

	return err ? err : tm_error;
}

const struct bench_case bench_tm_memory = {
	.name = "tm_memory",
	.desc = "Thread-Metric memory allocation: 128-byte block alloc + free",
	.run = run_tm_memory,
};
