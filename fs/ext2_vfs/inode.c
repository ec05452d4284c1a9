// SPDX-License-Identifier: GPL-2.0
/*
 * ext2 inodes under the VFS: fills struct inode from ext2_stat() through
 * the inode cache, and maps lookup (a scan of the directory with
 * ext2_readdir), readdir, read and readlink onto the portable read-only
 * ext2 API.  There are no write operations: the superblock is read-only,
 * so the VFS answers -EROFS before reaching here.
 *
 * Layer: filesystem adapter between the VFS and fs/ext2.  Locking: the
 * VFS's inode locks; fs/ext2 takes its own lock inside each call.
 * Knows nothing of the on-disk format (fs/ext2 does).
 */
#include "internal.h"
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/string.h>

/* ext2 directory entry file types (EXT2_FT_*) to DT_* */
static const u8 ft_to_dt[] = {
	DT_UNKNOWN, DT_REG, DT_DIR, DT_CHR, DT_BLK, DT_FIFO, DT_SOCK, DT_LNK,
};

static const struct inode_operations ext2v_dir_iops;
static const struct inode_operations ext2v_link_iops;
static const struct file_operations ext2v_dir_fops;
static const struct file_operations ext2v_file_fops;

static int fill_inode(struct inode *inode)
{
	struct ext2_stat st;
	int ret = ext2_stat(EXT2FS(inode->sb), inode->ino, &st);

	if (ret)
		return ret;
	if (!st.mode)
		return -EUCLEAN;		/* a free inode named by a directory */
	inode->mode = st.mode;
	inode->nlink = st.nlink;
	inode->uid = st.uid;
	inode->gid = st.gid;
	inode->size = st.size;
	inode->blocks = st.blocks;
	inode->atime = st.atime;
	inode->mtime = st.mtime;
	inode->ctime = st.ctime;
	if (S_ISDIR(st.mode)) {
		inode->i_op = &ext2v_dir_iops;
		inode->i_fop = &ext2v_dir_fops;
	} else if (S_ISLNK(st.mode)) {
		inode->i_op = &ext2v_link_iops;
	} else if (S_ISREG(st.mode)) {
		inode->i_fop = &ext2v_file_fops;
	}
	return 0;
}

/**
 * ext2v_iget() - the VFS inode for ext2 inode @ino
 * @err: out: -ENOMEM, or ext2_stat()'s error (-EINVAL, -EUCLEAN, -EIO)
 * Return: a referenced inode, or NULL with *@err set.
 */
struct inode *ext2v_iget(struct super_block *sb, u32 ino, int *err)
{
	struct inode *inode;
	bool is_new;

	inode = iget(sb, ino, &is_new);
	if (!inode) {
		*err = -ENOMEM;
		return NULL;
	}
	if (!is_new)
		return inode;
	*err = fill_inode(inode);
	if (*err) {
		iget_failed(inode);
		return NULL;
	}
	unlock_new_inode(inode);
	return inode;
}

static int ext2v_lookup(struct inode *dir, const struct qstr *name, struct inode **out)
{
	struct ext2_dirent *de = kmalloc(sizeof(*de), GFP_KERNEL);
	u64 cookie = 0;
	int ret;

	if (!de)
		return -ENOMEM;
	while ((ret = ext2_readdir(EXT2FS(dir->sb), dir->ino, &cookie, de)) > 0)
		if (qstr_eq(name, de->name, strlen(de->name)))
			break;
	if (ret > 0) {
		*out = ext2v_iget(dir->sb, de->ino, &ret);
		ret = *out ? 0 : ret;
	} else if (ret == 0) {
		ret = -ENOENT;
	}
	kfree(de);
	return ret;
}

static int ext2v_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->inode;
	struct ext2_dirent *de = kmalloc(sizeof(*de), GFP_KERNEL);
	u64 cookie = ctx->pos;
	int ret;

	if (!de)
		return -ENOMEM;
	while ((ret = ext2_readdir(EXT2FS(dir->sb), dir->ino, &cookie, de)) > 0) {
		u8 dt = de->type < ARRAY_SIZE(ft_to_dt) ? ft_to_dt[de->type] : DT_UNKNOWN;

		if (!dir_emit(ctx, de->name, strlen(de->name), de->ino, dt))
			break;		/* re-read from ctx->pos next time */
		ctx->pos = cookie;
	}
	kfree(de);
	return ret < 0 ? ret : 0;
}

static ssize_t ext2v_read(struct file *file, void *buf, size_t len, u64 *pos)
{
	ssize_t n = ext2_read(EXT2FS(file->inode->sb), file->inode->ino, *pos, buf, len);

	if (n > 0)
		*pos += n;
	return n;
}

static int ext2v_readlink(struct inode *inode, char *buf, size_t len)
{
	char *tmp = kmalloc(len + 1, GFP_KERNEL);
	int n;

	if (!tmp)
		return -ENOMEM;
	n = ext2_readlink(EXT2FS(inode->sb), inode->ino, tmp, len + 1);
	if (n >= 0)
		memcpy(buf, tmp, min((size_t)n, len));
	kfree(tmp);
	return n;
}

static const struct inode_operations ext2v_dir_iops = {
	.lookup = ext2v_lookup,
};

static const struct inode_operations ext2v_link_iops = {
	.readlink = ext2v_readlink,
};

static const struct file_operations ext2v_dir_fops = {
	.iterate = ext2v_iterate,
};

static const struct file_operations ext2v_file_fops = {
	.read = ext2v_read,
};
