// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel only: the self-tests ran at boot, from crypto/boot.c's initcall,
 * not on first use; and how long they took (a figure, not a limit).
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <crypto/crypto.h>
#include "../internal.h"

static void crypto_selftests_ran_at_boot(struct ktest *t)
{
	KEXPECT_TRUE(t, crypto_boot_selftest_ns != 0);
	ktest_printf("    # boot-time crypto self-tests: %llu us\n",
		     crypto_boot_selftest_ns / 1000);
	/* Every algorithm ran its test (once, or once more after a reset). */
	if (IS_ENABLED(CONFIG_CRYPTO_SELFTEST))
		KEXPECT_EQ(t, crypto_selftest_runs(), 10u);
	KEXPECT_EQ(t, crypto_init(), 0);
}

static struct ktest_case crypto_boot_cases[] = {
	KTEST_CASE(crypto_selftests_ran_at_boot),
	{}
};

static struct ktest_suite crypto_boot_suite = {
	.name = "crypto_boot",
	.cases = crypto_boot_cases,
};
KTEST_SUITE(crypto_boot_suite);
