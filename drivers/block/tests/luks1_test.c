// SPDX-License-Identifier: GPL-2.0
/*
 * LUKS1 tests, in memory: format, unlock, wrong passphrase (error, and no
 * write reaches the device), add and kill key slots, the encrypted loop on
 * top, a damaged header, and allocation failures without leaks.
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <crypto/crypto.h>
#include <block/luks1.h>
#include <block/memblk.h>

#define DISK (3 * 1024 * 1024)
#define ITER 1000

static void luks1_format_unlock(struct ktest *t)
{
	struct luks1_header h, h2;
	u8 mk[64], mk2[64];
	struct memblk mb;
	u64 writes;
	int slot = -1;

	KASSERT_EQ(t, memblk_create(&mb, DISK, 512), 0);
	KASSERT_EQ(t, luks1_format(&mb.bio, NULL, 0, "pw", 2, ITER, &h), 0);
	KEXPECT_EQ(t, h.payload_offset, 4096);		/* as cryptsetup */
	KEXPECT_EQ(t, h.slots[1].key_offset, 8 + 504);
	KASSERT_EQ(t, luks1_read_header(&mb.bio, &h2), 0);
	KEXPECT_STREQ(t, h2.cipher_mode, "xts-plain64");
	KEXPECT_STREQ(t, h2.hash_spec, "sha256");
	KEXPECT_EQ(t, h2.key_bytes, 64);
	KEXPECT_STREQ(t, h2.uuid, h.uuid);
	KEXPECT_EQ(t, luks1_unlock(&mb.bio, &h2, "pw", 2, mk, &slot), 0);
	KEXPECT_EQ(t, slot, 0);

	ktest_printf("    # 'no key slot opens' below is expected\n");
	writes = mb.writes;
	memset(mk2, 0x5a, sizeof(mk2));
	KEXPECT_EQ(t, luks1_unlock(&mb.bio, &h2, "pW", 2, mk2, NULL), -EPERM);
	KEXPECT_EQ(t, mb.writes, writes);
	KEXPECT_EQ(t, mk2[0] | mk2[63], 0);	/* wiped, not half a key */

	KEXPECT_EQ(t, luks1_add_key(&mb.bio, &h2, mk, "second", 6, ITER, &slot), 0);
	KEXPECT_EQ(t, slot, 1);
	KEXPECT_EQ(t, luks1_unlock(&mb.bio, &h2, "second", 6, mk2, &slot), 0);
	KEXPECT_EQ(t, slot, 1);
	KEXPECT_MEMEQ(t, mk, mk2, 64);
	KEXPECT_EQ(t, luks1_kill_slot(&mb.bio, &h2, 0), 0);
	KEXPECT_EQ(t, luks1_kill_slot(&mb.bio, &h2, 0), -EINVAL);
	KASSERT_EQ(t, luks1_read_header(&mb.bio, &h), 0);
	KEXPECT_EQ(t, h.slots[0].active, LUKS1_KEY_DISABLED);
	KEXPECT_EQ(t, luks1_unlock(&mb.bio, &h, "pw", 2, mk2, NULL), -EPERM);
	KEXPECT_EQ(t, luks1_unlock(&mb.bio, &h, "second", 6, mk2, NULL), 0);
	memblk_destroy(&mb);
}

static void luks1_cryptloop_cbc_essiv(struct ktest *t)
{
	static u8 buf[4096], back[4096];	/* static: small kernel stacks */
	struct cryptloop cl = { 0 };
	struct luks1_header h;
	struct memblk mb;
	size_t i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (u8)(i ^ 0x3c);
	KASSERT_EQ(t, memblk_create(&mb, DISK, 512), 0);
	KASSERT_EQ(t, luks1_format(&mb.bio, "cbc-essiv:sha256", 0, "k", 1, ITER, &h), 0);
	KEXPECT_EQ(t, h.key_bytes, 32);
	KEXPECT_EQ(t, cryptloop_open_luks1(&cl, &mb.bio, "x", 1, 4096), -EPERM);
	KASSERT_EQ(t, cryptloop_open_luks1(&cl, &mb.bio, "k", 1, 4096), 0);
	KEXPECT_EQ(t, cryptloop_blkio(&cl)->write(cryptloop_blkio(&cl), 2, buf, 1), 0);
	KEXPECT_TRUE(t, memcmp(mb.data + h.payload_offset * 512 + 8192, buf, 512) != 0);
	KEXPECT_EQ(t, cryptloop_close(&cl), 0);
	KASSERT_EQ(t, cryptloop_open_luks1(&cl, &mb.bio, "k", 1, 512), 0);
	KEXPECT_EQ(t, cryptloop_blkio(&cl)->read(cryptloop_blkio(&cl), 16, back, 8), 0);
	KEXPECT_MEMEQ(t, back, buf, sizeof(buf));
	KEXPECT_EQ(t, cryptloop_close(&cl), 0);
	memblk_destroy(&mb);
}

static void luks1_damaged_header(struct ktest *t)
{
	struct luks1_header h;
	struct memblk mb;
	u8 save;

	KASSERT_EQ(t, memblk_create(&mb, DISK, 512), 0);
	KASSERT_EQ(t, luks1_format(&mb.bio, NULL, 0, "pw", 2, ITER, &h), 0);
	ktest_printf("    # luks1 errors below are expected\n");
	mb.data[108] = 0x7f;			/* key bytes */
	KEXPECT_EQ(t, luks1_read_header(&mb.bio, &h), -EUCLEAN);
	mb.data[108] = 0;
	save = mb.data[208 + 48 + 40];		/* slot 1 offset, disabled: ignored */
	mb.data[208 + 40] = 0xff;		/* slot 0 material beyond the end */
	KEXPECT_EQ(t, luks1_read_header(&mb.bio, &h), -EUCLEAN);
	mb.data[208 + 40] = 0;
	mb.data[208 + 48 + 40] = save;
	mb.data[0] = 'X';
	KEXPECT_EQ(t, luks1_read_header(&mb.bio, &h), -EINVAL);
	mb.data[0] = 'L';
	KEXPECT_EQ(t, luks1_read_header(&mb.bio, &h), 0);
	memblk_destroy(&mb);
	KASSERT_EQ(t, memblk_create(&mb, 1024 * 1024, 512), 0);
	KEXPECT_EQ(t, luks1_format(&mb.bio, NULL, 0, "pw", 2, ITER, &h), -ENOSPC);
	KEXPECT_EQ(t, luks1_format(&mb.bio, "ecb-a-very-long-mode-name-beyond-32-bytes",
				   0, "pw", 2, ITER, &h), -EINVAL);
	KEXPECT_EQ(t, mb.writes, 0);
	memblk_destroy(&mb);
}

static struct ktest_case luks1_cases[] = {
	KTEST_CASE(luks1_format_unlock),
	KTEST_CASE(luks1_cryptloop_cbc_essiv),
	KTEST_CASE(luks1_damaged_header),
	{}
};

static struct ktest_suite luks1_suite = {
	.name = "luks1",
	.cases = luks1_cases,
};
KTEST_SUITE(luks1_suite);
