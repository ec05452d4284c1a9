/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loop devices and encrypted containers as user space drives them
 * (losetup, cryptsetup).  This kernel's own interface, not Linux's: ioctls
 * on device nodes in /dev, request numbers encoded like Linux's _IOC (see
 * linux-abi.h).  Pure header: shared by the kernel and user space.
 *
 *   /dev/loop-control   LOOP_CTL_GET_FREE: returns the index N of a free
 *                       loop device (creating /dev/loopN if needed).
 *   /dev/loopN          LOOP_SET_FD(fd): back it with the open file fd; the
 *                       device is read-only if fd was opened read-only.
 *                       LOOP_CLR_FD: detach (-EBUSY while mounted).
 *                       LOOP_GET_INFO(struct loop_info *): what backs it,
 *                       -ENXIO if nothing does.
 *   /dev/cryptctl       CRYPT_OPEN(struct crypt_open *): unlock a container
 *                       (LUKS1, or plain with the cipher given) read from
 *                       backing_fd; creates /dev/crypt-<name> and returns 0.
 *                       -EKEYREJECTED for a wrong passphrase, -EEXIST if
 *                       the name is taken, -EINVAL for a bad header.
 *                       CRYPT_CLOSE(struct crypt_name *): remove the
 *                       mapping (-EBUSY while mounted, -ENOENT unknown).
 *                       CRYPT_STATUS(struct crypt_status *): by name.
 *                       CRYPT_FORMAT(struct crypt_format *): write a new
 *                       LUKS1 header with the passphrase in key slot 0
 *                       (-EBUSY while the device is mounted or open as a
 *                       mapping, -ENOSPC when the header and key slots do
 *                       not fit with room to spare: 2 MiB for 512-bit keys).
 *
 * Backing files (LOOP_SET_FD, backing_fd): a regular file or a block node,
 * opened O_RDONLY (the device is read-only) or O_RDWR; -EBADF for a bad or
 * write-only descriptor, -EINVAL for another file type or O_APPEND.
 * Pointer arguments outside user memory give -EFAULT.
 *
 * Plain mode derives the key from the passphrase as cryptsetup's plain
 * mode does with --hash sha256: SHA-256(passphrase), then, while more key
 * bytes are needed, SHA-256("A" x round || passphrase) for round 1, 2...,
 * truncated to key_bits / 8 bytes; the data starts at sector 0.
 */
#ifndef UAPI_LOOP_CRYPT_H
#define UAPI_LOOP_CRYPT_H

#include "linux-abi.h"

#define LOOP_NAME_MAX		32
#define LOOP_PATH_MAX		256

/* Same request numbers as Linux for the three calls Linux also has. */
#define LOOP_SET_FD		0x4c00
#define LOOP_CLR_FD		0x4c01
#define LOOP_CTL_GET_FREE	0x4c82

struct loop_info {
	unsigned int index;			/* N of /dev/loopN */
	unsigned int flags;			/* LOOP_INFO_* */
	unsigned long long size;		/* bytes */
	char backing[LOOP_PATH_MAX];		/* path of the backing file */
};

#define LOOP_INFO_READ_ONLY	1

#define LOOP_GET_INFO		ABI_IOR('L', 0x20, struct loop_info)

#define CRYPT_NAME_MAX		32
#define CRYPT_CIPHER_MAX	32
#define CRYPT_PASS_MAX		512

#define CRYPT_TYPE_LUKS1	0	/* header on the container */
#define CRYPT_TYPE_PLAIN	1	/* key = hash of passphrase, no header */

#define CRYPT_F_READ_ONLY	1

/* Ciphers: "aes-xts-plain64" (key_bits 256 or 512; the default when the
 * string is empty) and "aes-cbc-essiv:sha256" (key_bits 128, 192 or 256). */
struct crypt_open {
	int backing_fd;				/* open file or block device */
	unsigned int type;			/* CRYPT_TYPE_* */
	unsigned int flags;			/* CRYPT_F_* */
	unsigned int key_bits;			/* plain only: 256 or 512 */
	char name[CRYPT_NAME_MAX];		/* NUL-terminated */
	char cipher[CRYPT_CIPHER_MAX];		/* plain only: "aes-xts-plain64" */
	unsigned int pass_len;			/* bytes used in passphrase */
	char passphrase[CRYPT_PASS_MAX];	/* not NUL-terminated */
};

struct crypt_name {
	char name[CRYPT_NAME_MAX];
};

struct crypt_status {
	char name[CRYPT_NAME_MAX];		/* in: which mapping */
	unsigned int type;			/* out: CRYPT_TYPE_* */
	unsigned int flags;			/* out: CRYPT_F_* */
	unsigned long long sectors;		/* out: 512-byte sectors of payload */
	char cipher[CRYPT_CIPHER_MAX];		/* out */
};

/* PBKDF2 iterations below this are refused (LUKS1's own floor). */
#define CRYPT_ITER_MIN		1000

struct crypt_format {
	int backing_fd;				/* opened O_RDWR */
	unsigned int key_bits;			/* 0: 512 for xts, 256 for cbc */
	unsigned int iterations;		/* slot 0's PBKDF2; 0: the kernel's
						 * default (CONFIG_BLK_DEV_CRYPTCTL_ITER) */
	char cipher[CRYPT_CIPHER_MAX];		/* "" or as above */
	unsigned int pass_len;			/* 1..CRYPT_PASS_MAX */
	char passphrase[CRYPT_PASS_MAX];	/* not NUL-terminated */
};

#define CRYPT_OPEN		ABI_IOW('C', 0x01, struct crypt_open)
#define CRYPT_CLOSE		ABI_IOW('C', 0x02, struct crypt_name)
#define CRYPT_STATUS		ABI_IOWR('C', 0x03, struct crypt_status)
#define CRYPT_FORMAT		ABI_IOW('C', 0x04, struct crypt_format)

#endif /* UAPI_LOOP_CRYPT_H */
