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

struct thread;

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
void mutex_lock(struct mutex *lock);
/* Return: true when taken. */
bool mutex_trylock(struct mutex *lock);
/* Return: 0, or -ETIMEDOUT after @timeout_ns without getting it. */
int mutex_lock_timeout(struct mutex *lock, u64 timeout_ns);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(const struct mutex *lock);

#endif /* KERNEL_MUTEX_H */
