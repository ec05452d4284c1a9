// SPDX-License-Identifier: GPL-2.0
/*
 * ext2 inodes: read an inode, map logical to physical blocks through the
 * direct and (double, triple) indirect pointers, read file data, stat and
 * readlink.
 *
 * Layer: under dir.c and the public API.  Every block number read from the
 * disk is checked by ext2_read_block(); a hole (0) reads as zeros.
 * Locking: internal functions run with fs->lock held (they use the scratch
 * buffers); the public ones take it.
 */
#define pr_fmt(fmt) "ext2: " fmt
#include "internal.h"

/**
 * ext2_read_inode() - read and decode inode @ino
 * @fs: filesystem, lock held
 * @ino: 1..inodes_count
 * @inode: result
 *
 * Return: 0, -EINVAL for a bad number, or a read error.
 */
int ext2_read_inode(struct ext2_fs *fs, u32 ino, struct ext2_inode *inode)
{
	u32 group, index, block, off, i;
	const u8 *raw;
	int ret;

	if (ino < 1 || ino > fs->inodes_count)
		return -EINVAL;
	group = (ino - 1) / fs->inodes_per_group;
	index = (ino - 1) % fs->inodes_per_group;
	block = fs->inode_tables[group] +
		(u32)((u64)index * fs->inode_size / fs->block_size);
	off = (u32)((u64)index * fs->inode_size % fs->block_size);
	ret = ext2_read_block(fs, block, fs->buf);
	if (ret)
		return ret;
	raw = fs->buf + off;
	memcpy(inode->raw, raw, sizeof(inode->raw));
	inode->ino = ino;
	inode->mode = get_le16(raw + I_MODE);
	inode->size = get_le32(raw + I_SIZE);
	if ((inode->mode & EXT2_S_IFMT) == EXT2_S_IFREG)
		inode->size |= (u64)get_le32(raw + I_SIZE_HIGH) << 32;
	inode->blocks = get_le32(raw + I_BLOCKS);
	inode->file_acl = get_le32(raw + I_FILE_ACL);
	for (i = 0; i < EXT2_N_BLOCKS; i++)
		inode->block[i] = get_le32(raw + I_BLOCK + 4 * i);
	return 0;
}

/* Follow @levels of indirection from block @blk for index @idx. */
static int ext2_walk(struct ext2_fs *fs, u32 blk, int levels, u64 idx,
		     u32 *pblk)
{
	u32 per = fs->block_size / 4;
	int ret;

	while (levels-- > 0) {
		u64 span = 1, slot;
		int l;

		if (!blk) {
			*pblk = 0;
			return 0;
		}
		for (l = 0; l < levels; l++)
			span *= per;
		slot = idx / span;
		idx %= span;
		ret = ext2_read_block(fs, blk, fs->ibuf[levels]);
		if (ret)
			return ret;
		blk = get_le32(fs->ibuf[levels] + slot * 4);
	}
	*pblk = blk;
	return 0;
}

/**
 * ext2_bmap() - physical block of logical block @lblk (0: a hole)
 * @fs: filesystem, lock held
 * @inode: inode
 * @lblk: logical block
 * @pblk: result
 *
 * Return: 0, -EFBIG beyond triple indirection, or a read error.
 */
int ext2_bmap(struct ext2_fs *fs, const struct ext2_inode *inode, u64 lblk,
	      u32 *pblk)
{
	u64 per = fs->block_size / 4;

	if (lblk < EXT2_NDIR_BLOCKS) {
		*pblk = inode->block[lblk];
		return 0;
	}
	lblk -= EXT2_NDIR_BLOCKS;
	if (lblk < per)
		return ext2_walk(fs, inode->block[EXT2_IND_BLOCK], 1, lblk, pblk);
	lblk -= per;
	if (lblk < per * per)
		return ext2_walk(fs, inode->block[EXT2_DIND_BLOCK], 2, lblk, pblk);
	lblk -= per * per;
	if (lblk < per * per * per)
		return ext2_walk(fs, inode->block[EXT2_TIND_BLOCK], 3, lblk, pblk);
	return -EFBIG;
}

/**
 * ext2_read_data() - read an inode's data, clamped to its size
 * @fs: filesystem, lock held
 * @inode: inode
 * @pos: byte offset
 * @buf: destination
 * @len: bytes wanted
 *
 * Return: bytes read or -errno.
 */
ssize_t ext2_read_data(struct ext2_fs *fs, const struct ext2_inode *inode,
		       u64 pos, void *buf, size_t len)
{
	u8 *dst = buf;
	size_t done = 0;
	int ret;

	if (pos >= inode->size)
		return 0;
	len = (size_t)min((u64)len, inode->size - pos);
	while (done < len) {
		u32 off = (u32)(pos % fs->block_size), pblk;
		size_t n = min((size_t)(fs->block_size - off), len - done);

		ret = ext2_bmap(fs, inode, pos / fs->block_size, &pblk);
		if (!ret && pblk)
			ret = ext2_read_block(fs, pblk, fs->buf);
		if (ret)
			return ret;
		if (pblk)
			memcpy(dst + done, fs->buf + off, n);
		else
			memset(dst + done, 0, n);
		done += n;
		pos += n;
	}
	return (ssize_t)done;
}

/**
 * ext2_stat() - attributes of an inode
 * @fs: filesystem
 * @ino: inode number
 * @st: result
 *
 * Return: 0, -EINVAL, or a read error.
 */
int ext2_stat(struct ext2_fs *fs, u32 ino, struct ext2_stat *st)
{
	struct ext2_inode inode;
	int ret;

	mutex_lock(&fs->lock);
	ret = ext2_read_inode(fs, ino, &inode);
	mutex_unlock(&fs->lock);
	if (ret)
		return ret;
	st->ino = ino;
	st->mode = inode.mode;
	st->nlink = get_le16(inode.raw + I_LINKS);
	st->uid = get_le16(inode.raw + I_UID) |
		  (u32)get_le16(inode.raw + I_UID_HIGH) << 16;
	st->gid = get_le16(inode.raw + I_GID) |
		  (u32)get_le16(inode.raw + I_GID_HIGH) << 16;
	st->size = inode.size;
	st->atime = get_le32(inode.raw + I_ATIME);
	st->mtime = get_le32(inode.raw + I_MTIME);
	st->ctime = get_le32(inode.raw + I_CTIME);
	st->blocks = inode.blocks;
	return 0;
}

/**
 * ext2_read() - read file data
 * @fs: filesystem
 * @ino: inode number
 * @pos: offset
 * @buf: destination
 * @len: bytes
 *
 * Return: bytes read (0 at end of file) or -errno (-EISDIR, -EINVAL...).
 */
ssize_t ext2_read(struct ext2_fs *fs, u32 ino, u64 pos, void *buf, size_t len)
{
	struct ext2_inode inode;
	ssize_t ret;

	mutex_lock(&fs->lock);
	ret = ext2_read_inode(fs, ino, &inode);
	if (!ret && (inode.mode & EXT2_S_IFMT) == EXT2_S_IFDIR)
		ret = -EISDIR;
	if (!ret)
		ret = ext2_read_data(fs, &inode, pos, buf, len);
	mutex_unlock(&fs->lock);
	return ret;
}

static bool ext2_fast_symlink(const struct ext2_fs *fs,
			      const struct ext2_inode *inode)
{
	u32 ea = inode->file_acl ? fs->block_size / 512 : 0;

	return inode->blocks == ea && inode->size < EXT2_FAST_LINK_MAX;
}

/**
 * ext2_readlink() - the target of a symlink
 * @fs: filesystem
 * @ino: inode number
 * @buf: destination, NUL-terminated
 * @len: its size (>= 1)
 *
 * Return: full target length, -EINVAL if not a symlink, -EUCLEAN for a
 * corrupt one, or a read error.
 */
int ext2_readlink(struct ext2_fs *fs, u32 ino, char *buf, size_t len)
{
	struct ext2_inode inode;
	ssize_t ret;
	size_t n;

	if (!len)
		return -EINVAL;
	mutex_lock(&fs->lock);
	ret = ext2_read_inode(fs, ino, &inode);
	if (ret)
		goto out_unlock;
	ret = -EINVAL;
	if ((inode.mode & EXT2_S_IFMT) != EXT2_S_IFLNK)
		goto out_unlock;
	ret = -EUCLEAN;
	if (inode.size >= fs->block_size || inode.size == 0) {
		pr_err("inode %u: bad symlink size %llu\n", ino,
		       (unsigned long long)inode.size);
		goto out_unlock;
	}
	n = (size_t)min((u64)len - 1, inode.size);
	if (ext2_fast_symlink(fs, &inode)) {
		memcpy(buf, inode.raw + I_BLOCK, n);
		ret = 0;
	} else {
		ret = ext2_read_data(fs, &inode, 0, buf, n);
		ret = ret == (ssize_t)n ? 0 : (ret < 0 ? ret : -EUCLEAN);
	}
	if (!ret) {
		buf[n] = '\0';
		ret = (ssize_t)inode.size;
	}
out_unlock:
	mutex_unlock(&fs->lock);
	return (int)ret;
}
