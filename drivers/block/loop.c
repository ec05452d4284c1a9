// SPDX-License-Identifier: GPL-2.0
/*
 * Loop device: a window (offset, size limit) of another struct blkio,
 * exported as a struct blkio, optionally read-only, with a per-sector
 * transform hook.
 *
 * Layer: block producer over a block consumer.  Reads go to the caller's
 * buffer and are transformed in place; writes are transformed in a bounce
 * buffer so the caller's data is never modified.  The transform is handed
 * 512-byte units numbered from the start of the window, independent of the
 * exported block size.  Locking: none inside; one user per device (the
 * block layer serialises requests per device).  Knows nothing about
 * ciphers or on-disk formats.
 */
#define pr_fmt(fmt) "loop: " fmt
#include <port/port.h>
#include <block/loop.h>

static u64 loop_backing_sector(struct loop_dev *lo, u64 sector)
{
	return (lo->cfg.offset + sector * lo->bio.sector_size) /
		lo->backing->sector_size;
}

static int loop_read(struct blkio *bio, u64 sector, void *buf, u32 count)
{
	struct loop_dev *lo = bio->priv;
	u32 ratio = bio->sector_size / lo->backing->sector_size;
	u32 units = bio->sector_size / LOOP_SECTOR;
	int ret;

	ret = blkio_check_range(bio, sector, count);
	if (ret)
		return ret;
	ret = lo->backing->read(lo->backing, loop_backing_sector(lo, sector),
				buf, count * ratio);
	if (ret || !lo->xform.xfer)
		return ret;
	return lo->xform.xfer(lo->xform.ctx, LOOP_READ, sector * units, buf,
			      count * units);
}

static int loop_write(struct blkio *bio, u64 sector, const void *buf, u32 count)
{
	struct loop_dev *lo = bio->priv;
	u32 ratio = bio->sector_size / lo->backing->sector_size;
	u32 units = bio->sector_size / LOOP_SECTOR;
	const u8 *src = buf;
	u32 i;
	int ret;

	ret = blkio_check_range(bio, sector, count);
	if (ret)
		return ret;
	if (bio->read_only)
		return -EROFS;
	if (!lo->xform.xfer)
		return lo->backing->write(lo->backing,
					  loop_backing_sector(lo, sector),
					  buf, count * ratio);
	for (i = 0; i < count; i++) {
		memcpy(lo->bounce, src + (size_t)i * bio->sector_size,
		       bio->sector_size);
		ret = lo->xform.xfer(lo->xform.ctx, LOOP_WRITE,
				     (sector + i) * units, lo->bounce, units);
		if (!ret)
			ret = lo->backing->write(lo->backing,
						 loop_backing_sector(lo, sector + i),
						 lo->bounce, ratio);
		if (ret)
			return ret;
	}
	return 0;
}

static int loop_flush(struct blkio *bio)
{
	struct loop_dev *lo = bio->priv;

	return lo->backing->flush ? lo->backing->flush(lo->backing) : 0;
}

static int loop_check_config(const struct blkio *backing,
			     const struct loop_config *cfg, u32 bs, u64 *bytes)
{
	u64 total = backing->nr_sectors * backing->sector_size;

	if (bs < LOOP_SECTOR || bs > 4096 || !is_power_of_2(bs) ||
	    bs < backing->sector_size || cfg->offset % backing->sector_size ||
	    cfg->offset >= total)
		return -EINVAL;
	*bytes = total - cfg->offset;
	if (cfg->size_limit) {
		if (cfg->size_limit > *bytes)
			return -EINVAL;
		*bytes = cfg->size_limit;
	}
	*bytes -= *bytes % bs;
	return *bytes ? 0 : -EINVAL;
}

/**
 * loop_attach() - attach a loop device to a backing store
 * @lo: the device (zeroed or detached)
 * @backing: the backing store
 * @cfg: configuration
 *
 * Return: 0, -EBUSY, -EINVAL or -ENOMEM.
 */
int loop_attach(struct loop_dev *lo, struct blkio *backing,
		const struct loop_config *cfg)
{
	u32 bs = cfg->block_size ? cfg->block_size : LOOP_SECTOR;
	u64 bytes;
	int ret;

	if (lo->attached)
		return -EBUSY;
	if (!backing || !backing->read)
		return -EINVAL;
	ret = loop_check_config(backing, cfg, bs, &bytes);
	if (ret) {
		pr_err("bad configuration (offset %llu, limit %llu, block %u)\n",
		       (unsigned long long)cfg->offset,
		       (unsigned long long)cfg->size_limit, bs);
		return ret;
	}
	lo->bounce = kmalloc(bs, GFP_KERNEL);
	if (!lo->bounce)
		return -ENOMEM;
	lo->backing = backing;
	lo->cfg = *cfg;
	lo->cfg.block_size = bs;
	memset(&lo->xform, 0, sizeof(lo->xform));
	if (cfg->transform)
		lo->xform = *cfg->transform;
	lo->bio.sector_size = bs;
	lo->bio.nr_sectors = bytes / bs;
	lo->bio.read_only = cfg->read_only || backing->read_only || !backing->write;
	lo->bio.priv = lo;
	lo->bio.read = loop_read;
	lo->bio.write = loop_write;
	lo->bio.flush = loop_flush;
	lo->attached = true;
	return 0;
}

/**
 * loop_detach() - flush and detach
 * @lo: the device
 *
 * Return: 0, -ENXIO if not attached, or the flush error (the device is
 * detached anyway).
 */
int loop_detach(struct loop_dev *lo)
{
	int ret;

	if (!lo->attached)
		return -ENXIO;
	ret = lo->bio.read_only ? 0 : loop_flush(&lo->bio);
	kfree(lo->bounce);
	memset(lo, 0, sizeof(*lo));
	return ret;
}
