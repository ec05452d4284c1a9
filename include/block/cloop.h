/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cloop: a read-only compressed block device (cloop v4 layout, LZ4 blocks).
 *
 *	struct cloop_config cfg = { .cache_blocks = 8 };
 *	struct cloop_dev *cl;
 *	ret = cloop_open(backing, &cfg, &cl);     // parses and checks the header
 *	struct blkio *bio = cloop_blkio(cl);      // 512-byte sectors, read-only
 *	...
 *	cloop_close(cl);
 *
 * Decompressed blocks live in an LRU cache of cfg.cache_blocks entries.
 * A damaged header or index fails cloop_open() with -EIO; a damaged offset
 * or block gives -EIO for reads that touch that block only.
 *
 * cloop_build() is the writer (used by tools/cloop/mkcloop and by tests).
 */
#ifndef BLOCK_CLOOP_H
#define BLOCK_CLOOP_H

#include <kernel/types.h>
#include <lib/blkio.h>

struct cloop_dev;

/* Kconfig sets the kernel's default; host builds use 4. */
#ifdef CONFIG_BLK_DEV_CLOOP_CACHE_BLOCKS
#define CLOOP_DEFAULT_CACHE_BLOCKS CONFIG_BLK_DEV_CLOOP_CACHE_BLOCKS
#else
#define CLOOP_DEFAULT_CACHE_BLOCKS 4
#endif

struct cloop_config {
	u32 cache_blocks;	/* decompressed blocks kept; 0: the default */
};

struct cloop_info {
	u32 block_size;
	u32 num_blocks;
	bool footer;		/* header at the end (streaming layout) */
	u64 image_bytes;	/* the cloop file */
};

/**
 * cloop_open() - open a cloop image stored on @backing
 * @backing: the compressed image (any sector size); must outlive the device
 * @cfg: configuration, may be NULL for defaults
 * @out: the device on success
 *
 * Return: 0, -EIO for a bad or unsupported header/index (logged), -ENOMEM,
 * or the backing store's error.
 */
int cloop_open(struct blkio *backing, const struct cloop_config *cfg,
	       struct cloop_dev **out);

/** cloop_close() - free the device and its cache; @cl may be NULL. */
void cloop_close(struct cloop_dev *cl);

/** cloop_blkio() - the decompressed device as a read-only struct blkio */
struct blkio *cloop_blkio(struct cloop_dev *cl);

/** cloop_get_info() - geometry of an open image */
void cloop_get_info(const struct cloop_dev *cl, struct cloop_info *info);

/**
 * cloop_read() - read decompressed bytes
 * @cl: device
 * @pos: byte offset in the decompressed image
 * @buf: destination
 * @len: bytes; [pos, pos + len) must be inside the image
 *
 * Return: 0, -EINVAL outside the image, -EIO for a damaged block, -ENOMEM.
 * Locking: takes the device mutex (the cache is shared).
 */
int cloop_read(struct cloop_dev *cl, u64 pos, void *buf, size_t len);

/* cache statistics, for tests and benchmarks */
struct cloop_stats {
	u64 hits;
	u64 misses;
};
void cloop_get_stats(const struct cloop_dev *cl, struct cloop_stats *st);

/* Writer. */
struct cloop_build_opts {
	u32 block_size;		/* multiple of 512 */
	int hc_level;		/* 0: LZ4 fast; 1..12: LZ4HC level */
};

struct cloop_build_stats {
	u32 num_blocks;
	u32 stored_blocks;	/* incompressible, stored as NONE */
	u64 out_bytes;
};

/* Sink for cloop_build(): append @len bytes, return 0 or -errno. */
typedef int (*cloop_emit_fn)(void *ctx, const void *buf, size_t len);

/**
 * cloop_build() - compress an image into a cloop v4 (footer layout) file
 * @img: the input; the last block is zero-padded to a whole block
 * @len: its size (> 0)
 * @opts: block size and compression level
 * @emit: sink for the output bytes, called in order
 * @ctx: passed to @emit
 * @st: statistics, may be NULL
 *
 * The output is padded so that its size is a multiple of 512 bytes.
 * Return: 0, -EINVAL for bad options, -ENOMEM, or @emit's error.
 */
int cloop_build(const void *img, u64 len, const struct cloop_build_opts *opts,
		cloop_emit_fn emit, void *ctx, struct cloop_build_stats *st);

#endif /* BLOCK_CLOOP_H */
