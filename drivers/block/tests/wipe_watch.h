/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the loop and cryptctl suites: watch the cipher handles that
 * crypto_free_cipher() wipes (crypto_set_wipe_hook()).  Before the wipe
 * the handle must hold the key (AES's first round key is the key itself,
 * so the watch can see it); after the wipe every byte must be zero.
 * One watch at a time (the hook is global); a test starts it just
 * before the detach it checks and stops it right after.
 */
#ifndef DRIVERS_BLOCK_TESTS_WIPE_WATCH_H
#define DRIVERS_BLOCK_TESTS_WIPE_WATCH_H

#include <port/port.h>
#include <kernel/ktest.h>
#include <crypto/crypto.h>

struct wipe_watch {
	const u8 *key;		/* look for its first 16 bytes (NULL: do not) */
	int handles;		/* handles seen before their wipe */
	int with_key;		/* ... that held the key */
	int wiped;		/* handles seen after their wipe */
	int left_nonzero;	/* ... with a byte not zero */
};

static struct wipe_watch wipe_watch;

static inline bool wipe_contains(const u8 *mem, size_t len, const u8 *pat, size_t n)
{
	for (size_t i = 0; i + n <= len; i++)
		if (!memcmp(mem + i, pat, n))
			return true;
	return false;
}

static inline bool wipe_all_zero(const void *p, size_t len)
{
	const u8 *b = p;

	for (size_t i = 0; i < len; i++)
		if (b[i])
			return false;
	return true;
}

static void wipe_watch_hook(const void *mem, size_t len, bool wiped)
{
	if (!wiped) {
		wipe_watch.handles++;
		if (wipe_watch.key && wipe_contains(mem, len, wipe_watch.key, 16))
			wipe_watch.with_key++;
	} else {
		wipe_watch.wiped++;
		if (!wipe_all_zero(mem, len))
			wipe_watch.left_nonzero++;
	}
}

static inline void wipe_watch_start(const u8 *key)
{
	wipe_watch = (struct wipe_watch){ .key = key };
	crypto_set_wipe_hook(wipe_watch_hook);
}

static inline void wipe_watch_stop(void)
{
	crypto_set_wipe_hook(NULL);
}

/*
 * After one detach: one handle was freed, it held the key (when the
 * watch knew it), and it was all zeros when freed.
 */
static inline void wipe_watch_expect_one(struct ktest *t)
{
	KEXPECT_EQ(t, wipe_watch.handles, 1);
	if (wipe_watch.key)
		KEXPECT_EQ(t, wipe_watch.with_key, 1);
	KEXPECT_EQ(t, wipe_watch.wiped, 1);
	KEXPECT_EQ(t, wipe_watch.left_nonzero, 0);
}

#endif
