// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/crypto: the algorithms and their self-test results, then the
 * random number generator and whether it is secure, in Linux's
 * "field : value" blocks.
 *
 *	name         : xts(aes)
 *	type         : cipher
 *	selftest     : passed
 *
 *	name         : stdrng
 *	type         : rng
 *	driver       : fallback
 *	secure       : no
 *
 * The rng block is how user space learns that keys made now come from
 * the time-based fallback, NOT a secure generator (crypto/rng.c): on a
 * board without an entropy source, cryptsetup luksFormat reads it and
 * warns.  Layer: procfs entry over the crypto API; kernel only.
 * Locking: none; the table is read-only once crypto_init() has returned.
 */
#include <fs/procfs.h>
#include <kernel/init.h>
#include "internal.h"

static const char *const type_names[] = {
	[CRYPTO_ALG_CIPHER] = "cipher",
	[CRYPTO_ALG_HASH] = "hash",
	[CRYPTO_ALG_HMAC] = "hmac",
	[CRYPTO_ALG_PBKDF2] = "kdf",
};

static const char *selftest_state(const struct crypto_alg *alg)
{
	if (!IS_ENABLED(CONFIG_CRYPTO_SELFTEST))
		return "not configured";
	if (!alg->tested)
		return "not run";
	return alg->usable ? "passed" : "failed: disabled";
}

static int crypto_proc_show(struct seq_buf *s)
{
	const struct crypto_alg *alg;
	bool secure = crypto_rng_is_secure();

	crypto_init();		/* done at boot; settles the flags otherwise */
	for (size_t i = 0; (alg = crypto_alg_at(i)); i++)
		seq_printf(s, "name         : %s\ntype         : %s\nselftest     : %s\n\n",
			   alg->name, type_names[alg->type], selftest_state(alg));
	seq_printf(s, "name         : stdrng\ntype         : rng\n"
		   "driver       : %s\nsecure       : %s\n",
		   secure ? "source" : "fallback", secure ? "yes" : "no");
	return 0;
}

static struct proc_entry crypto_proc_entry = {
	.name = "crypto",
	.show = crypto_proc_show,
};

static int crypto_proc_init(void)
{
	return proc_register(&crypto_proc_entry);
}

static void crypto_proc_exit(void)
{
	proc_unregister(&crypto_proc_entry);
}
initcall_pair(fs, crypto_proc_init, crypto_proc_exit);
