/* SPDX-License-Identifier: GPL-2.0 */
/* Shared between the scheduler's files; not for the rest of the kernel. */
#ifndef SCHED_INTERNAL_H
#define SCHED_INTERNAL_H

#include <kernel/sched.h>

struct runqueue {
	spinlock_t lock;		/* protects everything below */
	u32 bitmap;			/* bit p: queue[p] not empty */
	struct list_head queue[NR_PRIO];
	int nr_ready;
	struct thread *curr;
	struct thread *idle;
	bool need_resched;
	bool online;
	int cpu;			/* its index in runqueues[] */
	struct thread *migrate_out;
	u64 switches, preemptions;
};

extern struct runqueue runqueues[NR_CPUS];

static inline struct runqueue *this_rq(void)
{
	return &runqueues[smp_processor_id()];
}

/* Run queues with a CPU that has started scheduling (bit per CPU). */
extern u32 rq_online_mask;

void rq_panic_bad_enqueue(struct thread *t, const void *from);

/* Caller holds rq->lock.  @head: first of its level, else last. */
static inline void rq_enqueue(struct runqueue *rq, struct thread *t, bool head)
{
	if (t->prio >= NR_PRIO || t->on_rq || t->state != THREAD_RUNNABLE)
		rq_panic_bad_enqueue(t, __builtin_return_address(0));
	if (head)
		list_add(&t->rq_node, &rq->queue[t->prio]);
	else
		list_add_tail(&t->rq_node, &rq->queue[t->prio]);
	rq->bitmap |= 1u << t->prio;
	t->on_rq = true;
	rq->nr_ready++;
}

/* Caller holds rq->lock. */
static inline void rq_dequeue(struct runqueue *rq, struct thread *t)
{
	list_del(&t->rq_node);
	if (list_empty(&rq->queue[t->prio]))
		rq->bitmap &= ~(1u << t->prio);
	t->on_rq = false;
	rq->nr_ready--;
}

void __resched_if_needed(void);

/* From thread context: switch now if a wake-up made it due. */
static inline void resched_if_needed(void)
{
	if (this_rq()->need_resched)
		__resched_if_needed();
}

/* wake_up_thread() without resched_if_needed(): for wakers of several. */
bool try_wake_up(struct thread *t, int reason);

/* Locks two run queues in index order (a thread moves only under both). */
void lock_two(struct runqueue *a, struct runqueue *b);

/* Locks the run queue @t belongs to; @t may migrate until we hold it. */
static inline struct runqueue *thread_rq_lock(struct thread *t)
{
	for (;;) {
		struct runqueue *rq = &runqueues[READ_ONCE(t->cpu)];

		spin_lock(&rq->lock);
		if (rq == &runqueues[t->cpu])
			return rq;
		spin_unlock(&rq->lock);
	}
}

void sched_set_prio(struct thread *t, int prio);
void thread_set_current(struct thread *t);
void threads_add(struct thread *t);
void threads_remove(struct thread *t);
void timers_run(void);
void sched_send_resched_ipi(int cpu);
int sched_slice_ticks(void);

struct thread *__switch_to(struct cpu_context *prev, struct cpu_context *next);
void ret_from_kthread(void);
void finish_switch(struct thread *last);

#endif
