// SPDX-License-Identifier: GPL-2.0
/*
 * memblk: a RAM disk as a struct blkio.
 *
 * Layer: block producer.  Used as the backing store of the portable tests
 * and fuzzers (cloop, loop, LUKS1, ext2) and usable as a kernel RAM disk.
 * Locking: none of its own; concurrent writers to one range must serialise.
 */
#include <port/port.h>
#include <block/memblk.h>

static int memblk_read(struct blkio *bio, u64 sector, void *buf, u32 count)
{
	struct memblk *mb = bio->priv;
	int ret = blkio_check_range(bio, sector, count);

	if (ret)
		return ret;
	memcpy(buf, mb->data + sector * bio->sector_size,
	       (size_t)count * bio->sector_size);
	mb->reads += count;
	return 0;
}

static int memblk_write(struct blkio *bio, u64 sector, const void *buf,
			u32 count)
{
	struct memblk *mb = bio->priv;
	int ret = blkio_check_range(bio, sector, count);

	if (ret)
		return ret;
	if (bio->read_only)
		return -EROFS;
	memcpy(mb->data + sector * bio->sector_size, buf,
	       (size_t)count * bio->sector_size);
	mb->writes += count;
	return 0;
}

/**
 * memblk_init() - wrap a caller-owned buffer
 * @mb: filled in
 * @data: storage
 * @size: bytes, a multiple of @sector_size
 * @sector_size: power of two >= 512
 * @read_only: refuse writes
 *
 * Return: 0 or -EINVAL.
 */
int memblk_init(struct memblk *mb, void *data, size_t size, u32 sector_size,
		bool read_only)
{
	if (sector_size < 512 || !is_power_of_2(sector_size) || size % sector_size)
		return -EINVAL;
	memset(mb, 0, sizeof(*mb));
	mb->data = data;
	mb->size = size;
	mb->bio.sector_size = sector_size;
	mb->bio.nr_sectors = size / sector_size;
	mb->bio.read_only = read_only;
	mb->bio.priv = mb;
	mb->bio.read = memblk_read;
	mb->bio.write = memblk_write;
	return 0;
}

/**
 * memblk_create() - allocate a zeroed RAM disk
 * @mb: filled in
 * @size: bytes, a multiple of @sector_size
 * @sector_size: power of two >= 512
 *
 * Return: 0, -EINVAL or -ENOMEM.
 */
int memblk_create(struct memblk *mb, size_t size, u32 sector_size)
{
	void *data;
	int ret;

	if (sector_size < 512 || !is_power_of_2(sector_size) || size % sector_size)
		return -EINVAL;
	data = kzalloc(size ? size : 1, GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	ret = memblk_init(mb, data, size, sector_size, false);
	mb->owned = true;
	return ret;
}

/**
 * memblk_destroy() - free a RAM disk made by memblk_create()
 * @mb: the disk
 */
void memblk_destroy(struct memblk *mb)
{
	if (mb->owned)
		kfree(mb->data);
	mb->data = NULL;
	mb->owned = false;
}
