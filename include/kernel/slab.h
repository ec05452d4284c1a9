/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel memory allocation.  Every call can fail and returns NULL then;
 * callers handle it.  kfree(NULL) is a no-op.
 */
#ifndef KERNEL_SLAB_H
#define KERNEL_SLAB_H

#include <kernel/types.h>

#define GFP_KERNEL	0u
#define GFP_ATOMIC	1u

void *kmalloc(size_t size, unsigned int flags);
void *kzalloc(size_t size, unsigned int flags);
void *kcalloc(size_t n, size_t size, unsigned int flags);
void kfree(const void *p);

struct heap_stats {
	size_t total;		/* bytes managed */
	size_t used;		/* bytes handed out, headers included */
	size_t allocs;		/* live allocations */
	size_t slab;		/* bytes in slabs: objects, free slots, parked */
	size_t failures;	/* requests that could not be met */
};

void heap_get_stats(struct heap_stats *st);

#endif /* KERNEL_SLAB_H */
