// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel page tables (short-descriptor format, 1 MiB sections).
 *
 * paging_init() extends head.S's early map to all of lowmem from memblock;
 * ioremap() hands out device mappings (Device memory, execute-never) from
 * IOREMAP_START upward, reusing a section already mapped for the same
 * physical megabyte, since most boards pack many devices in one.
 *
 * Locking: map_lock protects the ioremap table and the page table writes.
 */
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <mm/memblock.h>
#include <asm/memory.h>
#include <asm/io.h>
#include <asm/cp15.h>
#include <asm/barrier.h>

#define SECT_NORMAL	0x1140eu	/* WBWA, shareable, kernel RW */
#define SECT_DEVICE	0x00416u	/* shared device, XN, kernel RW */
#define SECT_MASK	(~(SECTION_SIZE - 1))

extern u32 swapper_pg_dir[4096];

static DEFINE_SPINLOCK(map_lock);
static unsigned long ioremap_next = IOREMAP_START;

static void set_section(unsigned long va, u32 desc)
{
	u32 *pte = &swapper_pg_dir[va >> SECTION_SHIFT];

	*pte = desc;
	write_dccmvac((u32)(unsigned long)pte);	/* walks may not snoop the D-cache */
	dsb();
	write_tlbimvais((u32)(va & SECT_MASK));
	dsb();
	isb();
}

static void map_lowmem_range(u64 base, u64 size)
{
	u64 end = min(base + size, memblock_lowmem_end());

	base = ALIGN_UP(base, (u64)SECTION_SIZE);
	for (u64 pa = base; pa + SECTION_SIZE <= end; pa += SECTION_SIZE)
		set_section((unsigned long)__va((phys_addr_t)pa), (u32)pa | SECT_NORMAL);
}

/**
 * paging_init() - map all lowmem RAM that memblock knows
 * RAM below phys_base, or beyond LOWMEM_LIMIT, stays unmapped (and is not
 * given to the allocators: memblock's lowmem limit says so).
 */
void paging_init(void)
{
	u64 lowmem_end = (u64)phys_base + (LOWMEM_LIMIT - PAGE_OFFSET);

	memblock_set_lowmem_limit(lowmem_end);
	for (int i = 0; i < memblock_memory.count; i++) {
		const struct memblock_region *r = &memblock_memory.regions[i];
		u64 base = max(r->base, (u64)phys_base);

		if (base < r->base + r->size)
			map_lowmem_range(base, r->base + r->size - base);
	}
	/* RAM below phys_base: tell the allocators it is not ours. */
	for (int i = 0; i < memblock_memory.count; i++) {
		const struct memblock_region *r = &memblock_memory.regions[i];

		if (r->base < phys_base)
			memblock_reserve(r->base, min(r->base + r->size, (u64)phys_base) - r->base);
	}
}

/* Remove a boot-time identity section (below PAGE_OFFSET). */
void unmap_boot_section(unsigned long va)
{
	if (va < PAGE_OFFSET)
		set_section(va, 0);
}

void *ioremap(phys_addr_t pa, size_t size)
{
	phys_addr_t start = pa & SECT_MASK;
	u64 end = ALIGN_UP((u64)pa + size, (u64)SECTION_SIZE);
	unsigned long flags, va = 0;
	u32 nsect = (u32)((end - start) >> SECTION_SHIFT);

	if (!size)
		return NULL;
	spin_lock_irqsave(&map_lock, flags);
	/* Already mapped?  All sections of the range must be, consecutively. */
	for (unsigned long v = IOREMAP_START; v < ioremap_next; v += SECTION_SIZE) {
		bool all = true;

		for (u32 i = 0; i < nsect && all; i++) {
			u32 d = swapper_pg_dir[(v >> SECTION_SHIFT) + i];

			all = (v + i * SECTION_SIZE < ioremap_next) &&
			      (d & SECT_MASK) == start + i * SECTION_SIZE;
		}
		if (all) {
			va = v;
			break;
		}
	}
	if (!va) {
		if (ioremap_next + nsect * SECTION_SIZE > IOREMAP_END) {
			spin_unlock_irqrestore(&map_lock, flags);
			pr_err("ioremap: out of space for %08x+%zx", pa, size);
			return NULL;
		}
		va = ioremap_next;
		for (u32 i = 0; i < nsect; i++)
			set_section(va + i * SECTION_SIZE,
				    (start + i * SECTION_SIZE) | SECT_DEVICE);
		ioremap_next += nsect * SECTION_SIZE;
	}
	spin_unlock_irqrestore(&map_lock, flags);
	return (void *)(va + (pa - start));
}
