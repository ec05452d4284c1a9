// SPDX-License-Identifier: GPL-2.0
/*
 * devfs file operations: character nodes call the driver's read/write
 * (and poll: always ready when the driver has none);
 * block nodes turn byte ranges into whole-sector struct blkio transfers
 * (a bounce sector for the unaligned head and tail), pass ioctls to the
 * driver's hook and end the file's claim when it is released.  A block
 * device of 0 sectors has no medium (an unbound loop device): -ENXIO.
 *
 * Layer: devfs, between the VFS and drivers.  Locking: none held while a
 * driver runs (a character read may wait); each I/O is bracketed by
 * devfs_node_enter()/exit() so unregistering waits for it.  Block nodes
 * serialise on the inode lock for read-modify-write.  Knows nothing of
 * what the devices are.
 */
#include "internal.h"
#include <fs/poll.h>
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/string.h>

static struct devfs_node *file_node(struct file *file)
{
	return file->inode->priv;
}

static ssize_t char_read(struct file *file, void *buf, size_t len, u64 *pos)
{
	struct devfs_node *n = file_node(file);
	ssize_t ret;

	if (!n->ops->read)
		return -EINVAL;
	if (!devfs_node_enter(n))
		return -ENODEV;
	ret = n->ops->read(n->priv, buf, len, pos);
	devfs_node_exit(n);
	return ret;
}

static long char_ioctl(struct file *file, u32 cmd, u32 arg)
{
	struct devfs_node *n = file_node(file);

	if (!n->ops || !n->ops->ioctl)
		return -ENOTTY;
	return n->ops->ioctl(n->priv, cmd, arg);
}

/*
 * The driver's answer, or always ready without one; a node unregistered
 * under an open file is an error and a hang-up (its I/O gives -ENODEV).
 */
static u32 char_poll(struct file *file, struct poll_table *pt)
{
	struct devfs_node *n = file_node(file);
	u32 mask;

	if (!n->ops || !n->ops->poll)
		return POLL_DEFAULT_MASK;
	if (!devfs_node_enter(n))
		return POLLERR | POLLHUP;
	mask = n->ops->poll(n->priv, file, pt);
	devfs_node_exit(n);
	return mask;
}

static ssize_t char_write(struct file *file, const void *buf, size_t len, u64 *pos)
{
	struct devfs_node *n = file_node(file);
	ssize_t ret;

	if (!n->ops->write)
		return -EINVAL;
	if (!devfs_node_enter(n))
		return -ENODEV;
	ret = n->ops->write(n->priv, buf, len, pos);
	devfs_node_exit(n);
	return ret;
}

/* One piece of a transfer: within one sector, or whole sectors. */
static int blk_piece(struct blkio *bio, u8 *bounce, u64 pos, u8 *buf, size_t len,
		     bool write, size_t *done)
{
	u32 ss = bio->sector_size;
	u64 sector = pos / ss;
	u32 off = pos % ss;
	int ret;

	if (!off && len >= ss) {		/* whole sectors, no copy */
		u32 count = len / ss;

		ret = write ? bio->write(bio, sector, buf, count) :
			      bio->read(bio, sector, buf, count);
		*done = (size_t)count * ss;
		return ret;
	}
	*done = min((size_t)(ss - off), len);
	ret = bio->read(bio, sector, bounce, 1);
	if (ret || !write) {
		if (!ret)
			memcpy(buf, bounce + off, *done);
		return ret;
	}
	memcpy(bounce + off, buf, *done);
	return bio->write(bio, sector, bounce, 1);
}

static ssize_t blk_rw(struct file *file, u8 *buf, size_t len, u64 *pos, bool write)
{
	struct devfs_node *n = file_node(file);
	struct blkio *bio = n->bio;
	u64 size = bio->nr_sectors * bio->sector_size;
	size_t total = 0, done;
	u8 *bounce;
	int ret = 0;

	if (!size)
		return -ENXIO;
	if (write && (bio->read_only || !bio->write))
		return -EROFS;
	if (*pos >= size)
		return write ? -ENOSPC : 0;
	len = min((u64)len, size - *pos);
	bounce = kmalloc(bio->sector_size, GFP_KERNEL);
	if (!bounce)
		return -ENOMEM;
	if (!devfs_node_enter(n)) {
		kfree(bounce);
		return -ENODEV;
	}
	mutex_lock(&file->inode->lock);
	while (total < len) {
		ret = blk_piece(bio, bounce, *pos + total, buf + total, len - total,
				write, &done);
		if (ret)
			break;
		total += done;
	}
	mutex_unlock(&file->inode->lock);
	devfs_node_exit(n);
	kfree(bounce);
	*pos += total;
	return total ? (ssize_t)total : ret;
}

static ssize_t blk_read(struct file *file, void *buf, size_t len, u64 *pos)
{
	return blk_rw(file, buf, len, pos, false);
}

static ssize_t blk_write(struct file *file, const void *buf, size_t len, u64 *pos)
{
	return blk_rw(file, (u8 *)buf, len, pos, true);
}

static int blk_fsync(struct file *file)
{
	struct devfs_node *n = file_node(file);
	int ret = 0;

	if (!devfs_node_enter(n))
		return -ENODEV;
	if (n->bio->flush)
		ret = n->bio->flush(n->bio);
	devfs_node_exit(n);
	return ret;
}

/* The size of a device can change (a loop device binds a file): show it. */
static int blk_open(struct inode *inode, struct file *file)
{
	devfs_refresh_size(inode);
	return 0;
}

static void blk_release(struct inode *inode, struct file *file)
{
	devfs_unclaim(file);
}

/* Bracketed like I/O: the driver's state stays until the hook returns. */
static long blk_ioctl(struct file *file, u32 cmd, u32 arg)
{
	struct devfs_node *n = file_node(file);
	long ret;

	if (!n->blk_ops || !n->blk_ops->ioctl)
		return -ENOTTY;
	if (!devfs_node_enter(n))
		return -ENODEV;
	ret = n->blk_ops->ioctl(n->priv, cmd, arg);
	devfs_node_exit(n);
	return ret;
}

const struct file_operations devfs_char_fops = {
	.read = char_read,
	.write = char_write,
	.ioctl = char_ioctl,
	.poll = char_poll,
};

const struct file_operations devfs_blk_fops = {
	.open = blk_open,
	.release = blk_release,
	.read = blk_read,
	.write = blk_write,
	.fsync = blk_fsync,
	.ioctl = blk_ioctl,
};
