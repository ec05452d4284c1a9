// SPDX-License-Identifier: GPL-2.0
/*
 * Known-answer self-tests, run by crypto_init() for every algorithm.
 *
 * Vectors: FIPS-197 appendix C (AES block), NIST SP 800-38A F.2 (CBC),
 * IEEE 1619-2007 / P1619 D16 vectors 1, 2, 10, 15, 17 (XTS, incl. 256-bit
 * keys and ciphertext stealing), FIPS 180-2 examples (SHA-1, SHA-256),
 * RFC 4231 cases 1-2 (HMAC-SHA-256), RFC 2202 (HMAC-SHA-1), RFC 6070
 * (PBKDF2-HMAC-SHA1) and RFC 7914 section 11 (PBKDF2-HMAC-SHA256).  ESSIV
 * has no published vector: ours was computed independently with OpenSSL
 * (salt = SHA-256(key), IV = AES-256-ECB(salt, le64 sector), then CBC).
 *
 * Each test encrypts and decrypts; a mismatch returns -EBADMSG and
 * crypto/api.c disables the algorithm.  The tests call the *_alg()
 * entry points with the algorithm under test: the public ones wait for
 * the self-tests to finish.  Cost: a few AES blocks and hashes per
 * algorithm, PBKDF2 at 1 and 2 iterations only (the 4096-iteration RFC 7914
 * vector is a ktest case, not a boot test).  Layer: crypto API internals.
 */
#define pr_fmt(fmt) "crypto: " fmt
#include <port/port.h>
#include "internal.h"

struct cipher_vec {
	const char *alg;
	const char *key;
	const char *iv;
	const char *pt;		/* NULL: bytes i & 0xff, as long as ct */
	const char *ct;
};

static const char xts_vec10_ct[] =
		"1c3b3a102f770386e4836c99e370cf9bea00803f5e482357a4ae12d414a3e63b"
		"5d31e276f8fe4a8d66b317f9ac683f44680a86ac35adfc3345befecb4bb188fd"
		"5776926c49a3095eb108fd1098baec70aaa66999a72a82f27d848b21d4a741b0"
		"c5cd4d5fff9dac89aeba122961d03a757123e9870f8acf1000020887891429ca"
		"2a3e7a7d7df7b10355165c8b9a6d0a7de8b062c4500dc4cd120c0f7418dae3d0"
		"b5781c34803fa75421c790dfe1de1834f280d7667b327f6c8cd7557e12ac3a0f"
		"93ec05c52e0493ef31a12d3d9260f79a289d6a379bc70c50841473d1a8cc81ec"
		"583e9645e07b8d9670655ba5bbcfecc6dc3966380ad8fecb17b6ba02469a020a"
		"84e18e8f84252070c13e9f1f289be54fbc481457778f616015e1327a02b140f1"
		"505eb309326d68378f8374595c849d84f4c333ec4423885143cb47bd71c5edae"
		"9be69a2ffeceb1bec9de244fbe15992b11b77c040f12bd8f6a975a44a0f90c29"
		"a9abc3d4d893927284c58754cce294529f8614dcd2aba991925fedc4ae74ffac"
		"6e333b93eb4aff0479da9a410e4450e0dd7ae4c6e2910900575da401fc07059f"
		"645e8b7e9bfdef33943054ff84011493c27b3429eaedb4ed5376441a77ed4385"
		"1ad77f16f541dfd269d50d6a5f14fb0aab1cbb4c1550be97f7ab4066193c4caa"
		"773dad38014bd2092fa755c824bb5e54c4f36ffda9fcea70b9c6e693e148c151";

static const struct cipher_vec cipher_vecs[] = {
	{ "aes", "000102030405060708090a0b0c0d0e0f", NULL,
	  "00112233445566778899aabbccddeeff", "69c4e0d86a7b0430d8cdb78070b4c55a" },
	{ "aes", "000102030405060708090a0b0c0d0e0f"
		 "101112131415161718191a1b1c1d1e1f", NULL,
	  "00112233445566778899aabbccddeeff", "8ea2b7ca516745bfeafc49904b496089" },
	{ "cbc(aes)", "2b7e151628aed2a6abf7158809cf4f3c",
	  "000102030405060708090a0b0c0d0e0f",
	  "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51",
	  "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2" },
	{ "cbc(aes)", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
	  "000102030405060708090a0b0c0d0e0f",
	  "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51",
	  "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d" },
	{ "xts(aes)", "00000000000000000000000000000000"
		      "00000000000000000000000000000000",
	  "00000000000000000000000000000000",
	  "0000000000000000000000000000000000000000000000000000000000000000",
	  "917cf69ebd68b2ec9b9fe9a3eadda692cd43d2f59598ed858c02c2652fbf922e" },
	{ "xts(aes)", "11111111111111111111111111111111"
		      "22222222222222222222222222222222",
	  "33333333330000000000000000000000",
	  "4444444444444444444444444444444444444444444444444444444444444444",
	  "c454185e6a16936e39334038acef838bfb186fff7480adc4289382ecd6d394f0" },
	{ "xts(aes)", "2718281828459045235360287471352662497757247093699959574966967627"
		      "3141592653589793238462643383279502884197169399375105820974944592",
	  "ff000000000000000000000000000000", NULL, xts_vec10_ct },
	{ "xts(aes)", "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0",
	  "9a785634120000000000000000000000",
	  "000102030405060708090a0b0c0d0e0f10", "6c1625db4671522d3d7599601de7ca09ed" },
	{ "xts(aes)", "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0",
	  "9a785634120000000000000000000000",
	  "000102030405060708090a0b0c0d0e0f101112", "e5df1351c0544ba1350b3363cd8ef4beedbf9d" },
	{ "essiv(cbc(aes),sha256)", "000102030405060708090a0b0c0d0e0f",
	  "05000000000000000000000000000000",
	  "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51",
	  "a87d00c39f464f906292fa6a5ee8e881aeeccff246e1fccd7d643e395621" "3f52" },
};

struct hash_vec {
	const char *alg;
	const char *key;	/* HMAC, PBKDF2 (password); text */
	const char *msg;	/* message, PBKDF2 salt; text */
	u32 repeat;		/* message repetitions, PBKDF2 iterations */
	const char *digest;
};

static const struct hash_vec hash_vecs[] = {
	{ "sha1", NULL, "abc", 1, "a9993e364706816aba3e25717850c26c9cd0d89d" },
	{ "sha1", NULL, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
	  "84983e441c3bd26ebaae4aa1f95129e5e54670f1" },
	{ "sha256", NULL, "abc", 1,
	  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "sha256", NULL, "", 1,
	  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "sha256", NULL, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ "hmac(sha1)", "Jefe", "what do ya want for nothing?", 1,
	  "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79" },
	{ "hmac(sha256)", "\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b"
			  "\x0b\x0b\x0b\x0b\x0b\x0b", "Hi There", 1,
	  "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
	{ "hmac(sha256)", "Jefe", "what do ya want for nothing?", 1,
	  "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
	{ "pbkdf2(hmac(sha1))", "password", "salt", 1,
	  "0c60c80f961f0e71f3a9b524af6012062fe037a6" },
	{ "pbkdf2(hmac(sha1))", "password", "salt", 2,
	  "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957" },
	{ "pbkdf2(hmac(sha256))", "passwd", "salt", 1,
	  "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
	  "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783" },
	{ "pbkdf2(hmac(sha256))", "password", "salt", 2,
	  "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43" },
};

static const char *corrupt_name;

/**
 * crypto_selftest_corrupt() - test hook: corrupt @name's expected values
 * @name: algorithm whose next self-test must fail, or NULL for none
 */
void crypto_selftest_corrupt(const char *name)
{
	corrupt_name = name;
}

static void maybe_corrupt(const struct crypto_alg *alg, u8 *expect)
{
	if (corrupt_name && strcmp(corrupt_name, alg->name) == 0)
		expect[0] ^= 1;
}

#define VEC_MAX 512

struct cipher_bufs {
	u8 key[CRYPTO_MAX_KEY], iv[CRYPTO_IV_SIZE];
	u8 pt[VEC_MAX], ct[VEC_MAX], out[VEC_MAX];
};

static int load_cipher_vec(const struct cipher_vec *v, struct cipher_bufs *b,
			   int *keylen, int *len)
{
	int i;

	*keylen = crypto_hex2bin(b->key, sizeof(b->key), v->key);
	*len = crypto_hex2bin(b->ct, sizeof(b->ct), v->ct);
	memset(b->iv, 0, sizeof(b->iv));
	if (*keylen < 0 || *len < 0 ||
	    (v->iv && crypto_hex2bin(b->iv, sizeof(b->iv), v->iv) < 0))
		return -EINVAL;
	if (!v->pt) {
		for (i = 0; i < *len; i++)
			b->pt[i] = (u8)i;
		return 0;
	}
	return crypto_hex2bin(b->pt, sizeof(b->pt), v->pt) == *len ? 0 : -EINVAL;
}

static int run_cipher_vec(const struct crypto_alg *alg,
			  const struct cipher_vec *v, struct cipher_bufs *b)
{
	struct crypto_cipher *tfm;
	int keylen, len, ret;

	ret = load_cipher_vec(v, b, &keylen, &len);
	if (ret)
		return ret;
	maybe_corrupt(alg, b->ct);
	tfm = crypto_alloc_cipher_alg(alg);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	ret = crypto_cipher_setkey(tfm, b->key, keylen);
	if (!ret)
		ret = crypto_cipher_encrypt(tfm, b->iv, b->pt, b->out, len);
	if (!ret && memcmp(b->out, b->ct, len))
		ret = -EBADMSG;
	if (!ret)
		ret = crypto_cipher_decrypt(tfm, b->iv, b->ct, b->out, len);
	if (!ret && memcmp(b->out, b->pt, len))
		ret = -EBADMSG;
	crypto_free_cipher(tfm);
	return ret;
}

/**
 * crypto_selftest_cipher() - known answers for one cipher algorithm
 * @alg: the algorithm
 *
 * Return: 0, -EBADMSG on a wrong answer, or another -errno.
 */
int crypto_selftest_cipher(const struct crypto_alg *alg)
{
	struct cipher_bufs *b;
	int ret = -ENOENT;
	size_t i;

	b = kmalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	for (i = 0; i < ARRAY_SIZE(cipher_vecs); i++) {
		if (strcmp(cipher_vecs[i].alg, alg->name))
			continue;
		ret = run_cipher_vec(alg, &cipher_vecs[i], b);
		if (ret) {
			pr_err("%s: vector %zu: %d\n", alg->name, i, ret);
			break;
		}
	}
	crypto_memzero(b, sizeof(*b));
	kfree(b);
	return ret;
}

static int run_hash_vec(const struct crypto_alg *alg, const struct hash_vec *v)
{
	u8 expect[64], out[64];
	int len, ret;

	len = crypto_hex2bin(expect, sizeof(expect), v->digest);
	if (len < 0)
		return len;
	maybe_corrupt(alg, expect);
	switch (alg->type) {
	case CRYPTO_ALG_HASH:
		ret = crypto_hash_alg(alg, v->msg, strlen(v->msg), out);
		break;
	case CRYPTO_ALG_HMAC:
		ret = crypto_hmac_alg(alg, v->key, strlen(v->key), v->msg,
				      strlen(v->msg), out);
		break;
	default:
		ret = crypto_pbkdf2_alg(alg, v->key, strlen(v->key), v->msg,
					strlen(v->msg), v->repeat, out, len);
		break;
	}
	if (!ret && memcmp(out, expect, len))
		ret = -EBADMSG;
	return ret;
}

static int run_hash_vecs(const struct crypto_alg *alg)
{
	int ret = -ENOENT;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(hash_vecs); i++) {
		if (strcmp(hash_vecs[i].alg, alg->name))
			continue;
		ret = run_hash_vec(alg, &hash_vecs[i]);
		if (ret) {
			pr_err("%s: vector %zu: %d\n", alg->name, i, ret);
			break;
		}
	}
	return ret;
}

/** crypto_selftest_hash() - known answers for a hash. Return: 0 or -errno. */
int crypto_selftest_hash(const struct crypto_alg *alg)
{
	return run_hash_vecs(alg);
}

/** crypto_selftest_hmac() - known answers for an HMAC. Return: 0 or -errno. */
int crypto_selftest_hmac(const struct crypto_alg *alg)
{
	return run_hash_vecs(alg);
}

/** crypto_selftest_pbkdf2() - known answers for PBKDF2. Return: 0 or -errno. */
int crypto_selftest_pbkdf2(const struct crypto_alg *alg)
{
	return run_hash_vecs(alg);
}
