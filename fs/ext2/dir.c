// SPDX-License-Identifier: GPL-2.0
/*
 * ext2 directories: linear scan of directory blocks, readdir and path
 * lookup.  An htree (dir_index) directory is also a valid linear directory.
 *
 * Layer: over inode.c.  Every entry is checked (record length aligned,
 * large enough for its name, inside its block) before its name is used.
 * Locking: fs->lock, taken by the public functions.
 */
#define pr_fmt(fmt) "ext2: " fmt
#include "internal.h"

/* Decode the entry at @pos of directory @dir into @de; advance *pos. */
static int ext2_next_entry(struct ext2_fs *fs, const struct ext2_inode *dir,
			   u64 *pos, struct ext2_dirent *de)
{
	while (*pos < dir->size) {
		u32 off = (u32)(*pos % fs->block_size), pblk, rec, nlen;
		const u8 *e;
		int ret;

		ret = ext2_bmap(fs, dir, *pos / fs->block_size, &pblk);
		if (!ret && !pblk)
			ret = -EUCLEAN;		/* directories have no holes */
		if (!ret)
			ret = ext2_read_block(fs, pblk, fs->buf);
		if (ret)
			return ret;
		e = fs->buf + off;
		/*
		 * The fixed 8-byte header must be inside the block before any
		 * field of it is read: a previous record may end fewer than 8
		 * bytes before the block's end, and a cookie may be anywhere.
		 */
		if (off % 4 || off + 8 > fs->block_size) {
			rec = 0;
			nlen = 0;
		} else {
			rec = get_le16(e + DE_REC_LEN);
			nlen = fs->filetype ? e[DE_NAME_LEN] : get_le16(e + DE_NAME_LEN);
		}
		if (rec < 8 || rec % 4 ||
		    rec > fs->block_size - off || nlen + 8 > rec ||
		    nlen > EXT2_NAME_LEN) {
			pr_err("dir %u: bad entry at %llu\n", dir->ino,
			       (unsigned long long)*pos);
			return -EUCLEAN;
		}
		*pos += rec;
		de->ino = get_le32(e + DE_INODE);
		if (!de->ino)
			continue;
		de->type = fs->filetype ? e[DE_FILE_TYPE] : 0;
		memcpy(de->name, e + DE_NAME, nlen);
		de->name[nlen] = '\0';
		return 1;
	}
	return 0;
}

static int ext2_read_dir_inode(struct ext2_fs *fs, u32 ino,
			       struct ext2_inode *dir)
{
	int ret = ext2_read_inode(fs, ino, dir);

	if (ret)
		return ret;
	if ((dir->mode & EXT2_S_IFMT) != EXT2_S_IFDIR)
		return -ENOTDIR;
	/* a directory cannot be larger than the filesystem */
	if (dir->size % fs->block_size ||
	    dir->size > (u64)fs->blocks_count * fs->block_size) {
		pr_err("dir %u: bad size %llu\n", ino,
		       (unsigned long long)dir->size);
		return -EUCLEAN;
	}
	return 0;
}

/**
 * ext2_readdir() - next entry of a directory
 * @fs: filesystem
 * @ino: directory inode
 * @cookie: position, 0 to start
 * @de: the entry
 *
 * Return: 1 with an entry, 0 at the end, or -errno.
 */
int ext2_readdir(struct ext2_fs *fs, u32 ino, u64 *cookie, struct ext2_dirent *de)
{
	struct ext2_inode dir;
	int ret;

	mutex_lock(&fs->lock);
	ret = ext2_read_dir_inode(fs, ino, &dir);
	if (!ret)
		ret = ext2_next_entry(fs, &dir, cookie, de);
	mutex_unlock(&fs->lock);
	return ret;
}

static int ext2_find(struct ext2_fs *fs, u32 dir_ino, const char *name,
		     size_t nlen, u32 *ino)
{
	struct ext2_dirent *de;
	struct ext2_inode dir;
	u64 pos = 0;
	int ret;

	ret = ext2_read_dir_inode(fs, dir_ino, &dir);
	if (ret)
		return ret;
	de = kmalloc(sizeof(*de), GFP_KERNEL);
	if (!de)
		return -ENOMEM;
	while ((ret = ext2_next_entry(fs, &dir, &pos, de)) > 0) {
		if (strlen(de->name) == nlen && !memcmp(de->name, name, nlen)) {
			*ino = de->ino;
			break;
		}
	}
	kfree(de);
	if (ret == 0)
		return -ENOENT;
	return ret < 0 ? ret : 0;
}

/**
 * ext2_lookup() - resolve a path from the root (symlinks not followed)
 * @fs: filesystem
 * @path: the path
 * @ino: result
 *
 * Return: 0, -ENOENT, -ENOTDIR, -ENAMETOOLONG, -EUCLEAN, -ENOMEM, -EIO.
 */
int ext2_lookup(struct ext2_fs *fs, const char *path, u32 *ino)
{
	u32 cur = EXT2_ROOT_INO;
	int ret = 0;

	mutex_lock(&fs->lock);
	while (*path) {
		const char *end;
		size_t n;

		while (*path == '/')
			path++;
		if (!*path)
			break;
		end = strchr(path, '/');
		n = end ? (size_t)(end - path) : strlen(path);
		if (n > EXT2_NAME_LEN) {
			ret = -ENAMETOOLONG;
			break;
		}
		ret = ext2_find(fs, cur, path, n, &cur);
		if (ret)
			break;
		path += n;
	}
	mutex_unlock(&fs->lock);
	if (!ret)
		*ino = cur;
	return ret;
}
