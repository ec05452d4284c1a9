// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler core: per-CPU run queues, picking, switching, preemption,
 * wake-ups, time slices, and load balancing by idle CPUs.
 *
 * A running thread is not in its run queue; schedule() puts it back (at
 * the head if it was preempted with time left, at the tail if it yielded
 * or used its slice) and takes the most urgent ready thread: the lowest
 * set bit of the bitmap, then the head of that level's FIFO.
 *
 * Locking: each run queue's lock (taken with IRQs off) protects the queue,
 * rq->curr and the state/on_rq/cpu fields of threads belonging to it.  The
 * lock is held across the context switch and released by the thread that
 * is switched in (finish_switch()), so a waker on another CPU can never
 * see a thread whose context is half saved.  Two run queues are locked in
 * index order.  Knows nothing of what threads wait for (sync.c, wait.c).
 */
#define pr_fmt(fmt) "sched: " fmt
#include "sched_internal.h"
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <kernel/time.h>
#include <kernel/errno.h>
#include <kernel/string.h>
#include <asm/irqflags.h>
#include <asm/barrier.h>
#include <asm/stacktrace.h>
#include <mm/vm.h>

#ifndef CONFIG_SCHED_SLICE_MS
#define CONFIG_SCHED_SLICE_MS 10
#endif

struct runqueue runqueues[NR_CPUS];
bool scheduler_running;
static u64 nr_migrations;

int sched_slice_ticks(void)
{
	int t = CONFIG_SCHED_SLICE_MS * HZ / 1000;

	return t > 0 ? t : 1;
}

void thread_set_current(struct thread *t)
{
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 4" :: "r"(t) : "memory");
}

u32 rq_online_mask;

void rq_panic_bad_enqueue(struct thread *t, const void *from)
{
	panic("sched: bad enqueue of %s (prio %d, on_rq %d, state %d) from %pS",
	      t->name, t->prio, t->on_rq, t->state, from);
}

static struct thread *pick_next(struct runqueue *rq)
{
	struct thread *t;

	if (!rq->bitmap)
		return rq->idle;
	if (list_empty(&rq->queue[__builtin_ctz(rq->bitmap)]))
		panic("sched: cpu%d level %d marked ready but empty (nr_ready %d)",
		      (int)(rq - runqueues), __builtin_ctz(rq->bitmap), rq->nr_ready);
	t = list_first_entry(&rq->queue[__builtin_ctz(rq->bitmap)], struct thread, rq_node);
	rq_dequeue(rq, t);
	return t;
}

void lock_two(struct runqueue *a, struct runqueue *b)
{
	if (a < b) {
		spin_lock(&a->lock);
		spin_lock(&b->lock);
	} else {
		spin_lock(&b->lock);
		spin_lock(&a->lock);
	}
}

/* The newly switched-in thread finishes what its predecessor started. */
static void push_thread(struct thread *t);
static void check_preempt(struct runqueue *rq, struct thread *t);

void finish_switch(struct thread *last)
{
	struct runqueue *rq = this_rq();
	struct thread *out = rq->migrate_out;

	rq->migrate_out = NULL;
	smp_wmb();
	last->on_cpu = false;
	spin_unlock(&rq->lock);
	if (out)
		push_thread(out);
}

static void context_switch(struct runqueue *rq, struct thread *prev, struct thread *next)
{
	struct thread *last;

	next->switches++;
	next->on_cpu = true;
	next->cpu = rq->cpu;
	rq->curr = next;
	rq->switches++;
	mm_activate(next->mm);		/* no-op when it is this CPU's already */
	/* The user thread pointer (TPIDRURO): one register write, always. */
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 3" :: "r"(next->tls));
	thread_set_current(next);
	last = __switch_to(&prev->ctx, &next->ctx);
	finish_switch(last);
}

/*
 * Queue a runnable, switched-out thread on a CPU its affinity allows.
 * Caller: IRQs off, no run-queue lock held.
 */
static void push_thread(struct thread *t)
{
	int to = __builtin_ctz(t->affinity);
	struct runqueue *from = &runqueues[t->cpu], *rq;

	for (int i = 0; i < NR_CPUS; i++)
		if ((t->affinity & (1u << i)) && runqueues[i].online) {
			to = i;
			break;
		}
	rq = &runqueues[to];
	/* t->cpu changes only under both queues' locks (thread_rq_lock()). */
	if (from == rq)
		spin_lock(&rq->lock);
	else
		lock_two(from, rq);
	t->cpu = to;
	nr_migrations++;
	rq_enqueue(rq, t, false);
	check_preempt(rq, t);
	if (from != rq)
		spin_unlock(&from->lock);
	spin_unlock(&rq->lock);
}

/*
 * Caller: IRQs off.  @preempted: involuntary (keeps its place if it has time).
 * Inline in its three callers: schedule() runs it on every sleep.
 */
static __always_inline void __schedule(bool preempted)
{
	struct runqueue *rq = this_rq();
	struct thread *prev, *next;

	spin_lock(&rq->lock);
	prev = rq->curr;
	rq->need_resched = false;
	if (prev->state == THREAD_RUNNABLE && !prev->is_idle) {
		if (prev->affinity & (1u << rq->cpu))
			rq_enqueue(rq, prev, preempted && prev->slice > 0);
		else
			rq->migrate_out = prev;	/* pushed away once switched out */
	}
	next = pick_next(rq);
	if (next == prev) {
		spin_unlock(&rq->lock);
		return;
	}
	if (preempted)
		rq->preemptions++;
	if (next->slice <= 0)
		next->slice = sched_slice_ticks();
	context_switch(rq, prev, next);
}

void schedule(void)
{
	unsigned long flags;

	if (!scheduler_running)
		return;
	local_irq_save(flags);
	__schedule(false);
	local_irq_restore(flags);
}

void yield(void)
{
	unsigned long flags;

	local_irq_save(flags);
	current->slice = 0;	/* to the back of its level */
	__schedule(false);
	local_irq_restore(flags);
}

/* Caller holds rq->lock.  Preempt rq's CPU if @t is more urgent. */
static inline void check_preempt(struct runqueue *rq, struct thread *t)
{
	struct thread *curr = rq->curr;

	if (!curr || curr->is_idle || t->prio < curr->prio) {
		rq->need_resched = true;
		if (rq->cpu != (int)smp_processor_id())
			sched_send_resched_ipi(rq->cpu);
	}
}

/* Choose a CPU for a waking thread: its own, or an idle one it may use. */
static int select_cpu(struct thread *t)
{
	int cpu = t->cpu;
	u32 allowed = t->affinity & READ_ONCE(rq_online_mask);
	struct thread *curr = runqueues[cpu].curr;

	if ((allowed & (1u << cpu)) && (curr->is_idle || curr->prio > t->prio))
		return cpu;
	if (allowed == 1u << cpu)
		return cpu;		/* nowhere else to go (one CPU, or pinned) */
	for (u32 bits = allowed; bits; bits &= bits - 1) {
		struct runqueue *rq = &runqueues[__builtin_ctz(bits)];

		if (rq->curr && rq->curr->is_idle && !rq->nr_ready)
			return rq->cpu;
	}
	if (!(allowed & (1u << cpu)) && allowed)
		return __builtin_ctz(allowed);
	return cpu;
}

/*
 * wake_up_thread() without the switch: queues @t (if it was blocked) and
 * marks a preemption due; the caller calls resched_if_needed() once it is
 * done waking (a wait queue wakes several).
 */
bool try_wake_up(struct thread *t, int reason)
{
	struct runqueue *rq;
	unsigned long flags;
	int target;

	local_irq_save(flags);
	rq = thread_rq_lock(t);
	if (t->state != THREAD_BLOCKED && t->state != THREAD_NEW) {
		spin_unlock(&rq->lock);
		local_irq_restore(flags);
		return false;
	}
	t->state = THREAD_RUNNABLE;
	t->wake_reason = reason;
	if (rq->curr == t) {	/* still on its way to sleep: it will see RUNNABLE */
		spin_unlock(&rq->lock);
		local_irq_restore(flags);
		return true;
	}
	target = select_cpu(t);
	if (target != t->cpu) {
		/*
		 * Move it with both queues locked: anyone who locked the old
		 * queue through thread_rq_lock() must see t->cpu and on_rq
		 * change together.  Between the two lockings @t is RUNNABLE
		 * and on no queue, so nothing else moves or queues it.
		 */
		struct runqueue *from = rq;

		rq = &runqueues[target];
		spin_unlock(&from->lock);
		lock_two(from, rq);
		t->cpu = target;
		nr_migrations++;
		rq_enqueue(rq, t, false);
		check_preempt(rq, t);
		spin_unlock(&from->lock);
		spin_unlock(&rq->lock);
		local_irq_restore(flags);
		return true;
	}
	rq_enqueue(rq, t, false);
	check_preempt(rq, t);
	spin_unlock(&rq->lock);
	local_irq_restore(flags);
	return true;
}

bool wake_up_thread(struct thread *t, int reason)
{
	bool woke = try_wake_up(t, reason);

	resched_if_needed();
	return woke;
}

/* resched_if_needed() once need_resched is set: may we switch here? */
void __resched_if_needed(void)
{
	if (scheduler_running && this_rq()->need_resched && preemptible())
		schedule();
}

void sched_set_prio(struct thread *t, int prio)
{
	unsigned long flags;
	struct runqueue *rq;

	local_irq_save(flags);
	rq = thread_rq_lock(t);
	if (t->prio != prio) {
		if (t->on_rq) {
			rq_dequeue(rq, t);
			t->prio = (u8)prio;
			rq_enqueue(rq, t, false);
			check_preempt(rq, t);
		} else {
			bool lowered = prio > t->prio;

			t->prio = (u8)prio;
			if (rq->curr == t && lowered && rq->bitmap &&
			    (int)__builtin_ctz(rq->bitmap) < prio)
				rq->need_resched = true;
		}
	}
	spin_unlock(&rq->lock);
	local_irq_restore(flags);
	if (rq == this_rq() && rq->need_resched && preemptible())
		schedule();
}

/* --- preemption ------------------------------------------------------- */

/*
 * A thread that has marked itself blocked is between queueing itself for
 * a wake-up and calling schedule(): it must get to re-check its condition,
 * so it is never preempted there (it would sleep with nobody to wake it).
 */
static bool on_way_to_sleep(void)
{
	return READ_ONCE(current->state) != THREAD_RUNNABLE;
}


void preempt_disable(void)
{
	if (scheduler_running)
		current->preempt_count++;
	barrier();
}

void preempt_enable(void)
{
	barrier();
	if (!scheduler_running)
		return;
	if (--current->preempt_count == 0 && this_rq()->need_resched && !irqs_disabled() &&
	    !on_way_to_sleep())
		schedule();
}

int irq_nesting[NR_CPUS];

bool in_interrupt(void)
{
	return scheduler_running && irq_nesting[smp_processor_id()] > 0;
}

bool preemptible(void)
{
	return scheduler_running && !current->preempt_count && !irqs_disabled() &&
	       !in_interrupt() && !on_way_to_sleep();
}

u32 might_sleep_warnings;

void __might_sleep(const char *file, int line)
{
	if (!scheduler_running || current->is_idle)
		return;
	if (!in_interrupt() && !current->preempt_count && !irqs_disabled())
		return;
	if (might_sleep_warnings++ < 10) {
		pr_err("BUG: sleeping function called from invalid context at %s:%d", file, line);
		pr_err("in_interrupt(): %d, preempt_count: %d, irqs_disabled(): %d, thread: %s",
		       in_interrupt(), current->preempt_count, irqs_disabled(), current->name);
		dump_stack();
	}
}

/* End of an interrupt (IRQs still off): switch if a wake-up asked for it. */
void sched_irq_exit(void)
{
	struct runqueue *rq;

	int *nesting = &irq_nesting[smp_processor_id()];

	if (--*nesting || !scheduler_running)
		return;
	rq = this_rq();
	if (rq->need_resched && !current->preempt_count && !on_way_to_sleep())
		__schedule(true);
}

void sched_tick(void)
{
	struct runqueue *rq;
	struct thread *curr;

	if (!scheduler_running)
		return;
	rq = this_rq();
	spin_lock(&rq->lock);
	curr = rq->curr;
	/* CPU time is sampled here, not clocked at every switch. */
	if (tick_rate_hz())
		curr->run_ns += NSEC_PER_SEC / tick_rate_hz();
	if (!curr->is_idle && --curr->slice <= 0 && rq->bitmap &&
	    (int)__builtin_ctz(rq->bitmap) <= curr->prio)
		rq->need_resched = true;	/* round robin within the level */
	if (curr->is_idle && rq->nr_ready)
		rq->need_resched = true;
	spin_unlock(&rq->lock);
}

/* --- load balancing: an idle CPU pulls a ready thread ------------------ */

static struct thread *stealable(struct runqueue *src, int cpu)
{
	for (u32 bits = src->bitmap; bits; bits &= bits - 1) {
		struct thread *t;

		list_for_each_entry(t, &src->queue[__builtin_ctz(bits)], rq_node)
			if (t->affinity & (1u << cpu))
				return t;
	}
	return NULL;
}

/* Caller: IRQs off, no run-queue lock held. */
static bool pull_thread(void)
{
	int cpu = smp_processor_id();
	struct runqueue *rq = &runqueues[cpu];

	for (int i = 0; i < NR_CPUS; i++) {
		struct runqueue *src = &runqueues[i];
		struct thread *t;

		if (i == cpu || !src->online || !READ_ONCE(src->nr_ready))
			continue;
		lock_two(rq, src);
		t = stealable(src, cpu);
		if (t) {
			rq_dequeue(src, t);
			t->cpu = cpu;
			rq_enqueue(rq, t, false);
			nr_migrations++;
		}
		spin_unlock(&src->lock);
		spin_unlock(&rq->lock);
		if (t)
			return true;
	}
	return false;
}

void reap_zombies(void);

int idle_loop(void *arg)
{
	struct runqueue *rq = this_rq();

	(void)arg;
	for (;;) {
		local_irq_disable();
		if (!rq->need_resched && !rq->nr_ready && !pull_thread())
			__asm__ __volatile__("wfi" ::: "memory");
		local_irq_enable();
		schedule();
		reap_zombies();
	}
	return 0;
}

void sched_start(struct thread *boot, struct thread *idle, int cpu)
{
	struct runqueue *rq = &runqueues[cpu];

	spin_lock_init(&rq->lock);
	for (int p = 0; p < NR_PRIO; p++)
		INIT_LIST_HEAD(&rq->queue[p]);
	rq->curr = boot;
	rq->idle = idle;
	rq->cpu = cpu;
	rq->online = true;
	__atomic_or_fetch(&rq_online_mask, 1u << cpu, __ATOMIC_SEQ_CST);
	boot->on_cpu = true;
	boot->cpu = cpu;
	idle->cpu = cpu;
	thread_set_current(boot);
	smp_wmb();
	scheduler_running = true;
}

void sched_get_stats(struct sched_stats *st)
{
	memset(st, 0, sizeof(*st));
	for (int i = 0; i < NR_CPUS; i++) {
		st->switches += runqueues[i].switches;
		st->preemptions += runqueues[i].preemptions;
		st->nr_running[i] = runqueues[i].nr_ready +
				    (runqueues[i].curr && !runqueues[i].curr->is_idle);
		st->online[i] = runqueues[i].online;
	}
	st->migrations = nr_migrations;
}
