/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to the loop and cryptctl nodes: the store behind a device that
 * user space named by an open file descriptor.
 */
#ifndef DRIVERS_BLOCK_BACKING_H
#define DRIVERS_BLOCK_BACKING_H

#include <fs/file_blkio.h>

struct file;

struct backing {
	struct file_blkio fb;		/* 512-byte sectors over the file */
	bool claimed;			/* a block node: devfs_claim() held */
};

/**
 * backing_new() - use @file as a store of 512-byte sectors
 * @file: a regular file or a devfs block node, opened for reading; a
 * block node is claimed (its driver keeps it while we use it).  On success
 * the backing owns this reference; on failure the caller still does.
 * @read_only: refuse writes (forced when @file was opened O_RDONLY)
 * @excl: claim a block node exclusively (no mount, no stacked device)
 * Return: the backing, or ERR_PTR: -EINVAL (another file type, O_APPEND),
 * -EBADF (write-only), -ENXIO (empty, or a loop device with nothing
 * bound), -EBUSY (claimed: exclusively, or by this very file already),
 * -ENODEV, -ENOMEM.
 */
struct backing *backing_new(struct file *file, bool read_only, bool excl);

/** backing_free() - end the claim and drop the file (the user flushed); NULL ok */
void backing_free(struct backing *b);

/**
 * backing_abandon() - undo backing_new() but leave the file's reference
 * with the caller (whose own call failed after backing_new() succeeded)
 */
void backing_abandon(struct backing *b);

static inline struct blkio *backing_blkio(struct backing *b)
{
	return &b->fb.bio;
}

#endif /* DRIVERS_BLOCK_BACKING_H */
