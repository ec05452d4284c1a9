/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A regular file as a struct blkio: how an image kept in a filesystem
 * (a cloop root image, a LogFS volume, an encrypted container) becomes a
 * device for cloop, loop or a filesystem.
 *
 *	struct file_blkio fb;
 *	ret = file_blkio_open(&fb, vfs_kernel_ctx(), "/data/img", 512, false);
 *	cloop_open(&fb.bio, NULL, &cl);
 *	...
 *	file_blkio_close(&fb);
 *
 * The device has as many whole sectors as the file had at open; it does
 * not grow.  A block node (a file in devfs) works too: its I/O goes
 * through the node.  Locking: the VFS's (each transfer is one
 * kernel_read/write).
 */
#ifndef FS_FILE_BLKIO_H
#define FS_FILE_BLKIO_H

#include <lib/blkio.h>

struct vfs_ctx;
struct file;

struct file_blkio {
	struct blkio bio;
	struct file *file;
};

/**
 * file_blkio_open() - open @path as a device of @sector_size sectors
 * @read_only: open O_RDONLY and refuse writes (-EROFS)
 * Return: 0; -EINVAL (sector size not a power of two >= 512, or the file
 * is not a regular file), -ENXIO (smaller than one sector); open errors.
 */
int file_blkio_open(struct file_blkio *fb, struct vfs_ctx *ctx, const char *path,
		    u32 sector_size, bool read_only);

/**
 * file_blkio_open_file() - the same over a file already open (a loop
 * device's backing, passed by descriptor)
 * @file: a regular file or a block node, opened for reading; on success
 * @fb keeps this reference (file_blkio_close() drops it), on failure the
 * caller still owns it
 * @read_only: refuse writes (-EROFS); a file opened O_RDONLY is always so
 * Return: 0; -EINVAL (bad sector size, not a regular file or block node,
 * opened O_APPEND), -EBADF (opened write-only), -ENXIO (smaller than one
 * sector).
 */
int file_blkio_open_file(struct file_blkio *fb, struct file *file,
			 u32 sector_size, bool read_only);

/** file_blkio_close() - release the file; the device must be unused */
void file_blkio_close(struct file_blkio *fb);

#endif /* FS_FILE_BLKIO_H */
