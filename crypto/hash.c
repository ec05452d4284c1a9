// SPDX-License-Identifier: GPL-2.0
/*
 * Hashes, HMAC and PBKDF2 over mbed TLS's md layer.
 *
 * Layer: crypto API.  One-shot functions only (the users hash small
 * buffers).  HMAC and PBKDF2 allocate an mbed TLS HMAC context through
 * kcalloc; its failure is -ENOMEM.  No locking: no shared state.
 */
#define pr_fmt(fmt) "crypto: " fmt
#include <port/port.h>
#include <mbedtls/md.h>
#include <mbedtls/pkcs5.h>
#include "internal.h"

static const struct crypto_alg *find_typed(const char *name,
					   enum crypto_alg_type type, int *err)
{
	const struct crypto_alg *alg = crypto_find_alg(name, err);

	if (alg && alg->type != type) {
		*err = -ENOENT;
		return NULL;
	}
	return alg;
}

static int md_errno(int ret)
{
	if (ret == MBEDTLS_ERR_MD_ALLOC_FAILED)
		return -ENOMEM;
	return ret ? -EINVAL : 0;
}

/**
 * crypto_hash() - one-shot digest
 * @name: "sha1" or "sha256"
 * @data: input
 * @len: its length
 * @out: crypto_digest_size(@name) bytes
 *
 * Return: 0, -ENOENT or -ENOPKG.
 */
int crypto_hash(const char *name, const void *data, size_t len, u8 *out)
{
	const struct crypto_alg *alg;
	int err;

	alg = find_typed(name, CRYPTO_ALG_HASH, &err);
	if (!alg)
		return err;
	return crypto_hash_alg(alg, data, len, out);
}

/** crypto_hash_alg() - crypto_hash() with @alg, tested or not. Return: 0 or -errno. */
int crypto_hash_alg(const struct crypto_alg *alg, const void *data, size_t len, u8 *out)
{
	if (alg->type != CRYPTO_ALG_HASH)
		return -ENOENT;
	return md_errno(mbedtls_md(mbedtls_md_info_from_type(alg->mode),
				   data, len, out));
}

/**
 * crypto_hmac() - one-shot HMAC
 * @name: "hmac(sha1)" or "hmac(sha256)"
 * @key: key
 * @keylen: its length
 * @data: message
 * @len: its length
 * @out: digest-size bytes
 *
 * Return: 0, -ENOENT, -ENOPKG or -ENOMEM.
 */
int crypto_hmac(const char *name, const void *key, size_t keylen,
		const void *data, size_t len, u8 *out)
{
	const struct crypto_alg *alg;
	int err;

	alg = find_typed(name, CRYPTO_ALG_HMAC, &err);
	if (!alg)
		return err;
	return crypto_hmac_alg(alg, key, keylen, data, len, out);
}

/** crypto_hmac_alg() - crypto_hmac() with @alg, tested or not. Return: 0 or -errno. */
int crypto_hmac_alg(const struct crypto_alg *alg, const void *key, size_t keylen,
		    const void *data, size_t len, u8 *out)
{
	if (alg->type != CRYPTO_ALG_HMAC)
		return -ENOENT;
	return md_errno(mbedtls_md_hmac(mbedtls_md_info_from_type(alg->mode),
					key, keylen, data, len, out));
}

/**
 * crypto_pbkdf2() - derive a key with PBKDF2
 * @name: "pbkdf2(hmac(sha1))" or "pbkdf2(hmac(sha256))"
 * @pass: password
 * @passlen: its length
 * @salt: salt
 * @saltlen: its length
 * @iterations: >= 1
 * @out: derived key
 * @outlen: its length, >= 1
 *
 * Return: 0, -EINVAL, -ENOENT, -ENOPKG or -ENOMEM.
 */
int crypto_pbkdf2(const char *name, const void *pass, size_t passlen,
		  const void *salt, size_t saltlen, u32 iterations,
		  u8 *out, size_t outlen)
{
	const struct crypto_alg *alg;
	int err;

	if (!iterations || !outlen)
		return -EINVAL;
	alg = find_typed(name, CRYPTO_ALG_PBKDF2, &err);
	if (!alg)
		return err;
	return crypto_pbkdf2_alg(alg, pass, passlen, salt, saltlen, iterations,
				 out, outlen);
}

/** crypto_pbkdf2_alg() - crypto_pbkdf2() with @alg, tested or not. Return: 0 or -errno. */
int crypto_pbkdf2_alg(const struct crypto_alg *alg, const void *pass, size_t passlen,
		      const void *salt, size_t saltlen, u32 iterations,
		      u8 *out, size_t outlen)
{
	mbedtls_md_context_t ctx;
	int ret;

	if (!iterations || !outlen)
		return -EINVAL;
	if (alg->type != CRYPTO_ALG_PBKDF2)
		return -ENOENT;
	mbedtls_md_init(&ctx);
	ret = mbedtls_md_setup(&ctx, mbedtls_md_info_from_type(alg->mode), 1);
	if (ret)
		goto out_free;
	ret = mbedtls_pkcs5_pbkdf2_hmac(&ctx, pass, passlen, salt, saltlen,
					iterations, (u32)outlen, out);
out_free:
	mbedtls_md_free(&ctx);
	return md_errno(ret);
}
