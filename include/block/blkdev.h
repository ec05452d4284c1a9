/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The block layer: named sector devices (mmcblk0, vda, and partitions
 * mmcblk0p1, vda1 ...), requests with synchronous or asynchronous
 * completion, a buffer cache, and the struct blkio handed to the portable
 * consumers (ext2, LogFS, cloop, loop).
 *
 * A driver fills a struct block_device (geometry, ops) and calls
 * blk_register(); the layer adds it to the "block" class under the
 * driver's device and reads its partition table.  Requests reach the
 * driver's submit(); it completes each one, now or from its interrupt
 * handler, with blk_end_request().
 */
#ifndef BLOCK_BLKDEV_H
#define BLOCK_BLKDEV_H

#include <kernel/device.h>
#include <lib/blkio.h>

enum req_op { REQ_OP_READ, REQ_OP_WRITE, REQ_OP_FLUSH };

struct request {
	enum req_op op;
	u64 sector;		/* on the whole device once submitted */
	u32 count;		/* sectors */
	void *buf;
	int status;		/* 0 or -errno, valid once done */
	volatile bool done;
	/* Called on completion (may be interrupt context); may be NULL. */
	void (*end_io)(struct request *rq);
	void *end_io_data;
	struct list_head queue;	/* free for the driver's use */
	void *driver_priv;	/* free for the driver's use */
};

struct block_device;

struct block_device_ops {
	/* Start @rq; 0 when accepted (completion follows), else -errno. */
	int (*submit)(struct block_device *bdev, struct request *rq);
	/* Optional: reap completions without interrupts (polling mode). */
	void (*poll)(struct block_device *bdev);
};

struct block_device {
	struct device dev;		/* class "block" */
	u32 sector_size;		/* bytes, a power of two >= 512 */
	u64 nr_sectors;
	bool read_only;
	const struct block_device_ops *ops;
	void *priv;			/* the driver's */
	/* Partitions: the whole device, and the window on it. */
	struct block_device *whole;	/* self for a whole device */
	u64 start_sect;
	int partno;			/* 0 for a whole device */
	struct blkio blkio;		/* this device as a struct blkio */
	struct list_head parts;		/* of a whole device */
	struct list_head part_node;
};

#define to_bdev(d) container_of(d, struct block_device, dev)

/**
 * blk_register() - register a whole block device and scan its partitions
 * @bdev: zeroed except geometry, @ops and @priv
 * @parent: the driver's device
 * @name: "vda", "mmcblk0" ...
 *
 * Return: 0; -EINVAL for a bad geometry; -EEXIST for a name in use;
 * -ENOMEM.  A damaged partition table is logged and leaves the whole
 * device usable.
 */
int blk_register(struct block_device *bdev, struct device *parent, const char *name);

/**
 * blk_unregister() - remove @bdev and its partitions (no new requests)
 * A whole device's memory belongs to its driver, which may free it once
 * this returns: nothing else keeps a reference to a whole disk.
 */
void blk_unregister(struct block_device *bdev);

/**
 * blk_submit() - queue a request (asynchronous)
 * Partition requests are shifted onto the whole device.
 * Return: 0 when queued (rq->end_io runs on completion); -EINVAL for a
 * range outside the device; -EROFS for a write to a read-only device;
 * or the driver's error.
 */
int blk_submit(struct block_device *bdev, struct request *rq);

/** blk_end_request() - the driver completes @rq with @status (any context). */
void blk_end_request(struct request *rq, int status);

/**
 * blk_rw() - read or write @count sectors and wait for the result
 * Return: 0, the request's error, or -ETIMEDOUT (after 5 s).
 */
int blk_rw(struct block_device *bdev, enum req_op op, u64 sector, void *buf, u32 count);

/** blk_find() - the registered block device called @name, or NULL. */
struct block_device *blk_find(const char *name);

/** blk_get_blkio() - @bdev as a struct blkio for the portable consumers. */
static inline struct blkio *blk_get_blkio(struct block_device *bdev)
{
	return &bdev->blkio;
}

/**
 * blk_add_partition() - register partition @partno of @whole
 * Return: 0; -EINVAL if the window is outside @whole; -ENOMEM.
 */
int blk_add_partition(struct block_device *whole, int partno, u64 start, u64 count);

/** blk_scan_partitions() - read the MBR or GPT of @whole (called by blk_register). */
int blk_scan_partitions(struct block_device *whole);

/* --- the buffer cache --------------------------------------------------- */

struct buffer_head {
	struct block_device *bdev;
	u64 sector;
	void *data;		/* one sector */
	int refcount;
	bool valid, dirty;
	struct list_head lru;
};

/**
 * bread() - the cached sector @sector of @bdev, read if needed
 * Return: a held buffer (release with brelse()), or an ERR_PTR: -EIO and
 * the device's errors, -ENOMEM, -EBUSY when every buffer is held.
 */
struct buffer_head *bread(struct block_device *bdev, u64 sector);
/** brelse() - drop a hold from bread() (NULL and ERR_PTR are ignored). */
void brelse(struct buffer_head *bh);
/** mark_buffer_dirty() - @bh (held) must be written back. */
void mark_buffer_dirty(struct buffer_head *bh);

/**
 * bcache_sync() - write back the dirty buffers of @bdev (NULL: all)
 * Return: 0 or the first write error (the buffer stays dirty).
 */
int bcache_sync(struct block_device *bdev);

/** bcache_invalidate() - drop @bdev's clean, unheld buffers. */
void bcache_invalidate(struct block_device *bdev);

#endif /* BLOCK_BLKDEV_H */
