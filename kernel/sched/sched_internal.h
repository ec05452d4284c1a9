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
	int irq_depth;			/* interrupt nesting on this CPU */
	struct thread *migrate_out;
	u64 switches, preemptions;
};

extern struct runqueue runqueues[NR_CPUS];

static inline struct runqueue *this_rq(void)
{
	return &runqueues[smp_processor_id()];
}

void rq_enqueue(struct runqueue *rq, struct thread *t, bool head);
void rq_dequeue(struct runqueue *rq, struct thread *t);
/* Locks two run queues in index order (a thread moves only under both). */
void lock_two(struct runqueue *a, struct runqueue *b);
struct runqueue *thread_rq_lock(struct thread *t);
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
