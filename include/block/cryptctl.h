/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Encrypted mappings (drivers/block/cryptctl.c): /dev/cryptctl and the
 * /dev/crypt-<name> nodes it creates, the ioctls of include/uapi/
 * loop-crypt.h.  The functions below are what those ioctls do, on kernel
 * memory, for kernel users and tests; the ioctls copy the structures in
 * (and wipe the passphrase after use) and the status out.
 *
 * A mapping decrypts a LUKS1 container or a plain (headerless) encrypted
 * store held in an open file: a regular file or a devfs block node (a
 * loop device, a disk partition), claimed while mapped.  While a claim
 * holds /dev/crypt-<name> (a mounted filesystem, a loop device over it)
 * the mapping cannot be closed.
 */
#ifndef BLOCK_CRYPTCTL_H
#define BLOCK_CRYPTCTL_H

#include <kernel/types.h>
#include <uapi/loop-crypt.h>

struct file;

/**
 * cryptctl_open() - unlock a container and create /dev/crypt-<o->name>
 * @o: the request (o->backing_fd is not used)
 * @file: the container, referenced; on success the mapping keeps this
 * reference until cryptctl_close(), on failure the caller keeps it
 * Return: 0; -EINVAL (bad name, type, flags, cipher, key size or length,
 * not a LUKS1 header, another file type); -EKEYREJECTED (no key slot
 * opens with the passphrase: nothing was written); -EEXIST (name taken);
 * -EBADF (write-only file); -EBUSY (the block node is claimed
 * exclusively); -ENXIO; -ENOMEM; -EIO.
 */
int cryptctl_open(const struct crypt_open *o, struct file *file);

/**
 * cryptctl_close() - remove /dev/crypt-@name and wipe its key
 * Return: 0, -ENOENT (no such mapping), -EBUSY (claimed: mounted...).
 */
int cryptctl_close(const char *name);

/**
 * cryptctl_status() - fill @st for the mapping named in @st->name
 * Return: 0, -ENOENT, -EINVAL (name not NUL-terminated).
 */
int cryptctl_status(struct crypt_status *st);

/**
 * cryptctl_format() - write a LUKS1 header and key slot 0 to @file
 * @f: the request (f->backing_fd is not used)
 * @file: opened O_RDWR; not kept
 * Return: 0; -EINVAL (cipher, key size, iterations, passphrase length,
 * file type); -EBADF (not open for writing); -EBUSY (the block node is
 * claimed: mounted, mapped, stacked on); -ENOSPC (too small); -EIO.
 */
int cryptctl_format(const struct crypt_format *f, struct file *file);

/**
 * cryptctl_plain_key() - the plain-mode key of a passphrase (uapi header)
 * @key: @keylen bytes out, at most 64
 * Return: 0, -EINVAL, -ENOMEM, or the hash's error.
 */
int cryptctl_plain_key(const void *pass, size_t passlen, u8 *key, size_t keylen);

#endif /* BLOCK_CRYPTCTL_H */
