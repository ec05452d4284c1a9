/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cloop v4 on-disk format (see drivers/block/README.md for the layout).
 *
 *   header   128 bytes of preamble text ("#!/bin/sh\n#V4.0 Format\n..."),
 *            then big-endian u32 block_size and u32 num_blocks (136 bytes)
 *   index    num_blocks + 1 big-endian u64 entries: the top 4 bits of entry
 *            i name block i's compressor, the low 60 bits its file offset;
 *            block i is the bytes [offset(i), offset(i + 1)).
 *
 * "Header first" files are header, index, blocks.  "Footer" (streaming)
 * files, which mkcloop writes, are blocks, index, header: the header is the
 * last 136 bytes and the index sits just before it.  Offsets are always
 * from the start of the file.
 */
#ifndef BLOCK_CLOOP_FORMAT_H
#define BLOCK_CLOOP_FORMAT_H

#include <kernel/types.h>

#define CLOOP_HEADROOM		128
#define CLOOP_HEAD_SIZE		136
#define CLOOP4_SIGNATURE	"V4.0"
#define CLOOP4_SIGNATURE_OFFSET	0x0b
#define CLOOP4_SIGNATURE_SIZE	4

#define CLOOP_FLAGS_SHIFT	60
#define CLOOP_OFFSET_MASK	0x0fffffffffffffffULL
#define CLOOP_PTR_FLAGS(x)	((unsigned int)((x) >> CLOOP_FLAGS_SHIFT))
#define CLOOP_PTR_OFFSET(x)	((x) & CLOOP_OFFSET_MASK)

/* Compressor ids in the top 4 bits. */
#define CLOOP_COMPRESSOR_ZLIB	0x0
#define CLOOP_COMPRESSOR_NONE	0x1
#define CLOOP_COMPRESSOR_XZ	0x2
#define CLOOP_COMPRESSOR_LZ4	0x3
#define CLOOP_COMPRESSOR_LZO1X	0x4

/* Our limits (a sanity bound, not the format's). */
#define CLOOP_MIN_BLOCK_SIZE	512
#define CLOOP_MAX_BLOCK_SIZE	(4u << 20)

/* The preamble mkcloop writes: a shell comment naming the format. */
#define CLOOP_PREAMBLE "#!/bin/sh\n#V4.0 Format\n# cloop v4 image, LZ4 blocks\n"

struct cloop_head {
	char preamble[CLOOP_HEADROOM];
	u8 block_size[4];	/* big-endian */
	u8 num_blocks[4];	/* big-endian */
} __attribute__((packed));

static inline u32 cloop_get_be32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static inline u64 cloop_get_be64(const u8 *p)
{
	return (u64)cloop_get_be32(p) << 32 | cloop_get_be32(p + 4);
}

static inline void cloop_put_be32(u8 *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static inline void cloop_put_be64(u8 *p, u64 v)
{
	cloop_put_be32(p, v >> 32);
	cloop_put_be32(p + 4, (u32)v);
}

#endif /* BLOCK_CLOOP_FORMAT_H */
