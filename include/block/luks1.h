/* SPDX-License-Identifier: GPL-2.0 */
/*
 * LUKS1 on-disk format and key slots (the "LUKS On-Disk Format
 * Specification" version 1.2.3): a 592-byte big-endian header at sector 0,
 * eight key slots of PBKDF2-protected, anti-forensically split copies of
 * the master key, and a PBKDF2 digest of the master key to recognise it.
 * Containers interoperate with cryptsetup's --type luks1 (tested).
 * The backing store must have 512-byte sectors.
 */
#ifndef BLOCK_LUKS1_H
#define BLOCK_LUKS1_H

#include <block/cryptloop.h>

#define LUKS1_MAGIC		"LUKS\xba\xbe"
#define LUKS1_MAGIC_LEN		6
#define LUKS1_HDR_SIZE		592
#define LUKS1_NUMKEYS		8
#define LUKS1_DIGEST_SIZE	20
#define LUKS1_SALT_SIZE		32
#define LUKS1_STRIPES		4000
#define LUKS1_KEY_ENABLED	0x00AC71F3
#define LUKS1_KEY_DISABLED	0x0000DEAD
#define LUKS1_MIN_ITER		1000

struct luks1_keyslot {
	u32 active;
	u32 iterations;
	u8 salt[LUKS1_SALT_SIZE];
	u32 key_offset;		/* sectors */
	u32 stripes;
};

struct luks1_header {
	char cipher_name[33];
	char cipher_mode[33];
	char hash_spec[33];
	u32 payload_offset;	/* sectors */
	u32 key_bytes;
	u8 mk_digest[LUKS1_DIGEST_SIZE];
	u8 mk_digest_salt[LUKS1_SALT_SIZE];
	u32 mk_digest_iter;
	char uuid[41];
	struct luks1_keyslot slots[LUKS1_NUMKEYS];
};

/** luks1_parse() - decode and validate a 592-byte header. Return: 0, -EINVAL (not LUKS1), -EUCLEAN. */
int luks1_parse(const u8 *raw, u64 dev_sectors, struct luks1_header *h);
/** luks1_serialize() - encode @h into 592 bytes */
void luks1_serialize(const struct luks1_header *h, u8 *raw);
/** luks1_read_header() - read and validate the header of @bio. Return: 0 or -errno. */
int luks1_read_header(struct blkio *bio, struct luks1_header *h);

/**
 * luks1_unlock() - recover the master key with a passphrase
 * @mk: key_bytes of output
 * @slot: the slot that opened, may be NULL
 * Return: 0, -EPERM for a wrong passphrase (nothing is written), -errno.
 */
int luks1_unlock(struct blkio *bio, const struct luks1_header *h,
		 const void *pass, size_t passlen, u8 *mk, int *slot);

/**
 * luks1_format() - write a new LUKS1 container with key slot 0
 * @mode: "xts-plain64" (NULL: default) or "cbc-essiv:sha256"
 * @key_bytes: 64 (xts) / 32 ... ; 0 picks 64 for xts, 32 for cbc
 * @iterations: PBKDF2 iterations for the slot (>= 1000)
 * @h: the written header
 * Return: 0, -ENOSPC if the device is too small, -errno.
 */
int luks1_format(struct blkio *bio, const char *mode, u32 key_bytes,
		 const void *pass, size_t passlen, u32 iterations,
		 struct luks1_header *h);

/**
 * luks1_add_key() - add a passphrase in the first free slot
 * @mk: the master key (from luks1_unlock())
 * @slot: the slot used
 * Return: 0, -ENOSPC (all slots used), -errno.
 */
int luks1_add_key(struct blkio *bio, struct luks1_header *h, const u8 *mk,
		  const void *pass, size_t passlen, u32 iterations, int *slot);

/**
 * luks1_kill_slot() - disable slot @slot and wipe its key material
 * Return: 0, -EINVAL (bad or inactive slot), -errno.
 */
int luks1_kill_slot(struct blkio *bio, struct luks1_header *h, int slot);

/**
 * cryptloop_open_luks1() - unlock and attach an encrypted loop
 * Return: 0, -EPERM for a wrong passphrase, -errno.
 */
int cryptloop_open_luks1(struct cryptloop *cl, struct blkio *backing,
			 const void *pass, size_t passlen, u32 block_size);

#endif /* BLOCK_LUKS1_H */
