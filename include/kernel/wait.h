/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues and completions.
 *
 * A waiter adds itself to a wait queue, marks itself blocked, re-checks
 * its condition and only then sleeps, so a wake-up between the check and
 * the sleep is never lost.  wait_event_cond() does exactly that for a
 * condition given as a function.
 */
#ifndef KERNEL_WAIT_H
#define KERNEL_WAIT_H

#include <kernel/types.h>
#include <kernel/list.h>
#include <kernel/spinlock.h>
#include <asm/barrier.h>

struct thread;

struct wait_queue_head {
	spinlock_t lock;		/* protects waiters */
	struct list_head waiters;
};

struct wait_queue_entry {
	struct thread *thread;
	struct list_head node;
	bool exclusive;			/* wake_up() wakes one exclusive waiter */
};

#define WAIT_QUEUE_HEAD_INIT(name) { SPINLOCK_INIT, LIST_HEAD_INIT((name).waiters) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = WAIT_QUEUE_HEAD_INIT(name)

void init_waitqueue_head(struct wait_queue_head *wq);

/* Low level: enqueue and mark blocked / dequeue and mark runnable. */
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *e, bool exclusive);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *e);

void __wake_up(struct wait_queue_head *wq, bool all);

/*
 * For a thread that waits on several queues at once (poll): queue @e
 * (non-exclusive, for the current thread) unless it is queued already,
 * without touching the thread's state.  The caller marks itself blocked
 * with set_current_blocked() *before* queueing and re-checking, so that
 * a wake-up from any of its queues, which dequeues that entry, leaves it
 * runnable; a second set_current_blocked() would lose it.  Ends with a
 * full barrier (pairs with wq_has_sleeper()).
 */
void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e);
/* Take @e off @wq if a waker has not done it; @e may be reused or freed then. */
void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e);

/*
 * Nobody queued (the usual case for one side of a pipe): nothing to do,
 * and no call.  The barrier orders the caller's change of the condition
 * before this look at the list; a sleeper queues itself before it
 * re-checks the condition (the barrier in set_current_blocked()), so one
 * of the two sees the other.
 */
static inline bool wq_has_sleeper(struct wait_queue_head *wq)
{
	smp_mb();
	return !list_empty(&wq->waiters);
}

/* Wake the first exclusive waiter (and all non-exclusive ones). */
static inline void wake_up(struct wait_queue_head *wq)
{
	if (wq_has_sleeper(wq))
		__wake_up(wq, false);
}

static inline void wake_up_all(struct wait_queue_head *wq)
{
	if (wq_has_sleeper(wq))
		__wake_up(wq, true);
}

/**
 * wait_event_cond() - sleep on @wq until @cond(@arg) is true
 * @timeout_ns: 0 waits forever
 * Return: 0 once the condition holds, -ETIMEDOUT, or -EINTR when the
 * thread was asked to stop.  Sleeps: not from atomic context.
 */
int __wait_event_cond(struct wait_queue_head *wq, bool (*cond)(void *arg), void *arg,
		      u64 timeout_ns);

static inline int wait_event_cond(struct wait_queue_head *wq, bool (*cond)(void *arg),
				  void *arg, u64 timeout_ns)
{
	/* Already true: no sleep, decided where @cond can be inlined. */
	if (cond(arg))
		return 0;
	return __wait_event_cond(wq, cond, arg, timeout_ns);
}

struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

void init_completion(struct completion *c);
void reinit_completion(struct completion *c);
void complete(struct completion *c);		/* one waiter; any context */
void complete_all(struct completion *c);
void wait_for_completion(struct completion *c);
/* 0, or -ETIMEDOUT after @timeout_ns. */
int wait_for_completion_timeout(struct completion *c, u64 timeout_ns);
bool try_wait_for_completion(struct completion *c);

#endif /* KERNEL_WAIT_H */
