/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ramfs: the per-inode and per-superblock state.
 */
#ifndef FS_RAMFS_INTERNAL_H
#define FS_RAMFS_INTERNAL_H

#include <fs/fs.h>
#include <kernel/mutex.h>

#define RAMFS_PAGE_SIZE	4096u
#define RAMFS_MAX_PAGES	(16u * 1024)	/* 64 MiB per file: -EFBIG beyond */

/* A name in a directory; holds one reference on its inode. */
struct ramfs_dirent {
	struct list_head node;		/* on the directory, in cookie order */
	struct inode *inode;
	u64 cookie;			/* readdir position, unique in the dir */
	u32 len;
	char name[];
};

struct ramfs_inode {
	/* directory */
	struct list_head entries;
	u32 nentries;
	u64 next_cookie;
	u32 parent_ino;			/* for ".." */
	/* regular file: sparse array of pages (NULL = hole) */
	u8 **pages;
	u32 npages;			/* slots in pages[] */
	/* symlink */
	char *target;
};

struct ramfs_sb {
	u32 next_ino;			/* atomic */
	u32 pages_used;			/* atomic */
	struct mutex orphan_lock;	/* orphans, draining */
	struct list_head orphans;	/* dirents of evicted directories */
	bool draining;
};

static inline struct ramfs_inode *RI(struct inode *inode)
{
	return inode->priv;
}

extern const struct inode_operations ramfs_dir_iops;
extern const struct inode_operations ramfs_file_iops;
extern const struct inode_operations ramfs_symlink_iops;
extern const struct file_operations ramfs_dir_fops;
extern const struct file_operations ramfs_file_fops;

struct inode *ramfs_new_inode(struct super_block *sb, u32 mode);
void ramfs_free_pages(struct inode *inode, u32 from);
int ramfs_setsize(struct inode *inode, u64 size);

#endif /* FS_RAMFS_INTERNAL_H */
