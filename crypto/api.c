// SPDX-License-Identifier: GPL-2.0
/*
 * Crypto API core: the table of named algorithms and their self-test state.
 *
 * Layer: below every user of crypto (encrypted loop, LUKS1), above mbed TLS.
 * crypto_init() runs each algorithm's known-answer test once; a failure
 * disables that algorithm and logs why.  Locking: the table is written only
 * by crypto_init(), which runs at boot (an initcall) or at the first use on
 * the host, before any concurrent user; afterwards it is read-only.
 * Knows nothing about block devices or on-disk formats.
 */
#define pr_fmt(fmt) "crypto: " fmt
#include <port/port.h>
#include <mbedtls/md.h>
#include <mbedtls/platform_util.h>
#include "internal.h"

static struct crypto_alg crypto_algs[] = {
#define ALG(n, t, m, d, f) { .name = n, .type = t, .mode = m, .digest_size = d, .selftest = f }
	/* Hashes first: ESSIV's self-test needs SHA-256. */
	ALG("sha1", CRYPTO_ALG_HASH, MBEDTLS_MD_SHA1, 20, crypto_selftest_hash),
	ALG("sha256", CRYPTO_ALG_HASH, MBEDTLS_MD_SHA256, 32, crypto_selftest_hash),
	ALG("hmac(sha1)", CRYPTO_ALG_HMAC, MBEDTLS_MD_SHA1, 20, crypto_selftest_hmac),
	ALG("hmac(sha256)", CRYPTO_ALG_HMAC, MBEDTLS_MD_SHA256, 32, crypto_selftest_hmac),
	ALG("pbkdf2(hmac(sha1))", CRYPTO_ALG_PBKDF2, MBEDTLS_MD_SHA1, 20,
	    crypto_selftest_pbkdf2),
	ALG("pbkdf2(hmac(sha256))", CRYPTO_ALG_PBKDF2, MBEDTLS_MD_SHA256, 32,
	    crypto_selftest_pbkdf2),
	ALG("aes", CRYPTO_ALG_CIPHER, CRYPTO_MODE_ECB, 0, crypto_selftest_cipher),
	ALG("cbc(aes)", CRYPTO_ALG_CIPHER, CRYPTO_MODE_CBC, 0, crypto_selftest_cipher),
	ALG("xts(aes)", CRYPTO_ALG_CIPHER, CRYPTO_MODE_XTS, 0, crypto_selftest_cipher),
	ALG("essiv(cbc(aes),sha256)", CRYPTO_ALG_CIPHER, CRYPTO_MODE_ESSIV_CBC, 0,
	    crypto_selftest_cipher),
#undef ALG
};

static bool crypto_initialised;

static struct crypto_alg *crypto_lookup(const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(crypto_algs); i++)
		if (strcmp(crypto_algs[i].name, name) == 0)
			return &crypto_algs[i];
	return NULL;
}

/*
 * The self-test of one algorithm uses the algorithm itself through the
 * public API, so mark it usable while its test runs and settle the flag
 * from the result.
 */
static int crypto_test_alg(struct crypto_alg *alg)
{
	int ret;

	alg->usable = true;
	/* Host builds always test; the kernel may be configured not to. */
	if (IS_ENABLED(__KERNEL__) && !IS_ENABLED(CONFIG_CRYPTO_SELFTEST)) {
		alg->tested = true;
		return 0;
	}
	ret = alg->selftest(alg);
	alg->tested = true;
	alg->usable = ret == 0;
	if (ret)
		pr_err("self-test of %s failed (%d): algorithm disabled\n",
		       alg->name, ret);
	else
		pr_debug("self-test of %s passed\n", alg->name);
	return ret;
}

/**
 * crypto_init() - run the known-answer self-tests once
 *
 * Return: 0, or -ENOPKG if at least one algorithm failed and is disabled.
 */
int crypto_init(void)
{
	int failed = 0;
	size_t i;

	if (crypto_initialised)
		goto out_count;
	crypto_initialised = true;
	for (i = 0; i < ARRAY_SIZE(crypto_algs); i++)
		if (!crypto_algs[i].tested)
			crypto_test_alg(&crypto_algs[i]);
out_count:
	for (i = 0; i < ARRAY_SIZE(crypto_algs); i++)
		if (!crypto_algs[i].usable)
			failed++;
	return failed ? -ENOPKG : 0;
}

/**
 * crypto_find_alg() - look an algorithm up and check it passed its self-test
 * @name: algorithm name
 * @err: set to -ENOENT (unknown) or -ENOPKG (disabled) when NULL is returned
 *
 * Return: the algorithm, or NULL.
 */
const struct crypto_alg *crypto_find_alg(const char *name, int *err)
{
	struct crypto_alg *alg;

	crypto_init();
	alg = crypto_lookup(name);
	if (!alg) {
		*err = -ENOENT;
		return NULL;
	}
	if (!alg->usable) {
		*err = -ENOPKG;
		return NULL;
	}
	return alg;
}

/**
 * crypto_alg_usable() - known and passed its self-test
 * @name: algorithm name
 */
bool crypto_alg_usable(const char *name)
{
	int err;

	return crypto_find_alg(name, &err) != NULL;
}

/**
 * crypto_digest_size() - output size of a hash, HMAC or PBKDF2
 * @name: algorithm name
 *
 * Return: bytes, or -ENOENT for an unknown name or a cipher.
 */
int crypto_digest_size(const char *name)
{
	struct crypto_alg *alg = crypto_lookup(name);

	if (!alg || alg->type == CRYPTO_ALG_CIPHER)
		return -ENOENT;
	return alg->digest_size;
}

/**
 * crypto_memzero() - clear a secret in a way the compiler keeps
 * @p: buffer
 * @len: bytes
 */
void crypto_memzero(void *p, size_t len)
{
	mbedtls_platform_zeroize(p, len);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/**
 * crypto_hex2bin() - decode a hex string
 * @out: output buffer
 * @outlen: its size
 * @hex: even number of hex digits, NUL-terminated
 *
 * Return: bytes written, or -EINVAL for a bad digit, odd length or overflow.
 */
int crypto_hex2bin(u8 *out, size_t outlen, const char *hex)
{
	size_t n = strlen(hex), i;

	if (n % 2 || n / 2 > outlen)
		return -EINVAL;
	for (i = 0; i < n / 2; i++) {
		int hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -EINVAL;
		out[i] = (u8)(hi << 4 | lo);
	}
	return (int)(n / 2);
}

/* Test hook: forget every self-test result (crypto/tests only). */
void crypto_reset_for_test(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(crypto_algs); i++) {
		crypto_algs[i].tested = false;
		crypto_algs[i].usable = false;
	}
	crypto_initialised = false;
}
