/* SPDX-License-Identifier: GPL-2.0 */
/* Private to the ext2 VFS adapter. */
#ifndef FS_EXT2_VFS_INTERNAL_H
#define FS_EXT2_VFS_INTERNAL_H

#include <fs/fs.h>
#include <fs/ext2.h>

struct blkcache;

struct ext2v_sb {
	struct ext2_fs *fs;
	struct blkcache *cache;		/* between ext2 and the device */
	struct file *dev_file;		/* keeps the devfs node open */
};

static inline struct ext2_fs *EXT2FS(struct super_block *sb)
{
	return ((struct ext2v_sb *)sb->fs_info)->fs;
}

/* inode.c */
struct inode *ext2v_iget(struct super_block *sb, u32 ino, int *err);

#endif
