/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct stat and the mode bits, as user space sees them.
 *
 * The layout is newlib's for arm-none-eabi (sys/stat.h without __svr4__),
 * checked with arm-none-eabi-gcc 12.2: st_dev@0 (2), st_ino@2 (2),
 * st_mode@4 (4), st_nlink@8 (2), st_uid@10, st_gid@12, st_rdev@14 (2 each),
 * st_size@16 (4), st_atim@24, st_mtim@40, st_ctim@56 (16: a 64-bit tv_sec
 * and a long tv_nsec, 8-byte aligned), st_blksize@72, st_blocks@76,
 * spare@80; 88 bytes in all.  The BUILD_BUG_ONs in fs/vfs/stat.c hold it.
 * Pure header: shared with the user-space C runtime.
 */
#ifndef UAPI_STAT_H
#define UAPI_STAT_H

#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISUID		0004000
#define S_ISGID		0002000
#define S_ISVTX		0001000

#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)

#define S_IALLUGO	07777

struct uapi_timespec {
	long long tv_sec;
	long tv_nsec;
} __attribute__((aligned(8)));

struct stat {
	unsigned short st_dev;
	unsigned short st_ino;		/* low 16 bits; newlib's ino_t is short */
	unsigned int st_mode;
	unsigned short st_nlink;
	unsigned short st_uid;
	unsigned short st_gid;
	unsigned short st_rdev;
	long st_size;
	struct uapi_timespec st_atim;
	struct uapi_timespec st_mtim;
	struct uapi_timespec st_ctim;
	long st_blksize;
	long st_blocks;			/* 512-byte units */
	long st_spare4[2];		/* st_spare4[0]: the full 32-bit inode number */
};

#endif /* UAPI_STAT_H */
