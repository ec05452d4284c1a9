/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock: the boot-time view of physical memory, from the DT's /memory
 * (what exists) and /reserved-memory, the FDT reserve map, the kernel image
 * and the DTB (what is taken).  Early allocations come from here; later the
 * rest is handed to the page allocator.
 */
#ifndef MM_MEMBLOCK_H
#define MM_MEMBLOCK_H

#include <kernel/types.h>

#define MEMBLOCK_MAX_REGIONS 32

struct memblock_region {
	u64 base;
	u64 size;
};

struct memblock_type {
	int count;
	struct memblock_region regions[MEMBLOCK_MAX_REGIONS];
};

extern struct memblock_type memblock_memory, memblock_reserved;

int memblock_add(u64 base, u64 size);
int memblock_reserve(u64 base, u64 size);

/**
 * memblock_alloc() - allocate physical memory at boot, inside lowmem
 * Return: the physical address, or 0 when nothing fits.
 */
phys_addr_t memblock_alloc(u32 size, u32 align);

u64 memblock_total(void);		/* bytes of RAM */
u64 memblock_reserved_total(void);	/* bytes reserved */
u64 memblock_lowmem_end(void);		/* end of the linear map (physical) */
void memblock_set_lowmem_limit(u64 pa_end);

/* Calls @fn for every free (not reserved) range of lowmem. */
void memblock_for_each_free(void (*fn)(u64 base, u64 size, void *arg), void *arg);

#endif /* MM_MEMBLOCK_H */
