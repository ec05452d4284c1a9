/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct blkio: a sector-addressed store, the one interface between the
 * portable block consumers and producers.
 *
 * Producers: the kernel block layer (mmcblk0, vda ...), the loop, cloop and
 * encrypted loop devices, and on the host a plain file (lib/host/blkio_file.c)
 * or memory.  Consumers: ext2, LogFS's block backend, cloop, loop.  Like a
 * littlefs config, it is a struct of geometry and callbacks that the caller
 * fills in; nothing is allocated behind the caller's back.
 *
 * Callbacks return 0 or a negative errno (-EIO for a failed medium, -EINVAL
 * for a range outside the device, -EROFS for a write to a read-only store).
 * Transfers are whole sectors; @count is in sectors.
 */
#ifndef LIB_BLKIO_H
#define LIB_BLKIO_H

#include <kernel/types.h>

struct blkio {
	u32 sector_size;	/* bytes, a power of two >= 512 */
	u64 nr_sectors;
	bool read_only;
	void *priv;		/* the producer's state */
	int (*read)(struct blkio *bio, u64 sector, void *buf, u32 count);
	int (*write)(struct blkio *bio, u64 sector, const void *buf, u32 count);
	int (*flush)(struct blkio *bio);	/* may be NULL: nothing cached */
};

/**
 * blkio_check_range() - validate a transfer against the device size
 * Return: 0, or -EINVAL if [sector, sector + count) is not inside the device.
 */
static inline int blkio_check_range(const struct blkio *bio, u64 sector, u32 count)
{
	if (sector > bio->nr_sectors || count > bio->nr_sectors - sector)
		return -22; /* -EINVAL, spelled out: this header is errno-agnostic */
	return 0;
}

#ifndef __KERNEL__
/**
 * blkio_file_open() - a host file as a struct blkio (host builds only)
 * @bio: filled in on success
 * @path: the file; its size must be a multiple of @sector_size
 * @sector_size: bytes per sector
 * @read_only: open read-only and refuse writes
 * Return: 0 or -errno.  Release with blkio_file_close().
 */
int blkio_file_open(struct blkio *bio, const char *path, u32 sector_size,
		    bool read_only);
void blkio_file_close(struct blkio *bio);
#endif

#endif /* LIB_BLKIO_H */
