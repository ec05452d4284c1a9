// SPDX-License-Identifier: GPL-2.0
/*
 * newlib calls __malloc_lock/__malloc_unlock around every malloc and free,
 * and needs the lock recursive (realloc allocates under it).  Its own are
 * empty; these take a recursive mutex once the program has a second
 * thread, and cost one load until then (the program had one thread, so
 * none was inside malloc when the second appeared).
 *
 * Linked into every program (user.mk: -u __malloc_lock), so that newlib's
 * empty ones are never pulled in first.
 */
#include <pthread.h>
#include <reent.h>

#include "uthread.h"

int __uthread_multi;			/* pthread_create() sets it */
static pthread_mutex_t malloc_mutex;
static pthread_once_t malloc_once = PTHREAD_ONCE_INIT;

static void malloc_mutex_init(void)
{
	pthread_mutexattr_t a;

	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&malloc_mutex, &a);
}

void __malloc_lock(struct _reent *r)
{
	(void)r;
	if (!__atomic_load_n(&__uthread_multi, __ATOMIC_ACQUIRE))
		return;
	pthread_once(&malloc_once, malloc_mutex_init);
	pthread_mutex_lock(&malloc_mutex);
}

void __malloc_unlock(struct _reent *r)
{
	(void)r;
	if (__atomic_load_n(&__uthread_multi, __ATOMIC_ACQUIRE))
		pthread_mutex_unlock(&malloc_mutex);
}

void __malloc_fork_prepare(void)
{
	__malloc_lock(NULL);
}

void __malloc_fork_parent(void)
{
	__malloc_unlock(NULL);
}

/* The child's thread is not the owner the lock word names: a new lock. */
void __malloc_fork_child(void)
{
	if (__atomic_load_n(&__uthread_multi, __ATOMIC_ACQUIRE))
		malloc_mutex_init();
}
