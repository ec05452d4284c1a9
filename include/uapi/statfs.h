/* SPDX-License-Identifier: GPL-2.0 */
/*
 * statfs(): filesystem-wide counts (the fields of Linux's struct statfs64,
 * fixed-width so the layout is the same everywhere).  Pure header.
 */
#ifndef UAPI_STATFS_H
#define UAPI_STATFS_H

struct statfs {
	unsigned int f_type;		/* magic number of the filesystem type */
	unsigned int f_bsize;		/* block size for the counts below */
	unsigned long long f_blocks;
	unsigned long long f_bfree;
	unsigned long long f_bavail;
	unsigned long long f_files;
	unsigned long long f_ffree;
	unsigned int f_namelen;
	unsigned int f_flags;		/* ST_RDONLY ... */
};

#define ST_RDONLY	1

#define RAMFS_MAGIC	0x858458f6
#define EXT2_SUPER_MAGIC 0xef53
#define PROC_SUPER_MAGIC 0x9fa0
#define DEVFS_SUPER_MAGIC 0x1373

#endif /* UAPI_STATFS_H */
