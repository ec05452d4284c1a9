// SPDX-License-Identifier: GPL-2.0
/*
 * Memory self-tests: memblock agrees with the DT's /memory, the kernel
 * image and DTB are reserved, and kmalloc behaves (alignment, no overlap,
 * failure returns NULL), the buddy allocator (alignment, merging,
 * exhaustion) and slab caches, with the debug checks (overflow, double
 * free, use after free) reported rather than fatal.
 */
#include <kernel/ktest.h>
#include <kernel/of.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <mm/memblock.h>
#include <mm/page_alloc.h>
#include <mm/slab_cache.h>
#include <kernel/errno.h>
#include <asm/memory.h>
#include <libfdt.h>

extern char _start[], _end[];

static void memblock_matches_dt(struct ktest *t)
{
	u64 dt_total = 0;
	int node = -1;

	while ((node = fdt_node_offset_by_prop_value(of_fdt, node, "device_type",
						     "memory", 7)) >= 0) {
		u64 base, size;

		for (int i = 0; !of_address(node, i, &base, &size); i++)
			dt_total += size;
	}
	KASSERT_GT(t, dt_total, 0);
	KEXPECT_UEQ(t, memblock_total(), dt_total);
	ktest_log(t, "RAM %llu MiB per DT and memblock", dt_total >> 20);
}

static bool is_reserved(u64 base, u64 size)
{
	for (int i = 0; i < memblock_reserved.count; i++) {
		const struct memblock_region *r = &memblock_reserved.regions[i];

		if (base >= r->base && base + size <= r->base + r->size)
			return true;
	}
	return false;
}

static void kernel_image_reserved(struct ktest *t)
{
	KEXPECT_TRUE(t, is_reserved(__pa(_start), (u64)(_end - _start)));
	KEXPECT_TRUE(t, is_reserved(__pa(of_fdt), fdt_totalsize(of_fdt)));
}

static void phys_base_inside_ram(struct ktest *t)
{
	bool inside = false;

	for (int i = 0; i < memblock_memory.count; i++) {
		const struct memblock_region *r = &memblock_memory.regions[i];

		if (phys_base >= r->base && phys_base < r->base + r->size)
			inside = true;
	}
	KEXPECT_TRUE(t, inside);
	KEXPECT_EQ(t, phys_base & (SECTION_SIZE - 1), 0);
}

static void kmalloc_basic(struct ktest *t)
{
	struct heap_stats before, after;
	u8 *a, *b;

	heap_get_stats(&before);
	a = kmalloc(100, GFP_KERNEL);
	b = kmalloc(100, GFP_KERNEL);
	KASSERT_NOT_NULL(t, a);
	KASSERT_NOT_NULL(t, b);
	KEXPECT_EQ(t, (unsigned long)a & 7, 0);
	KEXPECT_TRUE(t, a + 100 <= b || b + 100 <= a);
	memset(a, 0x5a, 100);
	memset(b, 0xa5, 100);
	KEXPECT_EQ(t, a[99], 0x5a);
	kfree(a);
	kfree(b);
	heap_get_stats(&after);
	KEXPECT_EQ(t, after.allocs, before.allocs);
}

static void kmalloc_every_size_class(struct ktest *t)
{
	static const size_t sizes[] = { 1, 8, 9, 64, 100, 128, 129, 4096, 8192, 8193,
					65536, 1 << 20 };
	void *p[ARRAY_SIZE(sizes)];

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		p[i] = kmalloc(sizes[i], GFP_KERNEL);
		KASSERT_NOT_NULL(t, p[i]);
		memset(p[i], (int)i, sizes[i]);	/* a short block would corrupt a neighbour */
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		KEXPECT_EQ(t, ((u8 *)p[i])[sizes[i] - 1], (u8)i);
		kfree(p[i]);
	}
}

static void kmalloc_failure_returns_null(struct ktest *t)
{
	struct heap_stats before, after;

	heap_get_stats(&before);
	KEXPECT_NULL(t, kmalloc(64u << 20, GFP_KERNEL));	/* beyond the largest block */
	KEXPECT_NULL(t, kcalloc((size_t)-1 / 2, 4, GFP_KERNEL));
	heap_get_stats(&after);
	KEXPECT_EQ(t, after.failures, before.failures + 1);
}

static void page_alloc_orders_aligned(struct ktest *t)
{
	struct page_stats before, after;

	page_alloc_get_stats(&before);
	for (unsigned int order = 0; order <= MAX_ORDER; order++) {
		void *p = get_free_pages(0, order);
		phys_addr_t pa;

		KASSERT_NOT_NULL(t, p);
		pa = __pa(p);
		KEXPECT_EQ(t, pa & ((PAGE_SIZE << order) - 1), 0);
		memset(p, 0xcc, PAGE_SIZE << order);
		free_pages_addr(p, order);
	}
	page_alloc_get_stats(&after);
	KEXPECT_EQ(t, after.free_pages, before.free_pages);
}

static void page_alloc_buddies_merge(struct ktest *t)
{
	struct page_stats before, after;
	void *pages[64];

	page_alloc_get_stats(&before);
	for (int i = 0; i < 64; i++) {
		pages[i] = get_free_pages(0, 0);
		KASSERT_NOT_NULL(t, pages[i]);
	}
	for (int i = 0; i < 64; i += 2)		/* free in an interleaved order */
		free_pages_addr(pages[i], 0);
	for (int i = 1; i < 64; i += 2)
		free_pages_addr(pages[i], 0);
	page_alloc_get_stats(&after);
	KEXPECT_EQ(t, after.free_pages, before.free_pages);
	/* Every split was undone: the largest blocks are all back. */
	KEXPECT_EQ(t, after.free_blocks[MAX_ORDER], before.free_blocks[MAX_ORDER]);
}

static void page_alloc_exhaustion_returns_null(struct ktest *t)
{
	struct page_stats before, after;
	void **blocks = kmalloc(1024 * sizeof(void *), GFP_KERNEL);
	int n = 0;

	KASSERT_NOT_NULL(t, blocks);
	page_alloc_get_stats(&before);
	while (n < 1024 && (blocks[n] = get_free_pages(0, MAX_ORDER)))
		n++;
	KEXPECT_LT(t, n, 1024);
	KEXPECT_NULL(t, get_free_pages(0, MAX_ORDER));
	ktest_log(t, "%d blocks of 4 MiB before exhaustion", n);
	while (n--)
		free_pages_addr(blocks[n], MAX_ORDER);
	page_alloc_get_stats(&after);
	KEXPECT_EQ(t, after.free_pages, before.free_pages);
	kfree(blocks);
}

struct obj { u32 a, b, c; };

static void slab_cache_objects(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("test-obj", sizeof(struct obj), 64, 0, NULL);
	struct obj *o[100];

	KASSERT_NOT_NULL(t, c);
	for (int i = 0; i < 100; i++) {
		o[i] = kmem_cache_alloc(c, GFP_KERNEL);
		KASSERT_NOT_NULL(t, o[i]);
		KEXPECT_EQ(t, (unsigned long)o[i] & 63, 0);
		o[i]->a = i;
	}
	KEXPECT_EQ(t, c->active, 100);
	KEXPECT_EQ(t, kmem_cache_destroy(c), -EBUSY);	/* live objects */
	for (int i = 0; i < 100; i++) {
		KEXPECT_EQ(t, o[i]->a, (u32)i);
		kmem_cache_free(c, o[i]);
	}
	KEXPECT_EQ(t, c->active, 0);
	KEXPECT_EQ(t, kmem_cache_destroy(c), 0);
}

static void slab_debug_catches_misuse(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("test-debug", 40, 0, SLAB_DEBUG, NULL);
	u8 *p, *q;

	KASSERT_NOT_NULL(t, c);
	ktest_log(t, "three slab error reports follow: expected");
	/* Overflow: a write one byte past the object. */
	p = kmem_cache_alloc(c, GFP_KERNEL);
	KASSERT_NOT_NULL(t, p);
	p[40] = 0;
	kmem_cache_free(c, p);
	KEXPECT_EQ(t, c->errors, 1);
	/* Double free: reported, and the object is not on the free list twice. */
	kmem_cache_free(c, p);
	KEXPECT_EQ(t, c->errors, 2);
	KEXPECT_EQ(t, c->active, 0);
	/* Use after free: a write into a freed object is found on reuse. */
	p[3] = 0x11;
	q = kmem_cache_alloc(c, GFP_KERNEL);
	KASSERT_NOT_NULL(t, q);
	KEXPECT_TRUE(t, q == p);	/* LIFO: the same slot comes back */
	KEXPECT_EQ(t, c->errors, 3);
	kmem_cache_free(c, q);
	KEXPECT_EQ(t, kmem_cache_destroy(c), 0);
}

static void kfree_bad_pointers_reported(struct ktest *t)
{
	static u32 not_heap;
	struct heap_stats before, after;

	heap_get_stats(&before);
	ktest_log(t, "two kfree error lines follow: expected");
	kfree(&not_heap);		/* kernel image, not heap */
	kfree((void *)0xf0000010);	/* not lowmem at all */
	heap_get_stats(&after);
	KEXPECT_EQ(t, after.allocs, before.allocs);
}

static struct ktest_case memory_cases[] = {
	KTEST_CASE(memblock_matches_dt),
	KTEST_CASE(kernel_image_reserved),
	KTEST_CASE(phys_base_inside_ram),
	KTEST_CASE(kmalloc_basic),
	KTEST_CASE(kmalloc_every_size_class),
	KTEST_CASE(kmalloc_failure_returns_null),
	KTEST_CASE(page_alloc_orders_aligned),
	KTEST_CASE(page_alloc_buddies_merge),
	KTEST_CASE(page_alloc_exhaustion_returns_null),
	KTEST_CASE(slab_cache_objects),
	KTEST_CASE(slab_debug_catches_misuse),
	KTEST_CASE(kfree_bad_pointers_reported),
	{}
};

static struct ktest_suite memory_suite = {
	.name = "memory",
	.cases = memory_cases,
};
KTEST_SUITE(memory_suite);
