/* SPDX-License-Identifier: GPL-2.0 */
/* Private to the LogFS VFS adapter. */
#ifndef FS_LOGFS_VFS_INTERNAL_H
#define FS_LOGFS_VFS_INTERNAL_H

#include <fs/fs.h>
#include <fs/logfs.h>
#include <kernel/list.h>
#include <kernel/mutex.h>

struct ftl_device;

struct lgv_sb {
	struct logfs *fs;
	struct logfs_dev dev;
	struct file *dev_file;		/* keeps the devfs node open, or NULL */
	struct ftl_device *ftl;		/* the FTL of an "ftl:" source, or NULL */
	struct mutex paths_lock;	/* every lgv_inode's path, the list */
	struct list_head inodes;
};

/*
 * LogFS names files by path, so a VFS inode keeps the paths it is known
 * by (its hard links seen through lookup, create or link).  Operations
 * use the first; unlink forgets one; a rename rewrites every path at or
 * below the moved name.
 */
struct lgv_alias {
	struct list_head node;
	char path[];
};

struct lgv_inode {
	struct list_head aliases;	/* paths_lock */
	struct list_head node;		/* on lgv_sb.inodes */
};

static inline struct lgv_sb *LGV(struct super_block *sb)
{
	return sb->fs_info;
}

/* inode.c */
struct inode *lgv_iget(struct super_block *sb, const char *path, int *err);
int lgv_path(struct inode *inode, char **out);
char *lgv_child_path(struct inode *dir, const struct qstr *name);
int lgv_add_alias(struct inode *inode, const char *path);
void lgv_drop_alias(struct inode *inode, const char *path);
void lgv_move_paths(struct super_block *sb, const char *from, const char *to);
void lgv_refresh(struct inode *inode);
void lgv_evict(struct inode *inode);

extern const struct file_operations lgv_file_fops;
extern const struct inode_operations lgv_file_iops;

#endif
