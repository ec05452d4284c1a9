/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DIR and struct dirent for newlib's <dirent.h> (newlib ships only an
 * #error for this target).  Filled by user/lib/dirent.c from getdents64.
 */
#ifndef USER_SYS_DIRENT_H
#define USER_SYS_DIRENT_H

#define NAME_MAX	255

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

struct dirent {
	unsigned long d_ino;
	unsigned char d_type;
	char d_name[NAME_MAX + 1];
};

typedef struct {
	int fd;
	int pos;			/* next record in buf */
	int len;			/* bytes valid in buf */
	char buf[2048] __attribute__((aligned(8)));
	struct dirent ent;		/* what readdir returns */
} DIR;

#endif /* USER_SYS_DIRENT_H */
