// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS transactions and commits.
 *
 * A transaction is one filesystem call: its DATA objects, then an INODE
 * object for every inode it changed, the last one flagged LOGFS_OF_LAST.
 * Replay applies a transaction only when it finds that flag, so each call
 * is all-or-nothing after a power cut.
 *
 * A commit makes the medium self-contained again: it writes the dirty
 * tree nodes bottom-up, the dirty inodes into the inode file, the inode
 * file's dirty nodes, flushes, then appends an anchor (journal.c) that
 * names the new inode-file root, the log head, the next planned segments
 * and the segment usage.  Segments left without live data become free
 * only in that anchor, so the previous anchor stays valid until the new
 * one is on the medium.  Commits happen between calls: when RAM limits on
 * dirty nodes/inodes are reached, when the planned log space runs short,
 * on sync and on unmount.
 *
 * Layer: above tree.c/inode.c/log.c/journal.c; called by namei.c, gc.c,
 * super.c.  Locking: fs->lock held.  Must not know: paths.
 */
#define pr_fmt(fmt) "logfs: " fmt
#include "logfs_priv.h"

/* Segments without live data are free from this commit on; refill plan. */
static void logfs_commit_segments(struct logfs *fs)
{
	u32 i;

	for (i = LOGFS_JOURNAL_SEGS; i < fs->nr_segs; i++) {
		if (i != fs->head_seg && fs->sut[i] == 0 &&
		    !logfs_seg_in_plan(fs, i))
			fs->sut[i] = LOGFS_SEG_FREE;
	}
	/* the plan never takes the segments GC and commit need */
	for (i = LOGFS_JOURNAL_SEGS; i < fs->nr_segs &&
	     fs->plan_count < fs->plan_want &&
	     logfs_free_segs(fs) > fs->gc_floor; i++) {
		if (fs->sut[i] == LOGFS_SEG_FREE && i != fs->head_seg &&
		    !logfs_seg_in_plan(fs, i))
			fs->plan[fs->plan_count++] = i;
	}
}

/**
 * logfs_commit() - write everything dirty and a new anchor
 * @fs: filesystem
 * @clean: unmount: mark the anchor clean
 *
 * Return: 0 or -errno (the fs is read-only then).
 */
int logfs_commit(struct logfs *fs, bool clean)
{
	int ret;

	if (fs->ro)
		return -EROFS;
	fs->in_commit = true;
	ret = logfs_tree_flush(fs, false);
	if (!ret)
		ret = logfs_inodes_write(fs);
	if (!ret)
		ret = logfs_tree_flush(fs, true);
	if (!ret)
		ret = logfs_log_sync(fs);
	fs->in_commit = false;
	if (ret) {
		logfs_set_ro(fs, ret, "commit failed");
		return ret;
	}
	logfs_commit_segments(fs);
	ret = logfs_journal_write(fs, clean);
	if (ret)
		return ret;
	fs->st.commits++;
	/* no inode trimming here: callers may hold inode pointers */
	logfs_tree_trim_cache(fs);
	return 0;
}

static u64 logfs_live_bytes(struct logfs *fs)
{
	u64 live = 0;
	u32 i;

	for (i = LOGFS_JOURNAL_SEGS; i < fs->nr_segs; i++)
		if (fs->sut[i] != LOGFS_SEG_FREE)
			live += fs->sut[i];
	return live;
}

/**
 * logfs_capacity() - live bytes the log may hold (user space)
 */
static u64 logfs_capacity(struct logfs *fs)
{
	return (u64)(fs->nr_segs - LOGFS_JOURNAL_SEGS - fs->reserve_segs) *
	       fs->seg_size;
}

/**
 * logfs_txn_begin() - make room for a transaction of up to @blocks new
 * blocks (0: a metadata-only call, allowed even when full)
 * Return: 0, -EROFS, -ENOSPC, -EIO.
 */
int logfs_txn_begin(struct logfs *fs, u32 blocks)
{
	u32 need = (blocks + 3) * LOGFS_OBJ_MAX + 8 * (LOGFS_HDR + LOGFS_INODE_SIZE);
	int ret;

	if (fs->ro)
		return -EROFS;
	if (blocks && logfs_live_bytes(fs) + (u64)blocks * LOGFS_OBJ_MAX >
	    logfs_capacity(fs))
		return -ENOSPC;
	if (fs->nr_dirty_nodes > fs->max_dirty_nodes ||
	    fs->nr_dirty_inodes > fs->max_dirty_inodes || fs->commit_wanted ||
	    logfs_log_room(fs) < need) {
		fs->commit_wanted = false;
		ret = logfs_commit(fs, false);
		if (ret)
			return ret;
	}
	if (logfs_log_room(fs) >= need && logfs_free_segs(fs) >= fs->gc_floor)
		return 0;
	ret = logfs_gc_make_room(fs, need);
	if (ret)
		return ret;
	return logfs_log_room(fs) >= need ? 0 : -ENOSPC;
}

/**
 * logfs_txn_end() - log the changed inodes; the last one ends the
 * transaction
 * @fs: filesystem
 * @ii: an inode the call changed, logged last (may be NULL)
 *
 * Return: 0 or -errno (the fs turns read-only: RAM and medium disagree).
 */
int logfs_txn_end(struct logfs *fs, struct logfs_inode_info *ii)
{
	struct logfs_inode_info *it;
	int ret = 0;

	if (ii)
		ii->txn = true;
	list_for_each_entry(it, &fs->inodes, list) {
		if (!it->txn || it == ii || ret)
			continue;
		ret = logfs_write_obj(fs, LOGFS_OBJ_INODE, 0, it->ino, 0, &it->di,
				      LOGFS_INODE_SIZE, LOGFS_INODE_SIZE, NULL);
	}
	if (!ret && ii)
		ret = logfs_write_obj(fs, LOGFS_OBJ_INODE, LOGFS_OF_LAST, ii->ino,
				      0, &ii->di, LOGFS_INODE_SIZE,
				      LOGFS_INODE_SIZE, NULL);
	list_for_each_entry(it, &fs->inodes, list)
		it->txn = false;
	if (ret) {
		logfs_set_ro(fs, ret, "transaction could not be logged");
		return ret;
	}
	logfs_tree_trim_cache(fs);
	logfs_inode_trim_cache(fs);
	return 0;
}
