/* SPDX-License-Identifier: GPL-2.0 */
/*
 * getdents(): variable-length records in Linux's linux_dirent64 layout
 * (newlib has no dirent.h for arm-none-eabi; the C runtime's opendir/
 * readdir will read these).  Each record is 8-byte aligned; d_reclen
 * takes the reader to the next one; d_name is NUL-terminated.
 * Pure header.
 */
#ifndef UAPI_DIRENT_H
#define UAPI_DIRENT_H

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

#define NAME_MAX	255
#define PATH_MAX	1024

struct dirent64 {
	unsigned long long d_ino;
	long long d_off;		/* cookie of the next record */
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

#endif /* UAPI_DIRENT_H */
