// SPDX-License-Identifier: GPL-2.0
/*
 * Encrypted loop: the per-sector transform (aes-xts-plain64,
 * aes-cbc-essiv:sha256) and the headerless ("plain") device.
 *
 * Layer: between loop.c (which calls the transform with 512-byte sector
 * numbers from the start of the encrypted area) and the crypto API.  The
 * IV comes only from that sector number, never from a filesystem block
 * number (see include/block/cryptloop.h).  LUKS1 (luks1*.c) finds the key
 * and reuses this transform.  Locking: one user per device, as loop.c.
 */
#define pr_fmt(fmt) "cryptloop: " fmt
#include <port/port.h>
#include <crypto/crypto.h>
#include <block/cryptloop.h>

struct cryptloop_cipher {
	struct crypto_cipher *tfm;
};

/**
 * cryptloop_cipher_new() - build the transform for a cipher spec
 * @cipher: "aes"
 * @mode: "xts-plain64" or "cbc-essiv:sha256"
 * @key: volume key
 * @keylen: its length
 *
 * Return: the transform or an ERR_PTR.
 */
struct cryptloop_cipher *cryptloop_cipher_new(const char *cipher,
					      const char *mode, const u8 *key,
					      size_t keylen)
{
	struct cryptloop_cipher *c;
	const char *alg;
	int ret;

	if (!cipher || strcmp(cipher, "aes"))
		goto out_unsupported;
	if (!mode || !strcmp(mode, "xts-plain64"))
		alg = "xts(aes)";
	else if (!strcmp(mode, "cbc-essiv:sha256"))
		alg = "essiv(cbc(aes),sha256)";
	else
		goto out_unsupported;
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return ERR_PTR(-ENOMEM);
	c->tfm = crypto_alloc_cipher(alg);
	if (IS_ERR(c->tfm)) {
		ret = PTR_ERR(c->tfm);
		goto out_free;
	}
	ret = crypto_cipher_setkey(c->tfm, key, keylen);
	if (ret) {
		pr_err("%s: bad key length %zu\n", alg, keylen);
		crypto_free_cipher(c->tfm);
		goto out_free;
	}
	return c;
out_free:
	kfree(c);
	return ERR_PTR(ret);
out_unsupported:
	pr_err("unsupported cipher %s-%s\n", cipher ? cipher : "?",
	       mode ? mode : "?");
	return ERR_PTR(-EINVAL);
}

/**
 * cryptloop_cipher_free() - wipe and free a transform
 * @c: transform, NULL or ERR_PTR
 */
void cryptloop_cipher_free(struct cryptloop_cipher *c)
{
	if (!c || IS_ERR(c))
		return;
	crypto_free_cipher(c->tfm);	/* wipes the key schedule */
	kfree(c);
}

/**
 * cryptloop_crypt() - the loop transform
 * @ctx: struct cryptloop_cipher
 * @dir: LOOP_WRITE encrypts, LOOP_READ decrypts
 * @sector: first 512-byte sector number, from the start of the area
 * @buf: data, in place
 * @count: sectors
 *
 * Return: 0 or -errno.
 */
int cryptloop_crypt(void *ctx, enum loop_dir dir, u64 sector, u8 *buf, u32 count)
{
	struct cryptloop_cipher *c = ctx;
	u8 iv[CRYPTO_IV_SIZE];
	u32 i;
	int ret = 0;

	for (i = 0; i < count && !ret; i++, sector++, buf += LOOP_SECTOR) {
		u64 s = sector;
		int b;

		memset(iv, 0, sizeof(iv));
		for (b = 0; b < 8; b++, s >>= 8)	/* plain64: le64 */
			iv[b] = (u8)s;
		if (dir == LOOP_WRITE)
			ret = crypto_cipher_encrypt(c->tfm, iv, buf, buf, LOOP_SECTOR);
		else
			ret = crypto_cipher_decrypt(c->tfm, iv, buf, buf, LOOP_SECTOR);
	}
	return ret;
}

/**
 * cryptloop_open_plain() - headerless encrypted loop
 * @cl: zeroed device
 * @backing: ciphertext store
 * @mode: cipher mode or NULL for aes-xts-plain64
 * @key: volume key
 * @keylen: its length
 * @offset: start of the encrypted area in bytes
 * @block_size: exported sector size
 *
 * Return: 0 or -errno.
 */
int cryptloop_open_plain(struct cryptloop *cl, struct blkio *backing,
			 const char *mode, const u8 *key, size_t keylen,
			 u64 offset, u32 block_size)
{
	struct loop_config cfg = {
		.offset = offset,
		.block_size = block_size,
		.transform = &cl->xform,
	};
	int ret;

	cl->cipher = cryptloop_cipher_new("aes", mode, key, keylen);
	if (IS_ERR(cl->cipher)) {
		ret = PTR_ERR(cl->cipher);
		cl->cipher = NULL;
		return ret;
	}
	cl->xform.xfer = cryptloop_crypt;
	cl->xform.ctx = cl->cipher;
	ret = loop_attach(&cl->lo, backing, &cfg);
	if (ret) {
		cryptloop_cipher_free(cl->cipher);
		cl->cipher = NULL;
	}
	return ret;
}

/**
 * cryptloop_close() - detach and wipe the key
 * @cl: device
 *
 * Return: 0 or the flush error.
 */
int cryptloop_close(struct cryptloop *cl)
{
	int ret = loop_detach(&cl->lo);

	cryptloop_cipher_free(cl->cipher);
	crypto_memzero(cl, sizeof(*cl));
	return ret;
}
