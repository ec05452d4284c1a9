// SPDX-License-Identifier: GPL-2.0
/*
 * Mutexes with priority inheritance (include/kernel/mutex.h).
 *
 * A thread's effective priority is the most urgent of its base priority
 * and the first waiter of every mutex it holds.  Blocking on a mutex
 * boosts the owner, and if that owner is itself blocked on a mutex, its
 * owner in turn (the chain is walked to its end).  Unlock hands the mutex
 * to the most urgent waiter and recomputes the old owner's priority.
 *
 * Locking: one pi_lock (irqsave) serialises every mutex's slow path and
 * the priority bookkeeping, which keeps chain walks free of lock-order
 * problems; priorities themselves change under the run-queue lock
 * (sched_set_prio).  Before the scheduler runs there is one context and
 * every mutex is uncontended.
 */
#define pr_fmt(fmt) "mutex: " fmt
#include "sched_internal.h"
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <kernel/errno.h>
#include <kernel/time.h>
#include <asm/irqflags.h>

struct mutex_waiter {
	struct thread *thread;
	struct list_head node;
};

static DEFINE_SPINLOCK(pi_lock);

void mutex_init(struct mutex *m)
{
	m->owner = NULL;
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
	return READ_ONCE(m->owner) != NULL;
}

static struct thread *me(void)
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
	for (int depth = 0; m && m->owner && depth < 32; depth++) {
		struct thread *owner = m->owner;
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

static void take(struct mutex *m, struct thread *t, const void *ip)
{
	m->owner = t;
	m->owner_ip = ip;
	if (t)
		list_add(&m->held_node, &t->held_mutexes);
}

static int mutex_lock_common(struct mutex *m, u64 timeout_ns, const void *ip)
{
	struct thread *t = me();
	struct mutex_waiter w;
	unsigned long flags;
	u64 deadline = timeout_ns ? ktime_get_ns() + timeout_ns : 0;
	int ret = 0;

	might_sleep();
	spin_lock_irqsave(&pi_lock, flags);
	if (!m->owner) {
		take(m, t, ip);
		spin_unlock_irqrestore(&pi_lock, flags);
		return 0;
	}
	if (!t || m->owner == t)
		panic("mutex deadlock: %s takes a mutex it holds (taken at %pS, now at %pS)",
		      t ? t->name : "boot", m->owner_ip, ip);
	w.thread = t;
	insert_waiter(m, &w);
	t->blocked_on = m;
	boost_chain(m);
	while (m->owner != t) {
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
	if (ret) {		/* gave up: no longer boosts the owner */
		list_del(&w.node);
		if (m->owner)
			sched_set_prio(m->owner, inherited_prio(m->owner));
	}
	spin_unlock_irqrestore(&pi_lock, flags);
	return ret;
}

void mutex_lock(struct mutex *m)
{
	mutex_lock_common(m, 0, __builtin_return_address(0));
}

int mutex_lock_timeout(struct mutex *m, u64 timeout_ns)
{
	return mutex_lock_common(m, timeout_ns ? timeout_ns : 1,
				 __builtin_return_address(0));
}

bool mutex_trylock(struct mutex *m)
{
	unsigned long flags;
	bool got = false;

	spin_lock_irqsave(&pi_lock, flags);
	if (!m->owner) {
		take(m, me(), __builtin_return_address(0));
		got = true;
	}
	spin_unlock_irqrestore(&pi_lock, flags);
	return got;
}

void mutex_unlock(struct mutex *m)
{
	struct thread *t = me(), *next = NULL;
	unsigned long flags;

	spin_lock_irqsave(&pi_lock, flags);
	if (m->owner != t) {
		spin_unlock_irqrestore(&pi_lock, flags);
		pr_err("unlock of a mutex not held by %s (owner %s, from %pS)",
		       t ? t->name : "boot", m->owner ? m->owner->name : "none",
		       __builtin_return_address(0));
		return;
	}
	if (t)
		list_del(&m->held_node);
	m->owner = NULL;
	if (!list_empty(&m->waiters)) {
		struct mutex_waiter *w = list_first_entry(&m->waiters, struct mutex_waiter, node);

		list_del(&w->node);
		next = w->thread;
		take(m, next, NULL);
		next->blocked_on = NULL;
		/* The new owner inherits from the waiters that remain. */
		if (inherited_prio(next) < next->prio)
			sched_set_prio(next, inherited_prio(next));
	}
	if (t && t->prio != inherited_prio(t))
		sched_set_prio(t, inherited_prio(t));
	spin_unlock_irqrestore(&pi_lock, flags);
	if (next)
		wake_up_thread(next, 0);
}
