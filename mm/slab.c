// SPDX-License-Identifier: GPL-2.0
/*
 * Slab allocator: object caches over the buddy allocator, and kmalloc.
 *
 * A slab is 2^order pages holding per_slab object slots; its struct page
 * (the head) keeps the slab's free list and in-use count, and every page
 * of the slab points back at the cache, so kfree() finds the cache from
 * the address alone.  Slabs with free slots sit on the cache's partial
 * list, the others on full; an empty slab goes back to the buddy
 * allocator (one empty slab is kept to avoid thrashing).
 *
 * Debug slot layout (SLAB_DEBUG):
 *   [redzone 8][object, rounded to 8][redzone 8][next][alloc caller][free caller][state]
 *   (a cache aligned to more than 8 pads before the leading redzone, so
 *   that the object keeps its alignment)
 * Plain slot layout: [object, rounded to 8], the free-list link in its
 * first word.
 *
 * kmalloc: size classes from 8 B to 8 KiB are caches; larger requests take
 * whole pages (the head page is marked PG_large with its order).
 *
 * Locking: each cache's spinlock (irqsave) protects its lists and
 * counters; cache_list_lock protects the list of caches.  A CPU's array of
 * parked objects (SLAB_CPU_CACHE) is touched only by that CPU with IRQs
 * masked, except by kmem_cache_destroy(), when the cache is no longer used.
 */
#define pr_fmt(fmt) "slab: " fmt
#include <mm/slab_cache.h>
#include <mm/page_alloc.h>
#include <kernel/slab.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/panic.h>
#include <asm/stacktrace.h>
#include <asm/irqflags.h>
#include <asm/cp15.h>

#define REDZONE		8
#define RZ_BYTE		0xbb
#define POISON_FREE	0x6b
#define STATE_FREE	0xf7eeu
#define STATE_ALLOC	0xa110u

struct slot_meta {		/* after the trailing redzone, debug only */
	void *next;
	const void *alloc_caller;
	const void *free_caller;
	u32 state;
};

static LIST_HEAD(cache_list);
static DEFINE_SPINLOCK(cache_list_lock);
static struct kmem_cache cache_cache;	/* the cache of struct kmem_cache */

static const u32 kmalloc_sizes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192
};
static const char *const kmalloc_names[] = {
	"kmalloc-8", "kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-96",
	"kmalloc-128", "kmalloc-192", "kmalloc-256", "kmalloc-512",
	"kmalloc-1k", "kmalloc-2k", "kmalloc-4k", "kmalloc-8k"
};
static struct kmem_cache *kmalloc_caches[ARRAY_SIZE(kmalloc_sizes)];
/* Size class of each 8-byte step up to SMALL_MAX, filled by slab_init(). */
#define SMALL_MAX	256u
static u8 small_class[SMALL_MAX / 8 + 1];
static u32 large_allocs, large_failures;

static bool debug(const struct kmem_cache *c)
{
	return c->flags & SLAB_DEBUG;
}

static u32 rounded_size(const struct kmem_cache *c)
{
	return ALIGN_UP(max(c->object_size, 4u), 8u);
}

static struct slot_meta *meta_of(const struct kmem_cache *c, void *obj)
{
	return (struct slot_meta *)((char *)obj + rounded_size(c) + REDZONE);
}

static void **link_of(const struct kmem_cache *c, void *obj)
{
	return debug(c) ? &meta_of(c, obj)->next : (void **)obj;
}

static void cache_setup(struct kmem_cache *c, const char *name, u32 size,
			u32 align, u32 flags, void (*ctor)(void *))
{
	u32 slab_bytes;

	memset(c, 0, sizeof(*c));
	c->name = name;
	c->object_size = size;
	c->flags = flags | (IS_ENABLED(CONFIG_SLAB_DEBUG) ? SLAB_DEBUG : 0);
	if (debug(c))
		c->flags &= ~SLAB_CPU_CACHE;	/* every free must be checked */
	c->ctor = ctor;
	/*
	 * The leading redzone is the last REDZONE bytes before the object;
	 * an aligned cache pushes the object to its alignment (a 1 KiB page
	 * table must stay on a 1 KiB boundary with debugging on too).
	 */
	c->obj_offset = debug(c) ? max(REDZONE, align) : 0;
	c->stride = rounded_size(c);
	if (debug(c))
		c->stride += c->obj_offset + REDZONE + sizeof(struct slot_meta);
	if (align > 8)
		c->stride = ALIGN_UP(c->stride, align);
	c->stride = ALIGN_UP(c->stride, 8u);
	/* At least 8 objects per slab, and no more than 32 KiB slabs. */
	for (c->order = 0; c->order < 3; c->order++)
		if ((PAGE_SIZE << c->order) / c->stride >= 8)
			break;
	slab_bytes = PAGE_SIZE << c->order;
	c->per_slab = slab_bytes / c->stride;
	spin_lock_init(&c->lock);
	INIT_LIST_HEAD(&c->partial);
	INIT_LIST_HEAD(&c->full);
}

static void *slot_object(const struct kmem_cache *c, void *base, u32 i)
{
	return (char *)base + i * c->stride + c->obj_offset;
}

/* A new slab, its free list threaded through every slot.  Cache unlocked. */
static struct page *slab_grow(struct kmem_cache *c)
{
	struct page *head = alloc_pages(0, c->order);
	void *base, *prev = NULL;

	if (!head)
		return NULL;
	base = page_address(head);
	for (u32 i = 0; i < (1u << c->order); i++) {
		head[i].flags = PG_slab;
		head[i].slab_cache = c;
	}
	head->inuse = 0;
	for (u32 i = c->per_slab; i-- > 0;) {
		void *obj = slot_object(c, base, i);

		if (debug(c)) {
			struct slot_meta *m = meta_of(c, obj);

			memset((char *)obj - REDZONE, RZ_BYTE, REDZONE);
			memset(obj, POISON_FREE, rounded_size(c));
			memset((char *)obj + rounded_size(c), RZ_BYTE, REDZONE);
			m->state = STATE_FREE;
			m->alloc_caller = m->free_caller = NULL;
		}
		*link_of(c, obj) = prev;
		prev = obj;
	}
	head->freelist = prev;
	return head;
}

static struct page *slab_head(const struct kmem_cache *c, const void *obj)
{
	struct page *p = virt_to_page(obj);
	u32 npages = 1u << c->order;

	/* Slabs are buddy blocks, so aligned to their own size. */
	return p - ((((unsigned long)obj - PAGE_OFFSET) >> PAGE_SHIFT) & (npages - 1));
}

static bool bytes_are(const void *p, u8 v, u32 n)
{
	const u8 *b = p;

	for (u32 i = 0; i < n; i++)
		if (b[i] != v)
			return false;
	return true;
}

static void slab_report(struct kmem_cache *c, const char *what, void *obj,
			const struct slot_meta *m, const void *caller)
{
	c->errors++;
	pr_err("%s in cache %s: object %p (allocated by %pS, freed by %pS), "
	       "detected at %pS", what, c->name, obj,
	       m ? m->alloc_caller : NULL, m ? m->free_caller : NULL, caller);
	dump_stack();
}

/* Debug checks when a free slot is handed out; false: do not use it. */
static bool check_on_alloc(struct kmem_cache *c, void *obj, const void *caller)
{
	struct slot_meta *m = meta_of(c, obj);

	if (!bytes_are(obj, POISON_FREE, rounded_size(c)) ||
	    !bytes_are((char *)obj - REDZONE, RZ_BYTE, REDZONE)) {
		slab_report(c, "use after free (object written after kfree)", obj, m, caller);
		/* Re-poison and hand it out anyway: the damage is reported. */
		memset(obj, POISON_FREE, rounded_size(c));
		memset((char *)obj - REDZONE, RZ_BYTE, REDZONE);
	}
	m->state = STATE_ALLOC;
	m->alloc_caller = caller;
	return true;
}

/* Debug checks on free; false: the free must be refused. */
static bool check_on_free(struct kmem_cache *c, void *obj, const void *caller)
{
	struct slot_meta *m = meta_of(c, obj);

	if (m->state == STATE_FREE) {
		slab_report(c, "double free", obj, m, caller);
		return false;
	}
	if (m->state != STATE_ALLOC) {
		slab_report(c, "free of an invalid pointer", obj, NULL, caller);
		return false;
	}
	if (!bytes_are((char *)obj - REDZONE, RZ_BYTE, REDZONE) ||
	    !bytes_are((char *)obj + rounded_size(c), RZ_BYTE, REDZONE) ||
	    (rounded_size(c) > c->object_size &&
	     !bytes_are((char *)obj + c->object_size, POISON_FREE - 1,
			rounded_size(c) - c->object_size)))
		slab_report(c, "buffer overflow (redzone overwritten)", obj, m, caller);
	memset(obj, POISON_FREE, rounded_size(c));
	memset((char *)obj - REDZONE, RZ_BYTE, REDZONE);
	memset((char *)obj + rounded_size(c), RZ_BYTE, REDZONE);
	m->state = STATE_FREE;
	m->free_caller = caller;
	return true;
}

/*
 * Per-CPU object arrays (SLAB_CPU_CACHE, the small kmalloc classes): kfree
 * parks an object in its CPU's array and kmalloc takes it back, with only
 * interrupts masked; the slab lists and the cache lock are touched when
 * the array is empty (allocation) or full (free).  Parked objects still
 * count in c->active; sum_cache() subtracts them.
 */
static void *cpu_cache_pop(struct kmem_cache *c)
{
	struct slab_cpu_cache *pc;
	unsigned long irqf;
	void *obj = NULL;

	local_irq_save(irqf);
	pc = &c->cpu[smp_processor_id_raw()];
	if (pc->count)
		obj = pc->objs[--pc->count];
	local_irq_restore(irqf);
	return obj;
}

static bool cpu_cache_push(struct kmem_cache *c, void *obj)
{
	struct slab_cpu_cache *pc;
	unsigned long irqf;
	bool parked = false;

	local_irq_save(irqf);
	pc = &c->cpu[smp_processor_id_raw()];
	if (pc->count < SLAB_CPU_OBJS) {
		pc->objs[pc->count++] = obj;
		parked = true;
	}
	local_irq_restore(irqf);
	return parked;
}

static void *cache_alloc(struct kmem_cache *c, const void *caller)
{
	unsigned long irqf;
	struct page *slab;
	void *obj;

	spin_lock_irqsave(&c->lock, irqf);
	if (list_empty(&c->partial)) {
		spin_unlock_irqrestore(&c->lock, irqf);
		slab = slab_grow(c);
		if (!slab)
			return NULL;
		spin_lock_irqsave(&c->lock, irqf);
		list_add(&slab->lru, &c->partial);
		c->nr_slabs++;
	}
	slab = list_first_entry(&c->partial, struct page, lru);
	obj = slab->freelist;
	slab->freelist = *link_of(c, obj);
	if (++slab->inuse == c->per_slab)
		list_move_tail(&slab->lru, &c->full);
	c->active++;
	c->allocs++;
	if (debug(c)) {
		check_on_alloc(c, obj, caller);
		/* Bytes between object_size and the rounded size act as redzone. */
		memset((char *)obj + c->object_size, POISON_FREE - 1,
		       rounded_size(c) - c->object_size);
	}
	spin_unlock_irqrestore(&c->lock, irqf);
	if (c->ctor)
		c->ctor(obj);
	return obj;
}

/* Is @offset (from the slab's start) the start of an object slot? */
static bool slot_offset_ok(const struct kmem_cache *c, u32 offset)
{
	if (offset >= c->per_slab * c->stride)
		return false;
	if (is_power_of_2(c->stride))
		return !(offset & (c->stride - 1));
	return !(offset % c->stride);
}

/* Slabs are buddy blocks, aligned to their size in the linear map. */
static u32 slab_offset(const struct kmem_cache *c, const void *obj)
{
	return (u32)(((unsigned long)obj - PAGE_OFFSET) & ((PAGE_SIZE << c->order) - 1)) -
	       c->obj_offset;
}

static void __cache_free(struct kmem_cache *c, struct page *slab, void *obj,
			 const void *caller)
{
	unsigned long irqf;

	if (!slot_offset_ok(c, slab_offset(c, obj))) {
		c->errors++;
		pr_err("free of %p: not an object of cache %s (from %pS)", obj, c->name, caller);
		return;
	}
	spin_lock_irqsave(&c->lock, irqf);
	if (debug(c) && !check_on_free(c, obj, caller)) {
		spin_unlock_irqrestore(&c->lock, irqf);
		return;
	}
	*link_of(c, obj) = slab->freelist;
	slab->freelist = obj;
	if (slab->inuse-- == c->per_slab)
		list_move_tail(&slab->lru, &c->partial);
	c->active--;
	c->frees++;
	/* Return an empty slab unless it is the cache's only one. */
	if (!slab->inuse && c->nr_slabs > 1) {
		list_del(&slab->lru);
		c->nr_slabs--;
		spin_unlock_irqrestore(&c->lock, irqf);
		for (u32 i = 0; i < (1u << c->order); i++)
			slab[i].flags = 0;
		free_pages(slab, c->order);
		return;
	}
	spin_unlock_irqrestore(&c->lock, irqf);
}

static void cache_free(struct kmem_cache *c, void *obj, const void *caller)
{
	__cache_free(c, slab_head(c, obj), obj, caller);
}

struct kmem_cache *kmem_cache_create(const char *name, u32 size, u32 align,
				     u32 flags, void (*ctor)(void *))
{
	struct kmem_cache *c;
	unsigned long irqf;

	if (!size || size > (PAGE_SIZE << 3) / 2 || (align && !is_power_of_2(align)) ||
	    align > PAGE_SIZE)
		return NULL;
	c = cache_alloc(&cache_cache, __builtin_return_address(0));
	if (!c)
		return NULL;
	cache_setup(c, name, size, align, flags, ctor);
	spin_lock_irqsave(&cache_list_lock, irqf);
	list_add_tail(&c->node, &cache_list);
	spin_unlock_irqrestore(&cache_list_lock, irqf);
	return c;
}

/* Gives every parked object back to its slab; the cache must be idle. */
static void cpu_cache_flush(struct kmem_cache *c)
{
	for (int i = 0; i < CONFIG_NR_CPUS; i++) {
		struct slab_cpu_cache *pc = &c->cpu[i];
		unsigned long irqf;
		void *obj;

		for (;;) {
			local_irq_save(irqf);
			obj = pc->count ? pc->objs[--pc->count] : NULL;
			local_irq_restore(irqf);
			if (!obj)
				break;
			cache_free(c, obj, __builtin_return_address(0));
		}
	}
}

int kmem_cache_destroy(struct kmem_cache *c)
{
	struct page *slab, *n;
	unsigned long irqf;

	if (!c)
		return 0;
	cpu_cache_flush(c);
	if (c->active)
		return -EBUSY;
	spin_lock_irqsave(&cache_list_lock, irqf);
	list_del(&c->node);
	spin_unlock_irqrestore(&cache_list_lock, irqf);
	list_for_each_entry_safe(slab, n, &c->partial, lru) {
		for (u32 i = 0; i < (1u << c->order); i++)
			slab[i].flags = 0;
		free_pages(slab, c->order);
	}
	cache_free(&cache_cache, c, __builtin_return_address(0));
	return 0;
}

void *kmem_cache_alloc(struct kmem_cache *c, unsigned int gfp)
{
	(void)gfp;
	return cache_alloc(c, __builtin_return_address(0));
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	if (obj)
		cache_free(c, obj, __builtin_return_address(0));
}

void kmem_cache_for_each(void (*fn)(const struct kmem_cache *c, void *arg), void *arg)
{
	struct kmem_cache *c;
	unsigned long irqf;

	spin_lock_irqsave(&cache_list_lock, irqf);
	list_for_each_entry(c, &cache_list, node)
		fn(c, arg);
	spin_unlock_irqrestore(&cache_list_lock, irqf);
}

static int size_class_scan(size_t size)
{
	for (int i = 0; i < (int)ARRAY_SIZE(kmalloc_sizes); i++)
		if (size <= kmalloc_sizes[i])
			return i;
	return -1;
}

static int size_class(size_t size)
{
	if (size <= SMALL_MAX)
		return small_class[(size + 7) / 8];
	return size_class_scan(size);
}

static void *large_alloc(size_t size)
{
	unsigned int order = 0;
	struct page *p;

	while ((PAGE_SIZE << order) < size) {
		if (++order > MAX_ORDER) {
			large_failures++;
			return NULL;
		}
	}
	p = alloc_pages(0, order);
	if (!p) {
		large_failures++;
		return NULL;
	}
	p->flags = PG_large;
	p->order = order;
	large_allocs++;
	return page_address(p);
}

void *kmalloc(size_t size, unsigned int flags)
{
	int cls = size_class(size ? size : 1);
	struct kmem_cache *c;
	void *obj;

	(void)flags;
	if (cls < 0)
		return large_alloc(size);
	c = kmalloc_caches[cls];
	if (c->flags & SLAB_CPU_CACHE) {
		obj = cpu_cache_pop(c);
		if (obj)
			return obj;
	}
	return cache_alloc(c, __builtin_return_address(0));
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
	struct page *page;

	if (!p)
		return;
	if (!page_in_lowmem(p)) {
		pr_err("kfree of %p: not kernel heap memory (from %pS)", p,
		       __builtin_return_address(0));
		return;
	}
	page = virt_to_page(p);
	if (page->flags & PG_slab) {
		struct kmem_cache *c = page->slab_cache;

		if ((c->flags & SLAB_CPU_CACHE) && slot_offset_ok(c, slab_offset(c, p)) &&
		    cpu_cache_push(c, (void *)p))
			return;
		/* Order-0 slabs (all small classes) are their own head page. */
		__cache_free(c, c->order ? slab_head(c, p) : page, (void *)p,
			     __builtin_return_address(0));
	} else if ((page->flags & PG_large) && !((unsigned long)p & (PAGE_SIZE - 1))) {
		page->flags = 0;
		large_allocs--;
		free_pages(page, page->order);
	} else {
		pr_err("kfree of %p: %s (from %pS)", p,
		       page->flags & PG_free ? "double free of a large block" : "bad pointer",
		       __builtin_return_address(0));
	}
}

static void sum_cache(const struct kmem_cache *c, void *arg)
{
	struct heap_stats *st = arg;
	u32 live = c->active;

	for (int i = 0; i < CONFIG_NR_CPUS; i++)
		live -= READ_ONCE(c->cpu[i].count);	/* parked, not handed out */
	st->used += (size_t)live * c->stride;
	st->allocs += live;
	st->slab += (size_t)READ_ONCE(c->nr_slabs) * (PAGE_SIZE << c->order);
}

void heap_get_stats(struct heap_stats *st)
{
	struct page_stats ps;

	memset(st, 0, sizeof(*st));
	kmem_cache_for_each(sum_cache, st);
	page_alloc_get_stats(&ps);
	st->allocs += large_allocs;
	st->failures = ps.failures + large_failures;
	st->total = (size_t)ps.total_pages * PAGE_SIZE;
	st->used = (size_t)(ps.total_pages - ps.free_pages) * PAGE_SIZE;
}

/**
 * slab_init() - the cache of caches and kmalloc's size classes
 * Call after page_alloc_init(); kmalloc works from then on.
 */
void slab_init(void)
{
	cache_setup(&cache_cache, "kmem_cache", sizeof(struct kmem_cache), 0, 0, NULL);
	list_add_tail(&cache_cache.node, &cache_list);
	for (unsigned int i = 0; i < ARRAY_SIZE(small_class); i++)
		small_class[i] = (u8)size_class_scan(i ? i * 8 : 1);
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++) {
		kmalloc_caches[i] = kmem_cache_create(kmalloc_names[i], kmalloc_sizes[i], 0,
						      kmalloc_sizes[i] <= 512 ? SLAB_CPU_CACHE : 0,
						      NULL);
		if (!kmalloc_caches[i])
			panic("slab: cannot create %s", kmalloc_names[i]);
	}
}
