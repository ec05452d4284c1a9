// SPDX-License-Identifier: GPL-2.0
/*
 * include/port/port.h for the target's user space: what the portable LogFS
 * core needs, over newlib, for mkfs.logfs and fsck.logfs.
 *
 * Memory is malloc, able to fail on demand (port_fail_alloc_after(), or the
 * LOGFS_FAIL_ALLOC environment variable through port_setup_from_env()) so
 * that the programs' out-of-memory paths can be tested on the target.
 * Log lines go to stderr.  Mutexes are the C runtime's pthread mutexes
 * (user/lib/mutex.c); the programs have one thread.
 *
 * Layer: below fs/logfs, beside user/lib.
 * Must not know: anything of LogFS.
 */
#include <port/port.h>
#include <stdarg.h>

int port_loglevel = LOGLEVEL_WARNING;

static long fail_after = -1;	/* allocations left before one fails */
static long live_allocs;

void port_fail_alloc_after(long n)
{
	fail_after = n;
}

long port_alloc_count(void)
{
	return live_allocs;
}

void *port_malloc(size_t size)
{
	void *p;

	if (fail_after == 0)
		return NULL;
	if (fail_after > 0)
		fail_after--;
	p = malloc(size ? size : 1);
	if (p)
		live_allocs++;
	return p;
}

void port_free(void *p)
{
	if (!p)
		return;
	live_allocs--;
	free(p);
}

void port_log(int level, const char *fmt, ...)
{
	va_list ap;

	if (level > port_loglevel)
		return;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

/**
 * port_setup_from_env() - apply LOGFS_FAIL_ALLOC=N (tests only)
 *
 * With it set, allocation N + 1 of the LogFS core and every later one
 * fail, as port_fail_alloc_after(N) would make them.
 */
void port_setup_from_env(void)
{
	const char *s = getenv("LOGFS_FAIL_ALLOC");
	char *end;
	long n;

	if (!s || !*s)
		return;
	n = strtol(s, &end, 10);
	if (*end || n < 0) {
		fprintf(stderr, "LOGFS_FAIL_ALLOC=%s: not a count, ignored\n", s);
		return;
	}
	port_fail_alloc_after(n);
}

/**
 * port_strerror() - strerror() that knows the port's own errno values
 * @err: a positive errno value
 *
 * port.h defines EUCLEAN, which newlib lacks, as Linux's 117: newlib calls
 * that number EHOSTDOWN, which nothing in LogFS returns.
 */
const char *port_strerror(int err)
{
	if (err == EUCLEAN)
		return "corrupt filesystem structure";
	return strerror(err);
}

