// SPDX-License-Identifier: GPL-2.0
/*
 * LZ4 block compression and decompression for the kernel: lz4.c from the
 * pinned source in build/deps (not committed), built in heap mode so that
 * no 16 KiB hash table ever lands on an 8 KiB kernel stack.  Callers that
 * compress often pass their own state (LZ4_compress_fast_extState) and
 * allocate nothing here; the others get it from kmalloc, and a failed
 * allocation reads as "incompressible" (return 0), never a crash.
 */
#include <kernel/slab.h>

#define LZ4_HEAPMODE 1
#define LZ4_USER_MEMORY_FUNCTIONS 1
#include <lz4.c>

void *LZ4_malloc(size_t s)
{
	return kmalloc(s, GFP_KERNEL);
}

void *LZ4_calloc(size_t n, size_t s)
{
	return kcalloc(n, s, GFP_KERNEL);
}

void LZ4_free(void *p)
{
	kfree(p);
}
