// SPDX-License-Identifier: GPL-2.0
/*
 * Scheduler self-tests: thread lifecycle (create, run, join, stop, exit
 * code), strict priority order, round-robin within a level, preemption on
 * wake-up and from an interrupt, preempt_disable nesting, sleeping with
 * timeouts, affinity and migration, and a fault in a thread killing only
 * that thread.  Every test restores the "init" thread's priority.
 */
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/wait.h>
#include <kernel/time.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/string.h>
#include <kernel/smp.h>

static int return_arg(void *arg)
{
	return (int)(unsigned long)arg;
}

static void sched_create_run_join(struct ktest *t)
{
	struct thread *th = kthread_run(return_arg, (void *)42, PRIO_DEFAULT, "t-join");

	KASSERT_FALSE(t, IS_ERR(th));
	KEXPECT_EQ(t, kthread_join(th), 42);
}

/* Sleeps in a loop until stopped; returns 1000 + loops to prove it ended itself. */
static int wait_for_stop(void *arg)
{
	int loops = 0;

	if (arg)
		complete(arg);	/* running: the test may ask it to stop */
	while (!kthread_should_stop()) {
		msleep(1);
		loops++;
	}
	return 1000 + loops;
}

static void sched_stop_thread(struct ktest *t)
{
	struct completion started;
	struct thread *th;

	init_completion(&started);
	th = kthread_run(wait_for_stop, &started, PRIO_DEFAULT, "t-stop");
	KASSERT_FALSE(t, IS_ERR(th));
	wait_for_completion(&started);
	KEXPECT_GE(t, kthread_stop(th), 1000);
}

static void sched_bad_args(struct ktest *t)
{
	KEXPECT_EQ(t, PTR_ERR(kthread_create(return_arg, NULL, NR_PRIO, "x")), -EINVAL);
	KEXPECT_EQ(t, PTR_ERR(kthread_create(NULL, NULL, 1, "x")), -EINVAL);
	KEXPECT_EQ(t, thread_set_affinity(current, 0), -EINVAL);
}

/* --- priority order --------------------------------------------------- */

static char order[16];
static int order_len;
static DEFINE_SPINLOCK(order_lock);

static void record(char c)
{
	unsigned long flags;

	spin_lock_irqsave(&order_lock, flags);
	if (order_len < (int)sizeof(order) - 1)
		order[order_len++] = c;
	order[order_len] = 0;
	spin_unlock_irqrestore(&order_lock, flags);
}

static int record_arg(void *arg)
{
	record((char)(unsigned long)arg);
	return 0;
}

static void sched_priority_order(struct ktest *t)
{
	struct thread *th[4];
	const int prios[4] = { 20, 5, 12, 30 };	/* letters a b c d */

	order_len = 0;
	order[0] = 0;
	/* Pin everything to this CPU so the order is the scheduler's alone. */
	thread_set_affinity(current, 1u << smp_processor_id());
	thread_set_priority(current, 0);
	for (int i = 0; i < 4; i++) {
		th[i] = kthread_create(record_arg, (void *)(unsigned long)('a' + i),
				       prios[i], "t-prio");
		KASSERT_FALSE(t, IS_ERR(th[i]));
		thread_set_affinity(th[i], 1u << smp_processor_id());
		kthread_start(th[i]);
	}
	thread_set_priority(current, PRIO_DEFAULT + 10);	/* let them all run */
	for (int i = 0; i < 4; i++)
		kthread_join(th[i]);
	thread_set_priority(current, PRIO_DEFAULT);
	thread_set_affinity(current, CPU_MASK_ALL);
	/* b(5) c(12) ... then init (26) never got in between: a(20) before d(30) */
	KEXPECT_STREQ(t, order, "bcad");
}

static void sched_wakeup_preempts(struct ktest *t)
{
	struct thread *th;

	order_len = 0;
	order[0] = 0;
	thread_set_affinity(current, 1u << smp_processor_id());
	th = kthread_create(record_arg, (void *)'H', 2, "t-urgent");
	KASSERT_FALSE(t, IS_ERR(th));
	thread_set_affinity(th, 1u << smp_processor_id());
	record('1');
	kthread_start(th);	/* more urgent: runs before the next line */
	record('2');
	kthread_join(th);
	thread_set_affinity(current, CPU_MASK_ALL);
	KEXPECT_STREQ(t, order, "1H2");
}

/* --- round robin ------------------------------------------------------ */

static volatile u32 rr_counts[3];
static volatile bool rr_stop;

static int spin_count(void *arg)
{
	int i = (int)(unsigned long)arg;

	while (!READ_ONCE(rr_stop))
		rr_counts[i]++;
	return 0;
}

static void sched_round_robin(struct ktest *t)
{
	struct thread *th[3];
	int cpu = (int)smp_processor_id();

	rr_stop = false;
	for (int i = 0; i < 3; i++) {
		rr_counts[i] = 0;
		th[i] = kthread_create(spin_count, (void *)(unsigned long)i, 20, "t-rr");
		KASSERT_FALSE(t, IS_ERR(th[i]));
		thread_set_affinity(th[i], 1u << cpu);
		kthread_start(th[i]);
	}
	msleep(200);	/* init (prio 16) sleeps; the three share the CPU */
	WRITE_ONCE(rr_stop, true);
	for (int i = 0; i < 3; i++)
		kthread_join(th[i]);
	ktest_log(t, "counts %u %u %u", rr_counts[0], rr_counts[1], rr_counts[2]);
	for (int i = 0; i < 3; i++) {
		KEXPECT_GT(t, rr_counts[i], 0);
		/* Fair within 3x: slices rotate rather than one thread hogging. */
		KEXPECT_LT(t, rr_counts[i], 3 * (rr_counts[(i + 1) % 3] + 1));
	}
}

/* --- preemption from interrupt, preempt_disable ------------------------ */

static volatile bool hog_ran;

static int sleeper_records(void *arg)
{
	(void)arg;
	msleep(20);
	hog_ran = true;		/* reached only if it preempted the spinner */
	return 0;
}

static void sched_preempt_from_timer(struct ktest *t)
{
	struct thread *th;
	u64 t0;

	hog_ran = false;
	thread_set_affinity(current, 1u << smp_processor_id());
	th = kthread_create(sleeper_records, NULL, 1, "t-wake");
	KASSERT_FALSE(t, IS_ERR(th));
	thread_set_affinity(th, 1u << smp_processor_id());
	kthread_start(th);
	t0 = ktime_get_ns();
	while (!READ_ONCE(hog_ran) && ktime_get_ns() - t0 < 500 * NSEC_PER_MSEC)
		;	/* busy: only a timer interrupt can hand the CPU over */
	KEXPECT_TRUE(t, hog_ran);
	kthread_join(th);
	thread_set_affinity(current, CPU_MASK_ALL);
}

static int set_flag(void *arg)
{
	(void)arg;
	hog_ran = true;
	return 0;
}

static void sched_preempt_disable_nests(struct ktest *t)
{
	struct thread *th;
	u64 t0;

	hog_ran = false;
	thread_set_affinity(current, 1u << smp_processor_id());
	th = kthread_create(set_flag, NULL, 1, "t-wake2");
	KASSERT_FALSE(t, IS_ERR(th));
	thread_set_affinity(th, 1u << smp_processor_id());
	preempt_disable();
	preempt_disable();
	kthread_start(th);
	t0 = ktime_get_ns();
	while (ktime_get_ns() - t0 < 60 * NSEC_PER_MSEC)
		;
	KEXPECT_FALSE(t, hog_ran);	/* woken, but may not preempt */
	preempt_enable();
	KEXPECT_FALSE(t, hog_ran);	/* still one level deep */
	preempt_enable();		/* switches here */
	KEXPECT_TRUE(t, hog_ran);
	kthread_join(th);
	thread_set_affinity(current, CPU_MASK_ALL);
}

/* --- sleeping ----------------------------------------------------------- */

static void sched_msleep_duration(struct ktest *t)
{
	u64 t0 = ktime_get_ns(), el;

	msleep(50);
	el = ktime_get_ns() - t0;
	KEXPECT_GE(t, el, 50 * NSEC_PER_MSEC);
	/* Upper bound generous: QEMU's clock follows a host that may be busy. */
	KEXPECT_LT(t, el, 2 * NSEC_PER_SEC);
}

static void sched_sleep_until_deadline(struct ktest *t)
{
	u64 deadline = ktime_get_ns() + 30 * NSEC_PER_MSEC;

	KEXPECT_EQ(t, sleep_until(deadline), 0);
	KEXPECT_GE(t, ktime_get_ns(), deadline);
}

static DECLARE_WAIT_QUEUE_HEAD(never_wq);

static bool never(void *arg)
{
	(void)arg;
	return false;
}

static void sched_wait_timeout(struct ktest *t)
{
	u64 t0 = ktime_get_ns();

	KEXPECT_EQ(t, wait_event_cond(&never_wq, never, NULL, 40 * NSEC_PER_MSEC), -ETIMEDOUT);
	KEXPECT_GE(t, ktime_get_ns() - t0, 40 * NSEC_PER_MSEC);
}

static void sched_many_sleepers(struct ktest *t)
{
	struct thread *th[20];

	for (int i = 0; i < 20; i++) {
		th[i] = kthread_run(wait_for_stop, NULL, 10 + i % 10, "t-many");
		KASSERT_FALSE(t, IS_ERR(th[i]));
	}
	msleep(20);
	for (int i = 0; i < 20; i++)
		KEXPECT_GE(t, kthread_stop(th[i]), 1000);
}

/* --- affinity and migration -------------------------------------------- */

static int report_cpu(void *arg)
{
	(void)arg;
	return (int)smp_processor_id();
}

static void sched_affinity_respected(struct ktest *t)
{
	int online = __builtin_popcount(cpu_online_mask);

	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		struct thread *th;

		if (!(cpu_online_mask & (1u << cpu)))
			continue;
		th = kthread_create(report_cpu, NULL, PRIO_DEFAULT, "t-aff");
		KASSERT_FALSE(t, IS_ERR(th));
		thread_set_affinity(th, 1u << cpu);
		kthread_start(th);
		KEXPECT_EQ(t, kthread_join(th), cpu);
	}
	ktest_log(t, "%d CPUs online", online);
}

static void sched_migrate_self(struct ktest *t)
{
	int last = -1;

	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!(cpu_online_mask & (1u << cpu)))
			continue;
		KEXPECT_EQ(t, thread_set_affinity(current, 1u << cpu), 0);
		KEXPECT_EQ(t, (int)smp_processor_id(), cpu);
		last = cpu;
	}
	thread_set_affinity(current, CPU_MASK_ALL);
	KEXPECT_GE(t, last, 0);
}

static struct ktest_case sched_cases[] = {
	KTEST_CASE(sched_create_run_join),
	KTEST_CASE(sched_stop_thread),
	KTEST_CASE(sched_bad_args),
	KTEST_CASE(sched_priority_order),
	KTEST_CASE(sched_wakeup_preempts),
	KTEST_CASE(sched_round_robin),
	KTEST_CASE(sched_preempt_from_timer),
	KTEST_CASE(sched_preempt_disable_nests),
	KTEST_CASE(sched_msleep_duration),
	KTEST_CASE(sched_sleep_until_deadline),
	KTEST_CASE(sched_wait_timeout),
	KTEST_CASE(sched_many_sleepers),
	KTEST_CASE(sched_affinity_respected),
	KTEST_CASE(sched_migrate_self),
	{}
};

static struct ktest_suite sched_suite = {
	.name = "sched",
	.cases = sched_cases,
};
KTEST_SUITE(sched_suite);
