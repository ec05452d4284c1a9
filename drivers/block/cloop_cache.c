// SPDX-License-Identifier: GPL-2.0
/*
 * cloop's cache of decompressed blocks: a small array searched linearly,
 * least recently used entry replaced.  Sized by struct cloop_config.
 *
 * Locking: the caller holds cl->lock.  Knows nothing about the format:
 * it asks cloop_decompress_block() for a missing block.
 */
#define pr_fmt(fmt) "cloop: " fmt
#include "cloop_internal.h"

/**
 * cloop_cache_init() - allocate @ncache block buffers
 * @cl: device (block_size set)
 * @ncache: entries, >= 1
 *
 * Return: 0 or -ENOMEM (partial allocations are freed by
 * cloop_cache_destroy()).
 */
int cloop_cache_init(struct cloop_dev *cl, u32 ncache)
{
	u32 i;

	cl->cache = kcalloc(ncache, sizeof(*cl->cache), GFP_KERNEL);
	if (!cl->cache)
		return -ENOMEM;
	cl->ncache = ncache;
	for (i = 0; i < ncache; i++) {
		cl->cache[i].data = kmalloc(cl->block_size, GFP_KERNEL);
		if (!cl->cache[i].data)
			return -ENOMEM;
	}
	return 0;
}

/**
 * cloop_cache_destroy() - free the cache
 * @cl: device
 */
void cloop_cache_destroy(struct cloop_dev *cl)
{
	u32 i;

	if (!cl->cache)
		return;
	for (i = 0; i < cl->ncache; i++)
		kfree(cl->cache[i].data);
	kfree(cl->cache);
	cl->cache = NULL;
}

/**
 * cloop_cache_get() - the decompressed contents of @block
 * @cl: device, lock held
 * @block: block number < num_blocks
 * @err: set to the error when NULL is returned
 *
 * Return: block_size bytes valid until the lock is dropped, or NULL.
 */
const u8 *cloop_cache_get(struct cloop_dev *cl, u32 block, int *err)
{
	struct cloop_cache_ent *victim = &cl->cache[0];
	u32 i;

	cl->clock++;
	for (i = 0; i < cl->ncache; i++) {
		struct cloop_cache_ent *e = &cl->cache[i];

		if (e->valid && e->block == block) {
			e->stamp = cl->clock;
			cl->hits++;
			return e->data;
		}
		if (!e->valid || (victim->valid && e->stamp < victim->stamp))
			victim = e;
	}
	cl->misses++;
	victim->valid = false;
	*err = cloop_decompress_block(cl, block, victim->data);
	if (*err)
		return NULL;
	victim->block = block;
	victim->stamp = cl->clock;
	victim->valid = true;
	return victim->data;
}
