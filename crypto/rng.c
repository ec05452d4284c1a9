// SPDX-License-Identifier: GPL-2.0
/*
 * Random bytes for keys and salts.
 *
 * A board driver (a TRNG) or, on the host, the tool's main registers an
 * entropy source with crypto_rng_set_source().  Without one, the fallback
 * hashes a counter, the previous output and ktime_get_ns() with SHA-256.
 * That fallback is predictable and NOT a secure RNG: it only keeps boards
 * without a TRNG working (e.g. for tests); it warns once and
 * crypto_rng_is_secure() reports false so that callers can refuse.
 * Locking: the fallback state is not locked; callers that may race (none
 * today: formatting is single-threaded) must serialise.
 */
#define pr_fmt(fmt) "crypto: " fmt
#include <port/port.h>
#include <crypto/crypto.h>

static crypto_entropy_fn rng_source;
static u8 rng_state[32];
static u64 rng_counter;
static bool rng_warned;

/**
 * crypto_rng_set_source() - register an entropy source
 * @fn: the source, or NULL to go back to the insecure fallback
 */
void crypto_rng_set_source(crypto_entropy_fn fn)
{
	rng_source = fn;
}

/**
 * crypto_rng_is_secure() - whether a real entropy source is registered
 */
bool crypto_rng_is_secure(void)
{
	return rng_source != NULL;
}

static int rng_fallback(u8 *buf, size_t len)
{
	u8 in[48];
	u64 now;
	size_t n;
	int ret;

	if (!rng_warned) {
		pr_warn("no entropy source: using the time-based fallback, NOT a secure RNG\n");
		rng_warned = true;
	}
	while (len) {
		now = ktime_get_ns();
		rng_counter++;
		memcpy(in, rng_state, 32);
		memcpy(in + 32, &rng_counter, 8);
		memcpy(in + 40, &now, 8);
		ret = crypto_hash("sha256", in, sizeof(in), rng_state);
		if (ret)
			return ret;
		n = min(len, (size_t)16);
		/* Output half the state; the other half stays hidden. */
		memcpy(buf, rng_state, n);
		buf += n;
		len -= n;
	}
	crypto_memzero(in, sizeof(in));
	return 0;
}

/**
 * crypto_get_random_bytes() - fill a buffer with random bytes
 * @buf: output
 * @len: bytes
 *
 * Return: 0, or the source's negative errno.
 */
int crypto_get_random_bytes(void *buf, size_t len)
{
	if (rng_source)
		return rng_source(buf, len);
	return rng_fallback(buf, len);
}
