// SPDX-License-Identifier: GPL-2.0
/*
 * cloop: read-only compressed block device, cloop v4 layout, LZ4 blocks.
 *
 * Layer: a block producer (exports a struct blkio) over a block consumer
 * (reads the compressed image from another struct blkio).  Opening parses
 * and checks the header and index (header-first or footer layout, see
 * include/block/cloop_format.h); reads decompress whole blocks into a small
 * LRU cache (drivers/block/cloop_cache.c).  Every offset and length read
 * from the image is checked before use: a damaged block is -EIO for the
 * reads that touch it, never an out-of-bounds access.
 * Locking: cl->lock serialises reads (the cache and the bounce buffers).
 * Knows nothing about filesystems or how the image was made.
 */
#define pr_fmt(fmt) "cloop: " fmt
#include <port/port.h>
#include <block/cloop.h>
#include <block/cloop_format.h>
#include <lz4.h>
#include "cloop_internal.h"

static int cloop_read_backing(struct cloop_dev *cl, u64 pos, void *buf, size_t len)
{
	struct blkio *b = cl->backing;
	u32 ss = b->sector_size;
	u8 *dst = buf;
	int ret;

	while (len) {
		u64 sector = pos / ss;
		u32 off = pos % ss;
		size_t n;

		if (off == 0 && len >= ss) {
			u32 count = (u32)min((u64)(len / ss), (u64)1024);

			ret = b->read(b, sector, dst, count);
			n = (size_t)count * ss;
		} else {
			n = min((size_t)(ss - off), len);
			ret = b->read(b, sector, cl->bounce, 1);
			if (!ret)
				memcpy(dst, cl->bounce + off, n);
		}
		if (ret)
			return ret;
		dst += n;
		pos += n;
		len -= n;
	}
	return 0;
}

static bool cloop_head_sane(const struct cloop_head *h, u64 image_bytes,
			    u32 *bs, u32 *nb)
{
	*bs = cloop_get_be32(h->block_size);
	*nb = cloop_get_be32(h->num_blocks);
	if (memcmp(h->preamble + CLOOP4_SIGNATURE_OFFSET, CLOOP4_SIGNATURE,
		   CLOOP4_SIGNATURE_SIZE))
		return false;
	if (*bs < CLOOP_MIN_BLOCK_SIZE || *bs > CLOOP_MAX_BLOCK_SIZE ||
	    *bs % 512 || *nb == 0)
		return false;
	/* header + index must fit in the file */
	return ((u64)*nb + 1) * 8 <= image_bytes - CLOOP_HEAD_SIZE;
}

/* Find the header: at the start, else at the end (streaming layout). */
static int cloop_find_head(struct cloop_dev *cl)
{
	struct cloop_head h;
	u32 bs, nb;
	int ret;

	ret = cloop_read_backing(cl, 0, &h, sizeof(h));
	if (ret)
		return ret;
	if (cloop_head_sane(&h, cl->image_bytes, &bs, &nb)) {
		cl->footer = false;
		cl->index_pos = CLOOP_HEAD_SIZE;
		cl->data_start = CLOOP_HEAD_SIZE + ((u64)nb + 1) * 8;
		cl->data_end = cl->image_bytes;
		goto out_found;
	}
	ret = cloop_read_backing(cl, cl->image_bytes - CLOOP_HEAD_SIZE, &h,
				 sizeof(h));
	if (ret)
		return ret;
	if (!cloop_head_sane(&h, cl->image_bytes, &bs, &nb)) {
		pr_err("no valid cloop v4 header at the start or end\n");
		return -EIO;
	}
	cl->footer = true;
	cl->index_pos = cl->image_bytes - CLOOP_HEAD_SIZE - ((u64)nb + 1) * 8;
	cl->data_start = 0;
	cl->data_end = cl->index_pos;
out_found:
	cl->block_size = bs;
	cl->num_blocks = nb;
	return 0;
}

static int cloop_load_index(struct cloop_dev *cl)
{
	size_t n = (size_t)cl->num_blocks + 1, i;
	u8 *raw;
	int ret;

	if ((u64)n * 8 > (u64)SIZE_MAX / 2)
		return -EIO;
	cl->index = kcalloc(n, sizeof(u64), GFP_KERNEL);
	if (!cl->index)
		return -ENOMEM;
	/* decode in place: the raw bytes are exactly the array */
	raw = (u8 *)cl->index;
	ret = cloop_read_backing(cl, cl->index_pos, raw, n * 8);
	if (ret)
		return ret;
	for (i = 0; i < n; i++)
		cl->index[i] = cloop_get_be64(raw + i * 8);
	return 0;
}

/**
 * cloop_block_extent() - where block @i lies in the image, checked
 * @cl: device
 * @i: block number, < num_blocks
 * @pos: file offset of the compressed block
 * @clen: its length
 *
 * Return: 0, or -EIO if the index entries for @i are damaged.
 */
int cloop_block_extent(const struct cloop_dev *cl, u32 i, u64 *pos, u32 *clen)
{
	u64 start = CLOOP_PTR_OFFSET(cl->index[i]);
	u64 end = CLOOP_PTR_OFFSET(cl->index[i + 1]);

	if (start < cl->data_start || end < start || end > cl->data_end ||
	    end - start > cl->cbuf_size) {
		pr_err("block %u: bad offsets %llu..%llu\n", i,
		       (unsigned long long)start, (unsigned long long)end);
		return -EIO;
	}
	*pos = start;
	*clen = (u32)(end - start);
	return 0;
}

/**
 * cloop_decompress_block() - read and decompress block @i into @out
 * @cl: device, lock held
 * @i: block number
 * @out: block_size bytes
 *
 * Return: 0, -EIO for a damaged block (logged), or the backing error.
 */
int cloop_decompress_block(struct cloop_dev *cl, u32 i, u8 *out)
{
	unsigned int flags = CLOOP_PTR_FLAGS(cl->index[i]);
	u32 clen;
	u64 pos;
	int ret, n;

	ret = cloop_block_extent(cl, i, &pos, &clen);
	if (ret)
		return ret;
	ret = cloop_read_backing(cl, pos, cl->cbuf, clen);
	if (ret)
		return ret;
	switch (flags) {
	case CLOOP_COMPRESSOR_LZ4:
		n = LZ4_decompress_safe((const char *)cl->cbuf, (char *)out,
					(int)clen, (int)cl->block_size);
		if (n != (int)cl->block_size) {
			pr_err("block %u: LZ4 data corrupt (%d)\n", i, n);
			return -EIO;
		}
		return 0;
	case CLOOP_COMPRESSOR_NONE:
		if (clen != cl->block_size) {
			pr_err("block %u: stored block of %u bytes\n", i, clen);
			return -EIO;
		}
		memcpy(out, cl->cbuf, clen);
		return 0;
	default:
		pr_err("block %u: unsupported compressor %u\n", i, flags);
		return -EIO;
	}
}

static int cloop_bio_read(struct blkio *bio, u64 sector, void *buf, u32 count)
{
	struct cloop_dev *cl = bio->priv;
	int ret = blkio_check_range(bio, sector, count);

	if (ret)
		return ret;
	return cloop_read(cl, sector * 512, buf, (size_t)count * 512);
}

static int cloop_bio_write(struct blkio *bio, u64 sector, const void *buf,
			   u32 count)
{
	return -EROFS;
}

/**
 * cloop_read() - read decompressed bytes
 * @cl: device
 * @pos: byte offset in the decompressed image
 * @buf: destination
 * @len: bytes
 *
 * Return: 0, -EINVAL outside the image, -EIO for a damaged block, -ENOMEM.
 */
int cloop_read(struct cloop_dev *cl, u64 pos, void *buf, size_t len)
{
	u64 size = (u64)cl->num_blocks * cl->block_size;
	u8 *dst = buf;
	int ret = 0;

	if (pos > size || len > size - pos)
		return -EINVAL;
	mutex_lock(&cl->lock);
	while (len) {
		u32 blk = (u32)(pos / cl->block_size);
		u32 off = (u32)(pos % cl->block_size);
		size_t n = min((size_t)(cl->block_size - off), len);
		const u8 *data;

		data = cloop_cache_get(cl, blk, &ret);
		if (!data)
			break;
		memcpy(dst, data + off, n);
		dst += n;
		pos += n;
		len -= n;
	}
	mutex_unlock(&cl->lock);
	return ret;
}

static int cloop_alloc_buffers(struct cloop_dev *cl, const struct cloop_config *cfg)
{
	u32 ncache = cfg && cfg->cache_blocks ? cfg->cache_blocks :
		CLOOP_DEFAULT_CACHE_BLOCKS;

	cl->cbuf_size = (u32)LZ4_compressBound((int)cl->block_size);
	cl->cbuf = kmalloc(cl->cbuf_size, GFP_KERNEL);
	if (!cl->cbuf)
		return -ENOMEM;
	return cloop_cache_init(cl, ncache);
}

static void cloop_free(struct cloop_dev *cl)
{
	cloop_cache_destroy(cl);
	kfree(cl->cbuf);
	kfree(cl->index);
	kfree(cl->bounce);
	kfree(cl);
}

/**
 * cloop_open() - open a cloop image
 * @backing: the compressed image
 * @cfg: configuration or NULL
 * @out: the device
 *
 * Return: 0, -EIO for a bad header or index, -EINVAL for a bad backing
 * store, -ENOMEM, or the backing store's error.
 */
int cloop_open(struct blkio *backing, const struct cloop_config *cfg,
	       struct cloop_dev **out)
{
	struct cloop_dev *cl;
	int ret;

	if (!backing || !backing->read || backing->sector_size < 512 ||
	    !is_power_of_2(backing->sector_size))
		return -EINVAL;
	cl = kzalloc(sizeof(*cl), GFP_KERNEL);
	if (!cl)
		return -ENOMEM;
	cl->backing = backing;
	cl->image_bytes = backing->nr_sectors * backing->sector_size;
	ret = -EIO;
	if (cl->image_bytes < CLOOP_HEAD_SIZE + 16) {
		pr_err("image too small (%llu bytes)\n",
		       (unsigned long long)cl->image_bytes);
		goto out_free;
	}
	ret = -ENOMEM;
	cl->bounce = kmalloc(backing->sector_size, GFP_KERNEL);
	if (!cl->bounce)
		goto out_free;
	ret = cloop_find_head(cl);
	if (ret)
		goto out_free;
	ret = cloop_load_index(cl);
	if (ret)
		goto out_free;
	ret = cloop_alloc_buffers(cl, cfg);
	if (ret)
		goto out_free;
	mutex_init(&cl->lock);
	cl->bio.sector_size = 512;
	cl->bio.nr_sectors = (u64)cl->num_blocks * cl->block_size / 512;
	cl->bio.read_only = true;
	cl->bio.priv = cl;
	cl->bio.read = cloop_bio_read;
	cl->bio.write = cloop_bio_write;
	*out = cl;
	return 0;

out_free:
	cloop_free(cl);
	return ret;
}

/**
 * cloop_close() - release a device
 * @cl: device or NULL
 */
void cloop_close(struct cloop_dev *cl)
{
	if (!cl)
		return;
	mutex_destroy(&cl->lock);
	cloop_free(cl);
}

/** cloop_blkio() - the decompressed image as a struct blkio */
struct blkio *cloop_blkio(struct cloop_dev *cl)
{
	return &cl->bio;
}

/** cloop_get_info() - geometry of an open image */
void cloop_get_info(const struct cloop_dev *cl, struct cloop_info *info)
{
	info->block_size = cl->block_size;
	info->num_blocks = cl->num_blocks;
	info->footer = cl->footer;
	info->image_bytes = cl->image_bytes;
}

/** cloop_get_stats() - cache hit and miss counts */
void cloop_get_stats(const struct cloop_dev *cl, struct cloop_stats *st)
{
	st->hits = cl->hits;
	st->misses = cl->misses;
}
