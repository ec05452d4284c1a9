// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS file data: blocks read and written through the block tree.
 *
 * A block is written as one DATA object naming its inode and block
 * number; trailing zero bytes are not stored (an all-zero block over an
 * existing one is an empty object; where nothing was, a hole), so sparse
 * files cost nothing.  Partial-block writes read, patch
 * and rewrite the block.
 *
 * Layer: above tree.c and log.c, below dir.c and namei.c.
 * Locking: fs->lock held.  Must not know: paths, directories.
 */
#define pr_fmt(fmt) "logfs: " fmt
#include "logfs_priv.h"

/**
 * logfs_read_block() - read block @blk of an inode (a hole reads as zeros)
 * @fs: filesystem
 * @di: the inode
 * @ino: its number
 * @blk: block number
 * @buf: LOGFS_BLOCK_SIZE bytes
 *
 * Return: 0, -EUCLEAN (the pointer names a wrong or corrupt object), -EIO.
 */
int logfs_read_block(struct logfs *fs, struct logfs_inode *di, u32 ino,
		     u64 blk, void *buf)
{
	struct logfs_obj_hdr h;
	u64 loc;
	int ret;

	ret = logfs_tree_get(fs, di, ino, blk, &loc);
	if (ret)
		return ret;
	if (!loc) {
		memset(buf, 0, LOGFS_BLOCK_SIZE);
		return 0;
	}
	ret = logfs_read_obj(fs, loc, &h, buf);
	if (ret)
		return ret;
	if (h.type != LOGFS_OBJ_DATA || h.ino != ino || h.index != blk) {
		pr_err("inode %u block %llu: pointer names object %u/%llu\n",
		       ino, (unsigned long long)blk, h.ino,
		       (unsigned long long)h.index);
		logfs_set_ro(fs, -EUCLEAN, "tree points at a wrong object");
		return -EUCLEAN;
	}
	memset((u8 *)buf + h.raw_len, 0, LOGFS_BLOCK_SIZE - h.raw_len);
	return 0;
}

/**
 * logfs_write_block() - write block @blk of an inode (zeros: a hole)
 * @fs: filesystem
 * @di: the inode (the caller marks it dirty)
 * @ino: its number
 * @blk: block number
 * @buf: LOGFS_BLOCK_SIZE bytes
 * @flags: object flags
 *
 * Return: 0, -EFBIG, -ENOSPC, -EROFS, -EIO.
 */
int logfs_write_block(struct logfs *fs, struct logfs_inode *di, u32 ino,
		      u64 blk, const void *buf, u8 flags)
{
	const u8 *p = buf;
	u32 len = LOGFS_BLOCK_SIZE;
	u64 loc;
	int ret;

	while (len && !p[len - 1])
		len--;
	if (!len) {
		/*
		 * Zeros over an existing block: log an empty DATA object
		 * rather than punching a hole, so that replay sees it too.
		 */
		ret = logfs_tree_get(fs, di, ino, blk, &loc);
		if (ret || !loc || ino == LOGFS_INO_IFILE)
			return ret ? ret : logfs_tree_set(fs, di, ino, blk, 0);
	}
	ret = logfs_write_obj(fs, LOGFS_OBJ_DATA, flags, ino, blk, buf, len, len,
			      &loc);
	if (ret)
		return ret;
	return logfs_tree_set(fs, di, ino, blk, loc);
}

/**
 * logfs_file_read() - read from a file
 * Return: bytes read (short at EOF), or -errno.
 */
s64 logfs_file_read(struct logfs *fs, struct logfs_inode_info *ii, void *buf,
		    u64 len, u64 off)
{
	u64 done = 0, n, blk;
	u32 in;
	int ret;

	if (off >= ii->di.size)
		return 0;
	len = min(len, ii->di.size - off);
	while (done < len) {
		blk = (off + done) >> LOGFS_BLOCK_SHIFT;
		in = (u32)((off + done) & (LOGFS_BLOCK_SIZE - 1));
		n = min(len - done, (u64)(LOGFS_BLOCK_SIZE - in));
		ret = logfs_read_block(fs, &ii->di, ii->ino, blk, fs->blk);
		if (ret)
			return ret;
		memcpy((u8 *)buf + done, fs->blk + in, n);
		done += n;
	}
	return (s64)done;
}

/**
 * logfs_file_write() - write to a file (the caller bounds @len to a
 * transaction) and update size and times
 * Return: bytes written or -errno.
 */
s64 logfs_file_write(struct logfs *fs, struct logfs_inode_info *ii,
		     const void *buf, u64 len, u64 off)
{
	u64 done = 0, n, blk;
	u32 in;
	int ret;

	while (done < len) {
		blk = (off + done) >> LOGFS_BLOCK_SHIFT;
		in = (u32)((off + done) & (LOGFS_BLOCK_SIZE - 1));
		n = min(len - done, (u64)(LOGFS_BLOCK_SIZE - in));
		if (n < LOGFS_BLOCK_SIZE) {
			ret = logfs_read_block(fs, &ii->di, ii->ino, blk, fs->blk);
			if (ret)
				return ret;
		}
		memcpy(fs->blk + in, (const u8 *)buf + done, n);
		ret = logfs_write_block(fs, &ii->di, ii->ino, blk, fs->blk, 0);
		if (ret)
			return ret;
		done += n;
	}
	if (off + len > ii->di.size)
		ii->di.size = off + len;
	ii->di.mtime_ns = ii->di.ctime_ns = logfs_now(fs);
	logfs_inode_touch(fs, ii);
	return (s64)done;
}

/**
 * logfs_file_truncate() - set a file's size (growing makes a hole)
 * Return: 0 or -errno.
 */
int logfs_file_truncate(struct logfs *fs, struct logfs_inode_info *ii, u64 size)
{
	u32 tail = (u32)(size & (LOGFS_BLOCK_SIZE - 1));
	u64 blk = size >> LOGFS_BLOCK_SHIFT;
	int ret;

	if (size < ii->di.size) {
		if (tail) {
			ret = logfs_read_block(fs, &ii->di, ii->ino, blk, fs->blk);
			if (ret)
				return ret;
			memset(fs->blk + tail, 0, LOGFS_BLOCK_SIZE - tail);
			ret = logfs_write_block(fs, &ii->di, ii->ino, blk,
						fs->blk, 0);
			if (ret)
				return ret;
		}
		ret = logfs_tree_truncate(fs, &ii->di, ii->ino,
					  DIV_ROUND_UP(size, LOGFS_BLOCK_SIZE));
		if (ret)
			return ret;
	}
	ii->di.size = size;
	ii->di.mtime_ns = ii->di.ctime_ns = logfs_now(fs);
	return logfs_inode_touch(fs, ii);
}
