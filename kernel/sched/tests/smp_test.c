// SPDX-License-Identifier: GPL-2.0
/*
 * SMP stress self-tests (meaningful with several CPUs; on one they still
 * check the single-CPU behaviour): a shared counter under a spinlock from
 * a thread on every CPU, atomics, threads hopping between CPUs, wake-ups
 * across CPUs (a semaphore ping-pong between two pinned threads), and a
 * function run on every other CPU through an IPI.
 */
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/semaphore.h>
#include <kernel/smp.h>
#include <kernel/time.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/spinlock.h>

#define ITER 20000

static DEFINE_SPINLOCK(counter_lock);
static u32 locked_counter, atomic_counter;
static volatile u32 start_flag;

static int count_worker(void *arg)
{
	unsigned long flags;

	(void)arg;
	while (!READ_ONCE(start_flag))
		cpu_relax();
	for (int i = 0; i < ITER; i++) {
		spin_lock_irqsave(&counter_lock, flags);
		locked_counter++;
		spin_unlock_irqrestore(&counter_lock, flags);
		__atomic_add_fetch(&atomic_counter, 1, __ATOMIC_RELAXED);
	}
	return (int)smp_processor_id();
}

static int online_cpus(void)
{
	return __builtin_popcount(cpu_online_mask);
}

static void smp_spinlock_counter_all_cpus(struct ktest *t)
{
	struct thread *th[NR_CPUS];
	int n = 0;

	locked_counter = atomic_counter = 0;
	start_flag = 0;
	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!(cpu_online_mask & (1u << cpu)))
			continue;
		th[n] = kthread_create(count_worker, NULL, PRIO_DEFAULT + 1, "t-count");
		KASSERT_FALSE(t, IS_ERR(th[n]));
		thread_set_affinity(th[n], 1u << cpu);
		kthread_start(th[n]);
		n++;
	}
	WRITE_ONCE(start_flag, 1);
	for (int i = 0; i < n; i++)
		kthread_join(th[i]);
	KEXPECT_EQ(t, locked_counter, (u32)(n * ITER));
	KEXPECT_EQ(t, atomic_counter, (u32)(n * ITER));
	ktest_log(t, "%d CPUs x %d increments", n, ITER);
}

static int hopper(void *arg)
{
	int hops = 0;

	(void)arg;
	for (int round = 0; round < 50; round++) {
		for (int cpu = 0; cpu < NR_CPUS; cpu++) {
			if (!(cpu_online_mask & (1u << cpu)))
				continue;
			thread_set_affinity(current, 1u << cpu);
			if ((int)smp_processor_id() != cpu)
				return -1;
			hops++;
		}
	}
	return hops;
}

static void smp_thread_migration(struct ktest *t)
{
	struct thread *th[3];

	for (int i = 0; i < 3; i++) {
		th[i] = kthread_run(hopper, NULL, PRIO_DEFAULT, "t-hop");
		KASSERT_FALSE(t, IS_ERR(th[i]));
	}
	for (int i = 0; i < 3; i++)
		KEXPECT_EQ(t, kthread_join(th[i]), 50 * online_cpus());
}

static struct semaphore ping, pong;

static int pong_thread(void *arg)
{
	for (int i = 0; i < 1000; i++) {
		if (down_timeout(&ping, NSEC_PER_SEC))
			return -1;
		up(&pong);
	}
	return (int)smp_processor_id();
}

static void smp_cross_cpu_wakeups(struct ktest *t)
{
	int last = 0;
	struct thread *th;

	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu_online_mask & (1u << cpu))
			last = cpu;
	sema_init(&ping, 0);
	sema_init(&pong, 0);
	thread_set_affinity(current, 1u << 0);
	th = kthread_create(pong_thread, NULL, PRIO_DEFAULT, "t-xpong");
	KASSERT_FALSE(t, IS_ERR(th));
	thread_set_affinity(th, 1u << last);
	kthread_start(th);
	for (int i = 0; i < 1000; i++) {
		up(&ping);
		KASSERT_EQ(t, down_timeout(&pong, NSEC_PER_SEC), 0);
	}
	KEXPECT_EQ(t, kthread_join(th), last);
	thread_set_affinity(current, CPU_MASK_ALL);
}

static u32 called_on;

static void note_cpu(void *arg)
{
	(void)arg;
	__atomic_or_fetch(&called_on, 1u << smp_processor_id(), __ATOMIC_SEQ_CST);
}

static void smp_call_function_everywhere(struct ktest *t)
{
	called_on = 0;
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu_online_mask & (1u << cpu))
			KEXPECT_EQ(t, smp_call_function_single(cpu, note_cpu, NULL), 0);
	KEXPECT_EQ(t, called_on, cpu_online_mask);
	KEXPECT_EQ(t, smp_call_function_single(NR_CPUS, note_cpu, NULL), -ENXIO);
}

static struct ktest_case smp_cases[] = {
	KTEST_CASE(smp_spinlock_counter_all_cpus),
	KTEST_CASE(smp_thread_migration),
	KTEST_CASE(smp_cross_cpu_wakeups),
	KTEST_CASE(smp_call_function_everywhere),
	{}
};

static struct ktest_suite smp_suite = {
	.name = "smp",
	.cases = smp_cases,
};
KTEST_SUITE(smp_suite);
