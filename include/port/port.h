/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The portable core's whole view of its operating system.
 *
 * The storage stack (mtd, ftl, logfs, ext2, cloop, loop, crypto, lz4 and
 * libfdt glue) builds into the kernel and on the host.  Such code includes
 * only this header plus the pure headers (kernel/types.h, compiler.h, err.h,
 * list.h, lib/crc32.h ...).  Here it gets:
 *
 *   errno values      ENOMEM, EIO, EUCLEAN ...  (returned negated)
 *   allocation        kmalloc, kzalloc, kcalloc, kfree   (may return NULL)
 *   sleeping locks    struct mutex, DEFINE_MUTEX, mutex_init/lock/unlock/destroy
 *   logging           pr_err, pr_warn, pr_notice, pr_info, pr_debug,
 *                     port_set_loglevel() (quiet a noisy test)
 *   time              ktime_get_ns()
 *   strings/memory    memcpy, memset, memcmp, strlen, snprintf ...
 *
 * In the kernel these are the kernel's own; on the host they map to libc
 * and pthreads, and the host allocator can be told to fail (see
 * port_fail_alloc_after()) so that every allocation failure path is tested
 * (in the kernel port_alloc_faults() says no, and such tests skip).
 */
#ifndef PORT_PORT_H
#define PORT_PORT_H

#include <kernel/types.h>
#include <kernel/compiler.h>
#include <kernel/err.h>

#ifdef __KERNEL__

#include <kernel/errno.h>
#include <kernel/string.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/mutex.h>
#include <kernel/time.h>

/* The kernel allocator has no fault injection: tests that need it skip. */
static inline bool port_alloc_faults(void)
{
	return false;
}

static inline void port_fail_alloc_after(long n)
{
}

static inline long port_alloc_count(void)
{
	return 0;
}

/*
 * Messages above @level stay off the console (they are still logged):
 * for tests that provoke thousands of expected I/O errors.  Returns the
 * previous level, to restore.
 */
static inline int port_set_loglevel(int level)
{
	int old = console_loglevel;

	console_loglevel = level;
	return old;
}

#else /* host */

#include <errno.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <time.h>

#ifndef EUCLEAN
#define EUCLEAN 117
#endif
#ifndef EPROBE_DEFER
#define EPROBE_DEFER 517
#endif

/* Allocation: malloc, but able to fail on demand for failure-path tests. */
void *port_malloc(size_t size);
/* n >= 0: after n more successful allocations every call fails; -1: never */
void port_fail_alloc_after(long n);
long port_alloc_count(void);		/* live allocations (leak checks) */
void port_free(void *p);

/* Can tests make allocations fail (port_fail_alloc_after)?  Host: yes. */
static inline bool port_alloc_faults(void)
{
	return true;
}

static inline void *kmalloc(size_t size, unsigned int flags)
{
	(void)flags;
	return port_malloc(size);
}

static inline void *kzalloc(size_t size, unsigned int flags)
{
	void *p = kmalloc(size, flags);

	if (p)
		memset(p, 0, size);
	return p;
}

static inline void *kcalloc(size_t n, size_t size, unsigned int flags)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return kzalloc(n * size, flags);
}

static inline void kfree(const void *p)
{
	port_free((void *)p);
}

#define GFP_KERNEL 0u

struct mutex {
	pthread_mutex_t m;
};

#define DEFINE_MUTEX(name) struct mutex name = { PTHREAD_MUTEX_INITIALIZER }

static inline void mutex_init(struct mutex *lock)
{
	pthread_mutex_init(&lock->m, NULL);
}

static inline void mutex_destroy(struct mutex *lock)
{
	pthread_mutex_destroy(&lock->m);
}

static inline void mutex_lock(struct mutex *lock)
{
	pthread_mutex_lock(&lock->m);
}

static inline void mutex_unlock(struct mutex *lock)
{
	pthread_mutex_unlock(&lock->m);
}

/* Log level: messages at or below it are printed (default: warnings). */
extern int port_loglevel;
void port_log(int level, const char *fmt, ...) __printf(2, 3);

/* Messages above @level are dropped; returns the previous level. */
static inline int port_set_loglevel(int level)
{
	int old = port_loglevel;

	port_loglevel = level;
	return old;
}

#define LOGLEVEL_CRIT	2
#define LOGLEVEL_ERR	3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_NOTICE	5
#define LOGLEVEL_INFO	6
#define LOGLEVEL_DEBUG	7

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#define pr_err(fmt, ...)    port_log(LOGLEVEL_ERR, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)   port_log(LOGLEVEL_WARNING, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) port_log(LOGLEVEL_NOTICE, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)   port_log(LOGLEVEL_INFO, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)  port_log(LOGLEVEL_DEBUG, pr_fmt(fmt), ##__VA_ARGS__)

static inline u64 ktime_get_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 1000000000ull + (u64)ts.tv_nsec;
}

#endif /* __KERNEL__ */

#endif /* PORT_PORT_H */
