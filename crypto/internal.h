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
	bool tested;
	bool usable;
};

/* crypto/api.c */
const struct crypto_alg *crypto_find_alg(const char *name, int *err);

/* crypto/selftest.c: one known-answer test per algorithm */
int crypto_selftest_cipher(const struct crypto_alg *alg);
int crypto_selftest_hash(const struct crypto_alg *alg);
int crypto_selftest_hmac(const struct crypto_alg *alg);
int crypto_selftest_pbkdf2(const struct crypto_alg *alg);

/*
 * Test hooks (used by crypto/tests): make @name's next self-test see a
 * corrupted expected value, and forget all self-test results.
 */
void crypto_selftest_corrupt(const char *name);
void crypto_reset_for_test(void);

/* Hex helper for vectors: returns bytes written or -EINVAL. */
int crypto_hex2bin(u8 *out, size_t outlen, const char *hex);

#endif /* CRYPTO_INTERNAL_H */
