/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The crypto API: named algorithms over mbed TLS 2.28.
 *
 *   ciphers  "aes" (ECB, whole blocks), "cbc(aes)", "xts(aes)",
 *            "essiv(cbc(aes),sha256)"
 *   hashes   "sha1", "sha256"
 *   MACs     "hmac(sha1)", "hmac(sha256)"
 *   KDFs     "pbkdf2(hmac(sha1))", "pbkdf2(hmac(sha256))"
 *
 * crypto_init() runs a known-answer self-test for every algorithm (IEEE
 * 1619 XTS, NIST FIPS-197 / SP 800-38A AES, FIPS 180 SHA, RFC 4231 HMAC,
 * RFC 6070 / RFC 7914 PBKDF2 vectors).  An algorithm whose self-test fails
 * is disabled: using it returns -ENOPKG, and the failure is logged.
 * The kernel runs it at boot (an initcall, crypto/boot.c); everything else
 * also calls it on first use (host tools and tests), so callers need not.
 * It is thread-safe: concurrent first users wait for one run of the tests.
 *
 * IV convention for the ciphers: a 16-byte IV per call.  "xts(aes)" takes
 * the tweak (the data unit number, little-endian, as IEEE 1619 does);
 * "essiv(cbc(aes),sha256)" takes the plain IV (e.g. the le64 sector
 * number) and encrypts it with SHA-256(key) to get the CBC IV.
 *
 * Locking: a cipher handle is not shared between threads without the
 * caller's own lock; the algorithm table is written only by crypto_init(),
 * under its own lock, and read lock-free once published.
 */
#ifndef CRYPTO_CRYPTO_H
#define CRYPTO_CRYPTO_H

#include <kernel/types.h>

#define CRYPTO_MAX_DIGEST	32
#define CRYPTO_MAX_KEY		64
#define CRYPTO_IV_SIZE		16
#define CRYPTO_AES_BLOCK	16

struct crypto_cipher;

/**
 * crypto_init() - run the self-tests once and enable the algorithms that pass
 * Any thread, any number of times; may sleep while the tests run.
 * Return: 0, or -ENOPKG when at least one algorithm was disabled (the
 * others stay usable).
 */
int crypto_init(void);

/**
 * crypto_alg_usable() - whether @name is known and passed its self-test
 */
bool crypto_alg_usable(const char *name);

/**
 * crypto_alloc_cipher() - a cipher handle for @name ("xts(aes)" ...)
 * Return: the handle, or ERR_PTR(-ENOENT) for an unknown name,
 * ERR_PTR(-ENOPKG) if its self-test failed, ERR_PTR(-ENOMEM).
 */
struct crypto_cipher *crypto_alloc_cipher(const char *name);

/**
 * crypto_free_cipher() - wipe the key schedule and free the handle
 * @tfm: handle, may be NULL or an ERR_PTR
 */
void crypto_free_cipher(struct crypto_cipher *tfm);

/**
 * crypto_cipher_setkey() - set the key
 * Return: 0, or -EINVAL for a length the algorithm does not take
 * ("xts(aes)": 32 or 64 bytes; the others 16, 24 or 32).
 */
int crypto_cipher_setkey(struct crypto_cipher *tfm, const u8 *key, size_t keylen);

/**
 * crypto_cipher_encrypt() - encrypt @len bytes from @src to @dst
 * @iv: CRYPTO_IV_SIZE bytes (ignored by "aes"); not modified
 * @src, @dst: may be the same buffer
 * Return: 0, -EINVAL if @len is not a whole number of blocks (XTS: at
 * least one block, any length), -ENOKEY if no key was set.
 */
int crypto_cipher_encrypt(struct crypto_cipher *tfm, const u8 *iv,
			  const void *src, void *dst, size_t len);
/** crypto_cipher_decrypt() - the inverse of crypto_cipher_encrypt() */
int crypto_cipher_decrypt(struct crypto_cipher *tfm, const u8 *iv,
			  const void *src, void *dst, size_t len);

/**
 * crypto_digest_size() - output size of a hash, HMAC or PBKDF2 name
 * Return: bytes, or -ENOENT.
 */
int crypto_digest_size(const char *name);

/**
 * crypto_hash() - one-shot digest ("sha256", "sha1")
 * @out: crypto_digest_size(@name) bytes
 * Return: 0, -ENOENT, -ENOPKG.
 */
int crypto_hash(const char *name, const void *data, size_t len, u8 *out);

/**
 * crypto_hmac() - one-shot HMAC ("hmac(sha256)", "hmac(sha1)")
 * Return: 0, -ENOENT, -ENOPKG, -ENOMEM.
 */
int crypto_hmac(const char *name, const void *key, size_t keylen,
		const void *data, size_t len, u8 *out);

/**
 * crypto_pbkdf2() - PBKDF2 ("pbkdf2(hmac(sha256))", "pbkdf2(hmac(sha1))")
 * @iterations: at least 1
 * @out, @outlen: derived key
 * Return: 0, -EINVAL, -ENOENT, -ENOPKG, -ENOMEM.
 */
int crypto_pbkdf2(const char *name, const void *pass, size_t passlen,
		  const void *salt, size_t saltlen, u32 iterations,
		  u8 *out, size_t outlen);

/**
 * crypto_memzero() - clear a secret; not optimised away
 */
void crypto_memzero(void *p, size_t len);

/*
 * Test hook: crypto_free_cipher() calls @fn with the handle's memory (its
 * key schedules) before the wipe (@wiped false) and after it, just before
 * freeing it, so that tests can check that detaching a device leaves no
 * key behind.  One hook for the whole system; NULL removes it.
 */
typedef void (*crypto_wipe_hook_fn)(const void *mem, size_t len, bool wiped);
void crypto_set_wipe_hook(crypto_wipe_hook_fn fn);

/* Random bytes for keys and salts (crypto/rng.c). */
typedef int (*crypto_entropy_fn)(void *buf, size_t len);

/**
 * crypto_rng_set_source() - register the board's (or host's) entropy source
 * @fn: fills a buffer with random bytes, returns 0 or -errno; NULL removes it
 */
void crypto_rng_set_source(crypto_entropy_fn fn);

/**
 * crypto_get_random_bytes() - fill @buf from the registered source
 *
 * Without a source this falls back to a SHA-256 hash of a counter and
 * ktime_get_ns(): NOT a secure random generator.  It warns once, and
 * crypto_rng_is_secure() says false.
 * Return: 0 or the source's -errno.
 */
int crypto_get_random_bytes(void *buf, size_t len);
bool crypto_rng_is_secure(void);

#endif /* CRYPTO_CRYPTO_H */
