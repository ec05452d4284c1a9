// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS orphans: regular files unlinked (or renamed over) while open.
 *
 * POSIX keeps such a file's data until its last handle closes.  Dropping
 * its last link therefore only sets nlink to 0 (logged like any inode
 * change) and puts the inode number in fs->orphans; the last close frees
 * the inode in a transaction of its own.  The table is part of every
 * anchor, and replay rebuilds it from the INODE objects after the anchor
 * (nlink 0 and a mode: an orphan; mode 0: freed), so after a power cut
 * mount knows every orphan without scanning the inode file, and frees
 * them (no handle survives a reboot).  Like UBIFS, the table is bounded:
 * with LOGFS_MAX_ORPHANS open unlinked files, one more unlink of an open
 * file fails with -ENFILE before it changes anything.
 *
 * Layer: beside namei.c (which calls it on unlink, rename and close),
 * replay.c and super.c.  Locking: fs->lock held.  Must not know: paths.
 */
#define pr_fmt(fmt) "logfs: " fmt
#include "logfs_priv.h"

/** logfs_orphan_is() - is @ino in the orphan table? */
bool logfs_orphan_is(struct logfs *fs, u32 ino)
{
	u32 i;

	for (i = 0; i < fs->nr_orphans; i++)
		if (fs->orphans[i] == ino)
			return true;
	return false;
}

static bool logfs_orphan_would(struct logfs_inode_info *ii)
{
	return (ii->di.mode & LOGFS_S_IFMT) == LOGFS_S_IFREG &&
	       ii->di.nlink <= 1 && ii->open_count;
}

/**
 * logfs_orphan_room() - may the last link of @ii go now? (check first)
 * Return: 0, or -ENFILE when @ii is open and the orphan table is full.
 */
int logfs_orphan_room(struct logfs *fs, struct logfs_inode_info *ii)
{
	if (!logfs_orphan_would(ii) || fs->nr_orphans < LOGFS_MAX_ORPHANS)
		return 0;
	pr_warn("orphan table full (%u unlinked files open)\n", fs->nr_orphans);
	return -ENFILE;
}

/**
 * logfs_orphan_add() - drop the last link of an open file, keep the file
 * @fs: filesystem
 * @ii: a regular file with nlink <= 1 and open handles
 *
 * Part of the caller's transaction: the INODE object it logs (nlink 0)
 * is what replay sees.
 * Return: 0, or -ENFILE (the caller checked logfs_orphan_room() first).
 */
int logfs_orphan_add(struct logfs *fs, struct logfs_inode_info *ii)
{
	if (!logfs_orphan_is(fs, ii->ino)) {
		if (fs->nr_orphans >= LOGFS_MAX_ORPHANS)
			return -ENFILE;
		fs->orphans[fs->nr_orphans++] = ii->ino;
	}
	ii->di.nlink = 0;
	ii->di.ctime_ns = logfs_now(fs);
	return logfs_inode_touch(fs, ii);
}

/** logfs_orphan_del() - forget @ino in the orphan table (if there) */
void logfs_orphan_del(struct logfs *fs, u32 ino)
{
	u32 i;

	for (i = 0; i < fs->nr_orphans; i++) {
		if (fs->orphans[i] != ino)
			continue;
		fs->orphans[i] = fs->orphans[--fs->nr_orphans];
		fs->orphans[fs->nr_orphans] = 0;
		return;
	}
}

/**
 * logfs_orphan_replay() - keep the table in step with a replayed inode
 * @fs: filesystem
 * @ino: inode number
 * @di: the inode as the INODE object recorded it
 *
 * Return: 0, or -EUCLEAN (more orphans than the table holds: the medium
 * is not what this code wrote).
 */
int logfs_orphan_replay(struct logfs *fs, u32 ino, const struct logfs_inode *di)
{
	if (!di->mode || di->nlink) {
		logfs_orphan_del(fs, ino);
		return 0;
	}
	if ((di->mode & LOGFS_S_IFMT) != LOGFS_S_IFREG)
		return -EUCLEAN;
	if (logfs_orphan_is(fs, ino))
		return 0;
	if (fs->nr_orphans >= LOGFS_MAX_ORPHANS)
		return -EUCLEAN;
	fs->orphans[fs->nr_orphans++] = ino;
	return 0;
}

/**
 * logfs_orphan_release() - the last handle of @ii closed: free an orphan
 * @fs: filesystem
 * @ii: the inode (open_count already 0)
 *
 * One transaction; if it cannot run (read-only), the orphan stays in the
 * table and the next mount frees it.
 * Return: 0 (also when @ii is not an orphan), -EROFS, -ENOSPC, -EIO.
 */
int logfs_orphan_release(struct logfs *fs, struct logfs_inode_info *ii)
{
	int ret;

	if (!ii->di.mode || ii->di.nlink || ii->open_count)
		return 0;
	ret = logfs_txn_begin(fs, 0);
	if (ret)
		return ret;
	ret = logfs_inode_free(fs, ii);
	if (!ret)
		logfs_orphan_del(fs, ii->ino);
	if (!ret)
		ret = logfs_txn_end(fs, ii);
	if (ret)
		logfs_set_ro(fs, ret, "freeing an orphan failed half-way");
	return ret;
}

/**
 * logfs_orphans_cleanup() - mount: free every orphan (nothing is open)
 * Return: 0 or -errno (the fs is then read-only; the orphans stay listed).
 */
int logfs_orphans_cleanup(struct logfs *fs)
{
	struct logfs_inode_info *ii;
	u32 ino;
	int ret;

	while (fs->nr_orphans) {
		ino = fs->orphans[fs->nr_orphans - 1];
		ii = logfs_iget(fs, ino);
		if (IS_ERR(ii))
			return PTR_ERR(ii);
		if (!ii->di.mode || ii->di.nlink) {
			/* freed or relinked after all: nothing to do */
			pr_notice("orphan %u: not an orphan any more\n", ino);
			logfs_orphan_del(fs, ino);
			continue;
		}
		pr_info("freeing orphan inode %u (%llu bytes)\n", ino,
			(unsigned long long)ii->di.size);
		ret = logfs_orphan_release(fs, ii);
		if (ret)
			return ret;
		logfs_orphan_del(fs, ino);	/* (done already) the loop ends */
	}
	return 0;
}
