/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What mkfs.logfs and fsck.logfs share: a LogFS medium over a file
 * descriptor (fd_dev.c) and the port layer's test hook (port.c).
 *
 * The medium has the geometry the kernel gives a block node when it mounts
 * one (fs/logfs_vfs/super.c: logfs_dev_blkio() with its default segment
 * size, the device's sector as the write unit), so that what these
 * programs format the kernel mounts: the anchor records segment size,
 * segment count and write unit, and a mount refuses any difference.
 */
#ifndef USER_LOGFS_USER_H
#define USER_LOGFS_USER_H

#include <kernel/types.h>
#include <fs/logfs.h>
#include <errno.h>

/* newlib has it only with __LINUX_ERRNO_EXTENSIONS__; the same value */
#ifndef ENOTBLK
#define ENOTBLK 15
#endif

/* logfs_dev_blkio()'s segment size when given 0, as the kernel mounts. */
#define FD_MEDIUM_SEG_SIZE	(128u * 1024)
/* Sector of the loop and encrypted loop devices (LOOP_SECTOR). */
#define FD_MEDIUM_SECTOR	512u

struct fd_medium {
	int fd;
	bool read_only;
	bool is_blk;		/* a block node; else a regular file */
	u64 size;		/* bytes */
	u32 sector_size;	/* the write unit */
	struct logfs_dev dev;	/* filled by fd_medium_open() */
};

/**
 * fd_medium_open() - a block node or a regular file as a LogFS medium
 * @m: filled in; @m->dev is the medium to format or mount
 * @path: the device or file
 * @read_only: open read-only (writes then fail with -EROFS)
 * @sector_size: write unit, a power of two from 512 to 65536
 *
 * Return: 0, -ENOTBLK (neither a block node nor a regular file), -EINVAL
 * (bad @sector_size), or the error of open() as -errno.  Close with
 * fd_medium_close().
 */
int fd_medium_open(struct fd_medium *m, const char *path, bool read_only,
		   u32 sector_size);

/**
 * fd_medium_parse_sector() - the argument of -b (sector size)
 * @prog: for the message   @arg: the text   @sector: the value, when good
 *
 * Return: 0, or -EINVAL (not a power of two from 512 to 65536; a message
 * on stderr says so).
 */
int fd_medium_parse_sector(const char *prog, const char *arg, u32 *sector);

/**
 * fd_medium_close() - flush (when writable) and close
 * Return: 0, or -EIO if the flush or the close failed.
 */
int fd_medium_close(struct fd_medium *m);

/**
 * fd_medium_mounted() - is @path the source of a mounted filesystem?
 * @path: the device
 *
 * Compares @path with every source in /proc/mounts, by name and by
 * identity (same device and inode).  A loop device's backing file is not
 * seen through the loop device.  Return: true if mounted; false if not, or
 * if /proc/mounts cannot be read.
 */
bool fd_medium_mounted(const char *path);

/**
 * port_setup_from_env() - LOGFS_FAIL_ALLOC=N: fail LogFS's allocations
 * after the first N (to test out-of-memory paths; see port.c).
 */
void port_setup_from_env(void);

/**
 * port_strerror() - strerror() for LogFS's errors, incl. EUCLEAN
 * Return: the message for the positive errno @err.
 */
const char *port_strerror(int err);

#endif /* USER_LOGFS_USER_H */
