/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sleeping mutual exclusion with priority inheritance: while a more urgent
 * thread waits, the owner runs at the waiter's priority (transitively
 * along a chain of owners), so a medium-priority thread cannot starve the
 * owner and, through it, the waiter.  Ownership passes straight to the
 * most urgent waiter on unlock.  Only the owner may unlock; never from
 * interrupt context.
 */
#ifndef KERNEL_MUTEX_H
#define KERNEL_MUTEX_H

#include <kernel/types.h>
#include <kernel/list.h>
#include <kernel/compiler.h>
#include <kernel/sched.h>
#include <asm/irqflags.h>

struct mutex {
	unsigned long owner;		/* struct thread *, bit 0: has waiters */
	struct list_head waiters;	/* struct mutex_waiter, most urgent first */
	struct list_head held_node;	/* on the owner's held_mutexes, if waiters */
	const void *owner_ip;		/* where the owner took it */
};

#define MUTEX_INIT(name) { 0, LIST_HEAD_INIT((name).waiters), \
			   LIST_HEAD_INIT((name).held_node), NULL }
#define DEFINE_MUTEX(name) struct mutex name = MUTEX_INIT(name)

void mutex_init(struct mutex *lock);
void mutex_destroy(struct mutex *lock);
/* Return: true when taken. */
bool mutex_trylock(struct mutex *lock);
/* Return: 0, or -ETIMEDOUT after @timeout_ns without getting it. */
int mutex_lock_timeout(struct mutex *lock, u64 timeout_ns);
bool mutex_is_locked(const struct mutex *lock);

/* Everything but the fast paths below (kernel/sched/mutex.c). */
void __mutex_lock(struct mutex *lock, const void *ip);
void __mutex_unlock(struct mutex *lock, const void *ip);

/* The address of the inlined lock or unlock, for the reports. */
#define __mutex_here() ({ __label__ __here; __here: (const void *)&&__here; })

/*
 * The fast paths, inline: a thread that may sleep takes a free mutex, or
 * releases one nobody waits for, with one compare-and-swap of the owner
 * word.  Anything else (contention, before the scheduler runs, a caller
 * that may not sleep: reported) goes out of line.
 */
static __always_inline void mutex_lock(struct mutex *lock)
{
	struct thread *t = current_thread();
	unsigned long free = 0;

	if (likely(sched_running() && !t->preempt_count && !irqs_disabled()) &&
	    likely(__atomic_compare_exchange_n(&lock->owner, &free, (unsigned long)t, false,
					       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))) {
		lock->owner_ip = __mutex_here();
		t->mutexes_held++;
		return;
	}
	__mutex_lock(lock, __mutex_here());
}

static __always_inline void mutex_unlock(struct mutex *lock)
{
	struct thread *t = current_thread();
	unsigned long owner = (unsigned long)t;

	/* The word is exactly the caller: it holds the mutex, nobody waits. */
	if (likely(sched_running()) &&
	    likely(__atomic_compare_exchange_n(&lock->owner, &owner, 0ul, false,
					       __ATOMIC_RELEASE, __ATOMIC_RELAXED))) {
		t->mutexes_held--;
		return;
	}
	__mutex_unlock(lock, __mutex_here());
}

#endif /* KERNEL_MUTEX_H */
