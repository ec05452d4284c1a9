/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loop device: a struct blkio backed by another struct blkio (a host file,
 * a block device, later a VFS file), with an offset, a size limit, a
 * read-only flag and an optional per-sector transform (the encrypted loop
 * plugs in there).
 *
 * The transform always sees 512-byte units numbered from the start of the
 * loop's area (offset 0 of the loop), whatever the exported block size:
 * so data written through a 512-byte and a 4096-byte loop transform alike.
 */
#ifndef BLOCK_LOOP_H
#define BLOCK_LOOP_H

#include <kernel/types.h>
#include <lib/blkio.h>

#define LOOP_SECTOR 512

enum loop_dir { LOOP_READ, LOOP_WRITE };

struct loop_transform {
	/*
	 * Transform @count 512-byte units in place; @sector is the number of
	 * the first one from the start of the loop's area.  Return 0/-errno.
	 */
	int (*xfer)(void *ctx, enum loop_dir dir, u64 sector, u8 *buf, u32 count);
	void *ctx;
};

struct loop_config {
	u64 offset;		/* bytes into the backing store; sector aligned */
	u64 size_limit;		/* bytes, 0: up to the end of the backing store */
	u32 block_size;		/* exported sector size: 512 (default) .. 4096 */
	bool read_only;
	const struct loop_transform *transform;	/* NULL: plain loop */
};

struct loop_dev {
	struct blkio bio;		/* what we export */
	struct blkio *backing;
	struct loop_config cfg;
	struct loop_transform xform;
	bool attached;
	u8 *bounce;			/* one exported block, for writes */
};

/**
 * loop_attach() - attach @lo to @backing
 * @lo: zeroed or detached device
 * @backing: the store; must outlive the attachment
 * @cfg: offset, limit, block size, flags, transform
 *
 * Return: 0, -EBUSY (already attached), -EINVAL (misaligned offset or
 * limit, block size not a multiple of the backing sector size, empty
 * area), -ENOMEM.
 */
int loop_attach(struct loop_dev *lo, struct blkio *backing,
		const struct loop_config *cfg);

/**
 * loop_detach() - detach: flush the backing store and forget it
 * Return: 0, -ENXIO if not attached, or the flush error.
 */
int loop_detach(struct loop_dev *lo);

/** loop_blkio() - the device as a struct blkio (valid while attached) */
static inline struct blkio *loop_blkio(struct loop_dev *lo)
{
	return &lo->bio;
}

#endif /* BLOCK_LOOP_H */
