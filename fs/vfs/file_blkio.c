// SPDX-License-Identifier: GPL-2.0
/*
 * A regular file as a struct blkio (sector reads and writes become
 * kernel_read/kernel_write at sector * size), so that images stored in a
 * filesystem can back cloop, loop devices and filesystems.  A block node
 * opened in devfs works the same way (loop devices stacked on devices).
 *
 * Layer: VFS service for the block consumers.  Locking: none of its own;
 * each transfer takes the file inode's lock inside kernel_read/write.
 * Knows nothing of what the image contains.
 */
#include <fs/file_blkio.h>
#include <fs/vfs.h>
#include <kernel/err.h>
#include <kernel/errno.h>

static int fb_transfer(struct blkio *bio, u64 sector, void *buf, u32 count, bool write)
{
	struct file_blkio *fb = bio->priv;
	u64 pos = sector * bio->sector_size;
	size_t len = (size_t)count * bio->sector_size;
	ssize_t n;

	if (blkio_check_range(bio, sector, count))
		return -EINVAL;
	if (write && bio->read_only)
		return -EROFS;
	n = write ? kernel_write(fb->file, buf, len, &pos) :
		    kernel_read(fb->file, buf, len, &pos);
	if (n < 0)
		return n;
	return (size_t)n == len ? 0 : -EIO;	/* the file shrank under us */
}

static int fb_read(struct blkio *bio, u64 sector, void *buf, u32 count)
{
	return fb_transfer(bio, sector, buf, count, false);
}

static int fb_write(struct blkio *bio, u64 sector, const void *buf, u32 count)
{
	return fb_transfer(bio, sector, (void *)buf, count, true);
}

static int fb_flush(struct blkio *bio)
{
	struct file_blkio *fb = bio->priv;

	return fb->file->f_op && fb->file->f_op->fsync ? fb->file->f_op->fsync(fb->file) : 0;
}

static int fb_setup(struct file_blkio *fb, struct file *f, u32 sector_size,
		    bool read_only)
{
	u64 size;

	mutex_lock(&f->inode->lock);
	size = f->inode->size;
	mutex_unlock(&f->inode->lock);
	if (size < sector_size)
		return -ENXIO;
	fb->file = f;
	fb->bio = (struct blkio){
		.sector_size = sector_size,
		.nr_sectors = size / sector_size,
		.read_only = read_only,
		.priv = fb,
		.read = fb_read,
		.write = fb_write,
		.flush = fb_flush,
	};
	return 0;
}

/**
 * file_blkio_open() - open @path as a device of @sector_size sectors
 * @fb: filled in   @ctx: caller's context   @path: a regular file
 * @sector_size: a power of two >= 512
 * @read_only: open O_RDONLY and refuse writes (-EROFS)
 * Return: 0; -EINVAL (bad sector size, not a regular file), -ENXIO
 * (smaller than one sector); open errors.
 */
int file_blkio_open(struct file_blkio *fb, struct vfs_ctx *ctx, const char *path,
		    u32 sector_size, bool read_only)
{
	struct file *f;
	int ret;

	if (sector_size < 512 || !is_power_of_2(sector_size))
		return -EINVAL;
	f = filp_open(ctx, path, read_only ? O_RDONLY : O_RDWR, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	ret = S_ISREG(f->inode->mode) ? fb_setup(fb, f, sector_size, read_only) : -EINVAL;
	if (ret)
		fput(f);
	return ret;
}

/**
 * file_blkio_open_file() - a device over @file, which is already open
 * @fb: filled in   @file: a regular file or block node; the reference
 * passes to @fb on success   @sector_size: a power of two >= 512
 * @read_only: refuse writes; forced for a file opened O_RDONLY
 * Return: 0; -EINVAL (bad sector size or file type, O_APPEND: writes
 * would land at the end), -EBADF (write-only), -ENXIO (under a sector).
 */
int file_blkio_open_file(struct file_blkio *fb, struct file *file,
			 u32 sector_size, bool read_only)
{
	u32 acc = file->flags & O_ACCMODE;

	if (sector_size < 512 || !is_power_of_2(sector_size))
		return -EINVAL;
	if (!S_ISREG(file->inode->mode) && !S_ISBLK(file->inode->mode))
		return -EINVAL;
	if (acc == O_WRONLY)
		return -EBADF;
	if (file->flags & O_APPEND)
		return -EINVAL;
	return fb_setup(fb, file, sector_size, read_only || acc == O_RDONLY);
}

/**
 * file_blkio_close() - release the file; the device must be unused
 */
void file_blkio_close(struct file_blkio *fb)
{
	fput(fb->file);
	fb->file = NULL;
}
