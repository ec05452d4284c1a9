// SPDX-License-Identifier: GPL-2.0
/*
 * Crypto API core: the table of named algorithms and their self-test state.
 *
 * Layer: below every user of crypto (encrypted loop, LUKS1), above mbed TLS.
 * crypto_init() runs each algorithm's known-answer test once; a failure
 * disables that algorithm and logs why.  In the kernel an initcall runs it
 * at boot (crypto/boot.c); on the host, and for any kernel user earlier
 * than that initcall, the first public call runs it.
 *
 * Locking: crypto_init_lock serialises crypto_init() (and the test reset);
 * it alone writes each algorithm's tested/usable flags, then publishes
 * them by setting crypto_ready with release order.  Readers load
 * crypto_ready with acquire order and never write, so after the first
 * init every lookup is lock-free; a thread that arrives while another runs
 * the self-tests waits on the lock.  The self-tests themselves use the
 * *_alg() entry points, which do not wait (the lock is not recursive).
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

static DEFINE_MUTEX(crypto_init_lock);
static bool crypto_ready;		/* release/acquire; see the top */
static unsigned int crypto_tests_run;	/* crypto_init_lock */

static bool crypto_is_ready(void)
{
	return __atomic_load_n(&crypto_ready, __ATOMIC_ACQUIRE);
}

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

/* Run @alg's known-answer test and settle its flags.  crypto_init_lock held. */
static int crypto_test_alg(struct crypto_alg *alg)
{
	int ret;

	/* Host builds always test; the kernel may be configured not to. */
	if (IS_ENABLED(__KERNEL__) && !IS_ENABLED(CONFIG_CRYPTO_SELFTEST)) {
		alg->tested = true;
		alg->usable = true;
		return 0;
	}
	crypto_tests_run++;
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
 * Any thread may call it, any number of times: the first call runs the
 * tests (in table order: ESSIV's needs SHA-256 settled), concurrent
 * callers wait for it, later calls only count.  May sleep the first time.
 *
 * Return: 0, or -ENOPKG if at least one algorithm failed and is disabled.
 */
int crypto_init(void)
{
	int failed = 0;
	size_t i;

	if (!crypto_is_ready()) {
		mutex_lock(&crypto_init_lock);
		if (!crypto_ready) {
			for (i = 0; i < ARRAY_SIZE(crypto_algs); i++)
				if (!crypto_algs[i].tested)
					crypto_test_alg(&crypto_algs[i]);
			__atomic_store_n(&crypto_ready, true, __ATOMIC_RELEASE);
		}
		mutex_unlock(&crypto_init_lock);
	}
	for (i = 0; i < ARRAY_SIZE(crypto_algs); i++)
		if (!crypto_algs[i].usable)
			failed++;
	return failed ? -ENOPKG : 0;
}

/**
 * crypto_get_alg() - look an algorithm up without waiting for the self-tests
 * @name: algorithm name
 * @err: set to -ENOENT (unknown) or -ENOPKG (disabled, or not tested yet)
 * when NULL is returned
 *
 * For code inside a self-test (crypto/internal.h); everyone else goes
 * through crypto_find_alg().
 * Return: the algorithm, or NULL.
 */
const struct crypto_alg *crypto_get_alg(const char *name, int *err)
{
	struct crypto_alg *alg = crypto_lookup(name);

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
 * crypto_find_alg() - look an algorithm up and check it passed its self-test
 * @name: algorithm name
 * @err: set to -ENOENT (unknown) or -ENOPKG (disabled) when NULL is returned
 *
 * Return: the algorithm, or NULL.
 */
const struct crypto_alg *crypto_find_alg(const char *name, int *err)
{
	if (!crypto_is_ready())
		crypto_init();
	return crypto_get_alg(name, err);
}

/**
 * crypto_alg_at() - the @i-th algorithm of the table, for listings
 * @i: 0, 1, ...
 *
 * Its tested/usable flags are settled once crypto_init() has returned.
 * Return: the algorithm, or NULL past the end.
 */
const struct crypto_alg *crypto_alg_at(size_t i)
{
	return i < ARRAY_SIZE(crypto_algs) ? &crypto_algs[i] : NULL;
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

/*
 * Test hook: forget every self-test result (crypto/tests only).  The
 * caller makes sure no other thread is using the API meanwhile.
 */
void crypto_reset_for_test(void)
{
	size_t i;

	mutex_lock(&crypto_init_lock);
	__atomic_store_n(&crypto_ready, false, __ATOMIC_RELEASE);
	for (i = 0; i < ARRAY_SIZE(crypto_algs); i++) {
		crypto_algs[i].tested = false;
		crypto_algs[i].usable = false;
	}
	crypto_tests_run = 0;
	mutex_unlock(&crypto_init_lock);
}

/* Test hook: self-tests run since boot or the last reset. */
unsigned int crypto_selftest_runs(void)
{
	unsigned int n;

	mutex_lock(&crypto_init_lock);
	n = crypto_tests_run;
	mutex_unlock(&crypto_init_lock);
	return n;
}
