/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Object caches (slab allocator): named caches of fixed-size objects carved
 * out of pages from the buddy allocator; kmalloc's size classes are such
 * caches.  With SLAB_DEBUG (per cache, or CONFIG_SLAB_DEBUG for all) freed
 * objects are poisoned and every object has redzones, so use-after-free,
 * double free and overflows are reported with the cache name and callers.
 */
#ifndef MM_SLAB_CACHE_H
#define MM_SLAB_CACHE_H

#include <kernel/types.h>
#include <kernel/list.h>
#include <kernel/spinlock.h>

#define SLAB_DEBUG	0x1u
#define SLAB_CPU_CACHE	0x2u	/* keep freed objects in per-CPU arrays (kmalloc) */

#ifndef CONFIG_NR_CPUS
#define CONFIG_NR_CPUS	4
#endif
#define SLAB_CPU_OBJS	16	/* objects a CPU keeps per cache */

/* Freed objects a CPU keeps for its next allocations; IRQs off to touch. */
struct slab_cpu_cache {
	u32 count;
	void *objs[SLAB_CPU_OBJS];
};

struct kmem_cache {
	const char *name;
	u32 object_size;	/* what the user asked for */
	u32 stride;		/* bytes per object slot, metadata included */
	u32 obj_offset;		/* object start within the slot (after a redzone) */
	u32 order;		/* 2^order pages per slab */
	u32 per_slab;
	u32 flags;
	void (*ctor)(void *obj);
	spinlock_t lock;	/* protects the slab lists and counters below */
	struct list_head partial;	/* slabs with free objects */
	struct list_head full;
	u32 nr_slabs;
	u32 active;		/* objects out of the slabs (handed out or parked) */
	u64 allocs, frees;
	u32 errors;		/* debug reports */
	struct list_head node;	/* on the list of all caches */
	struct slab_cpu_cache cpu[CONFIG_NR_CPUS];	/* with SLAB_CPU_CACHE */
};

/**
 * kmem_cache_create() - a cache of @size-byte objects aligned to @align
 * @flags: SLAB_DEBUG or 0   @ctor: called on each new object, may be NULL
 * Return: the cache, or NULL when out of memory or @size is 0 or huge.
 */
struct kmem_cache *kmem_cache_create(const char *name, u32 size, u32 align,
				     u32 flags, void (*ctor)(void *));
/* Frees the cache; -EBUSY (and nothing freed) while objects are live. */
int kmem_cache_destroy(struct kmem_cache *cache);
void *kmem_cache_alloc(struct kmem_cache *cache, unsigned int gfp);
void kmem_cache_free(struct kmem_cache *cache, void *obj);

/* For meminfo and /proc/slabinfo: calls @fn for every cache. */
void kmem_cache_for_each(void (*fn)(const struct kmem_cache *c, void *arg), void *arg);

void slab_init(void);

#endif /* MM_SLAB_CACHE_H */
