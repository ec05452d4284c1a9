// SPDX-License-Identifier: GPL-2.0
/*
 * Mutexes, condition variables and once, on futexes.
 *
 * A mutex is one 32-bit word (newlib's pthread_mutex_t):
 *
 *	bit 31		recursive type
 *	bit 30		error-checking type
 *	bits 29..15	owner's tid (typed mutexes only)
 *	bits 14..2	lock count (recursive)
 *	bits 1..0	0 free, 1 locked, 2 locked and someone may sleep on it
 *
 * A normal mutex is the classic three-state futex lock: 0/1/2, and the
 * uncontended lock and unlock are one atomic instruction each, no system
 * call.  Unlock wakes a sleeper only when the state said there might be
 * one.  A sleeper waits for the exact word it saw, so any change to the
 * word (an unlock, a count change) makes its wait return and it looks
 * again.
 *
 * Condition variables are a sequence word: a waiter notes it, releases
 * the mutex and sleeps only while the word is unchanged; signal and
 * broadcast bump it and wake one or all.  Wake-ups may be spurious, as
 * POSIX allows; callers loop on their predicate.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include "sys.h"
#include "uthread.h"

#define M_RECURSIVE	0x80000000u
#define M_ERRORCHECK	0x40000000u
#define M_TYPE		(M_RECURSIVE | M_ERRORCHECK)
#define M_OWNER_SHIFT	15
#define M_OWNER		(0x7fffu << M_OWNER_SHIFT)
#define M_COUNT_ONE	4u
#define M_COUNT		(0x1fffu * M_COUNT_ONE)
#define M_STATE		3u

typedef uint32_t word_t;

static long futex_wait(word_t *w, word_t val, const struct abi_timespec *rel)
{
	return sys4(__NR_futex, w, ABI_FUTEX_WAIT | ABI_FUTEX_PRIVATE_FLAG, val, rel);
}

static void futex_wake(word_t *w, int n)
{
	sys3(__NR_futex, w, ABI_FUTEX_WAKE | ABI_FUTEX_PRIVATE_FLAG, n);
}

static int cas(word_t *w, word_t *expected, word_t want)
{
	return __atomic_compare_exchange_n(w, expected, want, 0, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static word_t owner_bits(void)
{
	return ((word_t)__uthread_self()->tid << M_OWNER_SHIFT) & M_OWNER;
}

/* Take a free or busy mutex, sleeping while it is busy. */
static void lock_slow(word_t *w, word_t locked, word_t c)
{
	for (;;) {
		if ((c & M_STATE) == 0) {
			/* Free: take it, as contended since others may be asleep. */
			if (cas(w, &c, (locked & ~M_STATE) | 2))
				return;
			continue;
		}
		if ((c & M_STATE) == 1) {
			word_t marked = (c & ~M_STATE) | 2;

			if (!cas(w, &c, marked))
				continue;
			c = marked;
		}
		futex_wait(w, c, NULL);
		c = __atomic_load_n(w, __ATOMIC_RELAXED);
	}
}

/* A recursive or error-checking mutex the caller may already hold. */
static int owner_relock(word_t *w, word_t c, word_t me, int try)
{
	if ((c & M_STATE) == 0 || (c & M_OWNER) != me)
		return -1;				/* not ours: lock it normally */
	if (c & M_ERRORCHECK)
		return try ? EBUSY : EDEADLK;
	for (;;) {
		if ((c & M_COUNT) == M_COUNT)
			return EAGAIN;			/* POSIX: too many recursive locks */
		if (cas(w, &c, c + M_COUNT_ONE))
			return 0;
	}
}

static int mutex_lock(word_t *w, int try)
{
	word_t c = __atomic_load_n(w, __ATOMIC_RELAXED);
	word_t type = c & M_TYPE, me = 0, locked;

	if (type) {
		int r;

		me = owner_bits();
		r = owner_relock(w, c, me, try);
		if (r >= 0)
			return r;
	}
	locked = type | me | (type & M_RECURSIVE ? M_COUNT_ONE : 0) | 1;
	c = type;
	if (cas(w, &c, locked))
		return 0;
	if (try)
		return EBUSY;
	lock_slow(w, locked, c);
	return 0;
}

static int mutex_unlock(word_t *w)
{
	word_t c = __atomic_load_n(w, __ATOMIC_RELAXED), old;

	if (c & M_TYPE) {
		if ((c & M_STATE) == 0 || (c & M_OWNER) != owner_bits())
			return EPERM;
		while ((c & M_RECURSIVE) && (c & M_COUNT) > M_COUNT_ONE)
			if (__atomic_compare_exchange_n(w, &c, c - M_COUNT_ONE, 0,
							__ATOMIC_RELEASE, __ATOMIC_RELAXED))
				return 0;
	}
	old = __atomic_exchange_n(w, c & M_TYPE, __ATOMIC_RELEASE);
	if ((old & M_STATE) == 2)
		futex_wake(w, 1);
	return 0;
}

int pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
	attr->is_initialized = 1;
	attr->recursive = PTHREAD_MUTEX_DEFAULT;	/* newlib's field for the type */
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
	attr->is_initialized = 0;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
	if (type != PTHREAD_MUTEX_NORMAL && type != PTHREAD_MUTEX_RECURSIVE &&
	    type != PTHREAD_MUTEX_ERRORCHECK && type != PTHREAD_MUTEX_DEFAULT)
		return EINVAL;
	attr->recursive = type;
	return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type)
{
	*type = attr->recursive;
	return 0;
}

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{
	int type = attr && attr->is_initialized ? attr->recursive : PTHREAD_MUTEX_DEFAULT;

	*m = type == PTHREAD_MUTEX_RECURSIVE ? M_RECURSIVE :
	     type == PTHREAD_MUTEX_ERRORCHECK ? M_ERRORCHECK : 0;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return (*m & M_STATE) ? EBUSY : 0;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	return mutex_lock((word_t *)m, 0);
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	return mutex_lock((word_t *)m, 1);
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	return mutex_unlock((word_t *)m);
}

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{
	(void)attr;
	*c = 0;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	(void)c;
	return 0;
}

/* @abstime (CLOCK_REALTIME) -> a relative time; 0 when already past. */
static int until(const struct timespec *abstime, struct abi_timespec *rel)
{
	struct timespec now;
	long long ns;

	clock_gettime(CLOCK_REALTIME, &now);
	ns = (long long)(abstime->tv_sec - now.tv_sec) * 1000000000LL +
	     (abstime->tv_nsec - now.tv_nsec);
	if (ns <= 0)
		return 0;
	rel->tv_sec = (long)(ns / 1000000000LL);
	rel->tv_nsec = (long)(ns % 1000000000LL);
	return 1;
}

int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
			   const struct timespec *abstime)
{
	word_t seq = __atomic_load_n((word_t *)c, __ATOMIC_ACQUIRE);
	struct abi_timespec rel;
	long r = 0;
	int err;

	if (abstime && (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L))
		return EINVAL;
	err = pthread_mutex_unlock(m);
	if (err)
		return err;
	if (!abstime)
		r = futex_wait((word_t *)c, seq, NULL);
	else if (until(abstime, &rel))
		r = futex_wait((word_t *)c, seq, &rel);
	else
		r = -110;			/* -ETIMEDOUT: the time has passed */
	pthread_mutex_lock(m);
	return r == -110 ? ETIMEDOUT : 0;
}

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	return pthread_cond_timedwait(c, m, NULL);
}

int pthread_cond_signal(pthread_cond_t *c)
{
	__atomic_add_fetch((word_t *)c, 1, __ATOMIC_RELEASE);
	futex_wake((word_t *)c, 1);
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	__atomic_add_fetch((word_t *)c, 1, __ATOMIC_RELEASE);
	futex_wake((word_t *)c, INT_MAX);
	return 0;
}

/* init_executed: 0 not run, 1 running (others sleep on it), 2 done. */
int pthread_once(pthread_once_t *once, void (*fn)(void))
{
	int *st = &once->init_executed;
	int s = __atomic_load_n(st, __ATOMIC_ACQUIRE);

	if (s == 2)
		return 0;
	s = 0;
	if (__atomic_compare_exchange_n(st, &s, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)) {
		fn();
		__atomic_store_n(st, 2, __ATOMIC_RELEASE);
		futex_wake((word_t *)st, INT_MAX);
		return 0;
	}
	while ((s = __atomic_load_n(st, __ATOMIC_ACQUIRE)) != 2)
		futex_wait((word_t *)st, (word_t)s, NULL);
	return 0;
}
