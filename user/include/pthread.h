/* SPDX-License-Identifier: GPL-2.0 */
/*
 * POSIX threads, the subset this system provides (user/lib/pthread.c):
 * threads (create, join, detach, exit, self), mutexes (normal and
 * recursive), condition variables, once, and thread-specific keys.  Each
 * thread is a kernel thread of the process (clone with CLONE_THREAD);
 * blocking uses futexes.
 *
 * Replaces newlib's <pthread.h>, which declares nothing for this target;
 * the types are newlib's own (<sys/_pthreadtypes.h>, one 32-bit word for
 * a mutex or condition variable).
 *
 * What newlib shares between threads: malloc/free are locked here and
 * errno is per thread, but stdio FILE streams are not locked (newlib for
 * arm-none-eabi is built single-threaded): use a stream from one thread
 * at a time, or write(2).
 */
#ifndef USER_PTHREAD_H
#define USER_PTHREAD_H

#include <sys/types.h>
#include <sched.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef PTHREAD_CREATE_DETACHED		/* newlib's <sys/_pthreadtypes.h> has them */
#define PTHREAD_CREATE_DETACHED		0
#define PTHREAD_CREATE_JOINABLE		1
#endif

#define PTHREAD_MUTEX_INITIALIZER	((pthread_mutex_t)0)
#define PTHREAD_COND_INITIALIZER	((pthread_cond_t)0)
#define PTHREAD_ONCE_INIT		{ 1, 0 }

#ifndef PTHREAD_MUTEX_NORMAL
#define PTHREAD_MUTEX_NORMAL		0
#define PTHREAD_MUTEX_RECURSIVE		1
#define PTHREAD_MUTEX_ERRORCHECK	2
#define PTHREAD_MUTEX_DEFAULT		3
#endif

/* Declared in <sched.h> on Linux; newlib's leaves it out for this target. */
int sched_yield(void);

#define PTHREAD_KEYS_MAX		32
#undef PTHREAD_STACK_MIN
#define PTHREAD_STACK_MIN		16384

int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_destroy(pthread_attr_t *attr);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size);
int pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *size);
int pthread_attr_setdetachstate(pthread_attr_t *attr, int state);
int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state);

int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
		   void *(*start)(void *), void *arg);
int pthread_join(pthread_t thread, void **result);
int pthread_detach(pthread_t thread);
void pthread_exit(void *result) __attribute__((noreturn));
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);
/* The kernel's thread id of @thread (gettid() of that thread). */
pid_t pthread_gettid_np(pthread_t thread);
int pthread_kill(pthread_t thread, int sig);

int pthread_mutexattr_init(pthread_mutexattr_t *attr);
int pthread_mutexattr_destroy(pthread_mutexattr_t *attr);
int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type);
int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
/* @abstime on CLOCK_REALTIME, as POSIX says. */
int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
			   const struct timespec *abstime);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);

int pthread_once(pthread_once_t *once, void (*fn)(void));

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *));
int pthread_key_delete(pthread_key_t key);
void *pthread_getspecific(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);

#ifdef __cplusplus
}
#endif

#endif /* USER_PTHREAD_H */
