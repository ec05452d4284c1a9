// SPDX-License-Identifier: GPL-2.0
/*
 * Host side of include/port/port.h: allocation with failure injection and
 * logging, for host tests and tools.  Never built into the kernel.
 */
#include <port/port.h>
#include <stdarg.h>

int port_loglevel = LOGLEVEL_WARNING;

static long fail_after = -1;	/* allocations left before one fails */
static long live_allocs;
static pthread_mutex_t alloc_lock = PTHREAD_MUTEX_INITIALIZER;

void port_fail_alloc_after(long n)
{
	pthread_mutex_lock(&alloc_lock);
	fail_after = n;
	pthread_mutex_unlock(&alloc_lock);
}

long port_alloc_count(void)
{
	return live_allocs;
}

void *port_malloc(size_t size)
{
	void *p = NULL;
	bool fail = false;

	pthread_mutex_lock(&alloc_lock);
	if (fail_after == 0)
		fail = true;
	else if (fail_after > 0)
		fail_after--;
	if (!fail) {
		p = malloc(size ? size : 1);
		if (p)
			live_allocs++;
	}
	pthread_mutex_unlock(&alloc_lock);
	return p;
}

void port_free(void *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&alloc_lock);
	live_allocs--;
	pthread_mutex_unlock(&alloc_lock);
	free(p);
}

void port_log(int level, const char *fmt, ...)
{
	va_list ap;

	if (level > port_loglevel)
		return;
	va_start(ap, fmt);
	fprintf(stderr, "<%d>", level);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}
