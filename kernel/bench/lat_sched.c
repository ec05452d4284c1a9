// SPDX-License-Identifier: GPL-2.0
/*
 * Thread-to-thread costs (Rhealstone style):
 *   context_switch  two threads of equal priority yield to each other;
 *                   total time over the number of yields (each a switch)
 *   wake_preempt    a thread resumes a suspended more urgent one, which
 *                   preempts it (Rhealstone preemption time)
 *   sem_to_thread   a thread gives a semaphore a more urgent one waits on
 *                   (Rhealstone semaphore shuffle, without contention)
 *   msg_to_thread   a thread sends a 16-byte message a more urgent one
 *                   waits for (Rhealstone intertask message latency)
 */
#include "bench_internal.h"
#include <kernel/semaphore.h>
#include <kernel/msgq.h>
#include <kernel/time.h>
#include <kernel/err.h>
#include <kernel/errno.h>

static u64 cs_t0, cs_t1;

/* Thread 0 times the middle BENCH_ITERS yields of both threads. */
static int cs_fn(void *arg)
{
	bool timer = arg == NULL;

	for (int i = 0; i < BENCH_WARMUP; i++)
		yield();
	if (timer)
		cs_t0 = ktime_get_ns();
	for (int i = 0; i < BENCH_ITERS; i++)
		yield();
	if (timer)
		cs_t1 = ktime_get_ns();
	for (int i = 0; i < BENCH_WARMUP; i++)
		yield();
	return 0;
}

static int run_context_switch(void)
{
	struct thread *a, *b;

	a = bench_thread(cs_fn, NULL, BENCH_PRIO_HIGH, "cs_a");
	if (IS_ERR(a))
		return PTR_ERR(a);
	b = bench_thread(cs_fn, (void *)1, BENCH_PRIO_HIGH, "cs_b");
	if (IS_ERR(b)) {
		kthread_join(a);
		return PTR_ERR(b);
	}
	kthread_join(a);
	kthread_join(b);
	/* Between the timestamps: thread 0's and thread 1's BENCH_ITERS yields. */
	bench_report("context_switch", bench_per_op_x10(cs_t1 - cs_t0, 2 * BENCH_ITERS),
		     "ns_per_op", 250);
	return 0;
}

const struct bench_case bench_context_switch = {
	.name = "context_switch",
	.desc = "yield between two threads of equal priority (Rhealstone task switch)",
	.run = run_context_switch,
};

static volatile bool no_stop;

static int resume_signal(void)
{
	bench_resume(lat_waiter);
	return 0;
}

static int suspend_wait(void)
{
	bench_suspend(&no_stop);
	return 0;
}

static const struct lat_pair wake_preempt = {
	.name = "wake_preempt",
	.signal = resume_signal,
	.wait = suspend_wait,
};

static int run_wake_preempt(void)
{
	return lat_pair_run(&wake_preempt);
}

const struct bench_case bench_wake_preempt = {
	.name = "wake_preempt",
	.desc = "resume of a suspended more urgent thread until it runs",
	.run = run_wake_preempt,
};

static struct semaphore lat_sem;

static int sem_signal(void)
{
	up(&lat_sem);
	return 0;
}

static int sem_wait(void)
{
	down(&lat_sem);
	return 0;
}

static const struct lat_pair sem_to_thread = {
	.name = "sem_to_thread",
	.signal = sem_signal,
	.wait = sem_wait,
};

static int run_sem_to_thread(void)
{
	sema_init(&lat_sem, 0);
	return lat_pair_run(&sem_to_thread);
}

const struct bench_case bench_sem_to_thread = {
	.name = "sem_to_thread",
	.desc = "up() until the more urgent thread in down() runs",
	.run = run_sem_to_thread,
};

#define LAT_MSG_BYTES	16

static struct msgq lat_msgq;

static int msg_signal(void)
{
	static const u8 msg[LAT_MSG_BYTES] = { 1, 2, 3, 4 };

	return msgq_send(&lat_msgq, msg, 0);
}

static int msg_wait(void)
{
	u8 msg[LAT_MSG_BYTES];
	int err = msgq_recv(&lat_msgq, msg, 0);

	return err ? err : (msg[3] == 4 ? 0 : -EIO);
}

static const struct lat_pair msg_to_thread = {
	.name = "msg_to_thread",
	.signal = msg_signal,
	.wait = msg_wait,
};

static int run_msg_to_thread(void)
{
	int err = msgq_init(&lat_msgq, LAT_MSG_BYTES, 4);

	if (err)
		return err;
	err = lat_pair_run(&msg_to_thread);
	msgq_destroy(&lat_msgq);
	return err;
}

const struct bench_case bench_msg_to_thread = {
	.name = "msg_to_thread",
	.desc = "16-byte msgq_send() until the more urgent receiver runs",
	.run = run_msg_to_thread,
};
