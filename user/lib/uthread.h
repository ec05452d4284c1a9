/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to user/lib: a thread's descriptor (pthread.c) and the futex
 * lock word the mutexes and newlib's malloc lock are built on (mutex.c).
 */
#ifndef USER_LIB_UTHREAD_H
#define USER_LIB_UTHREAD_H

#include <pthread.h>
#include <stddef.h>

struct uthread {
	struct uthread *self;
	int tid;		/* set by the kernel at clone, 0 once it has exited */
	int state;		/* JOINABLE, DETACHED, EXITED (pthread.c) */
	void *(*start)(void *);
	void *arg;
	void *result;
	void *map;		/* guard page + stack + this; NULL for the main thread */
	size_t map_size;
	int errno_value;
	void *keys[PTHREAD_KEYS_MAX];
};

/* TPIDRURO: the calling thread's descriptor, NULL in the main thread. */
static inline struct uthread *__uthread_tp(void)
{
	struct uthread *t;

	__asm__("mrc p15, 0, %0, c13, c0, 3" : "=r"(t));
	return t;
}

/* The calling thread's descriptor (the main thread's static one too). */
struct uthread *__uthread_self(void);

/* Non-zero once the process has had a second thread. */
extern int __uthread_multi;

/* fork(): hold the malloc lock across it; the child starts afresh. */
void __malloc_fork_prepare(void);
void __malloc_fork_parent(void);
void __malloc_fork_child(void);
/* In the child of fork(): its one thread's new tid (weak: pthread.c). */
void __uthread_fork_child(void) __attribute__((weak));

#endif /* USER_LIB_UTHREAD_H */
