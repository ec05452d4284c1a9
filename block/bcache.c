// SPDX-License-Identifier: GPL-2.0
/*
 * The buffer cache: a fixed pool of sector buffers shared by every block
 * device, least recently used first to be reused.  Write-back: a dirty
 * buffer reaches the device on bcache_sync() or when it is reused.
 *
 * Layer: block, above the request path (blk_rw).  Locking: bcache_lock
 * (a mutex: process context only) protects the list and every buffer's
 * bookkeeping; a held buffer's data belongs to its holders.
 * Knows nothing of filesystems.
 */
#define pr_fmt(fmt) "bcache: " fmt
#include <block/blkdev.h>
#include <kernel/slab.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/mutex.h>

#define BCACHE_BUFFERS	64
#define BCACHE_MAX_SECTOR 4096

static LIST_HEAD(lru);		/* least recently used first */
static int nr_buffers;
static DEFINE_MUTEX(bcache_lock);

static int write_back(struct buffer_head *bh)
{
	int err = blk_rw(bh->bdev, REQ_OP_WRITE, bh->sector, bh->data, 1);

	if (err)
		pr_err("%s: write-back of sector %llu failed: %d",
		       bh->bdev->dev.name, bh->sector, err);
	else
		bh->dirty = false;
	return err;
}

static struct buffer_head *lookup(struct block_device *bdev, u64 sector)
{
	struct buffer_head *bh;

	list_for_each_entry(bh, &lru, lru)
		if (bh->bdev == bdev && bh->sector == sector && bh->valid)
			return bh;
	return NULL;
}

/* A free or reusable buffer big enough for @size bytes. */
static struct buffer_head *get_free(u32 size)
{
	struct buffer_head *bh;

	if (nr_buffers < BCACHE_BUFFERS) {
		bh = kzalloc(sizeof(*bh), GFP_KERNEL);
		if (!bh)
			return ERR_PTR(-ENOMEM);
		bh->data = kmalloc(BCACHE_MAX_SECTOR, GFP_KERNEL);
		if (!bh->data) {
			kfree(bh);
			return ERR_PTR(-ENOMEM);
		}
		list_add_tail(&bh->lru, &lru);
		nr_buffers++;
		return bh;
	}
	list_for_each_entry(bh, &lru, lru) {
		if (bh->refcount)
			continue;
		if (bh->dirty && write_back(bh))
			continue;	/* keep its data; try another */
		bh->valid = false;
		return bh;
	}
	return ERR_PTR(-EBUSY);
}

static struct buffer_head *bread_locked(struct block_device *bdev, u64 sector)
{
	struct buffer_head *bh = lookup(bdev, sector);
	int err;

	if (bdev->sector_size > BCACHE_MAX_SECTOR)
		return ERR_PTR(-EINVAL);
	if (!bh) {
		bh = get_free(bdev->sector_size);
		if (IS_ERR(bh))
			return bh;
		bh->bdev = bdev;
		bh->sector = sector;
		err = blk_rw(bdev, REQ_OP_READ, sector, bh->data, 1);
		if (err)
			return ERR_PTR(err);
		bh->valid = true;
	}
	bh->refcount++;
	list_move_tail(&bh->lru, &lru);
	return bh;
}

struct buffer_head *bread(struct block_device *bdev, u64 sector)
{
	struct buffer_head *bh;

	mutex_lock(&bcache_lock);
	bh = bread_locked(bdev, sector);
	mutex_unlock(&bcache_lock);
	return bh;
}

void brelse(struct buffer_head *bh)
{
	if (!bh || IS_ERR(bh))
		return;
	mutex_lock(&bcache_lock);
	if (bh->refcount > 0)
		bh->refcount--;
	mutex_unlock(&bcache_lock);
}

void mark_buffer_dirty(struct buffer_head *bh)
{
	bh->dirty = true;
}

int bcache_sync(struct block_device *bdev)
{
	struct buffer_head *bh;
	int first = 0;

	mutex_lock(&bcache_lock);
	list_for_each_entry(bh, &lru, lru) {
		int err;

		if (!bh->dirty || !bh->valid || (bdev && bh->bdev != bdev))
			continue;
		err = write_back(bh);
		if (err && !first)
			first = err;
	}
	mutex_unlock(&bcache_lock);
	return first;
}

void bcache_invalidate(struct block_device *bdev)
{
	struct buffer_head *bh;

	mutex_lock(&bcache_lock);
	list_for_each_entry(bh, &lru, lru)
		if (bh->bdev == bdev && !bh->refcount) {
			if (bh->dirty)
				pr_warn("%s: dropping dirty sector %llu",
					bdev->dev.name, bh->sector);
			bh->valid = false;
			bh->dirty = false;
			bh->bdev = NULL;
		}
	mutex_unlock(&bcache_lock);
}
