/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to crypto/: the algorithm table and the self-test hooks.
 */
#ifndef CRYPTO_INTERNAL_H
#define CRYPTO_INTERNAL_H

#include <crypto/crypto.h>

enum crypto_alg_type {
	CRYPTO_ALG_CIPHER,
	CRYPTO_ALG_HASH,
	CRYPTO_ALG_HMAC,
	CRYPTO_ALG_PBKDF2,
};

enum crypto_cipher_mode {
	CRYPTO_MODE_ECB,
	CRYPTO_MODE_CBC,
	CRYPTO_MODE_XTS,
	CRYPTO_MODE_ESSIV_CBC,
};

struct crypto_alg {
	const char *name;
	enum crypto_alg_type type;
	int mode;		/* enum crypto_cipher_mode, or mbedtls_md_type_t */
	int digest_size;	/* hashes, HMACs, PBKDF2 */
	int (*selftest)(const struct crypto_alg *alg);
	/*
	 * Written by crypto_init() under its lock, before it publishes the
	 * table (crypto/api.c); read-only for everyone else afterwards.
	 */
	bool tested;
	bool usable;
};

/* crypto/api.c */
/* The public entry points' lookup: waits for the self-tests first. */
const struct crypto_alg *crypto_find_alg(const char *name, int *err);
/*
 * The same without waiting, for code that runs inside a self-test (ESSIV
 * hashing its key): an algorithm not yet tested is -ENOPKG.
 */
const struct crypto_alg *crypto_get_alg(const char *name, int *err);
/* The table, in order, for listings (/proc/crypto); NULL past the end. */
const struct crypto_alg *crypto_alg_at(size_t i);

/*
 * crypto/cipher.c, crypto/hash.c: the public functions minus the lookup,
 * for the self-tests, which must use the algorithm under test.
 */
struct crypto_cipher *crypto_alloc_cipher_alg(const struct crypto_alg *alg);
int crypto_hash_alg(const struct crypto_alg *alg, const void *data, size_t len,
		    u8 *out);
int crypto_hmac_alg(const struct crypto_alg *alg, const void *key, size_t keylen,
		    const void *data, size_t len, u8 *out);
int crypto_pbkdf2_alg(const struct crypto_alg *alg, const void *pass,
		      size_t passlen, const void *salt, size_t saltlen,
		      u32 iterations, u8 *out, size_t outlen);

/* crypto/selftest.c: one known-answer test per algorithm */
int crypto_selftest_cipher(const struct crypto_alg *alg);
int crypto_selftest_hash(const struct crypto_alg *alg);
int crypto_selftest_hmac(const struct crypto_alg *alg);
int crypto_selftest_pbkdf2(const struct crypto_alg *alg);

/*
 * Test hooks (used by crypto/tests): make @name's next self-test see a
 * corrupted expected value; forget all self-test results (only while no
 * other thread uses the API); how many self-tests have run.
 */
void crypto_selftest_corrupt(const char *name);
void crypto_reset_for_test(void);
unsigned int crypto_selftest_runs(void);

/* Kernel only (crypto/boot.c): how long the boot-time self-tests took. */
extern u64 crypto_boot_selftest_ns;

/* Hex helper for vectors: returns bytes written or -EINVAL. */
int crypto_hex2bin(u8 *out, size_t outlen, const char *hex);

#endif /* CRYPTO_INTERNAL_H */
