// SPDX-License-Identifier: GPL-2.0
/*
 * newlib calls __malloc_lock/__malloc_unlock around every malloc and free,
 * and needs the lock recursive (realloc allocates under it).  Its own are
 * empty; these take a recursive futex lock once the program has a second
 * thread, and cost one load until then (the program had one thread, so
 * none was inside malloc when the second appeared).
 *
 * Linked into every program (user.mk: -u __malloc_lock), so newlib's empty
 * ones are never pulled in first.  Self-contained on purpose: a program
 * without threads does not carry the pthread code (user/lib/pthread.c).
 * The owner is the thread's descriptor address (TPIDRURO, or 1 in the
 * main thread), which needs no system call to learn.
 */
#include <reent.h>
#include <stdint.h>

#include "sys.h"
#include "uthread.h"

int __uthread_multi;			/* pthread_create() sets it */

static struct {
	uint32_t word;			/* 0 free, 1 held, 2 held and maybe waited for */
	uintptr_t owner;
	unsigned int depth;
} lock;

static uintptr_t me(void)
{
	uintptr_t tp = (uintptr_t)__uthread_tp();

	return tp ? tp : 1;
}

static void lock_word(uint32_t *w)
{
	uint32_t c = 0;

	if (__atomic_compare_exchange_n(w, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	if (c != 2)
		c = __atomic_exchange_n(w, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		sys4(__NR_futex, w, ABI_FUTEX_WAIT | ABI_FUTEX_PRIVATE_FLAG, 2, 0);
		c = __atomic_exchange_n(w, 2, __ATOMIC_ACQUIRE);
	}
}

static void unlock_word(uint32_t *w)
{
	if (__atomic_exchange_n(w, 0, __ATOMIC_RELEASE) == 2)
		sys3(__NR_futex, w, ABI_FUTEX_WAKE | ABI_FUTEX_PRIVATE_FLAG, 1);
}

void __malloc_lock(struct _reent *r)
{
	uintptr_t self;

	(void)r;
	if (!__atomic_load_n(&__uthread_multi, __ATOMIC_ACQUIRE))
		return;
	self = me();
	if (__atomic_load_n(&lock.owner, __ATOMIC_RELAXED) == self) {
		lock.depth++;		/* only this thread writes it while it owns */
		return;
	}
	lock_word(&lock.word);
	__atomic_store_n(&lock.owner, self, __ATOMIC_RELAXED);
	lock.depth = 1;
}

void __malloc_unlock(struct _reent *r)
{
	(void)r;
	if (!__atomic_load_n(&__uthread_multi, __ATOMIC_ACQUIRE))
		return;
	if (--lock.depth)
		return;
	__atomic_store_n(&lock.owner, 0, __ATOMIC_RELAXED);
	unlock_word(&lock.word);
}

/* fork(): held across it, so the child's heap is not mid-update. */
void __malloc_fork_prepare(void)
{
	__malloc_lock(NULL);
}

void __malloc_fork_parent(void)
{
	__malloc_unlock(NULL);
}

/* The child's one thread is the forking one: it owns the lock; let go. */
void __malloc_fork_child(void)
{
	__malloc_unlock(NULL);
}
