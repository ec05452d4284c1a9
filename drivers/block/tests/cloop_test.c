// SPDX-License-Identifier: GPL-2.0
/*
 * cloop tests, in memory: round trips (random, zero and structured data,
 * several block sizes, LZ4 and LZ4HC), header-first and footer layouts,
 * the cache, and damage: a bad header fails the open with -EIO, a bad
 * offset, compressor or LZ4 stream fails only the damaged block.
 * Allocation failures at every step leave nothing allocated.
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <block/cloop.h>
#include <block/cloop_format.h>
#include <block/memblk.h>

struct outbuf {
	u8 *data;
	size_t len, cap;
};

static int out_emit(void *ctx, const void *buf, size_t len)
{
	struct outbuf *o = ctx;

	if (o->len + len > o->cap)
		return -ENOSPC;
	memcpy(o->data + o->len, buf, len);
	o->len += len;
	return 0;
}

static u32 rnd_state = 12345;
static u32 rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 8;
}

enum pattern { PAT_RANDOM, PAT_ZERO, PAT_TEXT };

static void fill(u8 *p, size_t len, enum pattern pat)
{
	static const char *const words[] = { "block ", "cloop ", "sector ",
		"lz4 ", "inode ", "\n", "the ", "read-only " };
	size_t i = 0;

	if (pat == PAT_ZERO) {
		memset(p, 0, len);
		return;
	}
	while (i < len) {
		if (pat == PAT_RANDOM) {
			p[i++] = (u8)rnd();
			continue;
		}
		const char *w = words[rnd() % ARRAY_SIZE(words)];
		size_t n = strlen(w);

		n = min(n, len - i);

		memcpy(p + i, w, n);
		i += n;
	}
}

/* Build an image of @len bytes into *img (caller frees both buffers). */
static int make_image(struct ktest *t, u8 *src, size_t len, u32 bs, int level,
		      struct outbuf *o)
{
	struct cloop_build_opts opts = { .block_size = bs, .hc_level = level };

	o->cap = len + len / 8 + 64 * 1024 + (len / bs + 2) * 8 + 1024;
	o->data = kmalloc(o->cap, GFP_KERNEL);
	o->len = 0;
	if (!o->data)
		return -ENOMEM;
	return cloop_build(src, len, &opts, out_emit, o, NULL);
}

struct rt_param {
	enum pattern pat;
	u32 bs;
	int level;
	size_t len;
};

static const struct rt_param rt_params[] = {
	{ PAT_RANDOM, 4096, 0, 100000 },
	{ PAT_ZERO, 4096, 0, 1 << 20 },
	{ PAT_TEXT, 512, 0, 70000 },
	{ PAT_TEXT, 16384, 9, 300000 },
	{ PAT_TEXT, 65536, 0, 200000 },
	{ PAT_RANDOM, 65536, 12, 131072 },
};

static void describe_rt(const void *p, char *buf, size_t len)
{
	const struct rt_param *r = p;
	static const char *const names[] = { "random", "zero", "text" };

	snprintf(buf, len, "%s bs=%u level=%d len=%zu", names[r->pat], r->bs,
		 r->level, r->len);
}

static void cloop_round_trip(struct ktest *t)
{
	const struct rt_param *r = t->param;
	struct cloop_config cfg = { .cache_blocks = 3 };
	size_t padded = ALIGN_UP(r->len, (size_t)r->bs), i;
	struct outbuf o = { 0 };
	struct cloop_dev *cl = NULL;
	struct cloop_info info;
	struct memblk mb;
	u8 *src, *back;

	src = kzalloc(padded, GFP_KERNEL);
	back = kmalloc(padded, GFP_KERNEL);
	KASSERT_TRUE(t, src && back);
	fill(src, r->len, r->pat);
	KASSERT_EQ(t, make_image(t, src, r->len, r->bs, r->level, &o), 0);
	KEXPECT_EQ(t, o.len % 512, 0);
	if (r->pat == PAT_ZERO)
		KEXPECT_LT(t, o.len, r->len / 50);
	KASSERT_EQ(t, memblk_init(&mb, o.data, o.len, 512, true), 0);
	KASSERT_EQ(t, cloop_open(&mb.bio, &cfg, &cl), 0);
	cloop_get_info(cl, &info);
	KEXPECT_EQ(t, info.block_size, r->bs);
	KEXPECT_EQ(t, info.num_blocks, padded / r->bs);
	KEXPECT_TRUE(t, info.footer);
	/* whole image through the blkio, then random small reads */
	KEXPECT_EQ(t, cloop_blkio(cl)->nr_sectors, padded / 512);
	KEXPECT_EQ(t, cloop_blkio(cl)->read(cloop_blkio(cl), 0, back,
					    (u32)(padded / 512)), 0);
	KEXPECT_MEMEQ(t, back, src, padded);
	for (i = 0; i < 200; i++) {
		size_t pos = rnd() % padded, n = rnd() % 9000;

		n = min(n, padded - pos);	/* min() evaluates twice */

		memset(back, 0xa5, n);
		KEXPECT_EQ(t, cloop_read(cl, pos, back, n), 0);
		KEXPECT_MEMEQ(t, back, src + pos, n);
	}
	KEXPECT_EQ(t, cloop_read(cl, padded - 1, back, 2), -EINVAL);
	KEXPECT_EQ(t, cloop_blkio(cl)->write(cloop_blkio(cl), 0, back, 1), -EROFS);
	cloop_close(cl);
	kfree(o.data);
	kfree(back);
	kfree(src);
}

/* Convert a footer image to header-first: header, index, blocks. */
static void cloop_header_first_layout(struct ktest *t)
{
	size_t len = 50000, padded = ALIGN_UP(len, (size_t)4096), hf_len, i;
	struct outbuf o = { 0 };
	struct cloop_dev *cl = NULL;
	struct cloop_info info;
	struct memblk mb;
	u8 *src, *hf, *back;
	u32 nb;
	u64 shift, idx_pos;

	src = kzalloc(padded, GFP_KERNEL);
	back = kmalloc(padded, GFP_KERNEL);
	KASSERT_TRUE(t, src && back);
	fill(src, len, PAT_TEXT);
	KASSERT_EQ(t, make_image(t, src, len, 4096, 0, &o), 0);
	nb = cloop_get_be32(o.data + o.len - 4);
	idx_pos = o.len - CLOOP_HEAD_SIZE - ((u64)nb + 1) * 8;
	shift = CLOOP_HEAD_SIZE + ((u64)nb + 1) * 8;
	hf_len = ALIGN_UP(shift + idx_pos, (u64)512);
	hf = kzalloc(hf_len, GFP_KERNEL);
	KASSERT_NOT_NULL(t, hf);
	memcpy(hf, o.data + o.len - CLOOP_HEAD_SIZE, CLOOP_HEAD_SIZE);
	for (i = 0; i <= nb; i++) {
		u64 e = cloop_get_be64(o.data + idx_pos + i * 8);

		cloop_put_be64(hf + CLOOP_HEAD_SIZE + i * 8, e + shift);
	}
	memcpy(hf + shift, o.data, idx_pos);
	KASSERT_EQ(t, memblk_init(&mb, hf, hf_len, 512, true), 0);
	KASSERT_EQ(t, cloop_open(&mb.bio, NULL, &cl), 0);
	cloop_get_info(cl, &info);
	KEXPECT_FALSE(t, info.footer);
	KEXPECT_EQ(t, cloop_read(cl, 0, back, padded), 0);
	KEXPECT_MEMEQ(t, back, src, padded);
	cloop_close(cl);
	kfree(hf);
	kfree(o.data);
	kfree(back);
	kfree(src);
}

struct damaged {
	struct outbuf o;
	u8 *src;
	size_t padded;
	u32 nb;
	u64 idx_pos;
};

static void damaged_setup(struct ktest *t, struct damaged *d)
{
	size_t len = 8 * 4096;

	d->padded = len;
	d->src = kzalloc(len, GFP_KERNEL);
	KASSERT_NOT_NULL(t, d->src);
	fill(d->src, len, PAT_TEXT);
	KASSERT_EQ(t, make_image(t, d->src, len, 4096, 0, &d->o), 0);
	d->nb = cloop_get_be32(d->o.data + d->o.len - 4);
	d->idx_pos = d->o.len - CLOOP_HEAD_SIZE - ((u64)d->nb + 1) * 8;
}

static void damaged_free(struct damaged *d)
{
	kfree(d->o.data);
	kfree(d->src);
}

static int open_damaged(struct damaged *d, struct cloop_dev **cl)
{
	static struct memblk mb;

	memblk_init(&mb, d->o.data, d->o.len, 512, true);
	return cloop_open(&mb.bio, NULL, cl);
}

static void cloop_bad_header(struct ktest *t)
{
	struct cloop_dev *cl = NULL;
	struct damaged d;
	u8 *h;

	damaged_setup(t, &d);
	h = d.o.data + d.o.len - CLOOP_HEAD_SIZE;
	ktest_printf("    # cloop errors below are expected\n");
	h[CLOOP4_SIGNATURE_OFFSET + 1] = '9';		/* "V9.0" */
	KEXPECT_EQ(t, open_damaged(&d, &cl), -EIO);
	h[CLOOP4_SIGNATURE_OFFSET + 1] = '4';
	cloop_put_be32(h + 132, 0x7fffffff);		/* num_blocks */
	KEXPECT_EQ(t, open_damaged(&d, &cl), -EIO);
	cloop_put_be32(h + 132, d.nb);
	cloop_put_be32(h + 128, 1000);			/* block_size */
	KEXPECT_EQ(t, open_damaged(&d, &cl), -EIO);
	cloop_put_be32(h + 128, 0);
	KEXPECT_EQ(t, open_damaged(&d, &cl), -EIO);
	cloop_put_be32(h + 128, 4096);
	KEXPECT_EQ(t, open_damaged(&d, &cl), 0);
	cloop_close(cl);
	damaged_free(&d);
}

static void expect_only_blocks_bad(struct ktest *t, struct damaged *d, u32 bad,
				   u32 bad2)
{
	static u8 buf[4096];	/* static: small kernel stacks */
	struct cloop_dev *cl = NULL;
	u32 i;

	KASSERT_EQ(t, open_damaged(d, &cl), 0);
	for (i = 0; i < d->nb; i++) {
		int ret = cloop_read(cl, (u64)i * 4096, buf, sizeof(buf));

		if (i == bad || i == bad2) {
			KEXPECT_EQ(t, ret, -EIO);
		} else {
			KEXPECT_EQ(t, ret, 0);
			KEXPECT_MEMEQ(t, buf, d->src + i * 4096, sizeof(buf));
		}
	}
	cloop_close(cl);
}

static void cloop_bad_offsets(struct ktest *t)
{
	struct damaged d;
	u8 *ent, save[8];

	damaged_setup(t, &d);
	ktest_printf("    # cloop errors below are expected\n");
	/* block 3 ends beyond the data area */
	ent = d.o.data + d.idx_pos + 4 * 8;
	memcpy(save, ent, 8);
	/* entry 4 is block 3's end and block 4's start: both are damaged */
	cloop_put_be64(ent, (u64)CLOOP_COMPRESSOR_LZ4 << 60 | (d.o.len * 4));
	expect_only_blocks_bad(t, &d, 3, 4);
	cloop_put_be64(ent, (u64)CLOOP_COMPRESSOR_LZ4 << 60 | 1);
	expect_only_blocks_bad(t, &d, 3, 4);
	memcpy(ent, save, 8);
	/* unknown compressor on block 5 */
	ent = d.o.data + d.idx_pos + 5 * 8;
	ent[0] = (ent[0] & 0x0f) | 0x70;
	expect_only_blocks_bad(t, &d, 5, 5);
	ent[0] = (ent[0] & 0x0f) | 0x20;	/* xz: valid id, not supported */
	expect_only_blocks_bad(t, &d, 5, 5);
	ent[0] = (ent[0] & 0x0f) | 0x30;
	expect_only_blocks_bad(t, &d, 99, 99);	/* all good again */
	damaged_free(&d);
}

static void cloop_bad_block_data(struct ktest *t)
{
	struct damaged d;
	u64 start, end, i;

	damaged_setup(t, &d);
	ktest_printf("    # cloop errors below are expected\n");
	start = CLOOP_PTR_OFFSET(cloop_get_be64(d.o.data + d.idx_pos + 2 * 8));
	end = CLOOP_PTR_OFFSET(cloop_get_be64(d.o.data + d.idx_pos + 3 * 8));
	KASSERT_LT(t, start, end);
	for (i = start; i < end; i++)
		d.o.data[i] = 0xff;	/* every token claims a huge length */
	expect_only_blocks_bad(t, &d, 2, 2);
	damaged_free(&d);
}

static void cloop_cache_hits(struct ktest *t)
{
	struct cloop_dev *cl = NULL;
	struct cloop_stats st;
	struct damaged d;
	u8 buf[512];
	int i;

	damaged_setup(t, &d);
	KASSERT_EQ(t, open_damaged(&d, &cl), 0);
	for (i = 0; i < 8; i++)
		KEXPECT_EQ(t, cloop_read(cl, i * 512, buf, 512), 0);
	cloop_get_stats(cl, &st);
	KEXPECT_EQ(t, st.misses, 1);
	KEXPECT_EQ(t, st.hits, 7);
	cloop_close(cl);
	damaged_free(&d);
}

static void cloop_build_rejects(struct ktest *t)
{
	struct cloop_build_opts opts = { .block_size = 1000 };
	struct outbuf o = { 0 };
	u8 src[16] = { 0 };

	KEXPECT_EQ(t, cloop_build(src, sizeof(src), &opts, out_emit, &o, NULL), -EINVAL);
	opts.block_size = 4096;
	opts.hc_level = 13;
	KEXPECT_EQ(t, cloop_build(src, sizeof(src), &opts, out_emit, &o, NULL), -EINVAL);
	opts.hc_level = 0;
	KEXPECT_EQ(t, cloop_build(src, 0, &opts, out_emit, &o, NULL), -EINVAL);
	/* a sink that fails: its error comes back */
	KEXPECT_EQ(t, cloop_build(src, sizeof(src), &opts, out_emit, &o, NULL), -ENOSPC);
}

static struct ktest_case cloop_cases[] = {
	KTEST_CASE_PARAMS(cloop_round_trip, rt_params, describe_rt),
	KTEST_CASE(cloop_header_first_layout),
	KTEST_CASE(cloop_bad_header),
	KTEST_CASE(cloop_bad_offsets),
	KTEST_CASE(cloop_bad_block_data),
	KTEST_CASE(cloop_cache_hits),
	KTEST_CASE(cloop_build_rejects),
	{}
};

static struct ktest_suite cloop_suite = {
	.name = "cloop",
	.cases = cloop_cases,
};
KTEST_SUITE(cloop_suite);
