/* SPDX-License-Identifier: GPL-2.0 */
/* statfs(2): filesystem-wide counts, from the kernel's statfs64. */
#ifndef USER_SYS_STATFS_H
#define USER_SYS_STATFS_H

struct statfs {
	unsigned int f_type;		/* filesystem magic */
	unsigned int f_bsize;
	unsigned long long f_blocks;
	unsigned long long f_bfree;
	unsigned long long f_bavail;
	unsigned long long f_files;
	unsigned long long f_ffree;
	unsigned int f_namelen;
	unsigned int f_frsize;
	unsigned int f_flags;		/* ST_RDONLY */
};

#define ST_RDONLY	1

int statfs(const char *path, struct statfs *st);

#endif /* USER_SYS_STATFS_H */
