// SPDX-License-Identifier: GPL-2.0
/*
 * Block devices and requests: registration in the "block" class, request
 * validation and partition offsetting, synchronous waits, and the struct
 * blkio view for the portable consumers.
 *
 * Layer: block, between the drivers (virtio-blk, mmc) and the consumers.
 * Locking: rq->done is set once by the completing side (possibly an
 * interrupt handler) and read by the waiter.  Registration runs in
 * process context; blk_lock makes a name's check and its addition one
 * step and keeps blk_find() off a class list being changed (loop and
 * encrypted devices come and go at run time).  A driver does not
 * register and unregister the same device at once.  Knows no driver
 * and no partition format.
 */
#define pr_fmt(fmt) "block: " fmt
#include <block/blkdev.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/errno.h>
#include <kernel/mutex.h>
#include <fs/devfs.h>
#include <asm/barrier.h>

#define BLK_TIMEOUT_NS	(5 * NSEC_PER_SEC)

static DEFINE_MUTEX(blk_lock);

static int blkio_read(struct blkio *bio, u64 sector, void *buf, u32 count)
{
	return blk_rw(bio->priv, REQ_OP_READ, sector, buf, count);
}

static int blkio_write(struct blkio *bio, u64 sector, const void *buf, u32 count)
{
	return blk_rw(bio->priv, REQ_OP_WRITE, sector, (void *)buf, count);
}

static int blkio_flush(struct blkio *bio)
{
	return blk_rw(bio->priv, REQ_OP_FLUSH, 0, NULL, 0);
}

static void blk_setup(struct block_device *bdev)
{
	bdev->blkio = (struct blkio){
		.sector_size = bdev->sector_size, .nr_sectors = bdev->nr_sectors,
		.read_only = bdev->read_only, .priv = bdev,
		.read = blkio_read, .write = blkio_write, .flush = blkio_flush,
	};
	INIT_LIST_HEAD(&bdev->parts);
	INIT_LIST_HEAD(&bdev->part_node);
	bdev->dev.class = &block_class;
}

static struct block_device *blk_find_locked(const char *name)
{
	struct device *dev;

	list_for_each_entry(dev, &block_class.devices, class_node)
		if (!strcmp(dev->name, name))
			return to_bdev(dev);
	return NULL;
}

struct block_device *blk_find(const char *name)
{
	struct block_device *bdev;

	mutex_lock(&blk_lock);
	bdev = blk_find_locked(name);
	mutex_unlock(&blk_lock);
	return bdev;
}

static void bdev_release(struct device *dev)
{
	/* Partitions are ours; a whole device is its driver's. */
	struct block_device *bdev = to_bdev(dev);

	if (bdev->partno)
		kfree(bdev);
	else if (bdev->release)
		bdev->release(bdev);
}

/* A partition of a driver-owned node: its claims are the whole disk's. */
static int part_node_claim(void *priv)
{
	struct block_device *whole = ((struct block_device *)priv)->whole;

	if (!whole->node_ops || !whole->node_ops->claim)
		return 0;
	return whole->node_ops->claim(whole->node_priv);
}

static void part_node_unclaim(void *priv)
{
	struct block_device *whole = ((struct block_device *)priv)->whole;

	if (whole->node_ops && whole->node_ops->unclaim)
		whole->node_ops->unclaim(whole->node_priv);
}

static const struct devfs_blk_ops part_node_ops = {
	.claim = part_node_claim,
	.unclaim = part_node_unclaim,
};

int blk_register(struct block_device *bdev, struct device *parent, const char *name)
{
	int err;

	if (!bdev->ops || !bdev->ops->submit || bdev->sector_size < 512 ||
	    (bdev->sector_size & (bdev->sector_size - 1)))
		return -EINVAL;
	if (strlen(name) >= sizeof(bdev->dev.name))
		return -EINVAL;
	blk_setup(bdev);
	bdev->whole = bdev;
	bdev->dev.parent = parent;
	bdev->dev.release = bdev_release;
	dev_set_name(&bdev->dev, "%s", name);
	device_initialize(&bdev->dev);
	mutex_lock(&blk_lock);
	err = blk_find_locked(name) ? -EEXIST : device_add(&bdev->dev);
	mutex_unlock(&blk_lock);
	if (err) {
		put_device(&bdev->dev);
		return err;
	}
	pr_info("%s: %llu sectors of %u bytes (%llu MiB)%s", name, bdev->nr_sectors,
		bdev->sector_size, (bdev->nr_sectors * bdev->sector_size) >> 20,
		bdev->read_only ? ", read-only" : "");
	if (!bdev->own_node && devfs_register_blkio(name, &bdev->blkio))
		dev_warn(&bdev->dev, "no /dev node");	/* the disk still works */
	blk_scan_partitions(bdev);	/* errors are logged; the disk stays */
	return 0;
}

void blk_unregister(struct block_device *bdev)
{
	struct block_device *part, *next;

	bcache_invalidate(bdev);
	list_for_each_entry_safe(part, next, &bdev->parts, part_node) {
		list_del(&part->part_node);
		devfs_unregister(part->dev.name);
		bcache_invalidate(part);
		mutex_lock(&blk_lock);
		device_unregister(&part->dev);
		mutex_unlock(&blk_lock);
	}
	if (!bdev->own_node)
		devfs_unregister(bdev->dev.name);
	mutex_lock(&blk_lock);
	device_unregister(&bdev->dev);
	mutex_unlock(&blk_lock);
}

int blk_add_partition(struct block_device *whole, int partno, u64 start, u64 count)
{
	struct block_device *part;
	const char *name = whole->dev.name;
	size_t n = strlen(name);
	bool digit = n && name[n - 1] >= '0' && name[n - 1] <= '9';
	char pname[DEVICE_NAME_LEN];
	int err;

	if (start >= whole->nr_sectors || count > whole->nr_sectors - start || !count)
		return -EINVAL;
	if (snprintf(pname, sizeof(pname), "%s%s%d", name, digit ? "p" : "", partno) >=
	    (int)sizeof(pname)) {
		pr_err("%s: partition %d: name too long", name, partno);
		return -EINVAL;
	}
	part = kzalloc(sizeof(*part), GFP_KERNEL);
	if (!part)
		return -ENOMEM;
	part->sector_size = whole->sector_size;
	part->nr_sectors = count;
	part->read_only = whole->read_only;
	part->ops = whole->ops;
	part->priv = whole->priv;
	blk_setup(part);
	part->whole = whole;
	part->start_sect = start;
	part->partno = partno;
	part->dev.parent = &whole->dev;
	part->dev.release = bdev_release;
	dev_set_name(&part->dev, "%s", pname);
	device_initialize(&part->dev);
	mutex_lock(&blk_lock);
	err = device_add(&part->dev);
	mutex_unlock(&blk_lock);
	if (err) {
		put_device(&part->dev);
		return err;
	}
	list_add_tail(&part->part_node, &whole->parts);
	err = whole->own_node ?
		devfs_register_blkdev(part->dev.name, &part->blkio, &part_node_ops, part) :
		devfs_register_blkio(part->dev.name, &part->blkio);
	if (err)
		dev_warn(&part->dev, "no /dev node");
	pr_info("%s: sectors %llu..%llu", part->dev.name, start, start + count - 1);
	return 0;
}

int blk_submit(struct block_device *bdev, struct request *rq)
{
	if (rq->op != REQ_OP_FLUSH &&
	    (rq->sector > bdev->nr_sectors || rq->count > bdev->nr_sectors - rq->sector ||
	     !rq->count || !rq->buf))
		return -EINVAL;
	if (rq->op == REQ_OP_WRITE && bdev->read_only)
		return -EROFS;
	rq->sector += bdev->start_sect;
	rq->done = false;
	rq->status = 0;
	return bdev->whole->ops->submit(bdev->whole, rq);
}

void blk_end_request(struct request *rq, int status)
{
	rq->status = status;
	smp_mb();
	rq->done = true;
	if (rq->end_io)
		rq->end_io(rq);
}

int blk_rw(struct block_device *bdev, enum req_op op, u64 sector, void *buf, u32 count)
{
	struct block_device *whole = bdev->whole;
	struct request *rq = kzalloc(sizeof(*rq), GFP_KERNEL);
	u64 deadline;
	int err;

	if (!rq)
		return -ENOMEM;
	rq->op = op;
	rq->sector = sector;
	rq->count = count;
	rq->buf = buf;
	err = blk_submit(bdev, rq);
	if (err)
		goto out_free;
	deadline = ktime_get_ns() + BLK_TIMEOUT_NS;
	while (!rq->done) {
		if (whole->ops->poll)
			whole->ops->poll(whole);
		if (ktime_get_ns() > deadline) {
			pr_err("%s: request at sector %llu timed out", bdev->dev.name, sector);
			return -ETIMEDOUT;	/* rq stays with the driver: leaked on purpose */
		}
	}
	smp_mb();
	err = rq->status;
out_free:
	kfree(rq);
	return err;
}
