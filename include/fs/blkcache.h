/* SPDX-License-Identifier: GPL-2.0 */
/*
 * blkcache: an LRU cache of fixed-size blocks in front of a struct blkio,
 * itself a struct blkio - the buffer cache of the block-backed
 * filesystems (ext2 mounts through one).
 *
 *	struct blkcache_config cfg = { .block_size = 4096, .nr_blocks = 64 };
 *	ret = blkcache_create(dev, &cfg, &bc);
 *	ext2_mount(blkcache_blkio(bc), &fs);
 *	...
 *	blkcache_destroy(bc);           // writes back dirty blocks first
 *
 * Writes are write-back: a dirty block reaches the device when it is
 * evicted, on flush (bio->flush, fsync/sync) and at destroy.  A failed
 * write-back keeps the block dirty and returns the error.
 * Locking: one mutex per cache; any thread may call.
 */
#ifndef FS_BLKCACHE_H
#define FS_BLKCACHE_H

#include <lib/blkio.h>

struct blkcache;

struct blkcache_config {
	u32 block_size;		/* bytes; multiple of the sector size; 0: 4096 */
	u32 nr_blocks;		/* blocks kept; 0: 32 */
};

struct blkcache_stats {
	u64 hits, misses, writebacks;
};

/**
 * blkcache_create() - a cache in front of @dev
 * @dev: the device; must outlive the cache
 * @cfg: geometry, may be NULL for the defaults
 * @out: the cache
 * Return: 0, -EINVAL (block size not a multiple of the sector size), -ENOMEM.
 */
int blkcache_create(struct blkio *dev, const struct blkcache_config *cfg,
		    struct blkcache **out);

/**
 * blkcache_destroy() - write back, then free; @bc may be NULL
 * Return: 0 or the first write-back error (the cache is freed anyway).
 */
int blkcache_destroy(struct blkcache *bc);

/** blkcache_blkio() - the cached device, same geometry as the device */
struct blkio *blkcache_blkio(struct blkcache *bc);

void blkcache_get_stats(struct blkcache *bc, struct blkcache_stats *st);

#endif /* FS_BLKCACHE_H */
