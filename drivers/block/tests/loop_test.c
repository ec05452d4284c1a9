// SPDX-License-Identifier: GPL-2.0
/*
 * Loop and encrypted-loop tests, in memory: offset/limit/read-only, block
 * sizes over a 512-byte store, plain64 IVs checked against the crypto API,
 * IV independence from the block size (512 vs 4096 paths give identical
 * ciphertext), and key wiping on close: the cipher handle held the key
 * and is all zeros when freed, and so is the device structure.
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <crypto/crypto.h>
#include <block/loop.h>
#include <block/cryptloop.h>
#include <block/memblk.h>
#include "wipe_watch.h"

#define DISK (256 * 1024)

static void pattern(u8 *p, size_t len, u32 seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = (u8)(i * 31 + seed + (i >> 10));
}

static void loop_window_and_flags(struct ktest *t)
{
	struct loop_config cfg = { .offset = 4096, .size_limit = 64 * 1024 };
	static u8 buf[1024], back[1024];	/* static: small kernel stacks */
	struct loop_dev lo = { 0 };
	struct memblk mb;

	KASSERT_EQ(t, memblk_create(&mb, DISK, 512), 0);
	KASSERT_EQ(t, loop_attach(&lo, &mb.bio, &cfg), 0);
	KEXPECT_EQ(t, loop_attach(&lo, &mb.bio, &cfg), -EBUSY);
	KEXPECT_EQ(t, loop_blkio(&lo)->nr_sectors, 128);
	pattern(buf, sizeof(buf), 1);
	KEXPECT_EQ(t, loop_blkio(&lo)->write(loop_blkio(&lo), 3, buf, 2), 0);
	KEXPECT_MEMEQ(t, mb.data + 4096 + 3 * 512, buf, 1024);
	KEXPECT_EQ(t, loop_blkio(&lo)->read(loop_blkio(&lo), 3, back, 2), 0);
	KEXPECT_MEMEQ(t, back, buf, 1024);
	KEXPECT_EQ(t, loop_blkio(&lo)->read(loop_blkio(&lo), 127, back, 2), -EINVAL);
	KEXPECT_EQ(t, loop_detach(&lo), 0);
	KEXPECT_EQ(t, loop_detach(&lo), -ENXIO);

	cfg.read_only = true;
	KASSERT_EQ(t, loop_attach(&lo, &mb.bio, &cfg), 0);
	KEXPECT_EQ(t, loop_blkio(&lo)->write(loop_blkio(&lo), 0, buf, 1), -EROFS);
	KEXPECT_EQ(t, loop_detach(&lo), 0);

	cfg.read_only = false;
	cfg.offset = 100;			/* not sector aligned */
	KEXPECT_EQ(t, loop_attach(&lo, &mb.bio, &cfg), -EINVAL);
	cfg.offset = 0;
	cfg.size_limit = DISK + 512;		/* beyond the store */
	KEXPECT_EQ(t, loop_attach(&lo, &mb.bio, &cfg), -EINVAL);
	cfg.size_limit = 0;
	cfg.block_size = 4096;
	KASSERT_EQ(t, loop_attach(&lo, &mb.bio, &cfg), 0);
	KEXPECT_EQ(t, loop_blkio(&lo)->nr_sectors, DISK / 4096);
	KEXPECT_EQ(t, loop_blkio(&lo)->read(loop_blkio(&lo), 0, mb.data + 8192, 1), 0);
	KEXPECT_EQ(t, loop_detach(&lo), 0);
	memblk_destroy(&mb);
}

static const char *const modes[] = { "xts-plain64", "cbc-essiv:sha256" };

static void describe_mode(const void *p, char *buf, size_t len)
{
	snprintf(buf, len, "%s", *(const char *const *)p);
}

/* The cryptoloop flaw, fixed: same data, block sizes 512 and 4096. */
static void cryptloop_iv_independent_of_block_size(struct ktest *t)
{
	const char *mode = *(const char *const *)t->param;
	size_t keylen = strcmp(mode, "xts-plain64") ? 32 : 64;
	struct cryptloop a = { 0 }, b = { 0 };
	struct memblk ma, mbk;
	u8 key[64], *data, *back;
	u32 i;

	pattern(key, sizeof(key), 7);
	data = kmalloc(DISK - 8192, GFP_KERNEL);
	back = kmalloc(DISK - 8192, GFP_KERNEL);
	KASSERT_TRUE(t, data && back);
	pattern(data, DISK - 8192, 3);
	KASSERT_EQ(t, memblk_create(&ma, DISK, 512), 0);
	KASSERT_EQ(t, memblk_create(&mbk, DISK, 512), 0);
	KASSERT_EQ(t, cryptloop_open_plain(&a, &ma.bio, mode, key, keylen, 8192, 512), 0);
	KASSERT_EQ(t, cryptloop_open_plain(&b, &mbk.bio, mode, key, keylen, 8192, 4096), 0);
	/* 512-byte path: sector by sector; 4096-byte path: all at once */
	for (i = 0; i < (DISK - 8192) / 512; i++)
		KEXPECT_EQ(t, cryptloop_blkio(&a)->write(cryptloop_blkio(&a), i,
							 data + i * 512, 1), 0);
	KEXPECT_EQ(t, cryptloop_blkio(&b)->write(cryptloop_blkio(&b), 0, data,
						 (DISK - 8192) / 4096), 0);
	KEXPECT_MEMEQ(t, ma.data, mbk.data, DISK);
	KEXPECT_TRUE(t, memcmp(ma.data + 8192, data, 512) != 0);
	/* and each path reads what the other wrote */
	KEXPECT_EQ(t, cryptloop_blkio(&b)->read(cryptloop_blkio(&b), 0, back,
						(DISK - 8192) / 4096), 0);
	KEXPECT_MEMEQ(t, back, data, DISK - 8192);
	KEXPECT_EQ(t, cryptloop_close(&a), 0);
	KEXPECT_EQ(t, cryptloop_close(&b), 0);
	KEXPECT_NULL(t, a.cipher);
	memblk_destroy(&ma);
	memblk_destroy(&mbk);
	kfree(back);
	kfree(data);
}

/* Sector s of the area is XTS with tweak le64(s): check with the raw API. */
static void cryptloop_plain64_iv(struct ktest *t)
{
	struct cryptloop cl = { 0 };
	struct crypto_cipher *tfm;
	u8 key[64], sec[512], ct[512], iv[16] = { 0 };
	struct memblk mb;

	pattern(key, sizeof(key), 9);
	pattern(sec, sizeof(sec), 5);
	KASSERT_EQ(t, memblk_create(&mb, DISK, 512), 0);
	KASSERT_EQ(t, cryptloop_open_plain(&cl, &mb.bio, NULL, key, 64, 1024, 512), 0);
	KASSERT_EQ(t, cryptloop_blkio(&cl)->write(cryptloop_blkio(&cl), 0x1a3, sec, 1), 0);
	tfm = crypto_alloc_cipher("xts(aes)");
	KASSERT_FALSE(t, IS_ERR(tfm));
	KEXPECT_EQ(t, crypto_cipher_setkey(tfm, key, 64), 0);
	iv[0] = 0xa3;
	iv[1] = 0x01;
	KEXPECT_EQ(t, crypto_cipher_encrypt(tfm, iv, sec, ct, 512), 0);
	KEXPECT_MEMEQ(t, mb.data + 1024 + 0x1a3 * 512, ct, 512);
	crypto_free_cipher(tfm);
	KEXPECT_EQ(t, cryptloop_close(&cl), 0);
	memblk_destroy(&mb);
}

static void cryptloop_bad_specs(struct ktest *t)
{
	struct cryptloop cl = { 0 };
	struct memblk mb;
	u8 key[64] = { 0 };

	KASSERT_EQ(t, memblk_create(&mb, DISK, 512), 0);
	ktest_printf("    # cryptloop errors below are expected\n");
	KEXPECT_EQ(t, cryptloop_open_plain(&cl, &mb.bio, "ecb", key, 64, 0, 512), -EINVAL);
	KEXPECT_EQ(t, cryptloop_open_plain(&cl, &mb.bio, NULL, key, 20, 0, 512), -EINVAL);
	KEXPECT_EQ(t, cryptloop_open_plain(&cl, &mb.bio, NULL, key, 64, 0, 3000), -EINVAL);
	KEXPECT_NULL(t, cl.cipher);
	memblk_destroy(&mb);
}

static void cryptloop_close_wipes_key(struct ktest *t)
{
	const char *mode = *(const char *const *)t->param;
	size_t keylen = strcmp(mode, "xts-plain64") ? 32 : 64;
	struct cryptloop cl = { 0 };
	struct memblk mb;
	u8 key[64], sec[512];

	pattern(key, sizeof(key), 11);
	pattern(sec, sizeof(sec), 5);
	KASSERT_EQ(t, memblk_create(&mb, DISK, 512), 0);
	KASSERT_EQ(t, cryptloop_open_plain(&cl, &mb.bio, mode, key, keylen, 0, 512), 0);
	KEXPECT_EQ(t, cryptloop_blkio(&cl)->write(cryptloop_blkio(&cl), 3, sec, 1), 0);
	wipe_watch_start(key);
	KEXPECT_EQ(t, cryptloop_close(&cl), 0);
	wipe_watch_stop();
	wipe_watch_expect_one(t);	/* it held the key, and nothing now */
	KEXPECT_TRUE(t, wipe_all_zero(&cl, sizeof(cl)));
	KEXPECT_FALSE(t, wipe_contains(mb.data, DISK, key, 16));	/* never stored */
	memblk_destroy(&mb);
}

static struct ktest_case loop_cases[] = {
	KTEST_CASE(loop_window_and_flags),
	KTEST_CASE_PARAMS(cryptloop_iv_independent_of_block_size, modes, describe_mode),
	KTEST_CASE(cryptloop_plain64_iv),
	KTEST_CASE(cryptloop_bad_specs),
	KTEST_CASE_PARAMS(cryptloop_close_wipes_key, modes, describe_mode),
	{}
};

static struct ktest_suite loop_suite = {
	.name = "loop",
	.cases = loop_cases,
};
KTEST_SUITE(loop_suite);
