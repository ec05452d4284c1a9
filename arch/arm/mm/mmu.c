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
#include <kernel/errno.h>
#include <mm/page_alloc.h>

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

/*
 * 4 KiB pages (ARMv7-A ARM B3.5.1, small page descriptors) for the areas
 * that need them.  Second-level tables (1 KiB, 256 entries) come four to
 * a page from the page allocator and are never freed.
 */
#define L1_TABLE	0x1u		/* page table descriptor, domain 0 */
#define PTE_SMALL	0x2u
#define PTE_XN		0x1u
#define PTE_NORMAL	(0x40u | 0x8u | 0x4u | 0x400u)	/* TEX=001 C B, shareable */
#define PTE_AP_KRW	0x10u
#define PTE_AP_KRO	(0x10u | 0x200u)

static u32 *l2_spare;		/* unused second-level tables left in a page */
static int l2_spare_count;

static u32 *l2_table_for(unsigned long va, bool create)
{
	u32 *l1 = &swapper_pg_dir[va >> SECTION_SHIFT];
	u32 *l2;

	if ((*l1 & 3) == L1_TABLE)
		return __va(*l1 & ~0x3ffu);
	if (!create || *l1)
		return NULL;
	if (!l2_spare_count) {
		l2_spare = get_free_pages(0, 0);
		if (!l2_spare)
			return NULL;
		memset(l2_spare, 0, PAGE_SIZE);
		write_dccmvac_range(l2_spare, PAGE_SIZE);
		l2_spare_count = 4;
	}
	l2 = l2_spare;
	l2_spare += 256;
	l2_spare_count--;
	*l1 = (u32)__pa(l2) | L1_TABLE;
	write_dccmvac((u32)(unsigned long)l1);
	dsb();
	return l2;
}

static void set_pte(unsigned long va, u32 pte)
{
	u32 *l2 = l2_table_for(va, false);
	u32 *p = &l2[(va >> PAGE_SHIFT) & 0xff];

	*p = pte;
	write_dccmvac((u32)(unsigned long)p);
	dsb();
	write_tlbimvais((u32)(va & ~(PAGE_SIZE - 1)));
	dsb();
	isb();
}

/**
 * map_kernel_page() - map one 4 KiB page of normal memory
 * @exec: executable; otherwise execute-never.  @ro: read-only.
 * Return: 0, or -ENOMEM when no second-level table could be allocated.
 */
int map_kernel_page(unsigned long va, phys_addr_t pa, bool ro, bool exec)
{
	unsigned long flags;
	int err = 0;

	spin_lock_irqsave(&map_lock, flags);
	if (!l2_table_for(va, true))
		err = -ENOMEM;
	else
		set_pte(va, (pa & ~(PAGE_SIZE - 1)) | PTE_SMALL | PTE_NORMAL |
			    (ro ? PTE_AP_KRO : PTE_AP_KRW) | (exec ? 0 : PTE_XN));
	spin_unlock_irqrestore(&map_lock, flags);
	return err;
}

void unmap_kernel_page(unsigned long va)
{
	unsigned long flags;

	spin_lock_irqsave(&map_lock, flags);
	if (l2_table_for(va, false))
		set_pte(va, 0);
	spin_unlock_irqrestore(&map_lock, flags);
}

/*
 * Split the linear-map sections that hold the kernel image into 4 KiB
 * pages with the image's permissions: text read-only and executable,
 * read-only data and everything else execute-never (the rest of those
 * megabytes is ordinary RAM: read-write, execute-never).  The new table is
 * complete before it replaces the section, and both map the same memory
 * with the same attributes, so the switch is safe on a live mapping.
 */
void protect_kernel_image(void)
{
	extern char _start[], _etext[], _srodata[], _erodata[], _end[];
	unsigned long va = (unsigned long)_start & SECT_MASK;
	unsigned long end = ALIGN_UP((unsigned long)_end, SECTION_SIZE);

	for (; va < end; va += SECTION_SIZE) {
		u32 *l2 = get_free_pages(0, 0), *l1 = &swapper_pg_dir[va >> SECTION_SHIFT];
		u32 pa = *l1 & SECT_MASK;

		if (!l2 || (*l1 & 3) != 2) {
			pr_err("mmu: cannot protect the kernel image at %08lx", va);
			return;
		}
		for (u32 i = 0; i < 256; i++) {
			unsigned long v = va + i * PAGE_SIZE;
			bool text = v >= ((unsigned long)_start & ~(PAGE_SIZE - 1)) &&
				    v < (unsigned long)_etext;
			bool ro = text || (v >= (unsigned long)_srodata && v < (unsigned long)_erodata);

			l2[i] = (pa + i * PAGE_SIZE) | PTE_SMALL | PTE_NORMAL |
				(ro ? PTE_AP_KRO : PTE_AP_KRW) | (text ? 0 : PTE_XN);
		}
		write_dccmvac_range(l2, 1024);
		/* The other 3 KiB of the page stay unused: simple beats clever here. */
		*l1 = (u32)__pa(l2) | L1_TABLE;
		write_dccmvac((u32)(unsigned long)l1);
		dsb();
		write_tlbiallis(0);
		dsb();
		isb();
	}
	pr_info("kernel text %zu KiB read-only, data execute-never",
		(size_t)(_etext - _start) / 1024);
}

/*
 * Split translation: TTBR1 (the kernel table) for everything from 1 GiB
 * up, TTBR0 (each process's table) for user space below (TTBCR.N = 2,
 * ARMv7-A ARM B3.5.4).  Run on every CPU before it runs user code.
 */
void mmu_split_user_space(void)
{
	u32 ttbr1 = (u32)__pa(swapper_pg_dir) | 0x6a;

	__asm__ __volatile__(
		"mcr	p15, 0, %0, c2, c0, 1\n"	/* TTBR1 */
		"isb\n"
		"mcr	p15, 0, %1, c2, c0, 2\n"	/* TTBCR.N = 2 */
		"isb\n"
		"mcr	p15, 0, %2, c8, c7, 0\n"	/* TLBIALL (local) */
		"dsb\n"
		"isb\n"
		:: "r"(ttbr1), "r"(2u), "r"(0u) : "memory");
}

/* Map (or unmap) the 1 MiB section holding @pa at the same virtual address,
 * for code that turns the MMU on (secondary CPU start-up). */
void map_identity_section(unsigned long pa, bool map)
{
	unsigned long va = pa & SECT_MASK;

	if (va >= PAGE_OFFSET)
		return;
	set_section(va, map ? (u32)va | SECT_NORMAL : 0);
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
