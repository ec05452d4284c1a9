// SPDX-License-Identifier: GPL-2.0
/*
 * The boot heap behind kmalloc: an address-ordered free list with first
 * fit, block splitting and coalescing on free, over all lowmem that
 * memblock leaves free.  Every block has an 8-byte header (size, magic);
 * kfree checks the magic so a double free or a stray pointer is reported,
 * not silently corrupting the list.
 *
 * Locking: heap_lock (irqsave) protects the free list and the counters.
 * The buddy page allocator and slab caches of the kernel-core work build
 * on memblock the same way and take over kmalloc's interface.
 */
#include <kernel/slab.h>
#include <kernel/spinlock.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/compiler.h>
#include <mm/memblock.h>
#include <asm/memory.h>

#define HDR_SIZE	8
#define MIN_BLOCK	16
#define MAGIC_USED	0xa110ca7eu
#define MAGIC_FREE	0xf4eeb10cu

struct block {
	u32 size;	/* whole block, header included */
	u32 magic;
	struct block *next;	/* free blocks only */
};

static struct block *free_list;
static DEFINE_SPINLOCK(heap_lock);
static struct heap_stats stats;

static void heap_insert_free(struct block *b)
{
	struct block **pp = &free_list;

	while (*pp && *pp < b)
		pp = &(*pp)->next;
	b->magic = MAGIC_FREE;
	b->next = *pp;
	*pp = b;
	/* Merge with the next block, then with the previous one. */
	if (b->next && (char *)b + b->size == (char *)b->next) {
		b->size += b->next->size;
		b->next = b->next->next;
	}
	if (pp != &free_list) {
		struct block *prev = container_of(pp, struct block, next);

		if ((char *)prev + prev->size == (char *)b) {
			prev->size += b->size;
			prev->next = b->next;
		}
	}
}

static void add_range(u64 base, u64 size, void *arg)
{
	u64 start = ALIGN_UP(base, 8ull), end = ALIGN_DOWN(base + size, 8ull);
	struct block *b;

	(void)arg;
	if (end <= start || end - start < MIN_BLOCK)
		return;
	b = __va((phys_addr_t)start);
	b->size = (u32)(end - start);
	stats.total += b->size;
	heap_insert_free(b);
}

/**
 * heap_init() - give every free lowmem range to the heap
 * Call once, after memblock has everything reserved that must stay put.
 */
void heap_init(void)
{
	memblock_for_each_free(add_range, NULL);
	pr_info("heap: %zu KiB free for kmalloc", stats.total / 1024);
}

void *kmalloc(size_t size, unsigned int flags)
{
	struct block **pp, *b;
	unsigned long irqf;
	u32 need;

	(void)flags;
	if (size > 0x40000000)
		return NULL;
	need = max((u32)ALIGN_UP(size + HDR_SIZE, 8), (u32)MIN_BLOCK);
	spin_lock_irqsave(&heap_lock, irqf);
	for (pp = &free_list; (b = *pp); pp = &b->next)
		if (b->size >= need)
			break;
	if (!b) {
		stats.failures++;
		spin_unlock_irqrestore(&heap_lock, irqf);
		return NULL;
	}
	if (b->size - need >= MIN_BLOCK) {
		struct block *rest = (struct block *)((char *)b + need);

		rest->size = b->size - need;
		rest->magic = MAGIC_FREE;
		rest->next = b->next;
		*pp = rest;
		b->size = need;
	} else {
		*pp = b->next;
	}
	b->magic = MAGIC_USED;
	stats.used += b->size;
	stats.allocs++;
	spin_unlock_irqrestore(&heap_lock, irqf);
	return (char *)b + HDR_SIZE;
}

void *kzalloc(size_t size, unsigned int flags)
{
	void *p = kmalloc(size, flags);

	if (p)
		memset(p, 0, size);
	return p;
}

void *kcalloc(size_t n, size_t size, unsigned int flags)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return kzalloc(n * size, flags);
}

void kfree(const void *p)
{
	struct block *b;
	unsigned long irqf;

	if (!p)
		return;
	b = (struct block *)((char *)p - HDR_SIZE);
	spin_lock_irqsave(&heap_lock, irqf);
	if (b->magic != MAGIC_USED) {
		spin_unlock_irqrestore(&heap_lock, irqf);
		pr_err("kfree: %s of %p (called from %pS)",
		       b->magic == MAGIC_FREE ? "double free" : "bad pointer",
		       p, __builtin_return_address(0));
		return;
	}
	stats.used -= b->size;
	stats.allocs--;
	heap_insert_free(b);
	spin_unlock_irqrestore(&heap_lock, irqf);
}

void heap_get_stats(struct heap_stats *st)
{
	unsigned long irqf;

	spin_lock_irqsave(&heap_lock, irqf);
	*st = stats;
	spin_unlock_irqrestore(&heap_lock, irqf);
}
