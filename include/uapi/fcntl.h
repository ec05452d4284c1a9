/* SPDX-License-Identifier: GPL-2.0 */
/*
 * open() flags and lseek() whence values: newlib's default values
 * (sys/_default_fcntl.h, checked with arm-none-eabi-gcc 12.2), so the C
 * runtime passes them through unchanged.  Pure header.
 */
#ifndef UAPI_FCNTL_H
#define UAPI_FCNTL_H

#define O_RDONLY	0
#define O_WRONLY	1
#define O_RDWR		2
#define O_ACCMODE	3
#define O_APPEND	0x0008
#define O_CREAT		0x0200
#define O_TRUNC		0x0400
#define O_EXCL		0x0800
#define O_NONBLOCK	0x4000
#define O_CLOEXEC	0x40000
#define O_NOFOLLOW	0x100000
#define O_DIRECTORY	0x200000

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

/* mount(2) flags (Linux values) */
#define MS_RDONLY	1

/* umount2(2) flags (Linux values) */
#define MNT_FORCE	1
#define MNT_DETACH	2

#endif /* UAPI_FCNTL_H */
