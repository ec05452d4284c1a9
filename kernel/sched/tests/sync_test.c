// SPDX-License-Identifier: GPL-2.0
/*
 * Synchronisation self-tests: completions, semaphores (with timeout),
 * mutual exclusion under contention, priority inheritance in the classic
 * three-thread inversion, message queues (order, blocking, timeouts),
 * work queues, and the report for sleeping in atomic context.
 */
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/wait.h>
#include <kernel/mutex.h>
#include <kernel/semaphore.h>
#include <kernel/msgq.h>
#include <kernel/workqueue.h>
#include <kernel/time.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/string.h>

static struct completion done;

static int completer(void *arg)
{
	msleep(10);
	complete((struct completion *)arg);
	return 0;
}

static void sync_completion(struct ktest *t)
{
	struct thread *th;

	init_completion(&done);
	th = kthread_run(completer, &done, PRIO_DEFAULT, "t-compl");
	KASSERT_FALSE(t, IS_ERR(th));
	KEXPECT_EQ(t, wait_for_completion_timeout(&done, NSEC_PER_SEC), 0);
	kthread_join(th);
	KEXPECT_EQ(t, wait_for_completion_timeout(&done, 20 * NSEC_PER_MSEC), -ETIMEDOUT);
}

static void sync_semaphore_counts(struct ktest *t)
{
	struct semaphore s;

	sema_init(&s, 2);
	KEXPECT_TRUE(t, down_trylock(&s));
	KEXPECT_TRUE(t, down_trylock(&s));
	KEXPECT_FALSE(t, down_trylock(&s));
	KEXPECT_EQ(t, down_timeout(&s, 20 * NSEC_PER_MSEC), -ETIMEDOUT);
	up(&s);
	KEXPECT_EQ(t, down_timeout(&s, 20 * NSEC_PER_MSEC), 0);
}

static struct semaphore ping, pong;

static int ponger(void *arg)
{
	for (int i = 0; i < 100; i++) {
		down(&ping);
		up(&pong);
	}
	return 0;
}

static void sync_semaphore_pingpong(struct ktest *t)
{
	struct thread *th;

	sema_init(&ping, 0);
	sema_init(&pong, 0);
	th = kthread_run(ponger, NULL, PRIO_DEFAULT, "t-pong");
	KASSERT_FALSE(t, IS_ERR(th));
	for (int i = 0; i < 100; i++) {
		up(&ping);
		KASSERT_EQ(t, down_timeout(&pong, NSEC_PER_SEC), 0);
	}
	KEXPECT_EQ(t, kthread_join(th), 0);
}

static DEFINE_MUTEX(count_lock);
static u32 shared_count;

static int mutex_incrementer(void *arg)
{
	for (int i = 0; i < 500; i++) {
		mutex_lock(&count_lock);
		u32 v = shared_count;

		if (i % 50 == 0)
			yield();	/* invite a race, which the mutex must stop */
		shared_count = v + 1;
		mutex_unlock(&count_lock);
	}
	return 0;
}

static void sync_mutex_exclusion(struct ktest *t)
{
	struct thread *th[4];

	shared_count = 0;
	for (int i = 0; i < 4; i++) {
		th[i] = kthread_run(mutex_incrementer, NULL, 18, "t-mutex");
		KASSERT_FALSE(t, IS_ERR(th[i]));
	}
	for (int i = 0; i < 4; i++)
		kthread_join(th[i]);
	KEXPECT_EQ(t, shared_count, 2000);
	KEXPECT_FALSE(t, mutex_is_locked(&count_lock));
}

/* --- priority inversion: L holds, H waits, M hogs the CPU -------------- */

static DEFINE_MUTEX(pi_mutex);
static struct completion low_has_it;
static volatile bool pi_stop;
static char pi_order[8];
static int pi_len, low_prio_while_held, low_prio_after;

static void pi_record(char c)
{
	if (pi_len < (int)sizeof(pi_order) - 1)
		pi_order[pi_len++] = c;
}

static int pi_low(void *arg)
{
	u64 t0;

	(void)arg;
	mutex_lock(&pi_mutex);
	complete(&low_has_it);
	t0 = ktime_get_ns();
	while (ktime_get_ns() - t0 < 20 * NSEC_PER_MSEC)
		;	/* work done while holding the lock */
	low_prio_while_held = current->prio;
	pi_record('L');
	mutex_unlock(&pi_mutex);
	/* here: after kthread_join() the thread is freed */
	low_prio_after = current->prio;
	return 0;
}

static int pi_medium(void *arg)
{
	u64 t0 = ktime_get_ns();

	(void)arg;
	while (!READ_ONCE(pi_stop) && ktime_get_ns() - t0 < 400 * NSEC_PER_MSEC)
		;	/* a CPU hog more urgent than L */
	pi_record('M');
	return 0;
}

static int pi_high(void *arg)
{
	(void)arg;
	mutex_lock(&pi_mutex);
	pi_record('H');
	mutex_unlock(&pi_mutex);
	WRITE_ONCE(pi_stop, true);
	return 0;
}

static void sync_priority_inheritance(struct ktest *t)
{
	u32 cpu = 1u << smp_processor_id();
	struct thread *l, *m, *h;

	pi_len = 0;
	memset(pi_order, 0, sizeof(pi_order));
	pi_stop = false;
	init_completion(&low_has_it);
	thread_set_affinity(current, cpu);
	thread_set_priority(current, 0);
	l = kthread_create(pi_low, NULL, 20, "t-pi-low");
	m = kthread_create(pi_medium, NULL, 10, "t-pi-med");
	h = kthread_create(pi_high, NULL, 5, "t-pi-high");
	KASSERT_FALSE(t, IS_ERR(l) || IS_ERR(m) || IS_ERR(h));
	thread_set_affinity(l, cpu);
	thread_set_affinity(m, cpu);
	thread_set_affinity(h, cpu);
	kthread_start(l);
	wait_for_completion(&low_has_it);	/* L holds the mutex */
	kthread_start(m);
	kthread_start(h);
	kthread_join(h);
	kthread_join(m);
	kthread_join(l);
	thread_set_priority(current, PRIO_DEFAULT);
	thread_set_affinity(current, CPU_MASK_ALL);
	ktest_log(t, "order %s, L ran at priority %d", pi_order, low_prio_while_held);
	/* With inheritance L finishes first, then H; the hog is stopped by H. */
	KEXPECT_STREQ(t, pi_order, "LHM");
	KEXPECT_EQ(t, low_prio_while_held, 5);
	KEXPECT_EQ(t, low_prio_after, 20);	/* the boost ended with the unlock */
}

/* --- message queues ---------------------------------------------------- */

struct msg16 { u32 seq, a, b, c; };

static struct msgq mq;

static int producer(void *arg)
{
	for (u32 i = 0; i < 64; i++) {
		struct msg16 m = { i, i * 2, i * 3, ~i };

		if (msgq_send(&mq, &m, NSEC_PER_SEC))
			return -1;
	}
	return 0;
}

static void sync_msgq_order_and_blocking(struct ktest *t)
{
	struct thread *th;
	struct msg16 m;

	KASSERT_EQ(t, msgq_init(&mq, sizeof(struct msg16), 4), 0);
	th = kthread_run(producer, NULL, PRIO_DEFAULT, "t-prod");
	KASSERT_FALSE(t, IS_ERR(th));
	for (u32 i = 0; i < 64; i++) {	/* the producer blocks while the ring is full */
		KASSERT_EQ(t, msgq_recv(&mq, &m, NSEC_PER_SEC), 0);
		KEXPECT_EQ(t, m.seq, i);
		KEXPECT_EQ(t, m.c, ~i);
	}
	KEXPECT_EQ(t, kthread_join(th), 0);
	KEXPECT_EQ(t, msgq_recv(&mq, &m, 10 * NSEC_PER_MSEC), -ETIMEDOUT);
	KEXPECT_EQ(t, msgq_recv_nowait(&mq, &m), -EAGAIN);
	for (int i = 0; i < 4; i++)
		KEXPECT_EQ(t, msgq_send_nowait(&mq, &m), 0);
	KEXPECT_EQ(t, msgq_send_nowait(&mq, &m), -EAGAIN);
	msgq_destroy(&mq);
	KEXPECT_EQ(t, msgq_init(&mq, 0, 4), -EINVAL);
}

/* --- work queues ------------------------------------------------------- */

static u32 work_sum;

static void add_work(struct work *w)
{
	(void)w;
	work_sum++;
}

static void sync_workqueue(struct ktest *t)
{
	struct work w[10];

	KASSERT_NOT_NULL(t, system_wq);
	work_sum = 0;
	for (int i = 0; i < 10; i++) {
		INIT_WORK(&w[i], add_work);
		KEXPECT_TRUE(t, queue_work(system_wq, &w[i]));
	}
	flush_workqueue(system_wq);
	KEXPECT_EQ(t, work_sum, 10);
}

static void sync_might_sleep_reported(struct ktest *t)
{
	u32 before = might_sleep_warnings;

	ktest_log(t, "a 'sleeping function called from invalid context' report follows");
	preempt_disable();
	might_sleep();
	preempt_enable();
	KEXPECT_EQ(t, might_sleep_warnings, before + 1);
	might_sleep();		/* fine here */
	KEXPECT_EQ(t, might_sleep_warnings, before + 1);
}

static struct ktest_case sync_cases[] = {
	KTEST_CASE(sync_completion),
	KTEST_CASE(sync_semaphore_counts),
	KTEST_CASE(sync_semaphore_pingpong),
	KTEST_CASE(sync_mutex_exclusion),
	KTEST_CASE(sync_priority_inheritance),
	KTEST_CASE(sync_msgq_order_and_blocking),
	KTEST_CASE(sync_workqueue),
	KTEST_CASE(sync_might_sleep_reported),
	{}
};

static struct ktest_suite sync_suite = {
	.name = "sync",
	.cases = sync_cases,
};
KTEST_SUITE(sync_suite);
