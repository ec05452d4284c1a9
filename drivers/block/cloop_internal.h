/* SPDX-License-Identifier: GPL-2.0 */
/* Private to drivers/block/cloop*.c: the device state. */
#ifndef DRIVERS_BLOCK_CLOOP_INTERNAL_H
#define DRIVERS_BLOCK_CLOOP_INTERNAL_H

#include <port/port.h>
#include <block/cloop.h>

struct cloop_cache_ent {
	u8 *data;		/* block_size bytes */
	u32 block;
	u64 stamp;		/* last use, for LRU */
	bool valid;
};

struct cloop_dev {
	struct blkio bio;		/* what we export */
	struct blkio *backing;		/* the compressed image */
	u64 image_bytes;
	u32 block_size;
	u32 num_blocks;
	bool footer;
	u64 index_pos;			/* file offset of the index */
	u64 data_start, data_end;	/* where blocks may lie */
	u64 *index;			/* num_blocks + 1 entries, decoded */

	struct mutex lock;		/* protects everything below */
	u8 *bounce;			/* one backing sector */
	u8 *cbuf;			/* one compressed block */
	u32 cbuf_size;
	struct cloop_cache_ent *cache;
	u32 ncache;
	u64 clock;
	u64 hits, misses;
};

int cloop_block_extent(const struct cloop_dev *cl, u32 i, u64 *pos, u32 *clen);
int cloop_decompress_block(struct cloop_dev *cl, u32 i, u8 *out);

/* cloop_cache.c */
int cloop_cache_init(struct cloop_dev *cl, u32 ncache);
void cloop_cache_destroy(struct cloop_dev *cl);
const u8 *cloop_cache_get(struct cloop_dev *cl, u32 block, int *err);

#endif
