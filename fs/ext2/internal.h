/* SPDX-License-Identifier: GPL-2.0 */
/* Private to fs/ext2/: the mounted filesystem and in-core inode. */
#ifndef FS_EXT2_INTERNAL_H
#define FS_EXT2_INTERNAL_H

#include <port/port.h>
#include <fs/ext2.h>
#include "ext2_format.h"

struct ext2_fs {
	struct blkio *bio;
	u32 block_size;
	u32 blocks_count;
	u32 first_data_block;
	u32 inodes_count;
	u32 inodes_per_group;
	u32 blocks_per_group;
	u32 inode_size;
	u32 groups;
	bool filetype;		/* entries carry a type byte */
	u32 *inode_tables;	/* first block of each group's inode table */
	struct mutex lock;	/* protects the buffers below */
	u8 *buf;		/* data block scratch */
	u8 *ibuf[3];		/* indirect block scratch, one per level */
};

struct ext2_inode {
	u32 ino;
	u16 mode;
	u64 size;
	u32 blocks;
	u32 file_acl;
	u32 block[EXT2_N_BLOCKS];
	u8 raw[128];
};

static inline u16 get_le16(const u8 *p)
{
	return (u16)(p[0] | p[1] << 8);
}

static inline u32 get_le32(const u8 *p)
{
	return (u32)p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

/* super.c */
int ext2_read_block(struct ext2_fs *fs, u32 block, void *buf);

/* inode.c; fs->lock held */
int ext2_read_inode(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode);
int ext2_bmap(struct ext2_fs *fs, const struct ext2_inode *inode, u64 lblk,
	      u32 *pblk);
ssize_t ext2_read_data(struct ext2_fs *fs, const struct ext2_inode *inode,
		       u64 pos, void *buf, size_t len);

#endif
