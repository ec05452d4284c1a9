// SPDX-License-Identifier: GPL-2.0
/*
 * Buddy page allocator (Knuth's binary buddy system): free blocks of 2^k
 * pages sit on free_area[k]; allocation splits a larger block, freeing
 * merges a block with its buddy (pfn ^ 2^k) while the buddy is free and of
 * the same order.  One zone: the lowmem pages memblock leaves free.
 *
 * Layer: below slab (mm/slab.c), above memblock.  Locking: zone_lock
 * (irqsave) protects the free lists, the page flags of free blocks and
 * the counters.  Knows nothing of objects smaller than a page.
 */
#define pr_fmt(fmt) "page_alloc: " fmt
#include <mm/page_alloc.h>
#include <mm/memblock.h>
#include <kernel/spinlock.h>
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <kernel/string.h>

static struct {
	struct page *mem_map;	/* one struct page per frame in [base_pfn, end_pfn) */
	u32 base_pfn, end_pfn;
	struct list_head free_area[MAX_ORDER + 1];
	struct page_stats stats;
} zone;

static DEFINE_SPINLOCK(zone_lock);

static inline u32 page_to_pfn(const struct page *p)
{
	return zone.base_pfn + (u32)(p - zone.mem_map);
}

static inline struct page *pfn_to_page(u32 pfn)
{
	return &zone.mem_map[pfn - zone.base_pfn];
}

void *page_address(const struct page *page)
{
	return __va(page_to_pfn(page) << PAGE_SHIFT);
}

bool page_in_lowmem(const void *addr)
{
	unsigned long va = (unsigned long)addr;
	u32 pfn;

	if (va < PAGE_OFFSET || va >= LOWMEM_LIMIT)
		return false;
	pfn = __pa(addr) >> PAGE_SHIFT;
	return pfn >= zone.base_pfn && pfn < zone.end_pfn;
}

struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(__pa(addr) >> PAGE_SHIFT);
}

static void add_free_block(struct page *p, unsigned int order)
{
	p->flags = PG_free;
	p->order = order;
	list_add(&p->lru, &zone.free_area[order]);
	zone.stats.free_blocks[order]++;
	zone.stats.free_pages += 1u << order;
}

static void del_free_block(struct page *p, unsigned int order)
{
	list_del(&p->lru);
	p->flags = 0;
	zone.stats.free_blocks[order]--;
	zone.stats.free_pages -= 1u << order;
}

struct page *alloc_pages(unsigned int flags, unsigned int order)
{
	struct page *p = NULL;
	unsigned long irqf;
	unsigned int k;

	(void)flags;
	if (order > MAX_ORDER)
		return NULL;
	spin_lock_irqsave(&zone_lock, irqf);
	for (k = order; k <= MAX_ORDER; k++)
		if (!list_empty(&zone.free_area[k]))
			break;
	if (k > MAX_ORDER) {
		zone.stats.failures++;
		spin_unlock_irqrestore(&zone_lock, irqf);
		return NULL;
	}
	p = list_first_entry(&zone.free_area[k], struct page, lru);
	del_free_block(p, k);
	while (k > order) {	/* give back the upper halves */
		k--;
		add_free_block(p + (1u << k), k);
	}
	p->order = order;
	spin_unlock_irqrestore(&zone_lock, irqf);
	return p;
}

void free_pages(struct page *p, unsigned int order)
{
	unsigned long irqf;
	u32 pfn = page_to_pfn(p);

	spin_lock_irqsave(&zone_lock, irqf);
	if (p->flags & PG_free) {
		spin_unlock_irqrestore(&zone_lock, irqf);
		pr_err("double free of page %05x (order %u) from %pS", pfn, order,
		       __builtin_return_address(0));
		return;
	}
	while (order < MAX_ORDER) {
		u32 bpfn = pfn ^ (1u << order);
		struct page *buddy;

		if (bpfn < zone.base_pfn || bpfn + (1u << order) > zone.end_pfn)
			break;
		buddy = pfn_to_page(bpfn);
		if (!(buddy->flags & PG_free) || buddy->order != order)
			break;
		del_free_block(buddy, order);
		pfn &= ~(1u << order);
		order++;
	}
	add_free_block(pfn_to_page(pfn), order);
	spin_unlock_irqrestore(&zone_lock, irqf);
}

void *get_free_pages(unsigned int flags, unsigned int order)
{
	struct page *p = alloc_pages(flags, order);

	return p ? page_address(p) : NULL;
}

void free_pages_addr(void *addr, unsigned int order)
{
	if (addr)
		free_pages(virt_to_page(addr), order);
}

/* Hand a free physical range to the buddy lists in maximal aligned blocks. */
static void free_range(u64 base, u64 size, void *arg)
{
	u32 pfn = (u32)(ALIGN_UP(base, (u64)PAGE_SIZE) >> PAGE_SHIFT);
	u32 end = (u32)((base + size) >> PAGE_SHIFT);

	(void)arg;
	pfn = max(pfn, zone.base_pfn);
	end = min(end, zone.end_pfn);
	while (pfn < end) {
		unsigned int order = MAX_ORDER;

		while (order && ((pfn & ((1u << order) - 1)) || pfn + (1u << order) > end))
			order--;
		for (u32 i = 0; i < (1u << order); i++)
			pfn_to_page(pfn + i)->flags = 0;
		add_free_block(pfn_to_page(pfn), order);
		zone.stats.total_pages += 1u << order;
		pfn += 1u << order;
	}
}

/**
 * page_alloc_init() - build mem_map and free every unreserved lowmem page
 * After this, memblock must not hand out memory any more.
 */
void page_alloc_init(void)
{
	u64 lo = ~0ull, hi = 0;
	u32 npages, map_bytes;
	phys_addr_t map;

	for (int i = 0; i < memblock_memory.count; i++) {
		const struct memblock_region *r = &memblock_memory.regions[i];

		lo = min(lo, max(r->base, (u64)phys_base));
		hi = max(hi, min(r->base + r->size, memblock_lowmem_end()));
	}
	if (hi <= lo)
		panic("page_alloc: no lowmem");
	zone.base_pfn = (u32)(lo >> PAGE_SHIFT);
	zone.end_pfn = (u32)(hi >> PAGE_SHIFT);
	npages = zone.end_pfn - zone.base_pfn;
	map_bytes = npages * sizeof(struct page);
	map = memblock_alloc(ALIGN_UP(map_bytes, (u32)PAGE_SIZE), PAGE_SIZE);
	if (!map)
		panic("page_alloc: no memory for mem_map (%u bytes)", map_bytes);
	zone.mem_map = __va(map);
	for (u32 i = 0; i < npages; i++)
		zone.mem_map[i] = (struct page){ .flags = PG_reserved };
	for (int k = 0; k <= MAX_ORDER; k++)
		INIT_LIST_HEAD(&zone.free_area[k]);
	memblock_for_each_free(free_range, NULL);
	pr_info("%u pages free of %u (mem_map %u KiB)", zone.stats.free_pages, npages,
		map_bytes >> 10);
}

void page_alloc_get_stats(struct page_stats *st)
{
	unsigned long irqf;

	spin_lock_irqsave(&zone_lock, irqf);
	*st = zone.stats;
	spin_unlock_irqrestore(&zone_lock, irqf);
}
