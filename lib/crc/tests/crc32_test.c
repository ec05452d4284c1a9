// SPDX-License-Identifier: GPL-2.0
/*
 * CRC-32 against published check values (the "123456789" check value of
 * the CRC catalogue, the empty string, a zlib-computed vector) and the
 * chaining property that incremental users rely on.
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <lib/crc32.h>

static void crc32_check_value(struct ktest *t)
{
	KEXPECT_UEQ(t, crc32(0, "123456789", 9), 0xcbf43926u);
	KEXPECT_UEQ(t, crc32(0, "", 0), 0u);
	/* zlib.crc32(b"The quick brown fox jumps over the lazy dog") */
	KEXPECT_UEQ(t, crc32(0, "The quick brown fox jumps over the lazy dog", 43),
		    0x414fa339u);
}

static void crc32_chaining(struct ktest *t)
{
	static const char s[] = "log-structured filesystems on flash";
	size_t n = sizeof(s) - 1;
	u32 whole = crc32(0, s, n);
	size_t i;

	for (i = 0; i <= n; i++)
		KEXPECT_UEQ(t, crc32(crc32(0, s, i), s + i, n - i), whole);
}

static void crc32_detects_bitflip(struct ktest *t)
{
	u8 buf[64];
	u32 ref;
	int i;

	for (i = 0; i < 64; i++)
		buf[i] = (u8)(i * 7);
	ref = crc32(0, buf, sizeof(buf));
	for (i = 0; i < 64 * 8; i++) {
		buf[i / 8] ^= (u8)(1 << (i % 8));
		KEXPECT_NE(t, crc32(0, buf, sizeof(buf)), ref);
		buf[i / 8] ^= (u8)(1 << (i % 8));
	}
}

static struct ktest_case crc32_cases[] = {
	KTEST_CASE(crc32_check_value),
	KTEST_CASE(crc32_chaining),
	KTEST_CASE(crc32_detects_bitflip),
	{}
};

static struct ktest_suite crc32_suite = {
	.name = "crc32",
	.cases = crc32_cases,
};
KTEST_SUITE(crc32_suite);
