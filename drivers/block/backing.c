// SPDX-License-Identifier: GPL-2.0
/*
 * The store behind a loop or encrypted device, given as an open file: a
 * regular file, or a block node in devfs (a device stacked on another
 * device).  Both are read and written through the file (file_blkio), so
 * a block node that goes away fails the I/O (-ENODEV) instead of leaving
 * a dangling struct blkio; a block node is also claimed, so that its own
 * driver refuses to detach or remove it underneath us.
 *
 * Layer: kernel glue under loop_dev.c and cryptctl.c.  Locking: none; the
 * caller owns the struct.  Knows nothing of what the store holds.
 */
#include "backing.h"
#include <fs/devfs.h>
#include <fs/vfs.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/slab.h>

/**
 * backing_new() - use @file as a store of 512-byte sectors
 * @file: regular file or devfs block node; owned by the backing on success
 * @read_only: refuse writes   @excl: claim a block node exclusively
 * Return: the backing or an ERR_PTR (see backing.h).
 */
struct backing *backing_new(struct file *file, bool read_only, bool excl)
{
	bool blk = S_ISBLK(file->inode->mode);
	struct backing *b;
	int ret;

	if (!blk && !S_ISREG(file->inode->mode))
		return ERR_PTR(-EINVAL);
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return ERR_PTR(-ENOMEM);
	if (blk) {
		/* before sizing it: a claim also refreshes the node's size */
		ret = devfs_claim(file, excl);
		if (ret)
			goto out_free;
		b->claimed = true;
	}
	ret = file_blkio_open_file(&b->fb, file, 512, read_only);
	if (ret)
		goto out_unclaim;
	return b;

out_unclaim:
	if (b->claimed)
		devfs_unclaim(file);
out_free:
	kfree(b);
	return ERR_PTR(ret == -ENOTBLK ? -EINVAL : ret);
}

/**
 * backing_free() - end the claim and drop the file
 * @b: from backing_new(), or NULL
 */
void backing_free(struct backing *b)
{
	if (!b)
		return;
	if (b->claimed)
		devfs_unclaim(b->fb.file);
	file_blkio_close(&b->fb);
	kfree(b);
}

/**
 * backing_abandon() - end the claim and free @b, but keep the file open:
 * its reference goes back to whoever passed it to backing_new()
 */
void backing_abandon(struct backing *b)
{
	if (b->claimed)
		devfs_unclaim(b->fb.file);
	kfree(b);
}
