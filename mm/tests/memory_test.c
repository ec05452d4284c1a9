// SPDX-License-Identifier: GPL-2.0
/*
 * Memory self-tests: memblock agrees with the DT's /memory, the kernel
 * image and DTB are reserved, and kmalloc behaves (alignment, no overlap,
 * failure returns NULL, double free is caught and reported, not fatal).
 */
#include <kernel/ktest.h>
#include <kernel/of.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <mm/memblock.h>
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
	KEXPECT_EQ(t, after.used, before.used);
}

static void kmalloc_failure_returns_null(struct ktest *t)
{
	struct heap_stats before, after;
	void *p;

	heap_get_stats(&before);
	p = kmalloc(before.total + 4096, GFP_KERNEL);
	KEXPECT_NULL(t, p);
	heap_get_stats(&after);
	KEXPECT_EQ(t, after.failures, before.failures + 1);
	KEXPECT_NULL(t, kcalloc((size_t)-1 / 2, 4, GFP_KERNEL));
}

static void kfree_double_free_reported(struct ktest *t)
{
	struct heap_stats before, after;
	void *p = kmalloc(32, GFP_KERNEL);

	KASSERT_NOT_NULL(t, p);
	heap_get_stats(&before);
	kfree(p);
	ktest_log(t, "a 'double free' error line follows: expected");
	kfree(p);		/* reported, ignored */
	heap_get_stats(&after);
	KEXPECT_EQ(t, after.allocs, before.allocs - 1);
}

static void kmalloc_coalesces(struct ktest *t)
{
	void *p[16], *big;
	struct heap_stats st;

	for (int i = 0; i < 16; i++) {
		p[i] = kmalloc(1000, GFP_KERNEL);
		KASSERT_NOT_NULL(t, p[i]);
	}
	for (int i = 0; i < 16; i += 2)
		kfree(p[i]);
	for (int i = 1; i < 16; i += 2)
		kfree(p[i]);
	heap_get_stats(&st);
	/* After freeing everything, one block must satisfy nearly all of it. */
	big = kmalloc(st.total - st.used - 64 * 1024, GFP_KERNEL);
	KEXPECT_NOT_NULL(t, big);
	kfree(big);
}

static struct ktest_case memory_cases[] = {
	KTEST_CASE(memblock_matches_dt),
	KTEST_CASE(kernel_image_reserved),
	KTEST_CASE(phys_base_inside_ram),
	KTEST_CASE(kmalloc_basic),
	KTEST_CASE(kmalloc_failure_returns_null),
	KTEST_CASE(kfree_double_free_reported),
	KTEST_CASE(kmalloc_coalesces),
	{}
};

static struct ktest_suite memory_suite = {
	.name = "memory",
	.cases = memory_cases,
};
KTEST_SUITE(memory_suite);
