// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel only: run the crypto self-tests at boot, from an initcall, so
 * that they run at registration as the crypto API promises rather than
 * inside whoever first formats or opens an encrypted device.
 *
 * Subsys level: before the device level, where the encrypted loop's
 * /dev/cryptctl appears.  A failing algorithm is disabled and logged by
 * crypto_init(); the API itself still comes up, so this never fails.
 * Layer: glue between kernel/init and crypto/api.c (the host runs the
 * same tests on first use instead).
 */
#define pr_fmt(fmt) "crypto: " fmt
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include "internal.h"

/* How long the boot-time self-tests took (0: they have not run here). */
u64 crypto_boot_selftest_ns;

static int crypto_boot_init(void)
{
	u64 start = ktime_get_ns();
	int ret = crypto_init();

	crypto_boot_selftest_ns = ktime_get_ns() - start;
	if (!crypto_boot_selftest_ns)
		crypto_boot_selftest_ns = 1;
	if (!IS_ENABLED(CONFIG_CRYPTO_SELFTEST))
		pr_info("self-tests not configured (CONFIG_CRYPTO_SELFTEST=n)");
	else if (ret)
		pr_err("self-tests: some algorithms disabled (see above), %llu us",
		       crypto_boot_selftest_ns / NSEC_PER_USEC);
	else
		pr_info("self-tests of %u algorithms passed in %llu us",
			crypto_selftest_runs(), crypto_boot_selftest_ns / NSEC_PER_USEC);
	return 0;
}
initcall_pair(subsys, crypto_boot_init, NULL);
