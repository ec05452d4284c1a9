// SPDX-License-Identifier: GPL-2.0
/*
 * cloop writer: compress an image into a cloop v4 file (footer layout).
 *
 * Layer: a format producer used by tools/cloop/mkcloop and by tests; the
 * reader (cloop.c) is its only consumer.  Output is streamed through a
 * sink callback: blocks, zero padding (so the file is a whole number of
 * 512-byte sectors), the index, then the 136-byte header.  A block that LZ4
 * cannot shrink is stored (compressor NONE).  No locking: no shared state.
 */
#define pr_fmt(fmt) "cloop: " fmt
#include <port/port.h>
#include <block/cloop.h>
#include <block/cloop_format.h>
#include <lz4.h>
#include <lz4hc.h>

struct cloop_writer {
	cloop_emit_fn emit;
	void *ctx;
	u64 pos;
};

static int cw_emit(struct cloop_writer *w, const void *buf, size_t len)
{
	int ret = w->emit(w->ctx, buf, len);

	if (!ret)
		w->pos += len;
	return ret;
}

static int cw_compress(const struct cloop_build_opts *opts, const u8 *src,
		       u8 *dst, int cap)
{
	int bs = (int)opts->block_size;

	if (opts->hc_level > 0)
		return LZ4_compress_HC((const char *)src, (char *)dst, bs, cap,
				       opts->hc_level);
	return LZ4_compress_default((const char *)src, (char *)dst, bs, cap);
}

static int cw_blocks(struct cloop_writer *w, const u8 *img, u64 len,
		     const struct cloop_build_opts *opts, u64 *index,
		     struct cloop_build_stats *st, u8 *blk, u8 *cbuf)
{
	u32 bs = opts->block_size, i;
	int n, ret;

	for (i = 0; i < st->num_blocks; i++) {
		u64 off = (u64)i * bs;
		size_t have = (size_t)min((u64)bs, len - off);
		unsigned int flags = CLOOP_COMPRESSOR_LZ4;
		const u8 *out = cbuf;

		memcpy(blk, img + off, have);
		memset(blk + have, 0, bs - have);
		n = cw_compress(opts, blk, cbuf, (int)bs - 1);
		if (n <= 0) {
			/* does not fit in less than a block: store it */
			flags = CLOOP_COMPRESSOR_NONE;
			out = blk;
			n = (int)bs;
			st->stored_blocks++;
		}
		index[i] = (u64)flags << CLOOP_FLAGS_SHIFT | w->pos;
		ret = cw_emit(w, out, (size_t)n);
		if (ret)
			return ret;
	}
	index[i] = (u64)CLOOP_COMPRESSOR_LZ4 << CLOOP_FLAGS_SHIFT | w->pos;
	return 0;
}

static int cw_tail(struct cloop_writer *w, const u64 *index, u32 nb, u32 bs)
{
	struct cloop_head h;
	u8 zero[512] = { 0 }, ent[8];
	u64 tail = ((u64)nb + 1) * 8 + CLOOP_HEAD_SIZE;
	size_t pad = (size_t)((512 - (w->pos + tail) % 512) % 512);
	u32 i;
	int ret;

	ret = cw_emit(w, zero, pad);
	for (i = 0; !ret && i <= nb; i++) {
		cloop_put_be64(ent, index[i]);
		ret = cw_emit(w, ent, sizeof(ent));
	}
	if (ret)
		return ret;
	memset(&h, 0, sizeof(h));
	memcpy(h.preamble, CLOOP_PREAMBLE, sizeof(CLOOP_PREAMBLE) - 1);
	cloop_put_be32(h.block_size, bs);
	cloop_put_be32(h.num_blocks, nb);
	return cw_emit(w, &h, sizeof(h));
}

/**
 * cloop_build() - compress an image into a cloop v4 file (footer layout)
 * @img: input bytes
 * @len: input length, > 0
 * @opts: block size (multiple of 512, within the cloop limits) and level
 * @emit: output sink
 * @ctx: for @emit
 * @st: statistics, may be NULL
 *
 * Return: 0, -EINVAL, -ENOMEM or @emit's error.
 */
int cloop_build(const void *img, u64 len, const struct cloop_build_opts *opts,
		cloop_emit_fn emit, void *ctx, struct cloop_build_stats *st)
{
	struct cloop_writer w = { .emit = emit, .ctx = ctx };
	struct cloop_build_stats local = { 0 };
	u32 bs = opts->block_size;
	u8 *blk, *cbuf;
	u64 *index;
	u64 nb;
	int ret = -ENOMEM;

	if (!len || bs < CLOOP_MIN_BLOCK_SIZE || bs > CLOOP_MAX_BLOCK_SIZE ||
	    bs % 512 || opts->hc_level < 0 || opts->hc_level > LZ4HC_CLEVEL_MAX)
		return -EINVAL;
	nb = DIV_ROUND_UP(len, bs);
	if (nb >= 0xffffffffu)
		return -EINVAL;
	local.num_blocks = (u32)nb;
	index = kcalloc((size_t)nb + 1, sizeof(u64), GFP_KERNEL);
	blk = kmalloc(bs, GFP_KERNEL);
	cbuf = kmalloc(bs, GFP_KERNEL);
	if (!index || !blk || !cbuf)
		goto out_free;
	ret = cw_blocks(&w, img, len, opts, index, &local, blk, cbuf);
	if (!ret)
		ret = cw_tail(&w, index, local.num_blocks, bs);
	local.out_bytes = w.pos;
	if (st)
		*st = local;
out_free:
	kfree(cbuf);
	kfree(blk);
	kfree(index);
	return ret;
}
