// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS directories: a directory is a file of 4 KiB blocks holding
 * records (struct logfs_dirent) that never cross a block, like ext2's:
 * rec_len links each record to the next, a record with ino 0 is free
 * space, removing a record folds it into the one before.  "." and ".."
 * are not stored (the inode keeps its parent).  Every record read from
 * the medium is checked; a bad one is -EUCLEAN and the fs turns
 * read-only.
 *
 * Layer: above file.c, below namei.c.  Locking: fs->lock held.
 * Must not know: paths, transactions.
 */
#define pr_fmt(fmt) "logfs: " fmt
#include "logfs_priv.h"

#define DIRENT_HDR	((u32)sizeof(struct logfs_dirent))

static u32 logfs_rec_need(u32 name_len)
{
	return ALIGN_UP(DIRENT_HDR + name_len, 8u);
}

static int logfs_dir_bad(struct logfs *fs, struct logfs_inode_info *dir, u64 blk)
{
	pr_err("directory %u block %llu: corrupt record\n", dir->ino,
	       (unsigned long long)blk);
	logfs_set_ro(fs, -EUCLEAN, "corrupt directory");
	return -EUCLEAN;
}

/* Check the records of a block; 0 or -EUCLEAN. */
static int logfs_dir_check(struct logfs *fs, struct logfs_inode_info *dir,
			   u64 blk, const u8 *b)
{
	u32 ofs = 0;

	while (ofs < LOGFS_BLOCK_SIZE) {
		const struct logfs_dirent *d = (const void *)(b + ofs);

		if (ofs + DIRENT_HDR > LOGFS_BLOCK_SIZE || d->rec_len < DIRENT_HDR ||
		    d->rec_len % 8 || ofs + d->rec_len > LOGFS_BLOCK_SIZE ||
		    (d->ino && (!d->name_len ||
				logfs_rec_need(d->name_len) > d->rec_len)))
			return logfs_dir_bad(fs, dir, blk);
		ofs += d->rec_len;
	}
	return 0;
}

static u64 logfs_dir_blocks(struct logfs_inode_info *dir)
{
	return dir->di.size >> LOGFS_BLOCK_SHIFT;
}

/* Read and check directory block @blk into fs->blk. */
static int logfs_dir_read(struct logfs *fs, struct logfs_inode_info *dir,
			  u64 blk)
{
	int ret = logfs_read_block(fs, &dir->di, dir->ino, blk, fs->blk);

	if (ret)
		return ret;
	if (!((struct logfs_dirent *)fs->blk)->rec_len)
		return logfs_dir_bad(fs, dir, blk);	/* a hole in a directory */
	return logfs_dir_check(fs, dir, blk, fs->blk);
}

/* Find @name: block and offset of its record, and the previous record. */
static int logfs_dir_find(struct logfs *fs, struct logfs_inode_info *dir,
			  const char *name, u32 len, u64 *blkp, u32 *ofsp,
			  u32 *prevp)
{
	u64 blk;
	u32 ofs, prev;
	int ret;

	for (blk = 0; blk < logfs_dir_blocks(dir); blk++) {
		ret = logfs_dir_read(fs, dir, blk);
		if (ret)
			return ret;
		for (ofs = 0, prev = ~0u; ofs < LOGFS_BLOCK_SIZE;) {
			struct logfs_dirent *d = (void *)(fs->blk + ofs);

			if (d->ino && d->name_len == len &&
			    !memcmp(d->name, name, len)) {
				*blkp = blk;
				*ofsp = ofs;
				*prevp = prev;
				return 0;
			}
			prev = ofs;
			ofs += d->rec_len;
		}
	}
	return -ENOENT;
}

/**
 * logfs_dir_lookup() - the inode number @name names in @dir
 * Return: 0, -ENOENT, -EUCLEAN, -EIO.
 */
int logfs_dir_lookup(struct logfs *fs, struct logfs_inode_info *dir,
		     const char *name, u32 len, u32 *ino)
{
	u64 blk;
	u32 ofs, prev;
	int ret = logfs_dir_find(fs, dir, name, len, &blk, &ofs, &prev);

	if (!ret)
		*ino = ((struct logfs_dirent *)(fs->blk + ofs))->ino;
	return ret;
}

static void logfs_dir_fill(struct logfs_dirent *d, const char *name, u32 len,
			   u32 ino, u32 type)
{
	d->ino = ino;
	d->name_len = (u8)len;
	d->type = (u8)type;
	memcpy(d->name, name, len);
}

static int logfs_dir_put(struct logfs *fs, struct logfs_inode_info *dir,
			 u64 blk)
{
	int ret = logfs_write_block(fs, &dir->di, dir->ino, blk, fs->blk, 0);

	if (ret)
		return ret;
	dir->di.mtime_ns = dir->di.ctime_ns = logfs_now(fs);
	return logfs_inode_touch(fs, dir);
}

/**
 * logfs_dir_add() - add @name -> @ino (the caller checked it is absent)
 * Return: 0 or -errno.
 */
int logfs_dir_add(struct logfs *fs, struct logfs_inode_info *dir,
		  const char *name, u32 len, u32 ino, u32 type)
{
	u32 need = logfs_rec_need(len), ofs, used;
	struct logfs_dirent *d, *n;
	u64 blk;
	int ret;

	for (blk = 0; blk < logfs_dir_blocks(dir); blk++) {
		ret = logfs_dir_read(fs, dir, blk);
		if (ret)
			return ret;
		for (ofs = 0; ofs < LOGFS_BLOCK_SIZE; ofs += d->rec_len) {
			d = (void *)(fs->blk + ofs);
			used = d->ino ? logfs_rec_need(d->name_len) : 0;
			if (d->rec_len - used < need)
				continue;
			if (used) {	/* split */
				n = (void *)(fs->blk + ofs + used);
				n->rec_len = d->rec_len - used;
				d->rec_len = used;
				d = n;
			}
			logfs_dir_fill(d, name, len, ino, type);
			return logfs_dir_put(fs, dir, blk);
		}
	}
	memset(fs->blk, 0, LOGFS_BLOCK_SIZE);
	d = (void *)fs->blk;
	d->rec_len = LOGFS_BLOCK_SIZE;
	logfs_dir_fill(d, name, len, ino, type);
	dir->di.size += LOGFS_BLOCK_SIZE;
	return logfs_dir_put(fs, dir, blk);
}

/**
 * logfs_dir_remove() - remove @name
 * Return: 0, -ENOENT, -errno.
 */
int logfs_dir_remove(struct logfs *fs, struct logfs_inode_info *dir,
		     const char *name, u32 len)
{
	struct logfs_dirent *d, *p;
	u32 ofs, prev;
	u64 blk;
	int ret;

	ret = logfs_dir_find(fs, dir, name, len, &blk, &ofs, &prev);
	if (ret)
		return ret;
	d = (void *)(fs->blk + ofs);
	if (prev != ~0u) {
		p = (void *)(fs->blk + prev);
		p->rec_len += d->rec_len;
		memset(d, 0, min((u32)d->rec_len, DIRENT_HDR + d->name_len));
	} else {
		memset(d->name, 0, d->name_len);
		d->ino = 0;
		d->name_len = 0;
		d->type = 0;
	}
	return logfs_dir_put(fs, dir, blk);
}

/**
 * logfs_dir_set() - point the existing @name at @ino (rename over)
 * Return: 0, -ENOENT, -errno.
 */
int logfs_dir_set(struct logfs *fs, struct logfs_inode_info *dir,
		  const char *name, u32 len, u32 ino, u32 type)
{
	struct logfs_dirent *d;
	u32 ofs, prev;
	u64 blk;
	int ret;

	ret = logfs_dir_find(fs, dir, name, len, &blk, &ofs, &prev);
	if (ret)
		return ret;
	d = (void *)(fs->blk + ofs);
	d->ino = ino;
	d->type = (u8)type;
	return logfs_dir_put(fs, dir, blk);
}

/**
 * logfs_dir_iterate() - call @fill(ctx, name, len, ino, type) per entry
 * Return: 0, @fill's first non-zero return, or -errno.
 */
int logfs_dir_iterate(struct logfs *fs, struct logfs_inode_info *dir,
		      logfs_filldir_t fill, void *ctx)
{
	char name[LOGFS_NAME_MAX + 1];
	u8 *copy;
	u32 ofs;
	u64 blk;
	int ret = 0;

	/* @fill may call back into the fs (fsck): walk a private copy */
	copy = kmalloc(LOGFS_BLOCK_SIZE, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	for (blk = 0; blk < logfs_dir_blocks(dir) && !ret; blk++) {
		ret = logfs_dir_read(fs, dir, blk);
		if (ret)
			break;
		memcpy(copy, fs->blk, LOGFS_BLOCK_SIZE);
		for (ofs = 0; ofs < LOGFS_BLOCK_SIZE && !ret;) {
			struct logfs_dirent *d = (void *)(copy + ofs);

			ofs += d->rec_len;
			if (!d->ino)
				continue;
			memcpy(name, d->name, d->name_len);
			name[d->name_len] = 0;
			ret = fill(ctx, name, d->name_len, d->ino, d->type);
		}
	}
	kfree(copy);
	return ret;
}

static int logfs_dir_any(void *ctx, const char *name, u32 len, u32 ino,
			 u32 type)
{
	return 1;
}

/**
 * logfs_dir_empty() - has @dir no entries?
 * Return: 1 empty, 0 not, -errno.
 */
int logfs_dir_empty(struct logfs *fs, struct logfs_inode_info *dir)
{
	int ret = logfs_dir_iterate(fs, dir, logfs_dir_any, NULL);

	if (ret < 0)
		return ret;
	return !ret;
}
