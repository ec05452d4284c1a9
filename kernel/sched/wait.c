// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues and completions (include/kernel/wait.h).
 *
 * Locking: the queue's spinlock (irqsave) protects its waiter list and,
 * for completions, the done count; wake-ups may come from interrupts.  A
 * waker takes the waiters it woke off the queue, so a sleeper's
 * finish_wait() usually finds itself dequeued and takes no lock.
 */
#include <kernel/wait.h>
#include "sched_internal.h"
#include <kernel/sched.h>
#include <kernel/time.h>
#include <kernel/errno.h>
#include <asm/irqflags.h>
#include <asm/barrier.h>
#include <kernel/process.h>


void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->waiters);
}

/* prepare_to_wait() and finish_wait(), inline in __wait_event_cond(). */
static __always_inline void __prepare_to_wait(struct wait_queue_head *wq,
					      struct wait_queue_entry *e, bool exclusive)
{
	unsigned long flags;

	e->thread = current;
	e->exclusive = exclusive;
	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&e->node) || e->node.next == NULL) {
		if (exclusive)
			list_add_tail(&e->node, &wq->waiters);
		else
			list_add(&e->node, &wq->waiters);
	}
	set_current_blocked();
	spin_unlock_irqrestore(&wq->lock, flags);
}

static __always_inline void __finish_wait(struct wait_queue_head *wq,
					  struct wait_queue_entry *e)
{
	unsigned long flags;

	set_current_runnable();
	/* Usually the waker took us off the queue already: no lock then. */
	if (__atomic_load_n(&e->node.next, __ATOMIC_ACQUIRE) == &e->node)
		return;
	spin_lock_irqsave(&wq->lock, flags);
	if (!list_empty(&e->node))
		list_del(&e->node);
	spin_unlock_irqrestore(&wq->lock, flags);
}

/* Queued: on a list (a waker's dequeue_woken() or init leaves it self-linked). */
static bool entry_queued(struct wait_queue_entry *e)
{
	struct list_head *next = __atomic_load_n(&e->node.next, __ATOMIC_ACQUIRE);

	return next && next != &e->node;
}

/*
 * Under wq->lock: take a woken waiter off the queue.  Its last store
 * (release) is what finish_wait() looks at without the lock, and @e is not
 * touched after it: the sleeper may return and reuse its stack at once.
 */
static void dequeue_woken(struct wait_queue_entry *e)
{
	struct list_head *node = &e->node;

	node->next->prev = node->prev;
	node->prev->next = node->next;
	node->prev = node;
	__atomic_store_n(&node->next, node, __ATOMIC_RELEASE);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *e, bool exclusive)
{
	__prepare_to_wait(wq, e, exclusive);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	__finish_wait(wq, e);
}

void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	unsigned long flags;

	e->thread = current;
	e->exclusive = false;
	spin_lock_irqsave(&wq->lock, flags);
	if (!entry_queued(e))
		list_add(&e->node, &wq->waiters);
	spin_unlock_irqrestore(&wq->lock, flags);
	smp_mb();	/* queued before the caller re-checks its condition */
}

void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	unsigned long flags;

	if (!entry_queued(e))
		return;		/* a waker took it off: it no longer touches @e */
	spin_lock_irqsave(&wq->lock, flags);
	if (entry_queued(e))
		list_del(&e->node);	/* leaves it self-linked: not queued */
	spin_unlock_irqrestore(&wq->lock, flags);
}

/**
 * __wake_up() - wake @wq's waiters: every one (@all), else the
 * non-exclusive ones and the first exclusive one; wake_up() and
 * wake_up_all() call it when the queue is not empty.  Then switches if a
 * woken thread is more urgent than the caller.
 */
void __wake_up(struct wait_queue_head *wq, bool all)
{
	struct wait_queue_entry *e, *n;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry_safe(e, n, &wq->waiters, node) {
		bool exclusive = e->exclusive;

		if (!try_wake_up(e->thread, 0))
			continue;	/* awake already: it dequeues itself */
		dequeue_woken(e);
		if (exclusive && !all)
			break;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
	resched_if_needed();
}

/* wait_event_cond() once @cond was false: queue, re-check, sleep. */
int __wait_event_cond(struct wait_queue_head *wq, bool (*cond)(void *arg), void *arg,
		      u64 timeout_ns)
{
	struct wait_queue_entry e = { .node = LIST_HEAD_INIT(e.node) };
	u64 deadline = timeout_ns ? ktime_get_ns() + timeout_ns : 0;
	int ret = 0;

	might_sleep();
	for (;;) {
		u64 now;

		__prepare_to_wait(wq, &e, false);
		if (cond(arg))
			break;
		if (kthread_should_stop() || signal_pending_current()) {
			ret = -EINTR;
			break;
		}
		if (!deadline) {
			schedule();	/* no timer to arm: straight to it */
		} else {
			now = ktime_get_ns();
			if (now >= deadline) {
				ret = -ETIMEDOUT;
				break;
			}
			schedule_timeout(deadline - now);
		}
		/* Usually true now: skip re-queueing (finish_wait dequeues). */
		if (cond(arg))
			break;
	}
	__finish_wait(wq, &e);
	return ret;
}

void init_completion(struct completion *c)
{
	c->done = 0;
	init_waitqueue_head(&c->wait);
}

void reinit_completion(struct completion *c)
{
	c->done = 0;
}

void complete(struct completion *c)
{
	unsigned long flags;

	spin_lock_irqsave(&c->wait.lock, flags);
	if (c->done != ~0u)
		c->done++;
	spin_unlock_irqrestore(&c->wait.lock, flags);
	wake_up(&c->wait);
}

void complete_all(struct completion *c)
{
	unsigned long flags;

	spin_lock_irqsave(&c->wait.lock, flags);
	c->done = ~0u;
	spin_unlock_irqrestore(&c->wait.lock, flags);
	wake_up_all(&c->wait);
}

bool try_wait_for_completion(struct completion *c)
{
	unsigned long flags;
	bool got = false;

	spin_lock_irqsave(&c->wait.lock, flags);
	if (c->done) {
		if (c->done != ~0u)
			c->done--;
		got = true;
	}
	spin_unlock_irqrestore(&c->wait.lock, flags);
	return got;
}

static bool completion_ready(void *arg)
{
	return try_wait_for_completion(arg);
}

int wait_for_completion_timeout(struct completion *c, u64 timeout_ns)
{
	struct wait_queue_entry e = { .node = LIST_HEAD_INIT(e.node) };
	u64 deadline = timeout_ns ? ktime_get_ns() + timeout_ns : 0;
	int ret = 0;

	if (try_wait_for_completion(c))
		return 0;
	might_sleep();
	for (;;) {
		u64 now;

		prepare_to_wait(&c->wait, &e, true);
		if (completion_ready(c))
			break;
		now = ktime_get_ns();
		if (deadline && now >= deadline) {
			ret = -ETIMEDOUT;
			break;
		}
		schedule_timeout(deadline ? deadline - now : 0);
	}
	finish_wait(&c->wait, &e);
	return ret;
}

void wait_for_completion(struct completion *c)
{
	wait_for_completion_timeout(c, 0);
}
