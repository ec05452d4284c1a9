// SPDX-License-Identifier: GPL-2.0
/*
 * LUKS1 header: decode, validate and encode the 592-byte big-endian
 * phdr (LUKS On-Disk Format Specification 1.2.3, section 2.4).
 *
 * Layer: format only; luks1_keyslot.c does the cryptography.  Every field
 * that is used later (key size, offsets, stripes, iterations, names) is
 * checked here against the device size, so a damaged header is -EUCLEAN
 * with a log line, never an out-of-range access.  No locking.
 */
#define pr_fmt(fmt) "luks1: " fmt
#include <port/port.h>
#include <crypto/crypto.h>
#include <block/luks1.h>

/* phdr offsets */
#define P_VERSION	6
#define P_CIPHER_NAME	8
#define P_CIPHER_MODE	40
#define P_HASH_SPEC	72
#define P_PAYLOAD	104
#define P_KEY_BYTES	108
#define P_MK_DIGEST	112
#define P_MK_SALT	132
#define P_MK_ITER	164
#define P_UUID		168
#define P_SLOTS		208
#define P_SLOT_SIZE	48

static u32 be32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static void put_be32(u8 *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static void get_str(char *dst, const u8 *src, size_t n)
{
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static int luks1_check_slot(const struct luks1_header *h, int i, u64 dev_sectors)
{
	const struct luks1_keyslot *ks = &h->slots[i];
	u64 len;

	if (ks->active == LUKS1_KEY_DISABLED)
		return 0;
	if (ks->active != LUKS1_KEY_ENABLED || ks->stripes == 0 ||
	    ks->stripes > 64 * 1024 || ks->iterations == 0 || ks->key_offset == 0)
		return -EUCLEAN;
	len = DIV_ROUND_UP((u64)h->key_bytes * ks->stripes, 512);
	if (ks->key_offset + len > dev_sectors)
		return -EUCLEAN;
	return 0;
}

/**
 * luks1_parse() - decode and validate a header
 * @raw: 592 bytes
 * @dev_sectors: device size in 512-byte sectors
 * @h: result
 *
 * Return: 0, -EINVAL (no LUKS1 magic/version, unsupported hash),
 * -EUCLEAN (damaged).
 */
int luks1_parse(const u8 *raw, u64 dev_sectors, struct luks1_header *h)
{
	int i;

	if (memcmp(raw, LUKS1_MAGIC, LUKS1_MAGIC_LEN) ||
	    raw[P_VERSION] != 0 || raw[P_VERSION + 1] != 1) {
		pr_err("not a LUKS1 header\n");
		return -EINVAL;
	}
	get_str(h->cipher_name, raw + P_CIPHER_NAME, 32);
	get_str(h->cipher_mode, raw + P_CIPHER_MODE, 32);
	get_str(h->hash_spec, raw + P_HASH_SPEC, 32);
	h->payload_offset = be32(raw + P_PAYLOAD);
	h->key_bytes = be32(raw + P_KEY_BYTES);
	memcpy(h->mk_digest, raw + P_MK_DIGEST, LUKS1_DIGEST_SIZE);
	memcpy(h->mk_digest_salt, raw + P_MK_SALT, LUKS1_SALT_SIZE);
	h->mk_digest_iter = be32(raw + P_MK_ITER);
	get_str(h->uuid, raw + P_UUID, 40);
	for (i = 0; i < LUKS1_NUMKEYS; i++) {
		const u8 *s = raw + P_SLOTS + i * P_SLOT_SIZE;

		h->slots[i].active = be32(s);
		h->slots[i].iterations = be32(s + 4);
		memcpy(h->slots[i].salt, s + 8, LUKS1_SALT_SIZE);
		h->slots[i].key_offset = be32(s + 40);
		h->slots[i].stripes = be32(s + 44);
	}
	if (h->key_bytes == 0 || h->key_bytes > CRYPTO_MAX_KEY ||
	    h->mk_digest_iter == 0 || h->payload_offset > dev_sectors) {
		pr_err("damaged header (key %u bytes, payload at %u)\n",
		       h->key_bytes, h->payload_offset);
		return -EUCLEAN;
	}
	if (strcmp(h->hash_spec, "sha256") && strcmp(h->hash_spec, "sha1")) {
		pr_err("unsupported hash %s\n", h->hash_spec);
		return -EINVAL;
	}
	for (i = 0; i < LUKS1_NUMKEYS; i++) {
		if (luks1_check_slot(h, i, dev_sectors)) {
			pr_err("damaged key slot %d\n", i);
			return -EUCLEAN;
		}
	}
	return 0;
}

/**
 * luks1_serialize() - encode a header
 * @h: header
 * @raw: 592 bytes out
 */
void luks1_serialize(const struct luks1_header *h, u8 *raw)
{
	int i;

	memset(raw, 0, LUKS1_HDR_SIZE);
	memcpy(raw, LUKS1_MAGIC, LUKS1_MAGIC_LEN);
	raw[P_VERSION + 1] = 1;
	memcpy(raw + P_CIPHER_NAME, h->cipher_name, strnlen(h->cipher_name, 31));
	memcpy(raw + P_CIPHER_MODE, h->cipher_mode, strnlen(h->cipher_mode, 31));
	memcpy(raw + P_HASH_SPEC, h->hash_spec, strnlen(h->hash_spec, 31));
	put_be32(raw + P_PAYLOAD, h->payload_offset);
	put_be32(raw + P_KEY_BYTES, h->key_bytes);
	memcpy(raw + P_MK_DIGEST, h->mk_digest, LUKS1_DIGEST_SIZE);
	memcpy(raw + P_MK_SALT, h->mk_digest_salt, LUKS1_SALT_SIZE);
	put_be32(raw + P_MK_ITER, h->mk_digest_iter);
	memcpy(raw + P_UUID, h->uuid, strnlen(h->uuid, 39));
	for (i = 0; i < LUKS1_NUMKEYS; i++) {
		u8 *s = raw + P_SLOTS + i * P_SLOT_SIZE;

		put_be32(s, h->slots[i].active);
		put_be32(s + 4, h->slots[i].iterations);
		memcpy(s + 8, h->slots[i].salt, LUKS1_SALT_SIZE);
		put_be32(s + 40, h->slots[i].key_offset);
		put_be32(s + 44, h->slots[i].stripes);
	}
}

/**
 * luks1_read_header() - read and validate the header of a device
 * @bio: device with 512-byte sectors
 * @h: result
 *
 * Return: 0, -EINVAL, -EUCLEAN, -ENOMEM or the device's error.
 */
int luks1_read_header(struct blkio *bio, struct luks1_header *h)
{
	u8 *raw;
	int ret;

	if (bio->sector_size != 512 || bio->nr_sectors < 2)
		return -EINVAL;
	raw = kmalloc(1024, GFP_KERNEL);
	if (!raw)
		return -ENOMEM;
	ret = bio->read(bio, 0, raw, 2);
	if (!ret)
		ret = luks1_parse(raw, bio->nr_sectors, h);
	kfree(raw);
	return ret;
}
