// SPDX-License-Identifier: GPL-2.0
/*
 * Block devices over a struct blkio: how the stacked drivers (loop,
 * encrypted loop, cloop) join the block layer, so that they appear in
 * the "block" class, in `devices` and /sys, and get a partition scan.
 *
 * Layer: block, under the stacked drivers and over their portable
 * struct blkio.  Requests are served synchronously in the submitter's
 * context (the blkio may sleep: the stacked drivers take mutexes and do
 * their own I/O further down).  The driver keeps its /dev node; the
 * device here only adds the class entry and the partitions.  Locking:
 * none of its own; the blkio serialises itself.  Lifetime: the device
 * is allocated here and freed by its release at the last reference (an
 * open sysfs file can keep one past unregistration).
 */
#define pr_fmt(fmt) "block: " fmt
#include <block/blkdev.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/slab.h>

static int stacked_submit(struct block_device *bdev, struct request *rq)
{
	struct blkio *bio = bdev->priv;
	int ret;

	switch (rq->op) {
	case REQ_OP_READ:
		ret = bio->read(bio, rq->sector, rq->buf, rq->count);
		break;
	case REQ_OP_WRITE:
		ret = bio->write(bio, rq->sector, rq->buf, rq->count);
		break;
	default:
		ret = bio->flush ? bio->flush(bio) : 0;
		break;
	}
	blk_end_request(rq, ret);
	return 0;
}

static const struct block_device_ops stacked_ops = {
	.submit = stacked_submit,
};

static void stacked_release(struct block_device *bdev)
{
	kfree(bdev);
}

struct block_device *blk_register_blkio(struct blkio *bio, struct device *parent,
					const char *name,
					const struct devfs_blk_ops *node_ops,
					void *node_priv)
{
	struct block_device *bdev;
	int err;

	if (!bio || !bio->read || !bio->write)
		return ERR_PTR(-EINVAL);
	bdev = kzalloc(sizeof(*bdev), GFP_KERNEL);
	if (!bdev)
		return ERR_PTR(-ENOMEM);
	bdev->sector_size = bio->sector_size;
	bdev->nr_sectors = bio->nr_sectors;
	bdev->read_only = bio->read_only;
	bdev->ops = &stacked_ops;
	bdev->priv = bio;
	bdev->own_node = true;
	bdev->node_ops = node_ops;
	bdev->node_priv = node_priv;
	err = blk_register(bdev, parent, name);
	if (err) {
		kfree(bdev);	/* no release ran: the hook is not set yet */
		return ERR_PTR(err);
	}
	bdev->release = stacked_release;
	return bdev;
}

void blk_unregister_blkio(struct block_device *bdev)
{
	if (bdev)
		blk_unregister(bdev);	/* drops our reference: maybe freed */
}
