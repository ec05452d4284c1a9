// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS garbage collection.
 *
 * The victim is the used segment with the least live data (the segment
 * usage table counts it).  Its objects are read front to back; each DATA
 * or NODE object still referenced by its tree is moved: a block is
 * rewritten at the log head, a node is marked dirty so the next commit
 * rewrites it.  INODE and PAD objects are dead once committed.  A commit
 * then frees the victim.  Segments kept in reserve (fs->reserve_segs) are
 * never counted as user space, so there is always room to move a victim's
 * live data and commit.
 *
 * Layer: above tree/file/log, called by commit.c's transaction start.
 * Locking: fs->lock held.  Must not know: paths, directories.
 */
#define pr_fmt(fmt) "logfs: " fmt
#include "logfs_priv.h"

static u32 logfs_gc_victim(struct logfs *fs)
{
	u32 i, best = LOGFS_SEG_FREE;

	for (i = LOGFS_JOURNAL_SEGS; i < fs->nr_segs; i++) {
		if (fs->sut[i] == LOGFS_SEG_FREE || !fs->sut[i] ||
		    i == fs->head_seg || logfs_seg_in_plan(fs, i))
			continue;
		if (best == LOGFS_SEG_FREE || fs->sut[i] < fs->sut[best])
			best = i;
	}
	if (best != LOGFS_SEG_FREE && fs->sut[best] >= fs->seg_size - LOGFS_OBJ_MAX)
		return LOGFS_SEG_FREE;	/* nothing worth collecting */
	return best;
}

/* Owner inode of @ino for GC, or NULL if the inode is gone. */
static struct logfs_inode *logfs_gc_owner(struct logfs *fs, u32 ino, int *err)
{
	struct logfs_inode_info *ii;

	*err = 0;
	if (ino == LOGFS_INO_IFILE)
		return &fs->ifile;
	ii = logfs_iget(fs, ino);
	if (IS_ERR(ii)) {
		*err = PTR_ERR(ii) == -ENOENT ? 0 : PTR_ERR(ii);
		return NULL;
	}
	return ii->di.mode ? &ii->di : NULL;
}

static int logfs_gc_data(struct logfs *fs, const struct logfs_obj_hdr *h,
			 u64 loc)
{
	struct logfs_inode *di;
	u64 cur, nloc;
	int ret;

	di = logfs_gc_owner(fs, h->ino, &ret);
	if (!di)
		return ret;
	ret = logfs_tree_get(fs, di, h->ino, h->index, &cur);
	if (ret || cur != loc)
		return ret;
	/* fs->blk holds the payload (read by the caller) */
	ret = logfs_write_obj(fs, LOGFS_OBJ_DATA, 0, h->ino, h->index, fs->blk,
			      h->raw_len, h->raw_len, &nloc);
	if (ret)
		return ret;
	ret = logfs_tree_set(fs, di, h->ino, h->index, nloc);
	if (!ret && h->ino != LOGFS_INO_IFILE)
		ret = logfs_inode_dirty(fs, container_of(di,
					struct logfs_inode_info, di));
	return ret;
}

/* Returns 1 if the node is live (now marked for the commit), 0 if dead. */
static int logfs_gc_node(struct logfs *fs, const struct logfs_obj_hdr *h,
			 u64 loc)
{
	u8 level = (u8)(h->index >> 56);
	u64 index = h->index & ((1ull << 56) - 1), cur;
	struct logfs_inode *di;
	int ret;

	di = logfs_gc_owner(fs, h->ino, &ret);
	if (!di || !level)
		return ret;
	ret = logfs_tree_node_loc(fs, di, h->ino, level, index, &cur);
	if (ret || cur != loc)
		return ret;
	ret = logfs_tree_dirty_node(fs, di, h->ino, level, index);
	if (!ret && h->ino != LOGFS_INO_IFILE)
		ret = logfs_inode_dirty(fs, container_of(di,
					struct logfs_inode_info, di));
	return ret ? ret : 1;
}

/* Move the live objects out of @seg. */
static int logfs_gc_segment(struct logfs *fs, u32 seg)
{
	struct logfs_obj_hdr h;
	u32 ofs = 0, total, nodes = 0;
	int ret;

	while (fs->seg_size - ofs >= LOGFS_HDR && fs->sut[seg]) {
		ret = logfs_read_obj_at(fs, seg, ofs, &h, fs->blk, fs->seg_size);
		if (ret == -EUCLEAN) {
			pr_debug("gc: seg %u stops at %u (sut %u)\n", seg, ofs, fs->sut[seg]);
			break;		/* end of what was written */
		}
		if (ret)
			return ret;
		total = LOGFS_HDR + h.len;
		if (h.type == LOGFS_OBJ_DATA)
			ret = logfs_gc_data(fs, &h, LOGFS_LOC(seg, ofs, total));
		else if (h.type == LOGFS_OBJ_NODE)
			ret = logfs_gc_node(fs, &h, LOGFS_LOC(seg, ofs, total));
		if (ret < 0)
			return ret;
		if (ret)
			nodes += total;		/* live until the commit */
		ofs = logfs_skip_to(fs, ofs + total);
	}
	/*
	 * Every live block has been moved (its old copy accounted dead) and
	 * every live node marked for the commit to rewrite (accounted dead
	 * then): what is still counted must be exactly those nodes.  Any
	 * other figure means the table was wrong; say so (the tests check
	 * st.sut_errors), then count the segment empty: nothing in it is
	 * referenced once the commit has run.
	 */
	if (fs->sut[seg] != nodes) {
		pr_warn("gc: segment %u: usage %u, live nodes %u\n", seg,
			fs->sut[seg], nodes);
		fs->st.sut_errors++;
	}
	fs->sut[seg] = 0;
	return 0;
}

static u32 logfs_gc_emptied(struct logfs *fs)
{
	u32 i, n = 0;

	for (i = LOGFS_JOURNAL_SEGS; i < fs->nr_segs; i++)
		if (fs->sut[i] == 0 && i != fs->head_seg &&
		    !logfs_seg_in_plan(fs, i))
			n++;
	return n;
}

static bool logfs_gc_done(struct logfs *fs, u32 need)
{
	return logfs_log_room(fs) >= need && logfs_free_segs(fs) >= fs->gc_floor;
}

/**
 * logfs_gc_make_room() - collect segments until the plan can take @need
 * bytes and the free segments are back at the floor.  Live data of
 * victims moves to the log (the old copies stay valid until the next
 * commit); once enough victims are empty, or free segments run low, a
 * commit frees them and refills the plan.
 * Return: 0, -ENOSPC (no progress possible), -errno.
 */
int logfs_gc_make_room(struct logfs *fs, u32 need)
{
	u32 victim, stuck = 0;
	u64 before;
	int ret, guard;

	for (guard = 0; guard < 8 * (int)fs->nr_segs; guard++) {
		if (logfs_gc_done(fs, need))
			return 0;
		victim = logfs_gc_victim(fs);
		/* keep a commit's worth of free segments for the commit */
		if (victim != LOGFS_SEG_FREE &&
		    logfs_free_segs(fs) + 1 >= fs->gc_floor &&
		    logfs_free_segs(fs) + logfs_gc_emptied(fs) <
		    fs->gc_floor + fs->plan_want) {
			fs->in_commit = true;
				ret = logfs_gc_segment(fs, victim);
			fs->in_commit = false;
			if (ret)
				return ret;
			fs->st.gc_segs++;
			continue;
		}
		/* progress: free segments plus room left in the log */
		before = (u64)logfs_free_segs(fs) * fs->seg_size + logfs_log_room(fs);
		ret = logfs_commit(fs, false);
		if (ret)
			return ret;
		if ((u64)logfs_free_segs(fs) * fs->seg_size + logfs_log_room(fs) <=
		    before && (victim == LOGFS_SEG_FREE || ++stuck > 2)) {
			pr_debug("gc: no progress: room %u need %u free %u plan %u\n",
				 logfs_log_room(fs), need, logfs_free_segs(fs),
				 fs->plan_count);
			return logfs_log_room(fs) >= need ? 0 : -ENOSPC;
		}
	}
	return logfs_log_room(fs) >= need ? 0 : -ENOSPC;
}
