// SPDX-License-Identifier: GPL-2.0
/*
 * Threads: create, join, detach, exit, self, kill, keys.
 *
 * A thread's stack and its descriptor (struct uthread) share one anonymous
 * mapping: a guard page at the bottom (PROT_NONE: an overflow is SIGSEGV,
 * not silent corruption), the stack, the descriptor at the top.  TPIDRURO,
 * the user thread register, points at the descriptor (CLONE_SETTLS); it is
 * 0 in the main thread, whose descriptor is static.
 *
 * Join: the kernel stores the tid in the descriptor before the thread runs
 * (CLONE_PARENT_SETTID) and zeroes it and wakes a futex waiter when the
 * thread has left user space (CLONE_CHILD_CLEARTID); the joiner sleeps on
 * that word, then frees the mapping.  A detached thread frees its own
 * mapping on the way out (__thread_unmap_exit, thread_start.S).
 *
 * Detach against exit is decided by one atomic state word: whoever moves
 * it first (JOINABLE -> DETACHED, or JOINABLE -> EXITED) decides who frees.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sys.h"
#include "uthread.h"

#define CLONE_FLAGS	(ABI_CLONE_VM | ABI_CLONE_FS | ABI_CLONE_FILES | ABI_CLONE_SIGHAND | \
			 ABI_CLONE_THREAD | ABI_CLONE_SYSVSEM | ABI_CLONE_SETTLS | \
			 ABI_CLONE_PARENT_SETTID | ABI_CLONE_CHILD_CLEARTID)
#define DEFAULT_STACK	(64 * 1024)
#define GUARD		4096

enum { JOINABLE, DETACHED, EXITED };

long __thread_clone(unsigned flags, void *stack, int *ptid, void *tls, int *ctid,
		    void (*fn)(void *), void *arg);
void __thread_unmap_exit(void *base, size_t size) __attribute__((noreturn));

static struct uthread main_thread;
static void (*key_destructors[PTHREAD_KEYS_MAX])(void *);
static unsigned key_used;		/* bit n: key n exists */
static pthread_mutex_t key_lock = PTHREAD_MUTEX_INITIALIZER;
/* __uthread_multi (set here once a second thread is made) lives in malloc_lock.c. */

struct uthread *__uthread_self(void)
{
	struct uthread *self = __uthread_tp();

	if (self)
		return self;
	if (!main_thread.tid)
		main_thread.tid = (int)sys0(__NR_gettid);
	return &main_thread;
}

void __uthread_fork_child(void)
{
	struct uthread *self = __uthread_self();

	self->tid = (int)sys0(__NR_gettid);
}

int pthread_attr_init(pthread_attr_t *attr)
{
	memset(attr, 0, sizeof(*attr));
	attr->is_initialized = 1;
	attr->stacksize = DEFAULT_STACK;
	attr->detachstate = PTHREAD_CREATE_JOINABLE;
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *attr)
{
	attr->is_initialized = 0;
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
	if (size < PTHREAD_STACK_MIN || size > 64 * 1024 * 1024)
		return EINVAL;
	attr->stacksize = (int)size;
	return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *size)
{
	*size = (size_t)attr->stacksize;
	return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *attr, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE && state != PTHREAD_CREATE_DETACHED)
		return EINVAL;
	attr->detachstate = state;
	return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state)
{
	*state = attr->detachstate;
	return 0;
}

/* Thread-specific values: each key's destructor, a few rounds, as POSIX. */
static void run_key_destructors(struct uthread *self)
{
	for (int round = 0; round < 4; round++) {
		int ran = 0;

		for (int k = 0; k < PTHREAD_KEYS_MAX; k++) {
			void *v = self->keys[k];

			if (!v || !(key_used & (1u << k)) || !key_destructors[k])
				continue;
			self->keys[k] = NULL;
			key_destructors[k](v);
			ran = 1;
		}
		if (!ran)
			break;
	}
}

void pthread_exit(void *result)
{
	struct uthread *self = __uthread_self();

	self->result = result;
	run_key_destructors(self);
	if (self == &main_thread)
		for (;;)
			sys1(__NR_exit, 0);	/* the others go on; the last one ends the process */
	if (__atomic_exchange_n(&self->state, EXITED, __ATOMIC_ACQ_REL) == DETACHED) {
		/* Nobody will join: free the mapping, with no exit word into it. */
		sys1(__NR_set_tid_address, 0);
		__thread_unmap_exit(self->map, self->map_size);
	}
	for (;;)
		sys1(__NR_exit, 0);
}

/* The new thread's first C code (from __thread_clone). */
static void thread_main(void *arg)
{
	struct uthread *self = arg;

	pthread_exit(self->start(self->arg));
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
		   void *(*start)(void *), void *arg)
{
	size_t stack = attr && attr->is_initialized ? (size_t)attr->stacksize : DEFAULT_STACK;
	size_t size = (GUARD + stack + sizeof(struct uthread) + 4095) & ~(size_t)4095;
	char *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct uthread *t;
	long tid;

	if (map == MAP_FAILED)
		return EAGAIN;
	if (mprotect(map, GUARD, PROT_NONE)) {
		munmap(map, size);
		return EAGAIN;
	}
	t = (struct uthread *)(map + size - sizeof(*t));
	t->self = t;
	t->start = start;
	t->arg = arg;
	t->map = map;
	t->map_size = size;
	t->state = attr && attr->is_initialized &&
		   attr->detachstate == PTHREAD_CREATE_DETACHED ? DETACHED : JOINABLE;
	__uthread_self();			/* the main thread's tid, before sharing */
	__atomic_store_n(&__uthread_multi, 1, __ATOMIC_SEQ_CST);
	tid = __thread_clone(CLONE_FLAGS, (void *)((uintptr_t)t & ~(uintptr_t)7), &t->tid, t,
			     &t->tid, thread_main, t);
	if (sys_failed(tid)) {
		munmap(map, size);
		return errno_from_abi((int)-tid);
	}
	*thread = (pthread_t)(uintptr_t)t;
	return 0;
}

static struct uthread *of(pthread_t thread)
{
	return (struct uthread *)(uintptr_t)thread;
}

/* Sleep until the kernel has zeroed @t's tid: it has left user space. */
static void wait_exited(struct uthread *t)
{
	int tid;

	while ((tid = __atomic_load_n(&t->tid, __ATOMIC_ACQUIRE)) != 0)
		sys4(__NR_futex, &t->tid, ABI_FUTEX_WAIT, tid, 0);
}

int pthread_join(pthread_t thread, void **result)
{
	struct uthread *t = of(thread);

	if (t == __uthread_self())
		return EDEADLK;
	if (t == &main_thread || __atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == DETACHED)
		return EINVAL;
	wait_exited(t);
	if (result)
		*result = t->result;
	munmap(t->map, t->map_size);
	return 0;
}

int pthread_detach(pthread_t thread)
{
	struct uthread *t = of(thread);
	int state = JOINABLE;

	if (t == &main_thread)
		return EINVAL;
	if (__atomic_compare_exchange_n(&t->state, &state, DETACHED, 0, __ATOMIC_ACQ_REL,
					__ATOMIC_ACQUIRE))
		return 0;		/* it frees itself when it ends */
	if (state == DETACHED)
		return EINVAL;
	/* It is already on its way out and expects a joiner: be that. */
	wait_exited(t);
	munmap(t->map, t->map_size);
	return 0;
}

pthread_t pthread_self(void)
{
	return (pthread_t)(uintptr_t)__uthread_self();
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

pid_t pthread_gettid_np(pthread_t thread)
{
	return of(thread)->tid;
}

int pthread_kill(pthread_t thread, int sig)
{
	int tid = of(thread)->tid;
	int abi = sig ? sig_to_abi(sig) : 0;
	long r;

	if (sig && !abi)
		return EINVAL;
	if (!tid)
		return ESRCH;
	r = sys3(__NR_tgkill, getpid(), tid, abi);
	return sys_failed(r) ? errno_from_abi((int)-r) : 0;
}

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	int ret = EAGAIN;

	pthread_mutex_lock(&key_lock);
	for (int k = 0; k < PTHREAD_KEYS_MAX; k++) {
		if (!(key_used & (1u << k))) {
			key_used |= 1u << k;
			key_destructors[k] = destructor;
			*key = (pthread_key_t)k;
			ret = 0;
			break;
		}
	}
	pthread_mutex_unlock(&key_lock);
	return ret;
}

int pthread_key_delete(pthread_key_t key)
{
	if (key >= PTHREAD_KEYS_MAX || !(key_used & (1u << key)))
		return EINVAL;
	pthread_mutex_lock(&key_lock);
	key_used &= ~(1u << key);
	key_destructors[key] = NULL;
	pthread_mutex_unlock(&key_lock);
	return 0;
}

void *pthread_getspecific(pthread_key_t key)
{
	return key < PTHREAD_KEYS_MAX ? __uthread_self()->keys[key] : NULL;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
	if (key >= PTHREAD_KEYS_MAX || !(key_used & (1u << key)))
		return EINVAL;
	__uthread_self()->keys[key] = (void *)value;
	return 0;
}
