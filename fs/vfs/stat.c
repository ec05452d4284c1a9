// SPDX-License-Identifier: GPL-2.0
/*
 * stat, lstat, fstat and statfs: inode and filesystem attributes in the
 * user-space layouts of include/uapi/.
 *
 * Layer: VFS entry points.  Locking: the inode lock while its attributes
 * are copied, so size and times are consistent.  Knows nothing of
 * particular filesystems.
 */
#include "internal.h"

BUILD_BUG_ON(sizeof(struct stat) != 88);
BUILD_BUG_ON(__builtin_offsetof(struct stat, st_size) != 16);
BUILD_BUG_ON(__builtin_offsetof(struct stat, st_atim) != 24);
BUILD_BUG_ON(__builtin_offsetof(struct stat, st_blksize) != 72);

/**
 * fill_stat() - @inode's attributes as a struct stat
 * @inode: referenced; its lock is taken here
 */
void fill_stat(struct inode *inode, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	mutex_lock(&inode->lock);
	st->st_dev = inode->sb->dev;
	st->st_ino = inode->ino;
	st->st_spare4[0] = inode->ino;
	st->st_mode = inode->mode;
	st->st_nlink = inode->nlink > 0xffff ? 0xffff : inode->nlink;
	st->st_uid = inode->uid;
	st->st_gid = inode->gid;
	st->st_rdev = inode->rdev;
	st->st_size = inode->size > 0x7fffffff ? 0x7fffffff : (long)inode->size;
	st->st_atim.tv_sec = inode->atime;
	st->st_mtim.tv_sec = inode->mtime;
	st->st_ctim.tv_sec = inode->ctime;
	st->st_blksize = inode->sb->block_size;
	st->st_blocks = inode->blocks;
	mutex_unlock(&inode->lock);
}

static int stat_path(struct vfs_ctx *ctx, const char *path, u32 flags, struct stat *st)
{
	struct path p;
	int ret = path_lookup(ctx, path, flags, &p);

	if (ret)
		return ret;
	fill_stat(p.dentry->inode, st);
	path_put(&p);
	return 0;
}

/**
 * vfs_stat() - attributes of what @path names (symlinks followed)
 * Return: 0, -ENOENT, -ENOTDIR, -ELOOP, -ENAMETOOLONG...
 */
int vfs_stat(struct vfs_ctx *ctx, const char *path, struct stat *st)
{
	return stat_path(ctx, path, LOOKUP_FOLLOW, st);
}

/**
 * vfs_lstat() - attributes of @path itself (a trailing symlink not followed)
 * Return: as vfs_stat().
 */
int vfs_lstat(struct vfs_ctx *ctx, const char *path, struct stat *st)
{
	return stat_path(ctx, path, 0, st);
}

/**
 * vfs_fstat() - attributes of @fd's file
 * Return: 0 or -EBADF.
 */
int vfs_fstat(struct vfs_ctx *ctx, int fd, struct stat *st)
{
	struct file *f = fget(ctx, fd);

	if (IS_ERR(f))
		return PTR_ERR(f);
	fill_stat(f->inode, st);
	fput(f);
	return 0;
}

/**
 * vfs_statfs() - counts of the filesystem that holds @path
 * Return: 0, lookup errors, or the filesystem's error.
 */
int vfs_statfs(struct vfs_ctx *ctx, const char *path, struct statfs *st)
{
	struct super_block *sb;
	struct path p;
	int ret;

	ret = path_lookup(ctx, path, LOOKUP_FOLLOW, &p);
	if (ret)
		return ret;
	sb = p.mnt->sb;
	memset(st, 0, sizeof(*st));
	st->f_type = sb->magic;
	st->f_bsize = sb->block_size;
	st->f_namelen = NAME_MAX;
	if (sb->s_op && sb->s_op->statfs)
		ret = sb->s_op->statfs(sb, st);
	if (mnt_is_rdonly(p.mnt))
		st->f_flags |= ST_RDONLY;
	path_put(&p);
	return ret;
}
