// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS format, mount, unmount, sync and statfs.
 *
 * Mount reads the newest anchor (journal.c), replays the complete
 * transactions written after it (replay.c) and, unless the anchor was
 * written by a clean unmount, moves the log to a fresh segment and
 * commits, so nothing is ever written over a torn tail.  After a clean
 * anchor it appends an unclean one, so that a later crash is seen.  What it reads is
 * bounded by the journal's slot headers, one anchor and the planned
 * segments — never the whole medium.
 * Sizing: the commit limits (dirty nodes/inodes), the plan and the
 * reserve are derived from the medium's size here.
 *
 * Layer: LogFS's top, with namei.c.  Locking: mount/format own the fs;
 * the others take fs->lock.  Must not know: the backend's kind.
 */
#define pr_fmt(fmt) "logfs: " fmt
#include "logfs_priv.h"

/**
 * logfs_geometry() - derive sizes and limits from the medium
 * Return: 0 or -EINVAL (too small or unusable).
 */
int logfs_geometry(struct logfs *fs, struct logfs_dev *dev)
{
	u64 budget = (u64)dev->nr_segs * dev->seg_size / 32;
	u32 objs = (u32)min(budget / LOGFS_OBJ_MAX, (u64)1000), commit_room;

	fs->dev = dev;
	fs->seg_size = dev->seg_size;
	fs->nr_segs = dev->nr_segs;
	fs->io_unit = dev->io_unit;
	if (!fs->io_unit || fs->io_unit % 8 || fs->seg_size % fs->io_unit ||
	    fs->seg_size < 2 * LOGFS_OBJ_MAX || fs->seg_size > (1u << 24) ||
	    fs->nr_segs > (1u << 20)) {
		pr_err("medium geometry unusable (segment %u, unit %u)\n",
		       fs->seg_size, fs->io_unit);
		return -EINVAL;
	}
	fs->max_dirty_nodes = clamp(objs / 3, 4u, (u32)LOGFS_MAX_DIRTY_NODES);
	fs->max_dirty_inodes = clamp(objs / 3, 4u, (u32)LOGFS_MAX_DIRTY_INODES);
	fs->plan_want = max(4u, DIV_ROUND_UP(2 * (LOGFS_MAX_TXN_BLOCKS + 4) *
					     LOGFS_OBJ_MAX, fs->seg_size));
	commit_room = DIV_ROUND_UP((2 * fs->max_dirty_nodes +
				    fs->max_dirty_inodes + 24) * LOGFS_OBJ_MAX,
				   fs->seg_size) + 1;
	fs->gc_floor = commit_room + 2;
	fs->reserve_segs = fs->plan_want + fs->gc_floor + 1;
	/* an inode takes 128 bytes of the inode file: no more can be live */
	fs->max_ino = (u32)min((u64)fs->nr_segs * fs->seg_size / LOGFS_INODE_SIZE,
			       (u64)0x7fffffffu);
	fs->slot_size = ALIGN_UP(logfs_anchor_len(fs->nr_segs), fs->io_unit);
	fs->nr_slots = fs->seg_size / fs->slot_size;
	if (fs->plan_want > LOGFS_MAX_PLAN || fs->nr_slots < 2 ||
	    fs->nr_segs < LOGFS_JOURNAL_SEGS + fs->reserve_segs + 4) {
		pr_err("medium too small: %u segments of %u bytes\n",
		       fs->nr_segs, fs->seg_size);
		return -EINVAL;
	}
	return 0;
}

/** logfs_ram() - bytes of RAM the mounted filesystem holds */
size_t logfs_ram(struct logfs *fs)
{
	return sizeof(*fs) + fs->wbuf_size + LOGFS_OBJ_MAX +
	       2 * LOGFS_BLOCK_SIZE + fs->nr_segs * sizeof(u32) + fs->slot_size +
	       fs->lz4_size +
	       fs->nr_nodes * sizeof(struct logfs_node) +
	       fs->nr_inodes * sizeof(struct logfs_inode_info);
}

static void logfs_free(struct logfs *fs)
{
	struct logfs_inode_info *ii, *it;
	struct logfs_node *n, *nt;

	list_for_each_entry_safe(n, nt, &fs->nodes, list)
		kfree(n);
	list_for_each_entry_safe(ii, it, &fs->inodes, list)
		kfree(ii);
	logfs_log_free(fs);
	kfree(fs->abuf);
	kfree(fs->blk2);
	kfree(fs->blk);
	mutex_destroy(&fs->lock);
	kfree(fs);
}

static struct logfs *logfs_alloc(struct logfs_dev *dev,
				 const struct logfs_config *cfg)
{
	struct logfs *fs = kzalloc(sizeof(*fs), GFP_KERNEL);
	int ret;

	if (!fs)
		return ERR_PTR(-ENOMEM);
	mutex_init(&fs->lock);
	INIT_LIST_HEAD(&fs->inodes);
	INIT_LIST_HEAD(&fs->nodes);
	if (cfg)
		fs->cfg = *cfg;
	ret = logfs_geometry(fs, dev);
	if (ret) {
		logfs_free(fs);
		return ERR_PTR(ret);
	}
	fs->blk = kmalloc(LOGFS_BLOCK_SIZE, GFP_KERNEL);
	fs->blk2 = kmalloc(LOGFS_BLOCK_SIZE, GFP_KERNEL);
	fs->abuf = kmalloc(fs->slot_size, GFP_KERNEL);
	ret = logfs_log_init(fs);
	if (ret || !fs->blk || !fs->blk2 || !fs->abuf) {
		logfs_free(fs);
		return ERR_PTR(-ENOMEM);
	}
	return fs;
}

/**
 * logfs_format() - write an empty filesystem with a root directory
 * @dev: the medium
 *
 * Return: 0, -EINVAL, -EIO, -ENOMEM.
 */
int logfs_format(struct logfs_dev *dev)
{
	struct logfs *fs = logfs_alloc(dev, NULL);
	struct logfs_inode_info *root;
	u32 i;
	int ret;

	if (IS_ERR(fs))
		return PTR_ERR(fs);
	for (i = 0; i < fs->nr_segs; i++)
		fs->sut[i] = LOGFS_SEG_FREE;
	fs->uuid = (u32)(ktime_get_ns() * 2654435761u) | 1;
	fs->commit_seq = 0;
	fs->next_ino = LOGFS_INO_ROOT;
	/*
	 * Object sequence numbers start at a point that depends on the uuid:
	 * a store formatted before (a block device, where erase writes
	 * nothing) still holds the old filesystem's objects right after the
	 * new log head, and replay must not find them consecutive to ours.
	 */
	fs->sqnum = ((u64)fs->uuid << 24) | 1;
	ret = dev->erase(dev, 0);
	if (!ret)
		ret = dev->erase(dev, 1);
	/* start the log at segment 2 */
	fs->head_seg = LOGFS_JOURNAL_SEGS;
	fs->head_ofs = fs->seg_size;
	fs->plan[0] = LOGFS_JOURNAL_SEGS;
	fs->plan_count = 1;
	if (!ret)
		ret = logfs_next_seg(fs);
	if (ret)
		goto out_free;
	root = logfs_inode_new(fs, LOGFS_S_IFDIR | 0755);
	if (IS_ERR(root)) {
		ret = PTR_ERR(root);
		goto out_free;
	}
	root->di.nlink = 2;
	root->di.parent = LOGFS_INO_ROOT;
	root->txn = false;
	fs->jseg = 0;
	fs->jslot = 0;
	ret = logfs_commit(fs, true);
out_free:
	if (ret)
		pr_err("format failed: %d\n", ret);
	logfs_free(fs);
	return ret;
}

/*
 * After an unclean stop: continue in a fresh segment and commit.  Each
 * such mount takes a segment and leaves the rest of the old head unused
 * until GC.  A run of boots that end before any call collects garbage
 * (a full medium: every write fails, then the power goes) would take one
 * more free segment each, until this very commit found none and the
 * filesystem could no longer be mounted.  So the free segments are
 * brought back to the GC floor here first.
 */
static int logfs_mount_recover(struct logfs *fs)
{
	int ret;

	fs->head_ofs = fs->seg_size;
	fs->wbuf_ofs = fs->seg_size;
	fs->wbuf_len = 0;
	if (logfs_free_segs(fs) < fs->gc_floor) {
		ret = logfs_gc_make_room(fs, 0);
		if (ret && ret != -ENOSPC)
			return ret;
	}
	return logfs_commit(fs, false);
}

/**
 * logfs_mount() - mount the filesystem on @dev
 * @dev: the medium (kept by pointer)
 * @cfg: options; may be NULL
 *
 * Return: the filesystem, or ERR_PTR(-EUCLEAN / -EIO / -ENOMEM / -EINVAL).
 */
struct logfs *logfs_mount(struct logfs_dev *dev, const struct logfs_config *cfg)
{
	struct logfs *fs = logfs_alloc(dev, cfg);
	struct logfs_inode_info *root;
	struct logfs_anchor *a;
	bool dirty;
	int ret;

	if (IS_ERR(fs))
		return fs;
	ret = logfs_journal_load(fs);
	if (ret)
		goto out_free;
	a = (struct logfs_anchor *)fs->abuf;
	ret = logfs_replay(fs, &dirty);
	if (ret)
		goto out_free;
	root = logfs_iget(fs, LOGFS_INO_ROOT);
	if (IS_ERR(root) || (root->di.mode & LOGFS_S_IFMT) != LOGFS_S_IFDIR) {
		pr_err("root directory missing or not a directory\n");
		ret = IS_ERR(root) ? PTR_ERR(root) : -EUCLEAN;
		goto out_free;
	}
	if (fs->cfg.read_only) {
		fs->ro = true;
	} else if (dirty || !(a->flags & LOGFS_AF_CLEAN)) {
		ret = logfs_mount_recover(fs);
		if (ret == -ENOSPC) {
			/*
			 * No segment to recover into: nothing was written (the
			 * medium still holds the old anchor and its log), and
			 * what replay rebuilt in RAM is readable.  Keep the
			 * data reachable rather than refuse the mount.
			 */
			pr_err("no free segment to recover into: mounted read-only\n");
			fs->ro = true;
		} else if (ret) {
			goto out_free;
		}
	} else {
		/* mark the journal "in use": a crash from now on is unclean */
		ret = logfs_journal_write(fs, false);
		if (ret)
			goto out_free;
	}
	if (!fs->ro && fs->nr_orphans) {
		/* no handle survives a reboot: free what unlink left */
		ret = logfs_orphans_cleanup(fs);
		if (ret)
			goto out_free;
	}
	return fs;

out_free:
	pr_err("mount failed: %d\n", ret);
	logfs_free(fs);
	if (ret != -ENOMEM && ret != -EINVAL && ret != -EIO)
		ret = -EUCLEAN;
	return ERR_PTR(ret);
}

/**
 * logfs_unmount() - commit (clean) and free
 * Return: 0 or the commit's error.
 */
int logfs_unmount(struct logfs *fs)
{
	int ret = 0;

	mutex_lock(&fs->lock);
	if (!fs->ro && !fs->cfg.read_only)
		ret = logfs_commit(fs, true);
	mutex_unlock(&fs->lock);
	logfs_free(fs);
	return ret;
}

/**
 * logfs_sync() - commit everything
 * Return: 0, -EROFS, -EIO.
 */
int logfs_sync(struct logfs *fs)
{
	int ret;

	mutex_lock(&fs->lock);
	ret = fs->ro ? -EROFS : logfs_commit(fs, false);
	mutex_unlock(&fs->lock);
	return ret;
}

/**
 * logfs_statfs() - capacity, free space and counters
 * Return: 0.
 */
int logfs_statfs(struct logfs *fs, struct logfs_statfs *st)
{
	u64 cap, live = 0;
	u32 i;

	mutex_lock(&fs->lock);
	*st = fs->st;
	for (i = LOGFS_JOURNAL_SEGS; i < fs->nr_segs; i++)
		if (fs->sut[i] != LOGFS_SEG_FREE)
			live += fs->sut[i];
	cap = (u64)(fs->nr_segs - LOGFS_JOURNAL_SEGS - fs->reserve_segs) *
	      fs->seg_size;
	st->block_size = LOGFS_BLOCK_SIZE;
	st->blocks = cap / LOGFS_OBJ_MAX;
	st->bfree = cap > live ? (cap - live) / LOGFS_OBJ_MAX : 0;
	st->files = fs->next_ino - 1;
	st->name_max = LOGFS_NAME_MAX;
	st->nr_segs = fs->nr_segs;
	st->free_segs = logfs_free_segs(fs);
	st->ram_bytes = logfs_ram(fs);
	st->read_only = fs->ro;
	st->orphans = fs->nr_orphans;
	mutex_unlock(&fs->lock);
	return 0;
}
