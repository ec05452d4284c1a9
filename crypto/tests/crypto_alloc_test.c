// SPDX-License-Identifier: GPL-2.0
/*
 * Host-only (uses the host allocator's failure injection): crypto API
 * allocation failures return -ENOMEM and leak nothing.
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <crypto/crypto.h>

static void crypto_alloc_failures(struct ktest *t)
{
	long live = port_alloc_count();
	u8 out[32];

	KEXPECT_EQ(t, crypto_init(), 0);
	port_fail_alloc_after(0);
	KEXPECT_EQ(t, PTR_ERR(crypto_alloc_cipher("xts(aes)")), -ENOMEM);
	KEXPECT_EQ(t, crypto_hmac("hmac(sha256)", "k", 1, "m", 1, out), -ENOMEM);
	KEXPECT_EQ(t, crypto_pbkdf2("pbkdf2(hmac(sha256))", "p", 1, "s", 1, 1,
				    out, 32), -ENOMEM);
	port_fail_alloc_after(1);
	KEXPECT_EQ(t, crypto_pbkdf2("pbkdf2(hmac(sha256))", "p", 1, "s", 1, 1,
				    out, 32), -ENOMEM);
	port_fail_alloc_after(-1);
	KEXPECT_EQ(t, port_alloc_count(), live);
}

static struct ktest_case crypto_alloc_cases[] = {
	KTEST_CASE(crypto_alloc_failures),
	{}
};

static struct ktest_suite crypto_alloc_suite = {
	.name = "crypto_alloc",
	.cases = crypto_alloc_cases,
};
KTEST_SUITE(crypto_alloc_suite);
