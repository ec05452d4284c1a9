// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the crypto API: every algorithm passes its self-test, direct
 * known answers through the public API (IEEE 1619 XTS, SP 800-38A CBC,
 * RFC 7914 PBKDF2), argument errors, allocation failures without leaks, and
 * that a failing self-test disables exactly that algorithm.
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <crypto/crypto.h>
#include "../internal.h"

static void hex(struct ktest *t, u8 *out, size_t len, const char *s)
{
	KASSERT_EQ(t, crypto_hex2bin(out, len, s), (int)(strlen(s) / 2));
}

static void crypto_all_selftests_pass(struct ktest *t)
{
	static const char *const names[] = {
		"aes", "cbc(aes)", "xts(aes)", "essiv(cbc(aes),sha256)", "sha1",
		"sha256", "hmac(sha1)", "hmac(sha256)", "pbkdf2(hmac(sha1))",
		"pbkdf2(hmac(sha256))",
	};
	size_t i;

	KEXPECT_EQ(t, crypto_init(), 0);
	for (i = 0; i < ARRAY_SIZE(names); i++)
		KEXPECT_TRUE(t, crypto_alg_usable(names[i]));
	KEXPECT_FALSE(t, crypto_alg_usable("des"));
}

/* IEEE P1619 D16 vector 2, in place, then back. */
static void crypto_xts_vector2_inplace(struct ktest *t)
{
	u8 key[32], iv[16], buf[32], ct[32], pt[32];
	struct crypto_cipher *tfm;

	hex(t, key, 32, "1111111111111111111111111111111122222222222222222222222222222222");
	hex(t, iv, 16, "33333333330000000000000000000000");
	memset(pt, 0x44, sizeof(pt));
	hex(t, ct, 32, "c454185e6a16936e39334038acef838bfb186fff7480adc4289382ecd6d394f0");
	tfm = crypto_alloc_cipher("xts(aes)");
	KASSERT_FALSE(t, IS_ERR(tfm));
	KEXPECT_EQ(t, crypto_cipher_setkey(tfm, key, 32), 0);
	memcpy(buf, pt, 32);
	KEXPECT_EQ(t, crypto_cipher_encrypt(tfm, iv, buf, buf, 32), 0);
	KEXPECT_MEMEQ(t, buf, ct, 32);
	KEXPECT_EQ(t, crypto_cipher_decrypt(tfm, iv, buf, buf, 32), 0);
	KEXPECT_MEMEQ(t, buf, pt, 32);
	crypto_free_cipher(tfm);
}

/* IEEE P1619 D16 vector 3 and 16 (stealing), decrypt direction. */
static void crypto_xts_decrypt_vectors(struct ktest *t)
{
	u8 key[32], iv[16], ct[32], out[32], pt[32];
	struct crypto_cipher *tfm;

	tfm = crypto_alloc_cipher("xts(aes)");
	KASSERT_FALSE(t, IS_ERR(tfm));
	hex(t, key, 32, "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f022222222222222222222222222222222");
	hex(t, iv, 16, "33333333330000000000000000000000");
	hex(t, ct, 32, "af85336b597afc1a900b2eb21ec949d292df4c047e0b21532186a5971a227a89");
	memset(pt, 0x44, 32);
	KEXPECT_EQ(t, crypto_cipher_setkey(tfm, key, 32), 0);
	KEXPECT_EQ(t, crypto_cipher_decrypt(tfm, iv, ct, out, 32), 0);
	KEXPECT_MEMEQ(t, out, pt, 32);

	hex(t, key, 32, "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0");
	hex(t, iv, 16, "9a785634120000000000000000000000");
	hex(t, ct, 18, "d069444b7a7e0cab09e24447d24deb1fedbf");
	hex(t, pt, 18, "000102030405060708090a0b0c0d0e0f1011");
	KEXPECT_EQ(t, crypto_cipher_setkey(tfm, key, 32), 0);
	KEXPECT_EQ(t, crypto_cipher_decrypt(tfm, iv, ct, out, 18), 0);
	KEXPECT_MEMEQ(t, out, pt, 18);
	crypto_free_cipher(tfm);
}

static void crypto_pbkdf2_4096(struct ktest *t)
{
	u8 out[32], expect[32];

	hex(t, expect, 32, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
	KEXPECT_EQ(t, crypto_pbkdf2("pbkdf2(hmac(sha256))", "password", 8,
				    "salt", 4, 4096, out, 32), 0);
	KEXPECT_MEMEQ(t, out, expect, 32);
	KEXPECT_EQ(t, crypto_pbkdf2("pbkdf2(hmac(sha256))", "password", 8,
				    "salt", 4, 0, out, 32), -EINVAL);
}

static void crypto_bad_arguments(struct ktest *t)
{
	u8 key[64] = { 0 }, iv[16] = { 0 }, buf[48] = { 0 };
	struct crypto_cipher *tfm;

	KEXPECT_EQ(t, PTR_ERR(crypto_alloc_cipher("des")), -ENOENT);
	KEXPECT_EQ(t, PTR_ERR(crypto_alloc_cipher("sha256")), -ENOENT);
	KEXPECT_EQ(t, crypto_hash("hmac(sha256)", "x", 1, buf), -ENOENT);
	KEXPECT_EQ(t, crypto_digest_size("sha256"), 32);
	KEXPECT_EQ(t, crypto_digest_size("pbkdf2(hmac(sha1))"), 20);
	KEXPECT_EQ(t, crypto_digest_size("xts(aes)"), -ENOENT);

	tfm = crypto_alloc_cipher("xts(aes)");
	KASSERT_FALSE(t, IS_ERR(tfm));
	KEXPECT_EQ(t, crypto_cipher_encrypt(tfm, iv, buf, buf, 32), -ENOKEY);
	KEXPECT_EQ(t, crypto_cipher_setkey(tfm, key, 16), -EINVAL);
	KEXPECT_EQ(t, crypto_cipher_setkey(tfm, key, 64), 0);
	KEXPECT_EQ(t, crypto_cipher_encrypt(tfm, iv, buf, buf, 15), -EINVAL);
	KEXPECT_EQ(t, crypto_cipher_encrypt(tfm, iv, buf, buf, 17), 0);
	crypto_free_cipher(tfm);

	tfm = crypto_alloc_cipher("cbc(aes)");
	KASSERT_FALSE(t, IS_ERR(tfm));
	KEXPECT_EQ(t, crypto_cipher_setkey(tfm, key, 64), -EINVAL);
	KEXPECT_EQ(t, crypto_cipher_setkey(tfm, key, 24), 0);
	KEXPECT_EQ(t, crypto_cipher_encrypt(tfm, iv, buf, buf, 20), -EINVAL);
	KEXPECT_EQ(t, crypto_cipher_encrypt(tfm, iv, buf, buf, 48), 0);
	crypto_free_cipher(tfm);
	crypto_free_cipher(NULL);
}

/* A corrupted expected value disables that algorithm, and only it. */
static void crypto_failed_selftest_disables(struct ktest *t)
{
	u8 out[32];

	ktest_printf("    # two self-test failure messages are expected\n");
	crypto_reset_for_test();
	crypto_selftest_corrupt("sha256");
	KEXPECT_EQ(t, crypto_init(), -ENOPKG);
	KEXPECT_FALSE(t, crypto_alg_usable("sha256"));
	KEXPECT_EQ(t, crypto_hash("sha256", "abc", 3, out), -ENOPKG);
	KEXPECT_TRUE(t, crypto_alg_usable("sha1"));
	KEXPECT_TRUE(t, crypto_alg_usable("xts(aes)"));
	/* ESSIV's key setup hashes with SHA-256: it fails its test too. */
	KEXPECT_FALSE(t, crypto_alg_usable("essiv(cbc(aes),sha256)"));

	crypto_reset_for_test();
	crypto_selftest_corrupt("xts(aes)");
	KEXPECT_EQ(t, crypto_init(), -ENOPKG);
	KEXPECT_EQ(t, PTR_ERR(crypto_alloc_cipher("xts(aes)")), -ENOPKG);
	KEXPECT_TRUE(t, crypto_alg_usable("sha256"));

	crypto_selftest_corrupt(NULL);
	crypto_reset_for_test();
	KEXPECT_EQ(t, crypto_init(), 0);
}

static void crypto_rng_fallback(struct ktest *t)
{
	u8 a[40], b[40];

	crypto_rng_set_source(NULL);
	KEXPECT_FALSE(t, crypto_rng_is_secure());
	KEXPECT_EQ(t, crypto_get_random_bytes(a, sizeof(a)), 0);
	KEXPECT_EQ(t, crypto_get_random_bytes(b, sizeof(b)), 0);
	KEXPECT_TRUE(t, memcmp(a, b, sizeof(a)) != 0);
}

static struct ktest_case crypto_cases[] = {
	KTEST_CASE(crypto_all_selftests_pass),
	KTEST_CASE(crypto_xts_vector2_inplace),
	KTEST_CASE(crypto_xts_decrypt_vectors),
	KTEST_CASE(crypto_pbkdf2_4096),
	KTEST_CASE(crypto_bad_arguments),
	KTEST_CASE(crypto_failed_selftest_disables),
	KTEST_CASE(crypto_rng_fallback),
	{}
};

static struct ktest_suite crypto_suite = {
	.name = "crypto",
	.cases = crypto_cases,
};
KTEST_SUITE(crypto_suite);
