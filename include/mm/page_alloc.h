/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page allocator: a binary buddy system over all lowmem pages,
 * orders 0 (4 KiB) to MAX_ORDER (4 MiB).  SMP-safe, usable from interrupt
 * context; allocation failure returns NULL.
 */
#ifndef MM_PAGE_ALLOC_H
#define MM_PAGE_ALLOC_H

#include <kernel/types.h>
#include <kernel/list.h>
#include <asm/memory.h>

#define MAX_ORDER 10

struct kmem_cache;

/*
 * One per page frame.  For a free block head: on a free list, order set.
 * For a slab page: the cache and the slab's free-object list.  For the head
 * of a large kmalloc: its order.
 */
struct page {
	u16 flags;
	u8 order;
	u8 pad;
	u16 inuse;		/* slab: objects handed out */
	u16 refs;		/* user mappings sharing it (copy-on-write) */
	union {
		struct list_head lru;	/* free list / slab list */
	};
	struct kmem_cache *slab_cache;
	void *freelist;		/* slab: first free object */
};

#define PG_free		0x1	/* head of a free buddy block */
#define PG_slab		0x2	/* belongs to a slab cache */
#define PG_large	0x4	/* head of a large kmalloc block */
#define PG_reserved	0x8	/* never given to the allocator */

struct page_stats {
	u32 total_pages;		/* managed by the buddy allocator */
	u32 free_pages;
	u32 free_blocks[MAX_ORDER + 1];	/* free blocks per order */
	u32 failures;
};

void page_alloc_init(void);

/**
 * alloc_pages() - allocate 2^@order physically contiguous pages
 * Return: the first page, or NULL when no block that large is free.
 */
struct page *alloc_pages(unsigned int flags, unsigned int order);
void free_pages(struct page *page, unsigned int order);

/* Convenience: kernel virtual addresses of whole pages. */
void *get_free_pages(unsigned int flags, unsigned int order);
void free_pages_addr(void *addr, unsigned int order);

struct page *virt_to_page(const void *addr);
void *page_address(const struct page *page);
bool page_in_lowmem(const void *addr);

void page_alloc_get_stats(struct page_stats *st);

#endif /* MM_PAGE_ALLOC_H */
