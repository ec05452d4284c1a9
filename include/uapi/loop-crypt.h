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

#define CRYPT_OPEN		ABI_IOW('C', 0x01, struct crypt_open)
#define CRYPT_CLOSE		ABI_IOW('C', 0x02, struct crypt_name)
#define CRYPT_STATUS		ABI_IOWR('C', 0x03, struct crypt_status)

#endif /* UAPI_LOOP_CRYPT_H */
