// SPDX-License-Identifier: GPL-2.0
/* /proc/meminfo for the tests that look for leaks (sysfuzz, t-thread). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "meminfo_util.h"

static long meminfo_field(const char *text, const char *name)
{
	const char *p = strstr(text, name);

	return p ? atol(p + strlen(name)) : -1;
}

int mem_snapshot(struct mem_snapshot *m)
{
	char buf[1024];
	int fd = open("/proc/meminfo", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	m->objects = meminfo_field(buf, "HeapObjects:");
	m->free_kb = meminfo_field(buf, "MemFree:");
	m->slab_kb = meminfo_field(buf, "Slab:");
	return m->objects < 0 || m->free_kb < 0 || m->slab_kb < 0 ? -1 : 0;
}
