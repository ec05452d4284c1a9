// SPDX-License-Identifier: GPL-2.0
/*
 * memblock: two sorted, merged lists of physical ranges (memory and
 * reserved).  Used single-threaded at boot only; no locking.
 */
#include <mm/memblock.h>
#include <kernel/compiler.h>
#include <kernel/string.h>
#include <kernel/errno.h>

struct memblock_type memblock_memory, memblock_reserved;
static u64 lowmem_limit = ~0ull;

/* Insert [base, base+size) keeping the list sorted and merged. */
static int memblock_insert(struct memblock_type *t, u64 base, u64 size)
{
	int i, j;

	if (!size)
		return 0;
	for (i = 0; i < t->count; i++) {
		struct memblock_region *r = &t->regions[i];

		if (base + size < r->base)
			break;
		if (base <= r->base + r->size) {	/* overlaps or touches */
			u64 end = max(base + size, r->base + r->size);

			r->base = min(base, r->base);
			r->size = end - r->base;
			/* Swallow following regions now covered. */
			while (i + 1 < t->count &&
			       t->regions[i + 1].base <= r->base + r->size) {
				u64 e2 = t->regions[i + 1].base + t->regions[i + 1].size;

				r->size = max(r->base + r->size, e2) - r->base;
				for (j = i + 1; j < t->count - 1; j++)
					t->regions[j] = t->regions[j + 1];
				t->count--;
			}
			return 0;
		}
	}
	if (t->count == MEMBLOCK_MAX_REGIONS)
		return -ENOSPC;
	for (j = t->count; j > i; j--)
		t->regions[j] = t->regions[j - 1];
	t->regions[i].base = base;
	t->regions[i].size = size;
	t->count++;
	return 0;
}

int memblock_add(u64 base, u64 size)
{
	return memblock_insert(&memblock_memory, base, size);
}

int memblock_reserve(u64 base, u64 size)
{
	return memblock_insert(&memblock_reserved, base, size);
}

void memblock_set_lowmem_limit(u64 pa_end)
{
	lowmem_limit = pa_end;
}

u64 memblock_lowmem_end(void)
{
	return lowmem_limit;
}

static u64 type_total(const struct memblock_type *t)
{
	u64 sum = 0;

	for (int i = 0; i < t->count; i++)
		sum += t->regions[i].size;
	return sum;
}

u64 memblock_total(void)
{
	return type_total(&memblock_memory);
}

u64 memblock_reserved_total(void)
{
	return type_total(&memblock_reserved);
}

/* Walks the gaps between reserved ranges inside each memory range. */
void memblock_for_each_free(void (*fn)(u64 base, u64 size, void *arg), void *arg)
{
	for (int i = 0; i < memblock_memory.count; i++) {
		u64 start = memblock_memory.regions[i].base;
		u64 end = min(start + memblock_memory.regions[i].size, lowmem_limit);

		for (int j = 0; j < memblock_reserved.count && start < end; j++) {
			const struct memblock_region *r = &memblock_reserved.regions[j];

			if (r->base + r->size <= start || r->base >= end)
				continue;
			if (r->base > start)
				fn(start, r->base - start, arg);
			start = r->base + r->size;
		}
		if (start < end)
			fn(start, end - start, arg);
	}
}

struct alloc_ctx {
	u32 size, align;
	u64 found;
};

/* Top-down: keeps low memory (where boot loaders like to sit) free. */
static void try_range(u64 base, u64 size, void *arg)
{
	struct alloc_ctx *c = arg;
	u64 start;

	if (size < c->size)
		return;
	start = ALIGN_DOWN(base + size - c->size, (u64)c->align);
	if (start >= base)
		c->found = max(c->found, start);
}

phys_addr_t memblock_alloc(u32 size, u32 align)
{
	struct alloc_ctx c = { size, align ? align : 8, 0 };

	memblock_for_each_free(try_range, &c);
	if (!c.found || memblock_reserve(c.found, size))
		return 0;
	return (phys_addr_t)c.found;
}
