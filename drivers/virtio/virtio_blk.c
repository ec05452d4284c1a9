// SPDX-License-Identifier: GPL-2.0
/*
 * virtio-blk (virtio 1.1, 5.2): a block device (vda, vdb ...) on one
 * request queue.  Each request is a chain of three buffers: the header
 * (type, sector), the data, and the status byte the device writes.
 * Completion comes from the interrupt (or the block layer's poll).
 *
 * Layer: a virtio driver under the block layer.  Locking: vblk.lock (a
 * spinlock, interrupts masked) covers the queue: submit, the interrupt's
 * completions and the block layer's poll may run on different CPUs.
 * Knows no transport.
 */
#define pr_fmt(fmt) "virtio-blk: " fmt
#include <virtio/virtio.h>
#include <block/blkdev.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/spinlock.h>

#define VIRTIO_BLK_F_RO		5
#define VIRTIO_BLK_F_BLK_SIZE	6
#define VIRTIO_BLK_F_FLUSH	9

#define VIRTIO_BLK_T_IN		0
#define VIRTIO_BLK_T_OUT	1
#define VIRTIO_BLK_T_FLUSH	4

#define VIRTIO_BLK_S_OK		0

#define CFG_CAPACITY		0	/* u64, 512-byte sectors */
#define CFG_BLK_SIZE		20	/* u32 */
#define VBLK_QUEUE_MAX		64

struct vblk_hdr {
	u32 type;
	u32 reserved;
	u64 sector;
};

/* One in-flight request; the status byte is what the device writes. */
struct vblk_req {
	struct vblk_hdr hdr;
	struct request *rq;
	u8 status;
};

struct vblk {
	struct virtio_device *vdev;
	struct virtqueue *vq;
	spinlock_t lock;		/* the queue: submit, interrupt, poll */
	struct block_device bdev;
};

static int next_disk;		/* vda, vdb ... in probe order */

/* Complete what the device has finished; called with vb->lock held. */
static void vblk_reap_locked(struct vblk *vb)
{
	struct vblk_req *vr;
	u32 len;

	while ((vr = virtqueue_get_buf(vb->vq, &len))) {
		struct request *rq = vr->rq;
		int status = vr->status == VIRTIO_BLK_S_OK ? 0 : -EIO;

		kfree(vr);
		blk_end_request(rq, status);
	}
}

/* The queue's interrupt callback. */
static void vblk_done(struct virtqueue *vq)
{
	struct vblk *vb = vq->priv;
	unsigned long flags;

	spin_lock_irqsave(&vb->lock, flags);
	vblk_reap_locked(vb);
	spin_unlock_irqrestore(&vb->lock, flags);
}

static void vblk_poll(struct block_device *bdev)
{
	struct vblk *vb = bdev->priv;

	vblk_done(vb->vq);
}

static int vblk_submit(struct block_device *bdev, struct request *rq)
{
	struct vblk *vb = bdev->priv;
	struct vq_buf bufs[3];
	struct vblk_req *vr;
	unsigned int n = 0, out;
	unsigned long flags;
	int err;

	vr = kzalloc(sizeof(*vr), GFP_KERNEL);
	if (!vr)
		return -ENOMEM;
	vr->rq = rq;
	vr->status = 0xff;
	vr->hdr.sector = rq->sector * (bdev->sector_size / 512);
	vr->hdr.type = rq->op == REQ_OP_READ ? VIRTIO_BLK_T_IN :
		       rq->op == REQ_OP_WRITE ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_FLUSH;
	if (rq->op == REQ_OP_FLUSH && !virtio_has_feature(vb->vdev, VIRTIO_BLK_F_FLUSH)) {
		kfree(vr);
		blk_end_request(rq, 0);		/* no volatile cache to flush */
		return 0;
	}
	bufs[n++] = (struct vq_buf){ &vr->hdr, sizeof(vr->hdr) };
	if (rq->op == REQ_OP_WRITE)
		bufs[n++] = (struct vq_buf){ rq->buf, rq->count * bdev->sector_size };
	out = n;
	if (rq->op == REQ_OP_READ)
		bufs[n++] = (struct vq_buf){ rq->buf, rq->count * bdev->sector_size };
	bufs[n++] = (struct vq_buf){ &vr->status, 1 };

	spin_lock_irqsave(&vb->lock, flags);
	err = virtqueue_add(vb->vq, bufs, out, n - out, vr);
	if (!err)
		virtqueue_kick(vb->vq);
	spin_unlock_irqrestore(&vb->lock, flags);
	if (err)
		kfree(vr);
	return err;
}

static const struct block_device_ops vblk_ops = {
	.submit = vblk_submit,
	.poll = vblk_poll,
};

static int vblk_probe(struct virtio_device *vdev)
{
	struct vblk *vb;
	u64 capacity;
	u32 bsize = 512;
	char name[8];
	int err;

	vb = devm_kzalloc(&vdev->dev, sizeof(*vb));
	if (!vb)
		return -ENOMEM;
	vb->vdev = vdev;
	spin_lock_init(&vb->lock);
	vdev->config->get_config(vdev, CFG_CAPACITY, &capacity, sizeof(capacity));
	if (virtio_has_feature(vdev, VIRTIO_BLK_F_BLK_SIZE))
		vdev->config->get_config(vdev, CFG_BLK_SIZE, &bsize, sizeof(bsize));
	if (bsize < 512 || bsize > 4096 || (bsize & (bsize - 1))) {
		dev_err(&vdev->dev, "unusable block size %u", bsize);
		return -EINVAL;
	}
	vb->vq = vdev->config->setup_vq(vdev, 0, VBLK_QUEUE_MAX, vblk_done);
	if (IS_ERR(vb->vq))
		return PTR_ERR(vb->vq);
	vb->vq->priv = vb;	/* no interrupt before DRIVER_OK: set in time */
	vb->bdev.sector_size = bsize;
	vb->bdev.nr_sectors = capacity / (bsize / 512);
	vb->bdev.read_only = virtio_has_feature(vdev, VIRTIO_BLK_F_RO);
	vb->bdev.ops = &vblk_ops;
	vb->bdev.priv = vb;
	dev_set_drvdata(&vdev->dev, vb);
	/* DRIVER_OK before the partition scan issues requests. */
	vdev->config->set_status(vdev, vdev->config->get_status(vdev) |
				 VIRTIO_STATUS_DRIVER_OK);
	snprintf(name, sizeof(name), "vd%c", 'a' + next_disk % 26);
	err = blk_register(&vb->bdev, &vdev->dev, name);
	if (err)
		goto out_del_vq;
	next_disk++;
	return 0;

out_del_vq:
	vdev->config->reset(vdev);
	vdev->config->del_vq(vb->vq);
	return err;
}

static void vblk_remove(struct virtio_device *vdev)
{
	struct vblk *vb = dev_get_drvdata(&vdev->dev);

	blk_unregister(&vb->bdev);
	vdev->config->reset(vdev);
	vdev->config->del_vq(vb->vq);
}

static const u32 vblk_ids[] = { VIRTIO_ID_BLOCK, 0 };
static struct virtio_driver vblk_driver = {
	.id_table = vblk_ids,
	.features = (1ull << VIRTIO_BLK_F_RO) | (1ull << VIRTIO_BLK_F_BLK_SIZE) |
		    (1ull << VIRTIO_BLK_F_FLUSH),
	.probe = vblk_probe,
	.remove = vblk_remove,
	.driver = { .name = "virtio-blk" },
};

static int vblk_init(void)
{
	return virtio_driver_register(&vblk_driver);
}

static void vblk_exit(void)
{
	virtio_driver_unregister(&vblk_driver);
}
initcall_pair(device, vblk_init, vblk_exit);
