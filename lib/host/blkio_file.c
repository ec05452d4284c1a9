// SPDX-License-Identifier: GPL-2.0
/*
 * Host side: a regular file as a struct blkio, for host tests and tools.
 * pread/pwrite at sector offsets; flush is fsync.  Never in the kernel.
 */
#include <port/port.h>
#include <lib/blkio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

struct blkio_file {
	int fd;
};

static int file_read(struct blkio *bio, u64 sector, void *buf, u32 count)
{
	struct blkio_file *f = bio->priv;
	size_t len = (size_t)count * bio->sector_size;

	if (blkio_check_range(bio, sector, count))
		return -EINVAL;
	if (pread(f->fd, buf, len, (off_t)(sector * bio->sector_size)) != (ssize_t)len)
		return -EIO;
	return 0;
}

static int file_write(struct blkio *bio, u64 sector, const void *buf, u32 count)
{
	struct blkio_file *f = bio->priv;
	size_t len = (size_t)count * bio->sector_size;

	if (bio->read_only)
		return -EROFS;
	if (blkio_check_range(bio, sector, count))
		return -EINVAL;
	if (pwrite(f->fd, buf, len, (off_t)(sector * bio->sector_size)) != (ssize_t)len)
		return -EIO;
	return 0;
}

static int file_flush(struct blkio *bio)
{
	struct blkio_file *f = bio->priv;

	return fsync(f->fd) ? -EIO : 0;
}

int blkio_file_open(struct blkio *bio, const char *path, u32 sector_size,
		    bool read_only)
{
	struct blkio_file *f;
	struct stat st;

	if (!is_power_of_2(sector_size) || sector_size < 512)
		return -EINVAL;
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->fd = open(path, read_only ? O_RDONLY : O_RDWR);
	if (f->fd < 0 || fstat(f->fd, &st) < 0) {
		int err = -errno;

		if (f->fd >= 0)
			close(f->fd);
		kfree(f);
		return err;
	}
	memset(bio, 0, sizeof(*bio));
	bio->sector_size = sector_size;
	bio->nr_sectors = (u64)st.st_size / sector_size;
	bio->read_only = read_only;
	bio->priv = f;
	bio->read = file_read;
	bio->write = file_write;
	bio->flush = file_flush;
	return 0;
}

void blkio_file_close(struct blkio *bio)
{
	struct blkio_file *f = bio->priv;

	if (!f)
		return;
	close(f->fd);
	kfree(f);
	bio->priv = NULL;
}
