// SPDX-License-Identifier: GPL-2.0
/*
 * The buffer cache of block-backed filesystems: blocks of a struct blkio
 * kept in memory, found through a small hash, reused least recently used
 * first, written back lazily.  It presents itself as a struct blkio, so a
 * portable filesystem (ext2, LogFS's block backend) runs on it unchanged.
 *
 * Layer: between a filesystem and its device.  Locking: bc->lock (mutex)
 * protects everything in the cache; device I/O happens under it, which
 * serialises the device (fine for the devices we have).  Knows nothing of
 * filesystems or of the VFS.
 */
#define pr_fmt(fmt) "blkcache: " fmt
#include <fs/blkcache.h>
#include <kernel/list.h>
#include <kernel/mutex.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/printk.h>

#define BC_HASH 32

struct bc_block {
	u64 nr;			/* block number on the device */
	bool valid, dirty;
	struct list_head lru;	/* most recently used at the tail */
	struct list_head hash;
	u8 *data;
};

struct blkcache {
	struct blkio bio;	/* what the filesystem sees */
	struct blkio *dev;
	u32 block_size;
	u32 spb;		/* sectors per block */
	struct mutex lock;
	struct list_head lru;
	struct list_head hash[BC_HASH];
	struct blkcache_stats stats;
	struct bc_block *blocks;
	u32 nr_blocks;
};

/* Sectors of block @nr that exist on the device (the last may be short). */
static u32 block_sectors(struct blkcache *bc, u64 nr)
{
	u64 first = nr * bc->spb;

	return min((u64)bc->spb, bc->dev->nr_sectors - first);
}

static int write_back(struct blkcache *bc, struct bc_block *b)
{
	int ret;

	if (!b->dirty)
		return 0;
	ret = bc->dev->write(bc->dev, b->nr * bc->spb, b->data, block_sectors(bc, b->nr));
	if (ret) {
		pr_err("write-back of block %llu failed: %d", b->nr, ret);
		return ret;
	}
	b->dirty = false;
	bc->stats.writebacks++;
	return 0;
}

/* The cached block @nr, read in unless @whole (about to be overwritten). */
static struct bc_block *get_block(struct blkcache *bc, u64 nr, bool whole, int *err)
{
	struct list_head *head = &bc->hash[nr % BC_HASH];
	struct bc_block *b;

	list_for_each_entry(b, head, hash) {
		if (b->valid && b->nr == nr) {
			bc->stats.hits++;
			list_move_tail(&b->lru, &bc->lru);
			return b;
		}
	}
	bc->stats.misses++;
	b = list_first_entry(&bc->lru, struct bc_block, lru);	/* coldest */
	*err = write_back(bc, b);
	if (*err)
		return NULL;
	if (b->valid)
		list_del(&b->hash);
	b->valid = false;
	if (!whole) {
		*err = bc->dev->read(bc->dev, nr * bc->spb, b->data, block_sectors(bc, nr));
		if (*err)
			return NULL;
	}
	b->nr = nr;
	b->valid = true;
	list_add(&b->hash, head);
	list_move_tail(&b->lru, &bc->lru);
	return b;
}

static int bc_rw(struct blkio *bio, u64 sector, u8 *buf, u32 count, bool write)
{
	struct blkcache *bc = bio->priv;
	u32 ss = bio->sector_size;
	int ret = 0;

	ret = blkio_check_range(bio, sector, count);
	if (ret)
		return -EINVAL;
	if (write && bio->read_only)
		return -EROFS;
	mutex_lock(&bc->lock);
	while (count) {
		u64 nr = sector / bc->spb;
		u32 off = sector % bc->spb;
		u32 n = min(count, block_sectors(bc, nr) - off);
		bool whole = write && !off && n == block_sectors(bc, nr);
		struct bc_block *b = get_block(bc, nr, whole, &ret);

		if (!b)
			break;
		if (write) {
			memcpy(b->data + off * ss, buf, n * ss);
			b->dirty = true;
		} else {
			memcpy(buf, b->data + off * ss, n * ss);
		}
		buf += n * ss;
		sector += n;
		count -= n;
	}
	mutex_unlock(&bc->lock);
	return ret;
}

static int bc_read(struct blkio *bio, u64 sector, void *buf, u32 count)
{
	return bc_rw(bio, sector, buf, count, false);
}

static int bc_write(struct blkio *bio, u64 sector, const void *buf, u32 count)
{
	return bc_rw(bio, sector, (u8 *)buf, count, true);
}

static int bc_flush(struct blkio *bio)
{
	struct blkcache *bc = bio->priv;
	struct bc_block *b;
	int ret = 0, err;

	mutex_lock(&bc->lock);
	list_for_each_entry(b, &bc->lru, lru) {
		err = b->valid ? write_back(bc, b) : 0;
		if (err && !ret)
			ret = err;
	}
	mutex_unlock(&bc->lock);
	if (!ret && bc->dev->flush)
		ret = bc->dev->flush(bc->dev);
	return ret;
}

static void free_blocks(struct blkcache *bc)
{
	for (u32 i = 0; i < bc->nr_blocks; i++)
		kfree(bc->blocks[i].data);
	kfree(bc->blocks);
}

/**
 * blkcache_create() - a cache in front of @dev
 * @dev: the device; must outlive the cache
 * @cfg: geometry, may be NULL for the defaults
 * @out: the cache
 * Return: 0, -EINVAL (bad geometry), -ENOMEM.
 */
int blkcache_create(struct blkio *dev, const struct blkcache_config *cfg,
		    struct blkcache **out)
{
	u32 bs = cfg && cfg->block_size ? cfg->block_size : 4096;
	u32 nb = cfg && cfg->nr_blocks ? cfg->nr_blocks : 32;
	struct blkcache *bc;

	if (!dev->sector_size || bs < dev->sector_size || bs % dev->sector_size || nb < 2)
		return -EINVAL;
	bc = kzalloc(sizeof(*bc), GFP_KERNEL);
	if (!bc)
		return -ENOMEM;
	bc->blocks = kcalloc(nb, sizeof(*bc->blocks), GFP_KERNEL);
	if (!bc->blocks)
		goto out_free_bc;
	bc->nr_blocks = nb;
	INIT_LIST_HEAD(&bc->lru);
	for (u32 i = 0; i < BC_HASH; i++)
		INIT_LIST_HEAD(&bc->hash[i]);
	for (u32 i = 0; i < nb; i++) {
		bc->blocks[i].data = kmalloc(bs, GFP_KERNEL);
		if (!bc->blocks[i].data)
			goto out_free_blocks;
		list_add_tail(&bc->blocks[i].lru, &bc->lru);
	}
	mutex_init(&bc->lock);
	bc->dev = dev;
	bc->block_size = bs;
	bc->spb = bs / dev->sector_size;
	bc->bio.sector_size = dev->sector_size;
	bc->bio.nr_sectors = dev->nr_sectors;
	bc->bio.read_only = dev->read_only || !dev->write;
	bc->bio.priv = bc;
	bc->bio.read = bc_read;
	bc->bio.write = bc_write;
	bc->bio.flush = bc_flush;
	*out = bc;
	return 0;

out_free_blocks:
	free_blocks(bc);
out_free_bc:
	kfree(bc);
	return -ENOMEM;
}

/**
 * blkcache_destroy() - write back, then free; @bc may be NULL
 * Return: 0 or the first write-back error (the cache is freed anyway).
 */
int blkcache_destroy(struct blkcache *bc)
{
	int ret;

	if (!bc)
		return 0;
	ret = bc->bio.read_only ? 0 : bc_flush(&bc->bio);
	free_blocks(bc);
	mutex_destroy(&bc->lock);
	kfree(bc);
	return ret;
}

/** blkcache_blkio() - the cached device */
struct blkio *blkcache_blkio(struct blkcache *bc)
{
	return &bc->bio;
}

/** blkcache_get_stats() - hit, miss and write-back counts */
void blkcache_get_stats(struct blkcache *bc, struct blkcache_stats *st)
{
	mutex_lock(&bc->lock);
	*st = bc->stats;
	mutex_unlock(&bc->lock);
}
