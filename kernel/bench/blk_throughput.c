// SPDX-License-Identifier: GPL-2.0
/*
 * Block-layer throughput on the target, the QEMU half of `make bench-block`:
 *   cloop_initrd   the initrd as a cloop image (any content: the system's
 *                  root, or the tar of sources and objects that `make
 *                  bench-block` passes): compression ratio, sequential
 *                  read of the whole decompressed image from a cold cache,
 *                  and random 4 KiB reads
 *   xts_aes256     aes-xts-plain64 with a 512-bit key over 64 KiB, one IV
 *                  per 512-byte sector as the encrypted loop uses it
 * Throughput is bytes per microsecond of kernel time (MB/s); under
 * -icount shift=0 a nanosecond is one instruction, so the figure is "MB
 * per 10^9 instructions" and repeats from run to run.
 *
 * The cloop case opens its own device on the initrd (its own cache), so
 * the mounted root's cache neither helps nor is disturbed.
 */
#include "bench_internal.h"
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/time.h>
#include <kernel/errno.h>
#include <kernel/string.h>
#include <kernel/err.h>
#include <block/memblk.h>
#include <block/cloop.h>
#include <crypto/crypto.h>
#include <fs/root.h>

#define CHUNK		(64 * 1024)	/* sequential read size */
#define RANDOM_IO	4096
#define RANDOM_READS	512
#define XTS_BYTES	(64 * 1024)
#define XTS_PASSES	8
#define SECTOR		512

/* MB/s (bytes per us) in tenths, from @bytes moved in @ns */
static u64 mbs_x10(u64 bytes, u64 ns)
{
	return ns ? bytes * 10000 / ns : 0;
}

static int open_initrd_cloop(struct memblk *mb, struct cloop_dev **cl)
{
	size_t size;
	void *data;
	u64 phys;
	int err;

	if (!IS_ENABLED(CONFIG_BLK_DEV_CLOOP))
		return -ENODEV;
	err = initrd_memory(&data, &size, &phys);
	if (err) {
		if (err == -ENOENT)
			console_printf("# bench: cloop_initrd needs an initrd (QEMU -initrd)\n");
		return err;
	}
	err = memblk_init(mb, data, size, 512, true);
	return err ? err : cloop_open(&mb->bio, NULL, cl);
}

static int run_cloop_initrd(void)
{
	struct cloop_dev *cl = NULL;
	struct cloop_info info;
	struct cloop_stats st;
	struct memblk mb;
	u64 t0, t1, image, blocks, state = 0x2545f491;
	u8 *buf;
	int err;

	err = open_initrd_cloop(&mb, &cl);
	if (err)
		return err;
	buf = kmalloc(CHUNK, GFP_KERNEL);
	if (!buf) {
		cloop_close(cl);
		return -ENOMEM;
	}
	cloop_get_info(cl, &info);
	image = (u64)info.block_size * info.num_blocks;
	console_printf("# bench: cloop_initrd: %u blocks of %u KiB, %llu KiB compressed\n",
		       info.num_blocks, info.block_size / 1024, info.image_bytes >> 10);

	/* sequential: every byte once, cold cache */
	t0 = ktime_get_ns();
	for (u64 pos = 0; pos < image && !err; pos += CHUNK)
		err = cloop_read(cl, pos, buf, min((u64)CHUNK, image - pos));
	t1 = ktime_get_ns();
	if (err)
		goto out;
	bench_report("cloop_initrd_seq_read", mbs_x10(image, t1 - t0), "MB_per_s", 0);

	/* random 4 KiB: aligned offsets from a fixed xorshift sequence */
	blocks = image / RANDOM_IO;
	t0 = ktime_get_ns();
	for (int i = 0; i < RANDOM_READS && !err; i++) {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		err = cloop_read(cl, (state % blocks) * RANDOM_IO, buf, RANDOM_IO);
	}
	t1 = ktime_get_ns();
	if (err)
		goto out;
	cloop_get_stats(cl, &st);
	bench_report("cloop_initrd_rand_4k_read",
		     mbs_x10((u64)RANDOM_READS * RANDOM_IO, t1 - t0), "MB_per_s", 0);
	/* compressed / decompressed, in thousandths (ratio 0.413 -> 413.0) */
	bench_report("cloop_initrd_ratio_x1000", info.image_bytes * 10000 / image,
		     "permille", 0);
	console_printf("# bench: cloop_initrd: cache %llu hits, %llu misses\n",
		       st.hits, st.misses);
out:
	kfree(buf);
	cloop_close(cl);
	return err;
}

const struct bench_case bench_cloop_initrd = {
	.name = "cloop_initrd",
	.desc = "cloop (LZ4) initrd root: ratio, sequential and random 4 KiB reads",
	.run = run_cloop_initrd,
};

/* One pass over @len bytes, sector by sector, IV = sector number (plain64). */
static int xts_pass(struct crypto_cipher *tfm, u8 *buf, size_t len, bool enc)
{
	u8 iv[CRYPTO_IV_SIZE];

	for (size_t off = 0; off < len; off += SECTOR) {
		u64 sector = off / SECTOR;
		int err;

		memset(iv, 0, sizeof(iv));
		for (int i = 0; i < 8; i++)
			iv[i] = (u8)(sector >> (8 * i));
		err = enc ? crypto_cipher_encrypt(tfm, iv, buf + off, buf + off, SECTOR) :
			    crypto_cipher_decrypt(tfm, iv, buf + off, buf + off, SECTOR);
		if (err)
			return err;
	}
	return 0;
}

static int time_xts(struct crypto_cipher *tfm, u8 *buf, bool enc, u64 *ns)
{
	u64 t0 = ktime_get_ns();
	int err = 0;

	for (int p = 0; p < XTS_PASSES && !err; p++)
		err = xts_pass(tfm, buf, XTS_BYTES, enc);
	*ns = ktime_get_ns() - t0;
	return err;
}

static int run_xts(void)
{
	struct crypto_cipher *tfm;
	u8 key[64];
	u64 enc_ns, dec_ns;
	u8 *buf, *copy;
	int err;

	if (!IS_ENABLED(CONFIG_CRYPTO))
		return -ENODEV;
	tfm = crypto_alloc_cipher("xts(aes)");
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	for (size_t i = 0; i < sizeof(key); i++)
		key[i] = (u8)(i * 7 + 1);
	buf = kmalloc(XTS_BYTES, GFP_KERNEL);
	copy = kmalloc(XTS_BYTES, GFP_KERNEL);
	err = buf && copy ? crypto_cipher_setkey(tfm, key, sizeof(key)) : -ENOMEM;
	if (err)
		goto out;
	for (size_t i = 0; i < XTS_BYTES; i++)
		buf[i] = (u8)(i ^ (i >> 9));
	memcpy(copy, buf, XTS_BYTES);
	err = time_xts(tfm, buf, true, &enc_ns);
	if (!err)
		err = time_xts(tfm, buf, false, &dec_ns);
	/* the same number of passes each way: the plaintext must come back */
	if (!err && memcmp(buf, copy, XTS_BYTES))
		err = -EIO;
	if (err)
		goto out;
	bench_report("xts_aes256_encrypt", mbs_x10((u64)XTS_PASSES * XTS_BYTES, enc_ns),
		     "MB_per_s", 0);
	bench_report("xts_aes256_decrypt", mbs_x10((u64)XTS_PASSES * XTS_BYTES, dec_ns),
		     "MB_per_s", 0);
out:
	kfree(copy);
	kfree(buf);
	crypto_free_cipher(tfm);
	return err;
}

const struct bench_case bench_xts_aes256 = {
	.name = "xts_aes256",
	.desc = "aes-xts-plain64 (512-bit key) encrypt/decrypt, 512-byte sectors",
	.run = run_xts,
};
