/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Counting semaphores; up() from any context, down() sleeps.  up() with a
 * waiter hands the count straight to the first one (FIFO), so the woken
 * thread returns from down() without taking the lock again.
 */
#ifndef KERNEL_SEMAPHORE_H
#define KERNEL_SEMAPHORE_H

#include <kernel/wait.h>

struct semaphore {
	spinlock_t lock;		/* protects count and waiters */
	unsigned int count;
	struct list_head waiters;	/* struct sem_waiter (sync.c), FIFO */
};

void sema_init(struct semaphore *s, unsigned int count);
void down(struct semaphore *s);
/* Return: 0, or -ETIMEDOUT after @timeout_ns (0: forever). */
int down_timeout(struct semaphore *s, u64 timeout_ns);
/* Return: true when the count was taken without sleeping. */
bool down_trylock(struct semaphore *s);
void up(struct semaphore *s);

#endif
