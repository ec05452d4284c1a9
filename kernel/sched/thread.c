// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads: creation, start, exit, join, stop, priority and
 * affinity changes, and the boot-time setup that turns the boot context
 * into the first thread.
 *
 * Stacks come from kstack_alloc() (mm/kstack.c: guard page below each).
 * A finished thread stays DEAD until joined; a detached one is freed by
 * the idle loop once no CPU is still on its stack (on_cpu clear).
 *
 * Locking: all_lock protects the list of all threads; state changes go
 * through the run-queue lock (core.c); exit_wait is a wait queue.
 */
#define pr_fmt(fmt) "thread: " fmt
#include "sched_internal.h"
#include <kernel/wait.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/time.h>
#include <mm/kstack.h>
#include <asm/irqflags.h>
#include <asm/barrier.h>
#include <asm/memory.h>

static LIST_HEAD(all_threads);
static DEFINE_SPINLOCK(all_lock);
static DECLARE_WAIT_QUEUE_HEAD(exit_wait);	/* joiners */
static LIST_HEAD(zombies);			/* detached and dead */
static DEFINE_SPINLOCK(zombie_lock);

static struct thread boot_thread;
static struct thread idle_threads[NR_CPUS];

int idle_loop(void *arg);
void sched_start(struct thread *boot, struct thread *idle, int cpu);

void threads_add(struct thread *t)
{
	unsigned long flags;

	spin_lock_irqsave(&all_lock, flags);
	list_add_tail(&t->all_node, &all_threads);
	spin_unlock_irqrestore(&all_lock, flags);
}

void threads_remove(struct thread *t)
{
	unsigned long flags;

	spin_lock_irqsave(&all_lock, flags);
	list_del(&t->all_node);
	spin_unlock_irqrestore(&all_lock, flags);
}

static void thread_init_common(struct thread *t, const char *name, int prio)
{
	strlcpy(t->name, name, sizeof(t->name));
	t->prio = t->base_prio = (u8)prio;
	t->affinity = CPU_MASK_ALL;
	INIT_LIST_HEAD(&t->held_mutexes);
	INIT_LIST_HEAD(&t->rq_node);
}

struct thread *kthread_create(int (*fn)(void *), void *arg, int prio, const char *name)
{
	struct thread *t;

	if (!fn || prio < 0 || prio >= NR_PRIO)
		return ERR_PTR(-EINVAL);
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return ERR_PTR(-ENOMEM);
	t->stack = kstack_alloc(&t->stack_size);
	if (!t->stack) {
		kfree(t);
		return ERR_PTR(-ENOMEM);
	}
	thread_init_common(t, name, prio);
	t->state = THREAD_NEW;
	t->fn = fn;
	t->arg = arg;
	t->cpu = sched_running() ? current->cpu : 0;
	t->ctx.sp = (u32)(unsigned long)t->stack + t->stack_size;
	t->ctx.pc = (u32)(unsigned long)ret_from_kthread;
	t->ctx.r4 = (u32)(unsigned long)t;
	threads_add(t);
	return t;
}

void kthread_start(struct thread *t)
{
	wake_up_thread(t, 0);
}

struct thread *kthread_run(int (*fn)(void *), void *arg, int prio, const char *name)
{
	struct thread *t = kthread_create(fn, arg, prio, name);

	if (!IS_ERR(t))
		kthread_start(t);
	return t;
}

/* Runs on the new thread's stack, with the switching CPU's rq lock held. */
void kthread_entry(struct thread *last, struct thread *self)
{
	finish_switch(last);
	local_irq_enable();
	kthread_exit(self->fn(self->arg));
}

__noreturn void kthread_exit(int code)
{
	struct thread *t = current;
	struct runqueue *rq;

	if (t == &boot_thread || t->is_idle)
		panic("the %s thread tried to exit", t->name);
	t->exit_code = code;
	if (t->mutexes_held)
		pr_warn("%s exits holding a mutex", t->name);
	local_irq_disable();	/* for good: the next thread's context restores its own */
	rq = thread_rq_lock(t);
	t->state = THREAD_DEAD;
	spin_unlock(&rq->lock);
	if (t->detached) {
		spin_lock(&zombie_lock);
		list_add_tail(&t->rq_node, &zombies);
		spin_unlock(&zombie_lock);
	}
	wake_up_all(&exit_wait);
	schedule();
	panic("dead thread %s was scheduled", t->name);
}

static void thread_free(struct thread *t)
{
	while (READ_ONCE(t->on_cpu))	/* its last switch may still be finishing */
		cpu_relax();
	threads_remove(t);
	kstack_free(t->stack, t->stack_size);
	kfree(t);
}

/* From the idle loop: free detached threads that have finished. */
void reap_zombies(void)
{
	unsigned long flags;
	struct thread *t;

	for (;;) {
		spin_lock_irqsave(&zombie_lock, flags);
		if (list_empty(&zombies)) {
			spin_unlock_irqrestore(&zombie_lock, flags);
			return;
		}
		t = list_first_entry(&zombies, struct thread, rq_node);
		if (READ_ONCE(t->on_cpu)) {
			spin_unlock_irqrestore(&zombie_lock, flags);
			return;
		}
		list_del(&t->rq_node);
		spin_unlock_irqrestore(&zombie_lock, flags);
		thread_free(t);
	}
}

static bool thread_dead(void *arg)
{
	return READ_ONCE(((struct thread *)arg)->state) == THREAD_DEAD;
}

int kthread_join(struct thread *t)
{
	int code;

	if (t == current || t->detached)
		return -EINVAL;
	wait_event_cond(&exit_wait, thread_dead, t, 0);
	code = t->exit_code;
	thread_free(t);
	return code;
}

void kthread_detach(struct thread *t)
{
	unsigned long flags;
	struct runqueue *rq;
	bool dead;

	local_irq_save(flags);
	rq = thread_rq_lock(t);
	t->detached = true;
	dead = t->state == THREAD_DEAD;
	spin_unlock(&rq->lock);
	if (dead) {
		spin_lock(&zombie_lock);
		list_add_tail(&t->rq_node, &zombies);
		spin_unlock(&zombie_lock);
	}
	local_irq_restore(flags);
}

bool thread_wait_until_blocked(struct thread *t, u32 ms)
{
	for (u32 i = 0; i < ms; i++) {
		if (READ_ONCE(t->state) == THREAD_BLOCKED)
			return true;
		msleep(1);
	}
	return READ_ONCE(t->state) == THREAD_BLOCKED;
}

int kthread_stop(struct thread *t)
{
	WRITE_ONCE(t->should_stop, true);
	smp_mb();
	wake_up_thread(t, -EINTR);
	return kthread_join(t);
}

int thread_set_priority(struct thread *t, int prio)
{
	if (prio < 0 || prio >= NR_PRIO || t->is_idle)
		return -EINVAL;
	t->base_prio = (u8)prio;
	/* A thread boosted by a mutex keeps the boost until it unlocks. */
	if (!t->blocked_on && list_empty(&t->held_mutexes))
		sched_set_prio(t, prio);
	else if (prio < t->prio)
		sched_set_prio(t, prio);
	return 0;
}

int thread_set_affinity(struct thread *t, u32 mask)
{
	unsigned long flags;
	struct runqueue *rq;
	bool move_self = false;

	mask &= CPU_MASK_ALL;
	if (!mask || t->is_idle)
		return -EINVAL;
	local_irq_save(flags);
	rq = thread_rq_lock(t);
	t->affinity = mask;
	if (!(mask & (1u << t->cpu))) {
		if (t->on_rq) {
			int to = __builtin_ctz(mask);

			struct runqueue *from = rq;

			rq_dequeue(from, t);
			spin_unlock(&from->lock);
			rq = &runqueues[to];
			lock_two(from, rq);	/* t->cpu changes under both locks */
			t->cpu = to;
			rq_enqueue(rq, t, false);
			spin_unlock(&from->lock);
			if (rq != this_rq())
				sched_send_resched_ipi(to);
		} else if (rq->curr == t) {
			/* Running: its next schedule() pushes it to an allowed CPU. */
			move_self = t == current;
			rq->need_resched = true;
			if (!move_self && rq != this_rq())
				sched_send_resched_ipi(t->cpu);
		}
	}
	spin_unlock(&rq->lock);
	local_irq_restore(flags);
	if (move_self)
		schedule();
	return 0;
}

int thread_snapshot(struct thread_info_snapshot *out, int max)
{
	unsigned long flags;
	struct thread *t;
	int n = 0;

	spin_lock_irqsave(&all_lock, flags);
	list_for_each_entry(t, &all_threads, all_node) {
		if (n < max) {
			struct thread_info_snapshot *s = &out[n];

			memcpy(s->name, t->name, sizeof(s->name));
			s->prio = t->prio;
			s->base_prio = t->base_prio;
			s->cpu = t->cpu;
			s->state = t->state;
			s->switches = t->switches;
			s->run_ns = t->run_ns;
			s->running = t->on_cpu;
			s->stack_size = t->stack_size;
			s->stack_used = kstack_used(t->stack, t->stack_size);
		}
		n++;
	}
	spin_unlock_irqrestore(&all_lock, flags);
	return n;
}

static void idle_thread_init(struct thread *idle, int cpu)
{
	char name[THREAD_NAME_LEN];

	snprintf(name, sizeof(name), "idle/%d", cpu);
	thread_init_common(idle, name, NR_PRIO - 1);
	idle->prio = PRIO_IDLE;
	idle->is_idle = true;
	idle->state = THREAD_RUNNABLE;
	idle->affinity = 1u << cpu;
	idle->cpu = cpu;
}

/**
 * sched_init() - start scheduling on the boot CPU
 * The code running start_kernel() becomes the thread "init" (default
 * priority, on the boot stack); CPU 0's idle thread gets a stack of its own.
 */
void sched_init(void)
{
	extern char init_thread_stack[];
	struct thread *idle = &idle_threads[0];

	thread_init_common(&boot_thread, "init", PRIO_DEFAULT);
	boot_thread.state = THREAD_RUNNABLE;
	boot_thread.stack = init_thread_stack;
	boot_thread.stack_size = INIT_STACK_SIZE;
	boot_thread.slice = sched_slice_ticks();
	threads_add(&boot_thread);

	idle_thread_init(idle, 0);
	idle->stack = kstack_alloc(&idle->stack_size);
	if (!idle->stack)
		panic("no memory for the idle thread's stack");
	idle->fn = idle_loop;
	idle->ctx.sp = (u32)(unsigned long)idle->stack + idle->stack_size;
	idle->ctx.pc = (u32)(unsigned long)ret_from_kthread;
	idle->ctx.r4 = (u32)(unsigned long)idle;
	threads_add(idle);
	sched_start(&boot_thread, idle, 0);
	pr_info("scheduler: %d priority levels, %d ms slices", NR_PRIO,
		sched_slice_ticks() * 1000 / HZ);
}

/**
 * sched_secondary_prepare() - a starting CPU's boot context becomes its idle
 * thread; its run queue comes online (it may be given threads from now on)
 */
void sched_secondary_prepare(int cpu)
{
	extern u32 secondary_stack_top[NR_CPUS];
	struct thread *idle = &idle_threads[cpu];

	idle_thread_init(idle, cpu);
	idle->stack_size = KSTACK_SIZE;
	idle->stack = (void *)(unsigned long)(secondary_stack_top[cpu] - KSTACK_SIZE);
	threads_add(idle);
	sched_start(idle, idle, cpu);
}

/* Interrupts on, and idle for good. */
__noreturn void sched_secondary_idle(void)
{
	local_irq_enable();
	idle_loop(NULL);
	panic("idle loop returned");
}
