/* SPDX-License-Identifier: GPL-2.0 */
/*
 * FTL: a UBI-like logical-eraseblock layer over one MTD device/partition.
 *
 * Users see volumes of LEBs (logical erase blocks) of ftl_leb_size() bytes.
 * A LEB is written front to back in units of ftl_min_io() bytes (like a
 * flash block, but never erased by the user: ftl_leb_unmap() forgets it and
 * ftl_leb_change() replaces it atomically).  Under it the FTL maps LEBs to
 * PEBs, levels wear (dynamic and static), retires bad blocks into a reserve,
 * scrubs blocks that needed ECC correction, and keeps a checkpoint of the
 * mapping so that attach reads a bounded amount of flash.
 *
 * Durability: a completed ftl_leb_write()/ftl_leb_change() survives a
 * power cut (a change is all-or-nothing).  An ftl_leb_unmap() is durable
 * only after a later ftl_sync(); until then the old contents may come back
 * after a power cut (UBI has the same rule).
 *
 * Locking: every call takes the device's mutex; calls may come from any
 * thread.  Return codes: 0 or -errno; -EINVAL for bad arguments, -ENOSPC
 * when no PEB is free, -EROFS after a fatal error (the FTL turned
 * read-only and said why in the log), -EIO / -EBADMSG from the flash.
 */
#ifndef MTD_FTL_H
#define MTD_FTL_H

#include <mtd/mtd.h>

struct ftl_device;

/* Zero means "default" for every field. */
struct ftl_config {
	u32 pool_size;		/* PEBs writable between checkpoints (16) */
	u32 wl_threshold;	/* max erase-count spread before static WL (64) */
	u32 bad_reserve;	/* format: PEBs kept for bad blocks (2% min 2) */
	u32 image_seq;		/* format: image id (0: derived from time) */
};

struct ftl_stats {
	u32 nr_pebs;
	u32 good_pebs;
	u32 free_pebs;		/* free + waiting for erase */
	u32 bad_pebs;
	u32 reserve_pebs;	/* still available for bad-block replacement */
	u32 min_ec, max_ec;	/* over good PEBs */
	u64 ckpt_writes;
	u64 wl_moves;
	u64 scrubs;
	bool attached_by_scan;	/* the checkpoint was missing or stale */
	size_t ram_bytes;	/* memory held by the attached device */
};

/**
 * ftl_format() - erase @mtd and write an empty FTL (no user volumes)
 * @mtd: device or partition
 * @cfg: options (bad_reserve, image_seq); may be NULL
 *
 * Erase counters already on the device are kept when valid.
 * Return: 0, -EINVAL (geometry unusable), -EIO, -ENOMEM, -ENOSPC.
 */
int ftl_format(struct mtd_info *mtd, const struct ftl_config *cfg);

/**
 * ftl_attach() - attach an FTL-formatted device
 * @mtd: device or partition
 * @cfg: options (pool_size, wl_threshold); may be NULL
 *
 * Reads the checkpoint; scans all PEB headers only if it is missing/stale.
 * Return: the device or ERR_PTR(-EINVAL / -EUCLEAN (not an FTL image or
 * corrupt) / -EIO / -ENOMEM).
 */
struct ftl_device *ftl_attach(struct mtd_info *mtd, const struct ftl_config *cfg);

/**
 * ftl_detach() - write a final checkpoint and free @ftl
 * @ftl: device (freed even on error)
 * Return: 0 or the checkpoint write error.
 */
int ftl_detach(struct ftl_device *ftl);

/**
 * ftl_vol_create() - create a volume
 * @ftl: device
 * @name: 1..23 characters, unique
 * @nr_lebs: LEBs to reserve (0: all that are left)
 * Return: the volume id (>= 0), -EEXIST, -ENOSPC, -ENFILE (table full),
 * -EINVAL.
 */
int ftl_vol_create(struct ftl_device *ftl, const char *name, u32 nr_lebs);

/**
 * ftl_vol_find() - look a volume up by name
 * Return: the volume id or -ENOENT.
 */
int ftl_vol_find(struct ftl_device *ftl, const char *name);

/** ftl_vol_lebs() - LEBs of volume @vol (0 if it does not exist) */
u32 ftl_vol_lebs(struct ftl_device *ftl, int vol);

/** ftl_leb_size() - bytes per LEB */
u32 ftl_leb_size(const struct ftl_device *ftl);

/** ftl_min_io() - write unit in bytes (offsets and lengths of writes) */
u32 ftl_min_io(const struct ftl_device *ftl);

/**
 * ftl_leb_read() - read from a LEB (an unmapped LEB reads as 0xff)
 * @ftl: device
 * @vol: volume id
 * @lnum: LEB number
 * @offset: byte offset in the LEB
 * @buf: destination
 * @len: bytes
 *
 * Corrected bit flips are not an error (the PEB is scrubbed).
 * Return: 0, -EINVAL, -EBADMSG (uncorrectable), -EIO.
 */
int ftl_leb_read(struct ftl_device *ftl, int vol, u32 lnum, u32 offset,
		 void *buf, u32 len);

/**
 * ftl_leb_write() - write to a LEB (mapping it if needed)
 * @ftl: device
 * @vol: volume id
 * @lnum: LEB number
 * @offset: byte offset, multiple of ftl_min_io(); must not be written yet
 * @buf: data
 * @len: bytes, multiple of ftl_min_io()
 *
 * A program failure moves the LEB to another PEB and retires the bad one.
 * Return: 0, -EINVAL, -ENOSPC, -EROFS, -EIO.
 */
int ftl_leb_write(struct ftl_device *ftl, int vol, u32 lnum, u32 offset,
		  const void *buf, u32 len);

/**
 * ftl_leb_change() - replace a LEB's contents atomically
 * @ftl: device
 * @vol: volume id
 * @lnum: LEB number
 * @buf: new contents
 * @len: bytes (multiple of ftl_min_io(), <= ftl_leb_size())
 *
 * After a power cut the LEB holds either the old or the new contents.
 * Return: 0, -EINVAL, -ENOSPC, -EROFS, -EIO.
 */
int ftl_leb_change(struct ftl_device *ftl, int vol, u32 lnum,
		   const void *buf, u32 len);

/**
 * ftl_leb_unmap() - forget a LEB's contents (durable after ftl_sync())
 * Return: 0, -EINVAL, -EROFS.
 */
int ftl_leb_unmap(struct ftl_device *ftl, int vol, u32 lnum);

/** ftl_leb_is_mapped() - 1 if the LEB holds data, 0 if not, or -EINVAL */
int ftl_leb_is_mapped(struct ftl_device *ftl, int vol, u32 lnum);

/**
 * ftl_sync() - write a checkpoint and erase dirty PEBs
 * Return: 0, -EIO, -EROFS.
 */
int ftl_sync(struct ftl_device *ftl);

/** ftl_get_stats() - counters and erase-count spread */
void ftl_get_stats(struct ftl_device *ftl, struct ftl_stats *st);

#endif /* MTD_FTL_H */
