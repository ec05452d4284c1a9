// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS inodes: the inode cache and the inode file.
 *
 * Inode n lives at byte n * 128 of the inode file (ino 0, whose own inode
 * is in the anchor).  A changed inode is logged at once as an INODE object
 * (by the transaction, commit.c) and stays dirty in the cache; the commit
 * writes dirty inodes into inode-file blocks, a block at a time.  An
 * inode-file block whose inodes are all free becomes a hole.
 *
 * Numbers are handed out in order up to fs->max_ino (sized from the
 * medium, so the anchor's next_ino stays in the range mount accepts and
 * fsck's per-inode tables stay small); after that a free number is
 * searched for in the inode file, as the original LogFS does.  Only a
 * number whose freeing is committed is reused: nothing of the old file
 * can then be in the log tail that replay reads.
 *
 * Layer: above tree.c/file.c's block I/O, below dir.c and namei.c.
 * Locking: fs->lock held.  Must not know: paths, directory format.
 */
#define pr_fmt(fmt) "logfs: " fmt
#include "logfs_priv.h"

/** logfs_now() - current time for timestamps */
s64 logfs_now(struct logfs *fs)
{
	return fs->cfg.now ? fs->cfg.now() : (s64)ktime_get_ns();
}

/**
 * logfs_inode_read_raw() - read inode @ino from the inode file
 * Return: 0 (a free or never-used inode reads as zeros), -EUCLEAN, -EIO.
 */
int logfs_inode_read_raw(struct logfs *fs, u32 ino, struct logfs_inode *di)
{
	u32 blk = ino / LOGFS_INODES_PER_BLOCK;
	int ret;

	ret = logfs_read_block(fs, &fs->ifile, LOGFS_INO_IFILE, blk, fs->blk2);
	if (ret)
		return ret;
	memcpy(di, fs->blk2 + (ino % LOGFS_INODES_PER_BLOCK) * LOGFS_INODE_SIZE,
	       sizeof(*di));
	/* nlink 0 only for an orphan: a regular file unlinked while open */
	if (di->mode && (di->height > LOGFS_MAX_HEIGHT ||
			 (!di->nlink &&
			  (di->mode & LOGFS_S_IFMT) != LOGFS_S_IFREG))) {
		pr_err("inode %u: corrupt (height %u, nlink %u)\n", ino,
		       di->height, di->nlink);
		logfs_set_ro(fs, -EUCLEAN, "corrupt inode");
		return -EUCLEAN;
	}
	return 0;
}

/**
 * logfs_iget() - the cached inode @ino, reading it if needed
 *
 * Valid until the end of the current call (or while open).
 * Return: the inode (mode 0 if free) or ERR_PTR(-ENOENT / -EUCLEAN /
 * -EIO / -ENOMEM).
 */
struct logfs_inode_info *logfs_iget(struct logfs *fs, u32 ino)
{
	struct logfs_inode_info *ii;
	int ret;

	if (ino == LOGFS_INO_IFILE || ino >= fs->next_ino)
		return ERR_PTR(-ENOENT);
	list_for_each_entry(ii, &fs->inodes, list) {
		if (ii->ino == ino) {
			list_move_tail(&ii->list, &fs->inodes);
			return ii;
		}
	}
	ii = kzalloc(sizeof(*ii), GFP_KERNEL);
	if (!ii)
		return ERR_PTR(-ENOMEM);
	ret = logfs_inode_read_raw(fs, ino, &ii->di);
	if (ret) {
		kfree(ii);
		return ERR_PTR(ret);
	}
	ii->ino = ino;
	list_add_tail(&ii->list, &fs->inodes);
	fs->nr_inodes++;
	return ii;
}

/** logfs_iput() - nothing to do; the cache is trimmed between calls */
void logfs_iput(struct logfs *fs, struct logfs_inode_info *ii)
{
}

/**
 * logfs_inode_dirty() - the inode differs from the inode file (no log)
 * Return: 0.
 */
int logfs_inode_dirty(struct logfs *fs, struct logfs_inode_info *ii)
{
	if (!ii->dirty)
		fs->nr_dirty_inodes++;
	ii->dirty = true;
	return 0;
}

/**
 * logfs_inode_touch() - changed by the running transaction: dirty, and
 * logged as an INODE object when the transaction ends
 * Return: 0.
 */
int logfs_inode_touch(struct logfs *fs, struct logfs_inode_info *ii)
{
	ii->txn = true;
	return logfs_inode_dirty(fs, ii);
}

/**
 * logfs_inode_new() - allocate an inode with @mode (nlink 0, times now)
 * Return: the inode or ERR_PTR(-ENOSPC / -ENOMEM).
 */
/** logfs_inode_cached() - is inode @ino in the cache (in use, or changed)? */
bool logfs_inode_cached(struct logfs *fs, u32 ino)
{
	struct logfs_inode_info *ii;

	list_for_each_entry(ii, &fs->inodes, list)
		if (ii->ino == ino)
			return true;
	return false;
}

/*
 * A number free in the committed inode file and not in the cache (a
 * cached inode is in use, or freed by a call not yet committed).  The
 * search goes on from where the last one stopped, once round.
 * Return: 0 with *ino, -ENOSPC (every number in use), -EUCLEAN, -EIO.
 */
static int logfs_ino_find_free(struct logfs *fs, u32 *ino)
{
	u32 first = LOGFS_INO_ROOT + 1, n = fs->next_ino - first, cur, i;
	const struct logfs_inode *di;
	int ret;

	cur = fs->ino_cursor;
	for (i = 0; i < n; i++, cur++) {
		if (cur < first || cur >= fs->next_ino)
			cur = first;
		if (i == 0 || cur % LOGFS_INODES_PER_BLOCK == 0 || cur == first) {
			ret = logfs_read_block(fs, &fs->ifile, LOGFS_INO_IFILE,
					       cur / LOGFS_INODES_PER_BLOCK,
					       fs->blk2);
			if (ret)
				return ret;
		}
		di = (const struct logfs_inode *)(fs->blk2 + (cur %
				LOGFS_INODES_PER_BLOCK) * LOGFS_INODE_SIZE);
		if (!di->mode && !logfs_inode_cached(fs, cur)) {
			*ino = cur;
			fs->ino_cursor = cur + 1;
			return 0;
		}
	}
	return -ENOSPC;
}

struct logfs_inode_info *logfs_inode_new(struct logfs *fs, u32 mode)
{
	struct logfs_inode_info *ii;
	s64 now = logfs_now(fs);
	u32 ino = fs->next_ino;
	int ret;

	if (fs->next_ino >= fs->max_ino) {
		ret = logfs_ino_find_free(fs, &ino);
		if (ret)
			return ERR_PTR(ret);
	}
	ii = kzalloc(sizeof(*ii), GFP_KERNEL);
	if (!ii)
		return ERR_PTR(-ENOMEM);
	ii->ino = ino;
	if (ino == fs->next_ino)
		fs->next_ino++;
	ii->di.mode = mode;
	ii->di.atime_ns = ii->di.mtime_ns = ii->di.ctime_ns = now;
	ii->di.generation = (u32)fs->commit_seq;
	list_add_tail(&ii->list, &fs->inodes);
	fs->nr_inodes++;
	logfs_inode_touch(fs, ii);
	return ii;
}

/**
 * logfs_inode_free() - drop an inode's data and mark it free
 * Return: 0 or -errno.
 */
int logfs_inode_free(struct logfs *fs, struct logfs_inode_info *ii)
{
	int ret = logfs_tree_truncate(fs, &ii->di, ii->ino, 0);

	memset(&ii->di, 0, sizeof(ii->di));
	logfs_inode_touch(fs, ii);
	return ret;
}

static bool logfs_iblock_free(const u8 *blk)
{
	u32 i;

	for (i = 0; i < LOGFS_INODES_PER_BLOCK; i++)
		if (((const struct logfs_inode *)(blk + i * LOGFS_INODE_SIZE))->mode)
			return false;
	return true;
}

/* Write the inode-file block @blk with every dirty cached inode in it. */
static int logfs_inodes_write_block(struct logfs *fs, u32 blk)
{
	struct logfs_inode_info *ii;
	int ret;

	ret = logfs_read_block(fs, &fs->ifile, LOGFS_INO_IFILE, blk, fs->blk2);
	if (ret)
		return ret;
	list_for_each_entry(ii, &fs->inodes, list) {
		if (!ii->dirty || ii->ino / LOGFS_INODES_PER_BLOCK != blk)
			continue;
		memcpy(fs->blk2 + (ii->ino % LOGFS_INODES_PER_BLOCK) *
		       LOGFS_INODE_SIZE, &ii->di, LOGFS_INODE_SIZE);
		ii->dirty = false;
		fs->nr_dirty_inodes--;
	}
	if (logfs_iblock_free(fs->blk2))
		return logfs_tree_set(fs, &fs->ifile, LOGFS_INO_IFILE, blk, 0);
	return logfs_write_block(fs, &fs->ifile, LOGFS_INO_IFILE, blk, fs->blk2, 0);
}

/**
 * logfs_inodes_write() - put every dirty inode into the inode file (commit)
 * Return: 0 or -errno.
 */
int logfs_inodes_write(struct logfs *fs)
{
	struct logfs_inode_info *ii;
	bool found;
	int ret;

	do {
		found = false;
		list_for_each_entry(ii, &fs->inodes, list) {
			if (!ii->dirty)
				continue;
			found = true;
			ret = logfs_inodes_write_block(fs,
					ii->ino / LOGFS_INODES_PER_BLOCK);
			if (ret)
				return ret;
			break;
		}
	} while (found);
	if (fs->ifile.size < (u64)fs->next_ino * LOGFS_INODE_SIZE)
		fs->ifile.size = (u64)fs->next_ino * LOGFS_INODE_SIZE;
	return 0;
}

/** logfs_inode_trim_cache() - evict clean, closed inodes beyond the limit */
void logfs_inode_trim_cache(struct logfs *fs)
{
	struct logfs_inode_info *ii, *tmp;

	list_for_each_entry_safe(ii, tmp, &fs->inodes, list) {
		if (fs->nr_inodes <= LOGFS_MAX_CLEAN_INODES + fs->nr_dirty_inodes)
			break;
		if (ii->dirty || ii->open_count || ii->txn)
			continue;
		list_del(&ii->list);
		fs->nr_inodes--;
		kfree(ii);
	}
}
