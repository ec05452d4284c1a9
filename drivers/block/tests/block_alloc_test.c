// SPDX-License-Identifier: GPL-2.0
/*
 * Host-only (uses the host allocator's failure injection): opening a cloop
 * image and a LUKS1 container fails cleanly with -ENOMEM at every
 * allocation, leaking nothing, and succeeds once allocations do.
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <block/cloop.h>
#include <block/luks1.h>
#include <block/memblk.h>

#define DISK (3 * 1024 * 1024)
#define ITER 1000

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

static int build_image(struct outbuf *o)
{
	struct cloop_build_opts opts = { .block_size = 4096 };
	static u8 src[8 * 4096];
	size_t i;

	for (i = 0; i < sizeof(src); i++)
		src[i] = (u8)(i / 7);
	o->cap = sizeof(src) * 2 + 4096;
	o->data = kmalloc(o->cap, GFP_KERNEL);
	o->len = 0;
	if (!o->data)
		return -ENOMEM;
	return cloop_build(src, sizeof(src), &opts, out_emit, o, NULL);
}

static int open_image(struct outbuf *o, struct cloop_dev **cl)
{
	static struct memblk mb;

	memblk_init(&mb, o->data, o->len, 512, true);
	return cloop_open(&mb.bio, NULL, cl);
}

static void cloop_alloc_failures(struct ktest *t)
{
	struct cloop_dev *cl = NULL;
	struct outbuf o = { 0 };
	int ret = -ENOMEM;
	long live, n;

	KASSERT_EQ(t, build_image(&o), 0);
	live = port_alloc_count();
	for (n = 0; n < 64 && ret == -ENOMEM; n++) {
		port_fail_alloc_after(n);
		ret = open_image(&o, &cl);
		port_fail_alloc_after(-1);
		if (ret == -ENOMEM)
			KEXPECT_EQ(t, port_alloc_count(), live);
	}
	KEXPECT_EQ(t, ret, 0);
	KEXPECT_GT(t, n, 2);
	cloop_close(cl);
	KEXPECT_EQ(t, port_alloc_count(), live);
	kfree(o.data);
}

static void luks1_alloc_failures(struct ktest *t)
{
	struct cryptloop cl = { 0 };
	struct luks1_header h;
	struct memblk mb;
	long live, n;
	int ret = -ENOMEM;

	KASSERT_EQ(t, memblk_create(&mb, DISK, 512), 0);
	KASSERT_EQ(t, luks1_format(&mb.bio, NULL, 0, "pw", 2, ITER, &h), 0);
	live = port_alloc_count();
	for (n = 0; n < 64 && ret == -ENOMEM; n++) {
		port_fail_alloc_after(n);
		ret = cryptloop_open_luks1(&cl, &mb.bio, "pw", 2, 512);
		port_fail_alloc_after(-1);
		if (ret == -ENOMEM)
			KEXPECT_EQ(t, port_alloc_count(), live);
	}
	KEXPECT_EQ(t, ret, 0);
	KEXPECT_GT(t, n, 3);
	KEXPECT_EQ(t, cryptloop_close(&cl), 0);
	KEXPECT_EQ(t, port_alloc_count(), live);
	memblk_destroy(&mb);
}

static struct ktest_case block_alloc_cases[] = {
	KTEST_CASE(cloop_alloc_failures),
	KTEST_CASE(luks1_alloc_failures),
	{}
};

static struct ktest_suite block_alloc_suite = {
	.name = "block_alloc",
	.cases = block_alloc_cases,
};
KTEST_SUITE(block_alloc_suite);
