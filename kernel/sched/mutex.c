// SPDX-License-Identifier: GPL-2.0
/*
 * Mutexes with priority inheritance (include/kernel/mutex.h).
 *
 * A thread's effective priority is the most urgent of its base priority
 * and the first waiter of every mutex it holds.  Blocking on a mutex
 * boosts the owner, and if that owner is itself blocked on a mutex, its
 * owner in turn (the chain is walked to its end).  Unlock hands the mutex
 * to the most urgent waiter, recomputes the old owner's priority and
 * wakes the new owner with preemption held off across both, so a deboost
 * never lets a thread of middling priority in ahead of the new owner.
 *
 * The owner word is the owning thread, with MUTEX_WAITERS set while the
 * waiter list is not empty.  Without waiters, lock and unlock are one
 * compare-and-swap each (0 <-> owner) and nothing else: the word is all
 * there is to change.  Those fast paths are inline (mutex.h); what they
 * cannot do comes here through __mutex_lock() and __mutex_unlock().  A thread that must wait sets MUTEX_WAITERS under
 * pi_lock; from then on both fast paths fail (the word is neither 0 nor
 * the bare owner) and the word changes only under pi_lock.
 *
 * Locking: one pi_lock (irqsave) serialises every mutex's slow path and
 * the priority bookkeeping, which keeps chain walks free of lock-order
 * problems: it protects the waiter lists, the owner word while
 * MUTEX_WAITERS is set, each thread's held_mutexes (the mutexes it owns
 * that have waiters: the only ones that can boost it) and blocked_on.
 * Priorities themselves change under the run-queue lock (sched_set_prio).
 * Before the scheduler runs there is one context and every mutex is
 * uncontended: lock and unlock do nothing.
 */
#define pr_fmt(fmt) "mutex: " fmt
#include "sched_internal.h"
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <kernel/errno.h>
#include <kernel/time.h>
#include <asm/irqflags.h>

#define MUTEX_WAITERS	1ul	/* owner word: unlock must take the slow path */

struct mutex_waiter {
	struct thread *thread;
	struct list_head node;
};

static DEFINE_SPINLOCK(pi_lock);

static struct thread *owner_of(const struct mutex *m)
{
	return (struct thread *)(READ_ONCE(m->owner) & ~MUTEX_WAITERS);
}

/* Replace the owner word @old by @new; true if it still held @old. */
static bool owner_cmpxchg(struct mutex *m, unsigned long old, unsigned long new, int order)
{
	return __atomic_compare_exchange_n(&m->owner, &old, new, false, order,
					   __ATOMIC_RELAXED);
}

void mutex_init(struct mutex *m)
{
	m->owner = 0;
	INIT_LIST_HEAD(&m->waiters);
	INIT_LIST_HEAD(&m->held_node);
	m->owner_ip = NULL;
}

void mutex_destroy(struct mutex *m)
{
	WARN_ON(m->owner);
}

bool mutex_is_locked(const struct mutex *m)
{
	return READ_ONCE(m->owner) != 0;
}

static inline struct thread *me(void)
{
	return sched_running() ? current : NULL;
}

static void insert_waiter(struct mutex *m, struct mutex_waiter *w)
{
	struct mutex_waiter *pos;

	list_for_each_entry(pos, &m->waiters, node)
		if (w->thread->prio < pos->thread->prio)
			break;
	list_add_tail(&w->node, &pos->node);
}

/* Most urgent of @t's base priority and its mutexes' first waiters. */
static int inherited_prio(struct thread *t)
{
	int prio = t->base_prio;
	struct mutex *m;

	list_for_each_entry(m, &t->held_mutexes, held_node) {
		if (!list_empty(&m->waiters)) {
			struct mutex_waiter *w =
				list_first_entry(&m->waiters, struct mutex_waiter, node);

			if (w->thread->prio < prio)
				prio = w->thread->prio;
		}
	}
	return prio;
}

/* Propagate a boost from @m's waiters along the chain of owners. */
static void boost_chain(struct mutex *m)
{
	for (int depth = 0; m && owner_of(m) && depth < 32; depth++) {
		struct thread *owner = owner_of(m);
		int prio = inherited_prio(owner);

		if (prio == owner->prio)
			return;
		sched_set_prio(owner, prio);
		m = owner->blocked_on;
		if (m) {	/* keep its place in that queue in step */
			struct mutex_waiter *w;

			list_for_each_entry(w, &m->waiters, node) {
				if (w->thread == owner) {
					list_del(&w->node);
					insert_waiter(m, w);
					break;
				}
			}
		}
	}
}

/* The owner's bookkeeping once @m is its own. */
static void took(struct mutex *m, struct thread *t, const void *ip)
{
	m->owner_ip = ip;
	t->mutexes_held++;
}

/*
 * Under pi_lock: take @m if it is free, else mark it contended.
 * Return: true when @t owns it now.
 */
static bool take_or_mark_waiters(struct mutex *m, struct thread *t, const void *ip)
{
	for (;;) {
		unsigned long old = READ_ONCE(m->owner);

		if (!old) {
			if (owner_cmpxchg(m, 0, (unsigned long)t, __ATOMIC_ACQUIRE))
				return true;
			continue;
		}
		if ((struct thread *)(old & ~MUTEX_WAITERS) == t)
			panic("mutex deadlock: %s takes a mutex it holds (taken at %pS, now at %pS)",
			      t->name, m->owner_ip, ip);
		if ((old & MUTEX_WAITERS) ||
		    owner_cmpxchg(m, old, old | MUTEX_WAITERS, __ATOMIC_RELAXED))
			return false;
	}
}

/* Under pi_lock: @w leaves @m's queue; the last one clears the mark. */
static void remove_waiter(struct mutex *m, struct mutex_waiter *w)
{
	struct thread *owner = owner_of(m);

	list_del(&w->node);
	if (list_empty(&m->waiters)) {
		list_del_init(&m->held_node);
		__atomic_store_n(&m->owner, (unsigned long)owner, __ATOMIC_RELAXED);
	}
	sched_set_prio(owner, inherited_prio(owner));
}

static int mutex_lock_slow(struct mutex *m, struct thread *t, u64 timeout_ns,
			   const void *ip)
{
	u64 deadline = timeout_ns ? ktime_get_ns() + timeout_ns : 0;
	struct mutex_waiter w;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&pi_lock, flags);
	if (take_or_mark_waiters(m, t, ip)) {
		spin_unlock_irqrestore(&pi_lock, flags);
		took(m, t, ip);
		return 0;
	}
	if (list_empty(&m->waiters))	/* from now on @m can boost its owner */
		list_add(&m->held_node, &owner_of(m)->held_mutexes);
	w.thread = t;
	insert_waiter(m, &w);
	t->blocked_on = m;
	boost_chain(m);
	while (owner_of(m) != t) {
		u64 now = ktime_get_ns();

		if (deadline && now >= deadline) {
			ret = -ETIMEDOUT;
			break;
		}
		set_current_blocked();
		spin_unlock_irqrestore(&pi_lock, flags);
		schedule_timeout(deadline ? deadline - now : 0);
		spin_lock_irqsave(&pi_lock, flags);
	}
	set_current_runnable();
	t->blocked_on = NULL;
	if (ret)		/* gave up: no longer boosts the owner */
		remove_waiter(m, &w);
	spin_unlock_irqrestore(&pi_lock, flags);
	if (!ret)
		took(m, t, ip);
	return ret;
}

static int mutex_lock_common(struct mutex *m, u64 timeout_ns, const void *ip)
{
	struct thread *t = me();

	might_sleep();
	if (!t)
		return 0;
	if (owner_cmpxchg(m, 0, (unsigned long)t, __ATOMIC_ACQUIRE)) {
		took(m, t, ip);
		return 0;
	}
	return mutex_lock_slow(m, t, timeout_ns, ip);
}

/* mutex_lock() when its inline fast path (mutex.h) did not take it. */
void __mutex_lock(struct mutex *m, const void *ip)
{
	mutex_lock_common(m, 0, ip);
}

int mutex_lock_timeout(struct mutex *m, u64 timeout_ns)
{
	return mutex_lock_common(m, timeout_ns ? timeout_ns : 1,
				 __builtin_return_address(0));
}

bool mutex_trylock(struct mutex *m)
{
	struct thread *t = me();

	if (!t)
		return true;
	if (!owner_cmpxchg(m, 0, (unsigned long)t, __ATOMIC_ACQUIRE))
		return false;
	took(m, t, __builtin_return_address(0));
	return true;
}

/* @t's unlock of @m with waiters: hand it to the most urgent one. */
static void mutex_unlock_slow(struct mutex *m, struct thread *t)
{
	struct mutex_waiter *w;
	struct thread *next;
	unsigned long flags;

	spin_lock_irqsave(&pi_lock, flags);
	if (list_empty(&m->waiters)) {
		/*
		 * The last waiter timed out and cleared MUTEX_WAITERS after
		 * our fast path saw it: nobody to hand to, just release.
		 */
		__atomic_store_n(&m->owner, 0ul, __ATOMIC_RELEASE);
		spin_unlock_irqrestore(&pi_lock, flags);
		return;
	}
	list_del_init(&m->held_node);
	w = list_first_entry(&m->waiters, struct mutex_waiter, node);
	list_del(&w->node);
	next = w->thread;
	next->blocked_on = NULL;
	if (list_empty(&m->waiters)) {
		__atomic_store_n(&m->owner, (unsigned long)next, __ATOMIC_RELEASE);
	} else {
		__atomic_store_n(&m->owner, (unsigned long)next | MUTEX_WAITERS,
				 __ATOMIC_RELEASE);
		list_add(&m->held_node, &next->held_mutexes);
		/* The new owner inherits from the waiters that remain. */
		if (inherited_prio(next) < next->prio)
			sched_set_prio(next, inherited_prio(next));
	}
	if (t->prio != inherited_prio(t))
		sched_set_prio(t, inherited_prio(t));
	/*
	 * A deboost can leave a less urgent thread due to run before the
	 * new owner is even queued: an interrupt taken between here and the
	 * wake-up would switch to it and leave the owner asleep behind it.
	 * So no preemption until the new owner is ready to compete.
	 */
	preempt_disable();
	spin_unlock_irqrestore(&pi_lock, flags);
	wake_up_thread(next, 0);
	preempt_enable();
}

/* mutex_unlock() when its inline fast path (mutex.h) did not release it. */
void __mutex_unlock(struct mutex *m, const void *ip)
{
	struct thread *t = me();

	if (!t)
		return;
	/* Only @t itself can make the word stop naming @t: no lock needed. */
	if (owner_of(m) != t) {
		pr_err("unlock of a mutex not held by %s (owner %s, at %pS)",
		       t->name, owner_of(m) ? owner_of(m)->name : "none", ip);
		return;
	}
	t->mutexes_held--;
	if (!owner_cmpxchg(m, (unsigned long)t, 0, __ATOMIC_RELEASE))
		mutex_unlock_slow(m, t);
}
