// SPDX-License-Identifier: GPL-2.0
/*
 * Host-only (pthreads): the lazy first-use initialisation of the crypto
 * API is thread-safe.  Threads that all call the API while nobody has run
 * the self-tests yet each see every algorithm usable (none gets -ENOPKG
 * from a table still being tested), and each self-test runs exactly once.
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <crypto/crypto.h>
#include "../internal.h"

#define CT_THREADS	8
#define CT_ALGS		10	/* the table in crypto/api.c */

struct ct_arg {
	pthread_barrier_t *start;
	int err;		/* first failure, 0 if none */
};

static void *ct_worker(void *p)
{
	struct ct_arg *a = p;
	struct crypto_cipher *tfm;
	u8 key[64] = { 1 }, buf[32] = { 0 }, iv[16] = { 0 }, out[32];

	pthread_barrier_wait(a->start);
	tfm = crypto_alloc_cipher("xts(aes)");
	if (IS_ERR(tfm)) {
		a->err = (int)PTR_ERR(tfm);
		return NULL;
	}
	a->err = crypto_cipher_setkey(tfm, key, sizeof(key));
	if (!a->err)
		a->err = crypto_cipher_encrypt(tfm, iv, buf, buf, sizeof(buf));
	crypto_free_cipher(tfm);
	if (!a->err)
		a->err = crypto_hash("sha256", "abc", 3, out);
	if (!a->err && !crypto_alg_usable("essiv(cbc(aes),sha256)"))
		a->err = -ENOPKG;
	return NULL;
}

static void crypto_first_use_from_threads(struct ktest *t)
{
	pthread_t th[CT_THREADS];
	struct ct_arg args[CT_THREADS];
	pthread_barrier_t start;
	int i;

	for (int round = 0; round < 20; round++) {
		crypto_reset_for_test();
		KASSERT_EQ(t, pthread_barrier_init(&start, NULL, CT_THREADS), 0);
		for (i = 0; i < CT_THREADS; i++) {
			args[i] = (struct ct_arg){ .start = &start };
			KASSERT_EQ(t, pthread_create(&th[i], NULL, ct_worker, &args[i]), 0);
		}
		for (i = 0; i < CT_THREADS; i++)
			pthread_join(th[i], NULL);
		pthread_barrier_destroy(&start);
		for (i = 0; i < CT_THREADS; i++)
			KEXPECT_EQ(t, args[i].err, 0);
		KEXPECT_EQ(t, crypto_selftest_runs(), CT_ALGS);
	}
	KEXPECT_EQ(t, crypto_init(), 0);
	KEXPECT_EQ(t, crypto_selftest_runs(), CT_ALGS);	/* not run again */
}

static struct ktest_case crypto_thread_cases[] = {
	KTEST_CASE(crypto_first_use_from_threads),
	{}
};

static struct ktest_suite crypto_thread_suite = {
	.name = "crypto_thread",
	.cases = crypto_thread_cases,
};
KTEST_SUITE(crypto_thread_suite);
