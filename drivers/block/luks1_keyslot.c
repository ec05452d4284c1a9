// SPDX-License-Identifier: GPL-2.0
/*
 * LUKS1 key slots: the anti-forensic splitter (AF split/merge with the
 * header's hash as diffuser), PBKDF2 key derivation, master-key digest,
 * unlock, format, add and kill slots, and attaching the encrypted loop.
 *
 * Layer: over luks1_hdr.c (format) and cryptloop.c (the sector transform,
 * also used to encrypt key material: IV sectors count from the start of
 * the slot's area).  A wrong passphrase is detected by the master-key
 * digest before anything is written.  Secrets are wiped before their
 * buffers are freed.  Locking: none; the caller owns the device.
 */
#define pr_fmt(fmt) "luks1: " fmt
#include <port/port.h>
#include <crypto/crypto.h>
#include <block/luks1.h>

static int luks1_pbkdf2(const char *hash, const void *pass, size_t plen,
			const u8 *salt, u32 iter, u8 *out, size_t outlen)
{
	char name[48];

	snprintf(name, sizeof(name), "pbkdf2(hmac(%s))", hash);
	return crypto_pbkdf2(name, pass, plen, salt, LUKS1_SALT_SIZE, iter,
			     out, outlen);
}

/* AF diffuser: hash each digest-sized chunk with its big-endian index. */
static int af_diffuse(const char *hash, u8 *buf, size_t size)
{
	int ds = crypto_digest_size(hash);
	u8 in[4 + CRYPTO_MAX_DIGEST], out[CRYPTO_MAX_DIGEST];
	size_t off;
	u32 i;
	int ret;

	if (ds <= 0)
		return -EINVAL;
	for (i = 0, off = 0; off < size; i++, off += ds) {
		size_t n = min((size_t)ds, size - off);

		in[0] = i >> 24;
		in[1] = i >> 16;
		in[2] = i >> 8;
		in[3] = i;
		memcpy(in + 4, buf + off, n);
		ret = crypto_hash(hash, in, 4 + n, out);
		if (ret)
			return ret;
		memcpy(buf + off, out, n);
	}
	return 0;
}

static int af_merge(const char *hash, const u8 *mat, size_t kb, u32 stripes,
		    u8 *mk)
{
	size_t i, j;
	int ret;

	memset(mk, 0, kb);
	for (i = 0; i + 1 < stripes; i++) {
		for (j = 0; j < kb; j++)
			mk[j] ^= mat[i * kb + j];
		ret = af_diffuse(hash, mk, kb);
		if (ret)
			return ret;
	}
	for (j = 0; j < kb; j++)
		mk[j] ^= mat[i * kb + j];
	return 0;
}

static int af_split(const char *hash, const u8 *mk, size_t kb, u32 stripes,
		    u8 *mat)
{
	size_t i, j;
	u8 d[CRYPTO_MAX_KEY] = { 0 };
	int ret;

	ret = crypto_get_random_bytes(mat, kb * (stripes - 1));
	for (i = 0; !ret && i + 1 < stripes; i++) {
		for (j = 0; j < kb; j++)
			d[j] ^= mat[i * kb + j];
		ret = af_diffuse(hash, d, kb);
	}
	for (j = 0; !ret && j < kb; j++)
		mat[i * kb + j] = d[j] ^ mk[j];
	crypto_memzero(d, sizeof(d));
	return ret;
}

static size_t slot_sectors(const struct luks1_header *h, u32 stripes)
{
	return DIV_ROUND_UP((size_t)h->key_bytes * stripes, 512);
}

/* Read (or write) and decrypt (or encrypt) a slot's key material. */
static int slot_material(struct blkio *bio, const struct luks1_header *h,
			 const struct luks1_keyslot *ks, const u8 *key,
			 u8 *mat, bool write)
{
	u32 n = (u32)slot_sectors(h, ks->stripes);
	struct cryptloop_cipher *c;
	int ret;

	c = cryptloop_cipher_new(h->cipher_name, h->cipher_mode, key, h->key_bytes);
	if (IS_ERR(c))
		return PTR_ERR(c);
	if (write) {
		ret = cryptloop_crypt(c, LOOP_WRITE, 0, mat, n);
		if (!ret)
			ret = bio->write(bio, ks->key_offset, mat, n);
	} else {
		ret = bio->read(bio, ks->key_offset, mat, n);
		if (!ret)
			ret = cryptloop_crypt(c, LOOP_READ, 0, mat, n);
	}
	cryptloop_cipher_free(c);
	return ret;
}

static int mk_digest(const struct luks1_header *h, const u8 *mk, u8 *out)
{
	return luks1_pbkdf2(h->hash_spec, mk, h->key_bytes, h->mk_digest_salt,
			    h->mk_digest_iter, out, LUKS1_DIGEST_SIZE);
}

static int try_slot(struct blkio *bio, const struct luks1_header *h, int i,
		    const void *pass, size_t plen, u8 *mk)
{
	const struct luks1_keyslot *ks = &h->slots[i];
	size_t len = slot_sectors(h, ks->stripes) * 512;
	u8 key[CRYPTO_MAX_KEY], digest[LUKS1_DIGEST_SIZE];
	u8 *mat;
	int ret;

	mat = kmalloc(len, GFP_KERNEL);
	if (!mat)
		return -ENOMEM;
	ret = luks1_pbkdf2(h->hash_spec, pass, plen, ks->salt, ks->iterations,
			   key, h->key_bytes);
	if (!ret)
		ret = slot_material(bio, h, ks, key, mat, false);
	if (!ret)
		ret = af_merge(h->hash_spec, mat, h->key_bytes, ks->stripes, mk);
	if (!ret)
		ret = mk_digest(h, mk, digest);
	if (!ret && memcmp(digest, h->mk_digest, LUKS1_DIGEST_SIZE))
		ret = -EPERM;
	crypto_memzero(key, sizeof(key));
	crypto_memzero(mat, len);
	kfree(mat);
	return ret;
}

/**
 * luks1_unlock() - recover the master key
 * @bio: device
 * @h: its header
 * @pass: passphrase
 * @passlen: its length
 * @mk: h->key_bytes out
 * @slot: the slot that opened, may be NULL
 *
 * Return: 0, -EPERM (no slot opens with this passphrase), -errno.
 */
int luks1_unlock(struct blkio *bio, const struct luks1_header *h,
		 const void *pass, size_t passlen, u8 *mk, int *slot)
{
	int i, ret = -EPERM;

	for (i = 0; i < LUKS1_NUMKEYS; i++) {
		if (h->slots[i].active != LUKS1_KEY_ENABLED)
			continue;
		ret = try_slot(bio, h, i, pass, passlen, mk);
		if (ret != -EPERM)
			break;
	}
	if (ret) {
		crypto_memzero(mk, h->key_bytes);
		if (ret == -EPERM)
			pr_err("no key slot opens with this passphrase\n");
		return ret;
	}
	if (slot)
		*slot = i;
	return 0;
}

static int write_slot(struct blkio *bio, struct luks1_header *h, int i,
		      const u8 *mk, const void *pass, size_t plen, u32 iter)
{
	struct luks1_keyslot *ks = &h->slots[i];
	size_t len = slot_sectors(h, LUKS1_STRIPES) * 512;
	u8 key[CRYPTO_MAX_KEY];
	u8 *mat;
	int ret;

	mat = kzalloc(len, GFP_KERNEL);
	if (!mat)
		return -ENOMEM;
	ks->iterations = max(iter, (u32)LUKS1_MIN_ITER);
	ks->stripes = LUKS1_STRIPES;
	ret = crypto_get_random_bytes(ks->salt, LUKS1_SALT_SIZE);
	if (!ret)
		ret = luks1_pbkdf2(h->hash_spec, pass, plen, ks->salt,
				   ks->iterations, key, h->key_bytes);
	if (!ret)
		ret = af_split(h->hash_spec, mk, h->key_bytes, LUKS1_STRIPES, mat);
	if (!ret)
		ret = slot_material(bio, h, ks, key, mat, true);
	if (!ret)
		ks->active = LUKS1_KEY_ENABLED;
	crypto_memzero(key, sizeof(key));
	crypto_memzero(mat, len);
	kfree(mat);
	return ret;
}

static int write_header(struct blkio *bio, const struct luks1_header *h)
{
	u8 *raw;
	int ret;

	raw = kzalloc(1024, GFP_KERNEL);
	if (!raw)
		return -ENOMEM;
	luks1_serialize(h, raw);
	ret = bio->write(bio, 0, raw, 2);
	if (!ret && bio->flush)
		ret = bio->flush(bio);
	kfree(raw);
	return ret;
}

/**
 * luks1_add_key() - add a passphrase in the first free slot
 * @bio: device
 * @h: header (updated and written)
 * @mk: master key
 * @pass: new passphrase
 * @passlen: its length
 * @iterations: PBKDF2 iterations
 * @slot: the slot used
 *
 * Return: 0, -ENOSPC, -errno.
 */
int luks1_add_key(struct blkio *bio, struct luks1_header *h, const u8 *mk,
		  const void *pass, size_t passlen, u32 iterations, int *slot)
{
	int i, ret;

	for (i = 0; i < LUKS1_NUMKEYS; i++)
		if (h->slots[i].active != LUKS1_KEY_ENABLED)
			break;
	if (i == LUKS1_NUMKEYS)
		return -ENOSPC;
	ret = write_slot(bio, h, i, mk, pass, passlen, iterations);
	if (!ret)
		ret = write_header(bio, h);
	if (!ret && slot)
		*slot = i;
	return ret;
}

/**
 * luks1_kill_slot() - disable a slot and overwrite its key material
 * @bio: device
 * @h: header (updated and written)
 * @slot: 0..7, active
 *
 * Return: 0, -EINVAL, -errno.
 */
int luks1_kill_slot(struct blkio *bio, struct luks1_header *h, int slot)
{
	struct luks1_keyslot *ks;
	size_t n;
	u8 *junk;
	int ret;

	if (slot < 0 || slot >= LUKS1_NUMKEYS ||
	    h->slots[slot].active != LUKS1_KEY_ENABLED)
		return -EINVAL;
	ks = &h->slots[slot];
	n = slot_sectors(h, ks->stripes);
	junk = kmalloc(n * 512, GFP_KERNEL);
	if (!junk)
		return -ENOMEM;
	ret = crypto_get_random_bytes(junk, n * 512);
	if (!ret)
		ret = bio->write(bio, ks->key_offset, junk, (u32)n);
	kfree(junk);
	if (ret)
		return ret;
	ks->active = LUKS1_KEY_DISABLED;
	ks->iterations = 0;
	memset(ks->salt, 0, sizeof(ks->salt));
	return write_header(bio, h);
}

static int make_uuid(char *out)
{
	u8 r[16];
	int i, o = 0, ret;

	ret = crypto_get_random_bytes(r, sizeof(r));
	if (ret)
		return ret;
	r[6] = (r[6] & 0x0f) | 0x40;
	r[8] = (r[8] & 0x3f) | 0x80;
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		o += snprintf(out + o, 3, "%02x", r[i]);
	}
	return 0;
}

static int format_layout(struct blkio *bio, struct luks1_header *h,
			 const char *mode, u32 key_bytes)
{
	u32 slot_len, i;

	memset(h, 0, sizeof(*h));
	strcpy(h->cipher_name, "aes");
	strcpy(h->cipher_mode, mode);
	strcpy(h->hash_spec, "sha256");
	h->key_bytes = key_bytes;
	slot_len = (u32)ALIGN_UP(slot_sectors(h, LUKS1_STRIPES), (size_t)8);
	for (i = 0; i < LUKS1_NUMKEYS; i++) {
		h->slots[i].active = LUKS1_KEY_DISABLED;
		h->slots[i].stripes = LUKS1_STRIPES;
		h->slots[i].key_offset = 8 + i * slot_len;
	}
	/* payload aligned to 1 MiB, as cryptsetup does */
	h->payload_offset = ALIGN_UP(8 + LUKS1_NUMKEYS * slot_len, 2048u);
	if (bio->sector_size != 512 || bio->nr_sectors <= h->payload_offset) {
		pr_err("device too small for a LUKS1 header (%u sectors)\n",
		       h->payload_offset);
		return -ENOSPC;
	}
	return make_uuid(h->uuid);
}

/**
 * luks1_format() - create a LUKS1 container with one passphrase in slot 0
 * @bio: device, 512-byte sectors
 * @mode: "xts-plain64" or "cbc-essiv:sha256" (NULL: xts-plain64)
 * @key_bytes: master key size (0: 64 for XTS, 32 for CBC)
 * @pass: passphrase
 * @passlen: its length
 * @iterations: PBKDF2 iterations of the slot
 * @h: the new header
 *
 * Return: 0, -ENOSPC, -EINVAL, -errno.
 */
int luks1_format(struct blkio *bio, const char *mode, u32 key_bytes,
		 const void *pass, size_t passlen, u32 iterations,
		 struct luks1_header *h)
{
	u8 mk[CRYPTO_MAX_KEY];
	int ret;

	if (!mode)
		mode = "xts-plain64";
	if (strcmp(mode, "xts-plain64") && strcmp(mode, "cbc-essiv:sha256")) {
		pr_err("unsupported mode %s\n", mode);
		return -EINVAL;
	}
	if (!key_bytes)
		key_bytes = strcmp(mode, "xts-plain64") ? 32 : 64;
	if (key_bytes > CRYPTO_MAX_KEY)
		return -EINVAL;
	ret = format_layout(bio, h, mode, key_bytes);
	if (ret)
		return ret;
	h->mk_digest_iter = max(iterations / 8, (u32)LUKS1_MIN_ITER);
	ret = crypto_get_random_bytes(mk, key_bytes);
	if (!ret)
		ret = crypto_get_random_bytes(h->mk_digest_salt, LUKS1_SALT_SIZE);
	if (!ret)
		ret = mk_digest(h, mk, h->mk_digest);
	if (!ret)
		ret = write_slot(bio, h, 0, mk, pass, passlen, iterations);
	if (!ret)
		ret = write_header(bio, h);
	crypto_memzero(mk, sizeof(mk));
	return ret;
}

/**
 * cryptloop_open_luks1() - unlock a LUKS1 container and attach it
 * @cl: zeroed device
 * @backing: the container, 512-byte sectors
 * @pass: passphrase
 * @passlen: its length
 * @block_size: exported sector size
 *
 * Return: 0, -EPERM for a wrong passphrase (nothing written), -errno.
 */
int cryptloop_open_luks1(struct cryptloop *cl, struct blkio *backing,
			 const void *pass, size_t passlen, u32 block_size)
{
	struct luks1_header h;
	u8 mk[CRYPTO_MAX_KEY];
	int ret;

	ret = luks1_read_header(backing, &h);
	if (ret)
		return ret;
	ret = luks1_unlock(backing, &h, pass, passlen, mk, NULL);
	if (!ret)
		ret = cryptloop_open_plain(cl, backing, h.cipher_mode, mk,
					   h.key_bytes,
					   (u64)h.payload_offset * 512, block_size);
	crypto_memzero(mk, sizeof(mk));
	crypto_memzero(&h, sizeof(h));
	return ret;
}
