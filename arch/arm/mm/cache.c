// SPDX-License-Identifier: GPL-2.0
/*
 * D-cache maintenance by virtual address for DMA (ARMv7-A ARM B4.2.1:
 * DCCMVAC clean, DCIMVAC invalidate, DCCIMVAC clean+invalidate, all to the
 * point of coherency).  The line size comes from CTR.DminLine.
 *
 * Layer: arch.  Locking: none (per-range operations).  Knows no device.
 */
#include <asm/cacheflush.h>
#include <asm/barrier.h>

static u32 dcache_line(void)
{
	u32 ctr;

	__asm__ __volatile__("mrc p15, 0, %0, c0, c0, 1" : "=r"(ctr));
	return 4u << ((ctr >> 16) & 0xf);
}

void dma_clean_range(const void *start, size_t len)
{
	u32 line = dcache_line();
	unsigned long p = (unsigned long)start & ~(line - 1);
	unsigned long end = (unsigned long)start + len;

	for (; p < end; p += line)
		__asm__ __volatile__("mcr p15, 0, %0, c7, c10, 1" :: "r"(p) : "memory");
	dsb();
}

void dma_inval_range(const void *start, size_t len)
{
	u32 line = dcache_line();
	unsigned long s = (unsigned long)start, end = s + len;
	unsigned long p = s & ~(line - 1);

	for (; p < end; p += line) {
		if (p < s || p + line > end)	/* shared edge line: keep its other bytes */
			__asm__ __volatile__("mcr p15, 0, %0, c7, c14, 1" :: "r"(p) : "memory");
		else
			__asm__ __volatile__("mcr p15, 0, %0, c7, c6, 1" :: "r"(p) : "memory");
	}
	dsb();
}
