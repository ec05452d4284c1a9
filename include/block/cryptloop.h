/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Encrypted loop device: a loop device whose transform encrypts each
 * 512-byte sector with aes-xts-plain64 (default) or aes-cbc-essiv:sha256.
 *
 * The IV of a sector is its 512-byte sector number counted from the start
 * of the encrypted area (plain64: that number little-endian in 16 bytes;
 * essiv: the same, encrypted with SHA-256 of the key).  It does not depend
 * on the block size the device is used with: old Linux cryptoloop derived
 * it from the filesystem block number, so the same data encrypted
 * differently at different block sizes; here it cannot.
 *
 * Plain mode (no header) takes the key directly; LUKS1 mode reads the key
 * from a header (include/block/luks1.h).  Keys are wiped on close.
 */
#ifndef BLOCK_CRYPTLOOP_H
#define BLOCK_CRYPTLOOP_H

#include <block/loop.h>

struct cryptloop_cipher;

/**
 * cryptloop_cipher_new() - the sector transform for a dm-crypt style spec
 * @cipher: "aes"
 * @mode: "xts-plain64" or "cbc-essiv:sha256"
 * @key: the volume key (xts: 32 or 64 bytes; cbc: 16, 24 or 32)
 * @keylen: its length
 * Return: the transform or ERR_PTR(-EINVAL / -ENOENT / -ENOPKG / -ENOMEM).
 */
struct cryptloop_cipher *cryptloop_cipher_new(const char *cipher,
					      const char *mode, const u8 *key,
					      size_t keylen);

/** cryptloop_cipher_free() - wipe the key and free; NULL/ERR_PTR ok */
void cryptloop_cipher_free(struct cryptloop_cipher *c);

/**
 * cryptloop_crypt() - encrypt (LOOP_WRITE) or decrypt (LOOP_READ) in place
 * @c: transform
 * @dir: direction
 * @sector: 512-byte sector number of @buf's first sector in the area
 * @buf: @count * 512 bytes
 * @count: sectors
 * Return: 0 or -errno.  Usable as struct loop_transform.xfer.
 */
int cryptloop_crypt(void *c, enum loop_dir dir, u64 sector, u8 *buf, u32 count);

struct cryptloop {
	struct loop_dev lo;
	struct cryptloop_cipher *cipher;
	struct loop_transform xform;
};

/**
 * cryptloop_open_plain() - attach a headerless encrypted loop
 * @cl: zeroed device
 * @backing: the ciphertext store
 * @mode: "xts-plain64" (NULL: the default) or "cbc-essiv:sha256"
 * @key, @keylen: volume key
 * @offset: bytes of @backing before the encrypted area
 * @block_size: exported sector size (512..4096)
 * Return: 0 or -errno.
 */
int cryptloop_open_plain(struct cryptloop *cl, struct blkio *backing,
			 const char *mode, const u8 *key, size_t keylen,
			 u64 offset, u32 block_size);

/** cryptloop_close() - detach and wipe the key. Return: 0 or the flush error. */
int cryptloop_close(struct cryptloop *cl);

/** cryptloop_blkio() - the plaintext device */
static inline struct blkio *cryptloop_blkio(struct cryptloop *cl)
{
	return loop_blkio(&cl->lo);
}

#endif /* BLOCK_CRYPTLOOP_H */
