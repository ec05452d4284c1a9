// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: a LUKS1 container (header and key material).  Parses
 * the header and, with its PBKDF2 iteration counts clamped to 2, tries to
 * unlock with a fixed passphrase: the key-slot bounds, the AF merge and
 * the digest check run on fuzzed data.
 */
#include <port/port.h>
#include <crypto/crypto.h>
#include <block/luks1.h>
#include <block/memblk.h>

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

/* Keep PBKDF2 cheap: the bounds and the AF merge are what is fuzzed. */
static void clamp_iterations(struct luks1_header *h)
{
	int i;

	h->mk_digest_iter = min(h->mk_digest_iter, 2u);
	for (i = 0; i < LUKS1_NUMKEYS; i++)
		h->slots[i].iterations = min(h->slots[i].iterations, 2u);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	size_t len = ALIGN_UP(max(size, (size_t)1024), (size_t)512);
	struct luks1_header h;
	struct memblk mb;
	u8 mk[CRYPTO_MAX_KEY];
	u8 *img;

	if (size > (256 << 10))
		return 0;
	img = calloc(1, len);
	if (!img)
		return 0;
	memcpy(img, data, size);
	if (!memblk_init(&mb, img, len, 512, true) &&
	    !luks1_read_header(&mb.bio, &h)) {
		clamp_iterations(&h);
		luks1_unlock(&mb.bio, &h, "fuzz", 4, mk, NULL);
	}
	free(img);
	return 0;
}
