// SPDX-License-Identifier: GPL-2.0
/*
 * Cipher handles: AES in ECB, CBC, XTS and ESSIV-CBC over mbed TLS.
 *
 * Layer: crypto API (crypto/api.c finds the algorithm, this file runs it).
 * A handle holds an encryption and a decryption key schedule (mbed TLS keeps
 * them apart) and, for ESSIV, the schedule of SHA-256(key) that encrypts
 * IVs.  Locking: none; one user per handle.  Knows nothing about sectors:
 * the caller supplies the IV.
 */
#define pr_fmt(fmt) "crypto: " fmt
#include <port/port.h>
#include <mbedtls/aes.h>
#include "internal.h"

struct crypto_cipher {
	const struct crypto_alg *alg;
	bool has_key;
	union {
		struct {
			mbedtls_aes_context enc;
			mbedtls_aes_context dec;
			mbedtls_aes_context essiv;	/* ESSIV only */
		} aes;
		struct {
			mbedtls_aes_xts_context enc;
			mbedtls_aes_xts_context dec;
		} xts;
	} u;
};

/**
 * crypto_alloc_cipher() - allocate a cipher handle
 * @name: "aes", "cbc(aes)", "xts(aes)" or "essiv(cbc(aes),sha256)"
 *
 * Return: the handle or ERR_PTR(-ENOENT / -ENOPKG / -ENOMEM).
 */
struct crypto_cipher *crypto_alloc_cipher(const char *name)
{
	const struct crypto_alg *alg;
	int err;

	alg = crypto_find_alg(name, &err);
	if (!alg)
		return ERR_PTR(err);
	return crypto_alloc_cipher_alg(alg);
}

/**
 * crypto_alloc_cipher_alg() - allocate a handle for @alg, tested or not
 * @alg: from the table (the self-tests pass the one under test)
 *
 * Return: the handle or ERR_PTR(-ENOENT: not a cipher / -ENOMEM).
 */
struct crypto_cipher *crypto_alloc_cipher_alg(const struct crypto_alg *alg)
{
	struct crypto_cipher *tfm;

	if (alg->type != CRYPTO_ALG_CIPHER)
		return ERR_PTR(-ENOENT);
	tfm = kzalloc(sizeof(*tfm), GFP_KERNEL);
	if (!tfm)
		return ERR_PTR(-ENOMEM);
	tfm->alg = alg;
	if (alg->mode == CRYPTO_MODE_XTS) {
		mbedtls_aes_xts_init(&tfm->u.xts.enc);
		mbedtls_aes_xts_init(&tfm->u.xts.dec);
	} else {
		mbedtls_aes_init(&tfm->u.aes.enc);
		mbedtls_aes_init(&tfm->u.aes.dec);
		mbedtls_aes_init(&tfm->u.aes.essiv);
	}
	return tfm;
}

/* Test hook (crypto_set_wipe_hook()): sees a handle's memory at its end. */
static crypto_wipe_hook_fn wipe_hook;

/**
 * crypto_set_wipe_hook() - test hook: watch cipher handles being wiped
 * @fn: called by crypto_free_cipher() with the handle's memory before and
 * after the wipe, just before it is freed; NULL: no hook
 */
void crypto_set_wipe_hook(crypto_wipe_hook_fn fn)
{
	wipe_hook = fn;
}

/**
 * crypto_free_cipher() - wipe and free a handle
 * @tfm: handle, NULL or an ERR_PTR (ignored)
 */
void crypto_free_cipher(struct crypto_cipher *tfm)
{
	crypto_wipe_hook_fn hook = wipe_hook;

	if (!tfm || IS_ERR(tfm))
		return;
	if (hook)
		hook(tfm, sizeof(*tfm), false);
	if (tfm->alg->mode == CRYPTO_MODE_XTS) {
		mbedtls_aes_xts_free(&tfm->u.xts.enc);
		mbedtls_aes_xts_free(&tfm->u.xts.dec);
	} else {
		mbedtls_aes_free(&tfm->u.aes.enc);
		mbedtls_aes_free(&tfm->u.aes.dec);
		mbedtls_aes_free(&tfm->u.aes.essiv);
	}
	crypto_memzero(tfm, sizeof(*tfm));
	if (hook)
		hook(tfm, sizeof(*tfm), true);
	kfree(tfm);
}

static int cipher_setkey_essiv(struct crypto_cipher *tfm, const u8 *key,
			       size_t keylen)
{
	const struct crypto_alg *sha256;
	u8 salt[32];
	int ret;

	/*
	 * Not crypto_hash(): that waits for the self-tests, and this runs in
	 * ESSIV's own.  SHA-256 is tested before ESSIV (crypto/api.c).
	 */
	sha256 = crypto_get_alg("sha256", &ret);
	if (!sha256)
		return ret;
	ret = crypto_hash_alg(sha256, key, keylen, salt);
	if (ret)
		return ret;
	ret = mbedtls_aes_setkey_enc(&tfm->u.aes.essiv, salt, 256);
	crypto_memzero(salt, sizeof(salt));
	return ret ? -EINVAL : 0;
}

/**
 * crypto_cipher_setkey() - set the key of a handle
 * @tfm: handle
 * @key: key bytes
 * @keylen: 16/24/32, or 32/64 for "xts(aes)"
 *
 * Return: 0, or -EINVAL for a bad length.
 */
int crypto_cipher_setkey(struct crypto_cipher *tfm, const u8 *key, size_t keylen)
{
	int ret;

	tfm->has_key = false;
	if (tfm->alg->mode == CRYPTO_MODE_XTS) {
		if (keylen != 32 && keylen != 64)
			return -EINVAL;
		if (mbedtls_aes_xts_setkey_enc(&tfm->u.xts.enc, key, keylen * 8) ||
		    mbedtls_aes_xts_setkey_dec(&tfm->u.xts.dec, key, keylen * 8))
			return -EINVAL;
		tfm->has_key = true;
		return 0;
	}
	if (keylen != 16 && keylen != 24 && keylen != 32)
		return -EINVAL;
	if (mbedtls_aes_setkey_enc(&tfm->u.aes.enc, key, keylen * 8) ||
	    mbedtls_aes_setkey_dec(&tfm->u.aes.dec, key, keylen * 8))
		return -EINVAL;
	if (tfm->alg->mode == CRYPTO_MODE_ESSIV_CBC) {
		ret = cipher_setkey_essiv(tfm, key, keylen);
		if (ret)
			return ret;
	}
	tfm->has_key = true;
	return 0;
}

static int cipher_ecb(struct crypto_cipher *tfm, int mode, const u8 *src,
		      u8 *dst, size_t len)
{
	mbedtls_aes_context *ctx = mode == MBEDTLS_AES_ENCRYPT ?
		&tfm->u.aes.enc : &tfm->u.aes.dec;
	size_t off;

	for (off = 0; off < len; off += CRYPTO_AES_BLOCK)
		if (mbedtls_aes_crypt_ecb(ctx, mode, src + off, dst + off))
			return -EINVAL;
	return 0;
}

static int cipher_crypt(struct crypto_cipher *tfm, int mode, const u8 *iv,
			const void *src, void *dst, size_t len)
{
	u8 ivbuf[CRYPTO_IV_SIZE];
	int ret;

	if (!tfm->has_key)
		return -ENOKEY;
	if (tfm->alg->mode == CRYPTO_MODE_XTS) {
		if (len < CRYPTO_AES_BLOCK)
			return -EINVAL;
		ret = mbedtls_aes_crypt_xts(mode == MBEDTLS_AES_ENCRYPT ?
					    &tfm->u.xts.enc : &tfm->u.xts.dec,
					    mode, len, iv, src, dst);
		return ret ? -EINVAL : 0;
	}
	if (len % CRYPTO_AES_BLOCK)
		return -EINVAL;
	switch (tfm->alg->mode) {
	case CRYPTO_MODE_ECB:
		return cipher_ecb(tfm, mode, src, dst, len);
	case CRYPTO_MODE_ESSIV_CBC:
		if (mbedtls_aes_crypt_ecb(&tfm->u.aes.essiv, MBEDTLS_AES_ENCRYPT,
					  iv, ivbuf))
			return -EINVAL;
		break;
	default:
		memcpy(ivbuf, iv, sizeof(ivbuf));
		break;
	}
	ret = mbedtls_aes_crypt_cbc(mode == MBEDTLS_AES_ENCRYPT ?
				    &tfm->u.aes.enc : &tfm->u.aes.dec,
				    mode, len, ivbuf, src, dst);
	return ret ? -EINVAL : 0;
}

/**
 * crypto_cipher_encrypt() - encrypt a buffer
 * @tfm: keyed handle
 * @iv: 16 bytes (ignored by "aes")
 * @src: plaintext
 * @dst: ciphertext (may be @src)
 * @len: bytes: whole blocks, or for XTS any length >= 16
 *
 * Return: 0, -EINVAL or -ENOKEY.
 */
int crypto_cipher_encrypt(struct crypto_cipher *tfm, const u8 *iv,
			  const void *src, void *dst, size_t len)
{
	return cipher_crypt(tfm, MBEDTLS_AES_ENCRYPT, iv, src, dst, len);
}

/**
 * crypto_cipher_decrypt() - decrypt a buffer
 * @tfm: keyed handle
 * @iv: 16 bytes (ignored by "aes")
 * @src: ciphertext
 * @dst: plaintext (may be @src)
 * @len: as for crypto_cipher_encrypt()
 *
 * Return: 0, -EINVAL or -ENOKEY.
 */
int crypto_cipher_decrypt(struct crypto_cipher *tfm, const u8 *iv,
			  const void *src, void *dst, size_t len)
{
	return cipher_crypt(tfm, MBEDTLS_AES_DECRYPT, iv, src, dst, len);
}
