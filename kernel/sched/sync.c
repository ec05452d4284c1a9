// SPDX-License-Identifier: GPL-2.0
/*
 * Counting semaphores and message queues, over wait queues.
 *
 * Locking: each object's spinlock (irqsave) protects its counters; the
 * wait queues have their own locks and are only touched with the object's
 * lock released, so waking never nests inside it.
 */
#include <kernel/semaphore.h>
#include <kernel/msgq.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/time.h>
#include <asm/barrier.h>
#include "sched_internal.h"

/* A thread blocked in down(); up() hands it the count and wakes it. */
struct sem_waiter {
	struct list_head node;
	struct thread *thread;
	bool granted;
};

void sema_init(struct semaphore *s, unsigned int count)
{
	spin_lock_init(&s->lock);
	s->count = count;
	INIT_LIST_HEAD(&s->waiters);
}

bool down_trylock(struct semaphore *s)
{
	unsigned long flags;
	bool got = false;

	spin_lock_irqsave(&s->lock, flags);
	if (s->count) {
		s->count--;
		got = true;
	}
	spin_unlock_irqrestore(&s->lock, flags);
	return got;
}

static void sem_timeout_fn(struct timer *tm)
{
	wake_up_thread(container_of(tm, struct thread, sleep_timer), -ETIMEDOUT);
}

/*
 * Sleeps until up() grants @w, the deadline passes or the thread is asked
 * to stop.  Called with s->lock held (IRQs off in @flags); releases it.
 */
static int sem_wait(struct semaphore *s, struct sem_waiter *w, u64 deadline,
		    unsigned long flags)
{
	struct thread *self = current;
	int ret;

	list_add_tail(&w->node, &s->waiters);
	for (;;) {
		set_current_blocked();	/* before unlocking: up() cannot be missed */
		spin_unlock_irqrestore(&s->lock, flags);
		if (deadline)
			timer_add(&self->sleep_timer, deadline, sem_timeout_fn);
		schedule();
		if (deadline)
			timer_cancel(&self->sleep_timer);
		if (READ_ONCE(w->granted))
			return 0;
		spin_lock_irqsave(&s->lock, flags);
		if (w->granted) {
			ret = 0;
			goto out_unlock;
		}
		if (kthread_should_stop()) {
			ret = -EINTR;
			break;
		}
		if (deadline && ktime_get_ns() >= deadline) {
			ret = -ETIMEDOUT;
			break;
		}
	}
	list_del(&w->node);
out_unlock:
	spin_unlock_irqrestore(&s->lock, flags);
	return ret;
}

/* The contended half of down_timeout(), out of line to keep the fast path short. */
static __noinline int down_slow(struct semaphore *s, u64 timeout_ns)
{
	struct sem_waiter w = { .thread = current };
	unsigned long flags;

	might_sleep();
	spin_lock_irqsave(&s->lock, flags);
	if (s->count) {
		s->count--;
		spin_unlock_irqrestore(&s->lock, flags);
		return 0;
	}
	return sem_wait(s, &w, timeout_ns ? ktime_get_ns() + timeout_ns : 0, flags);
}

int down_timeout(struct semaphore *s, u64 timeout_ns)
{
	if (down_trylock(s))
		return 0;
	return down_slow(s, timeout_ns);
}

void down(struct semaphore *s)
{
	down_timeout(s, 0);
}

void up(struct semaphore *s)
{
	struct sem_waiter *w;
	struct thread *t;
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	if (list_empty(&s->waiters)) {
		s->count++;
		spin_unlock_irqrestore(&s->lock, flags);
		return;
	}
	w = list_first_entry(&s->waiters, struct sem_waiter, node);
	t = w->thread;		/* @w is gone once the waiter sees granted */
	list_del(&w->node);
	smp_wmb();		/* the waiter may reuse @w as soon as it sees granted */
	WRITE_ONCE(w->granted, true);
	wake_up_thread(t, 0);
	spin_unlock_irqrestore(&s->lock, flags);
	resched_if_needed();
}

int msgq_init(struct msgq *q, u32 msg_size, u32 max_msgs)
{
	if (!msg_size || !max_msgs || msg_size > 0x10000 || max_msgs > 0x10000)
		return -EINVAL;
	q->buf = kmalloc((size_t)msg_size * max_msgs, GFP_KERNEL);
	if (!q->buf)
		return -ENOMEM;
	spin_lock_init(&q->lock);
	q->msg_size = msg_size;
	q->max_msgs = max_msgs;
	q->head = q->count = 0;
	init_waitqueue_head(&q->not_empty);
	init_waitqueue_head(&q->not_full);
	return 0;
}

void msgq_destroy(struct msgq *q)
{
	kfree(q->buf);
	q->buf = NULL;
}

int msgq_send_nowait(struct msgq *q, const void *msg)
{
	unsigned long flags;
	u32 slot;

	spin_lock_irqsave(&q->lock, flags);
	if (q->count == q->max_msgs) {
		spin_unlock_irqrestore(&q->lock, flags);
		return -EAGAIN;
	}
	slot = (q->head + q->count) % q->max_msgs;
	memcpy(q->buf + slot * q->msg_size, msg, q->msg_size);
	q->count++;
	spin_unlock_irqrestore(&q->lock, flags);
	wake_up(&q->not_empty);
	return 0;
}

int msgq_recv_nowait(struct msgq *q, void *msg)
{
	unsigned long flags;

	spin_lock_irqsave(&q->lock, flags);
	if (!q->count) {
		spin_unlock_irqrestore(&q->lock, flags);
		return -EAGAIN;
	}
	memcpy(msg, q->buf + q->head * q->msg_size, q->msg_size);
	q->head = (q->head + 1) % q->max_msgs;
	q->count--;
	spin_unlock_irqrestore(&q->lock, flags);
	wake_up(&q->not_full);
	return 0;
}

struct msg_op {
	struct msgq *q;
	void *msg;
};

static bool try_send(void *arg)
{
	struct msg_op *op = arg;

	return msgq_send_nowait(op->q, op->msg) == 0;
}

static bool try_recv(void *arg)
{
	struct msg_op *op = arg;

	return msgq_recv_nowait(op->q, op->msg) == 0;
}

int msgq_send(struct msgq *q, const void *msg, u64 timeout_ns)
{
	struct msg_op op = { q, (void *)msg };

	return wait_event_cond(&q->not_full, try_send, &op, timeout_ns);
}

int msgq_recv(struct msgq *q, void *msg, u64 timeout_ns)
{
	struct msg_op op = { q, msg };

	return wait_event_cond(&q->not_empty, try_recv, &op, timeout_ns);
}
