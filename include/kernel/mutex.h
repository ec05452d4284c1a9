/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sleeping locks.  Until the scheduler exists there is exactly one thread
 * of execution, so a mutex cannot be contended: taking one that is already
 * held is a self-deadlock, and that broken invariant panics with the
 * holder's name.  The scheduler replaces this with a sleeping mutex with
 * priority inheritance; the API stays.  Never from interrupt context.
 */
#ifndef KERNEL_MUTEX_H
#define KERNEL_MUTEX_H

#include <kernel/compiler.h>

struct mutex {
	int locked;
	const void *owner_ip;	/* where it was taken, for the report */
};

#define MUTEX_INIT { 0, NULL }
#define DEFINE_MUTEX(x) struct mutex x = MUTEX_INIT

static inline void mutex_init(struct mutex *lock)
{
	lock->locked = 0;
	lock->owner_ip = NULL;
}

static inline void mutex_destroy(struct mutex *lock)
{
	(void)lock;
}

void mutex_lock_slowpath(struct mutex *lock, const void *ip);

static inline void mutex_lock(struct mutex *lock)
{
	mutex_lock_slowpath(lock, __builtin_return_address(0));
}

static inline void mutex_unlock(struct mutex *lock)
{
	lock->locked = 0;
	lock->owner_ip = NULL;
}

#endif /* KERNEL_MUTEX_H */
