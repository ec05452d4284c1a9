// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS backends: the medium seen as segments.
 *
 * FTL volume: a segment is a LEB; writes append (FTL rule), a segment is
 * unmapped before it is reused, sync is a no-op (an FTL write is durable
 * when it returns).
 * Block store (struct blkio): a segment is seg_size bytes of sectors;
 * writes are whole sectors, reads of any range go through a sector bounce
 * buffer, erase is a no-op (stale objects are told apart by their
 * sequence numbers), sync is the store's flush.
 *
 * Layer: the bottom of LogFS.  Locking: the caller's (fs->lock).
 * Must not know: objects, anchors, anything of the filesystem.
 */
#define pr_fmt(fmt) "logfs: " fmt
#include <port/port.h>
#include <mtd/ftl.h>
#include <lib/blkio.h>
#include <fs/logfs.h>

struct logfs_ftl_priv {
	struct ftl_device *ftl;
	int vol;
};

static int ftl_dev_read(struct logfs_dev *dev, u32 seg, u32 ofs, void *buf,
			u32 len)
{
	struct logfs_ftl_priv *p = dev->priv;
	int ret = ftl_leb_read(p->ftl, p->vol, seg, ofs, buf, len);

	return ret == -EBADMSG ? -EIO : ret;
}

static int ftl_dev_write(struct logfs_dev *dev, u32 seg, u32 ofs,
			 const void *buf, u32 len)
{
	struct logfs_ftl_priv *p = dev->priv;

	return ftl_leb_write(p->ftl, p->vol, seg, ofs, buf, len);
}

static int ftl_dev_erase(struct logfs_dev *dev, u32 seg)
{
	struct logfs_ftl_priv *p = dev->priv;

	return ftl_leb_unmap(p->ftl, p->vol, seg);
}

static int ftl_dev_sync(struct logfs_dev *dev)
{
	return 0;
}

static void ftl_dev_release(struct logfs_dev *dev)
{
	kfree(dev->priv);
	dev->priv = NULL;
}

/**
 * logfs_dev_ftl() - a LogFS medium on FTL volume @vol
 * @dev: filled in; release with dev->release(dev)
 * @ftl: attached FTL
 * @vol: volume id
 *
 * Return: 0, -EINVAL (no such volume, too few LEBs), -ENOMEM.
 */
int logfs_dev_ftl(struct logfs_dev *dev, struct ftl_device *ftl, int vol)
{
	struct logfs_ftl_priv *p;
	u32 lebs = ftl_vol_lebs(ftl, vol);

	if (lebs < 8)
		return -EINVAL;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->ftl = ftl;
	p->vol = vol;
	memset(dev, 0, sizeof(*dev));
	dev->io_unit = max(ftl_min_io(ftl), 8u);
	dev->seg_size = ALIGN_DOWN(ftl_leb_size(ftl), dev->io_unit);
	dev->nr_segs = lebs;
	dev->priv = p;
	dev->read = ftl_dev_read;
	dev->write = ftl_dev_write;
	dev->erase = ftl_dev_erase;
	dev->sync = ftl_dev_sync;
	dev->release = ftl_dev_release;
	return 0;
}

struct logfs_blk_priv {
	struct blkio *bio;
	u8 *bounce;		/* one sector */
};

static u64 blk_pos(struct logfs_dev *dev, u32 seg, u32 ofs)
{
	return (u64)seg * dev->seg_size + ofs;
}

static int blk_dev_read(struct logfs_dev *dev, u32 seg, u32 ofs, void *buf,
			u32 len)
{
	struct logfs_blk_priv *p = dev->priv;
	u32 ss = p->bio->sector_size, n, skip;
	u64 pos = blk_pos(dev, seg, ofs);
	u8 *out = buf;
	int ret;

	while (len) {
		skip = (u32)(pos % ss);
		if (!skip && len >= ss) {
			n = ALIGN_DOWN(len, ss);
			ret = p->bio->read(p->bio, pos / ss, out, n / ss);
		} else {
			n = min(ss - skip, len);
			ret = p->bio->read(p->bio, pos / ss, p->bounce, 1);
			if (!ret)
				memcpy(out, p->bounce + skip, n);
		}
		if (ret)
			return ret;
		out += n;
		pos += n;
		len -= n;
	}
	return 0;
}

static int blk_dev_write(struct logfs_dev *dev, u32 seg, u32 ofs,
			 const void *buf, u32 len)
{
	struct logfs_blk_priv *p = dev->priv;
	u32 ss = p->bio->sector_size;

	if (ofs % ss || len % ss)
		return -EINVAL;
	return p->bio->write(p->bio, blk_pos(dev, seg, ofs) / ss, buf, len / ss);
}

/*
 * A block store has no erase: data segments are simply overwritten.  The
 * journal segments are zeroed, though: a format must leave no older anchor
 * behind, or the next mount would find the previous filesystem's anchors
 * (with higher sequence numbers) and bring it back.
 */
static int blk_dev_erase(struct logfs_dev *dev, u32 seg)
{
	struct logfs_blk_priv *p = dev->priv;
	u32 ss = p->bio->sector_size, s;
	u64 first = blk_pos(dev, seg, 0) / ss;
	int ret = 0;

	if (seg >= LOGFS_JOURNAL_SEGS)
		return 0;
	memset(p->bounce, 0, ss);
	for (s = 0; s < dev->seg_size / ss && !ret; s++)
		ret = p->bio->write(p->bio, first + s, p->bounce, 1);
	return ret;
}

static int blk_dev_sync(struct logfs_dev *dev)
{
	struct logfs_blk_priv *p = dev->priv;

	return p->bio->flush ? p->bio->flush(p->bio) : 0;
}

static void blk_dev_release(struct logfs_dev *dev)
{
	struct logfs_blk_priv *p = dev->priv;

	if (p)
		kfree(p->bounce);
	kfree(p);
	dev->priv = NULL;
}

/**
 * logfs_dev_blkio() - a LogFS medium on a block store
 * @dev: filled in; release with dev->release(dev)
 * @bio: the store
 * @seg_size: bytes per segment, multiple of the sector size (0: 128 KiB)
 *
 * Return: 0, -EINVAL, -ENOMEM.
 */
int logfs_dev_blkio(struct logfs_dev *dev, struct blkio *bio, u32 seg_size)
{
	struct logfs_blk_priv *p;

	if (!seg_size)
		seg_size = 128 * 1024;
	if (!bio->sector_size || seg_size % bio->sector_size ||
	    seg_size < 4 * 4096)
		return -EINVAL;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->bounce = kmalloc(bio->sector_size, GFP_KERNEL);
	if (!p->bounce) {
		kfree(p);
		return -ENOMEM;
	}
	p->bio = bio;
	memset(dev, 0, sizeof(*dev));
	dev->seg_size = seg_size;
	dev->nr_segs = (u32)(bio->nr_sectors * bio->sector_size / seg_size);
	dev->io_unit = bio->sector_size;
	dev->priv = p;
	dev->read = blk_dev_read;
	dev->write = blk_dev_write;
	dev->erase = blk_dev_erase;
	dev->sync = blk_dev_sync;
	dev->release = blk_dev_release;
	return 0;
}
