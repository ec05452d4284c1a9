// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS replay: roll the log forward from the anchor's head.
 *
 * Objects are read in order through the head segment and then the planned
 * segments, as long as each is valid and carries the next sequence
 * number.  A transaction is applied once its LOGFS_OF_LAST object has been
 * read: DATA objects re-point their block (the alias of the tree update
 * the commit had not written yet), INODE objects restore the inode's
 * attributes (freeing it, or cutting its tree, as the size says; nlink 0
 * puts it in the orphan table, orphan.c).  Node
 * and inode-file objects are commit or GC output and need no replay.
 * Reads are bounded by the plan (a few segments), not by the medium.
 *
 * Layer: above tree/inode/file; called by mount (super.c).
 * Locking: the mounting thread owns the fs.  Must not know: paths.
 */
#define pr_fmt(fmt) "logfs: " fmt
#include "logfs_priv.h"

struct logfs_cursor {
	u32 seg, ofs, plan_idx;
	u64 sqnum;
};

/* Next object position, moving through the plan; false at its end. */
static bool logfs_cursor_next(struct logfs *fs, struct logfs_cursor *c,
			      u32 plan_count, const u32 *plan)
{
	if (fs->seg_size - c->ofs >= LOGFS_HDR)
		return true;
	if (c->plan_idx >= plan_count)
		return false;
	c->seg = plan[c->plan_idx++];
	c->ofs = 0;
	return true;
}

static int logfs_replay_inode(struct logfs *fs, u32 ino,
			      const struct logfs_inode *src)
{
	struct logfs_inode_info *ii;
	struct logfs_inode keep;
	int ret = 0;

	if (ino == LOGFS_INO_IFILE || ino >= 0x7fffffffu)
		return -EUCLEAN;
	if (ino >= fs->next_ino)
		fs->next_ino = ino + 1;
	ii = logfs_iget(fs, ino);
	if (IS_ERR(ii))
		return PTR_ERR(ii);
	keep = ii->di;
	pr_debug("replay: inode %u mode %o size %llu (was %llu)\n", ino,
		 src->mode, (unsigned long long)src->size,
		 (unsigned long long)keep.size);
	ret = logfs_orphan_replay(fs, ino, src);
	if (ret)
		return ret;
	if (!src->mode) {
		ret = logfs_inode_free(fs, ii);
		ii->txn = false;
		return ret;
	}
	ii->di = *src;
	ii->di.root = keep.root;
	ii->di.height = keep.height;
	if (src->size < keep.size || !keep.mode)
		ret = logfs_tree_truncate(fs, &ii->di, ino,
					  DIV_ROUND_UP(src->size, LOGFS_BLOCK_SIZE));
	logfs_inode_dirty(fs, ii);
	return ret;
}

static int logfs_replay_data(struct logfs *fs, const struct logfs_obj_hdr *h,
			     u64 loc)
{
	struct logfs_inode_info *ii;

	if (h->ino == LOGFS_INO_IFILE)
		return 0;	/* commit/GC output: the anchor has it */
	if (h->ino >= fs->next_ino)
		fs->next_ino = h->ino + 1;
	ii = logfs_iget(fs, h->ino);
	if (IS_ERR(ii))
		return PTR_ERR(ii);
	pr_debug("replay: data %u/%llu at %u:%u len %u\n", h->ino,
		 (unsigned long long)h->index, LOGFS_LOC_SEG(loc),
		 LOGFS_LOC_OFS(loc), h->raw_len);
	logfs_obj_live(fs, loc);
	logfs_inode_dirty(fs, ii);
	return logfs_tree_set(fs, &ii->di, h->ino, h->index, loc);
}

/* Apply the objects from @from up to (not including) @to. */
static int logfs_replay_apply(struct logfs *fs, struct logfs_cursor from,
			      const struct logfs_cursor *to, u32 plan_count,
			      const u32 *plan)
{
	struct logfs_inode di;
	struct logfs_obj_hdr h;
	u32 total;
	int ret;

	while (from.sqnum < to->sqnum) {
		if (!logfs_cursor_next(fs, &from, plan_count, plan))
			return -EUCLEAN;
		ret = logfs_read_obj_at(fs, from.seg, from.ofs, &h, NULL,
					fs->seg_size);
		if (ret)
			return ret;
		total = LOGFS_HDR + h.len;
		if (h.type == LOGFS_OBJ_INODE) {
			if (h.len != LOGFS_INODE_SIZE)
				return -EUCLEAN;
			memcpy(&di, fs->obuf + LOGFS_HDR, sizeof(di));
			ret = logfs_replay_inode(fs, h.ino, &di);
		} else if (h.type == LOGFS_OBJ_DATA) {
			ret = logfs_replay_data(fs, &h,
						LOGFS_LOC(from.seg, from.ofs, total));
		}
		if (ret)
			return ret;
		from.sqnum++;
		from.ofs = logfs_skip_to(fs, from.ofs + total);
	}
	return 0;
}

/**
 * logfs_replay() - apply the complete transactions after the anchor
 * @fs: filesystem with the anchor loaded
 * @dirty: set if anything was found after the anchor's head (applied or
 *	   not): the log must then go on in a fresh segment
 *
 * Return: 0, -EUCLEAN, -EIO, -ENOMEM.
 */
int logfs_replay(struct logfs *fs, bool *dirty)
{
	struct logfs_cursor c = { fs->head_seg, fs->head_ofs, 0, fs->sqnum };
	struct logfs_cursor txn = c;
	u32 plan[LOGFS_MAX_PLAN], plan_count = fs->plan_count, used;
	struct logfs_obj_hdr h;
	int ret, n = 0;

	memcpy(plan, fs->plan, sizeof(plan));
	*dirty = false;
	while (logfs_cursor_next(fs, &c, plan_count, plan)) {
		ret = logfs_read_obj_at(fs, c.seg, c.ofs, &h, NULL, fs->seg_size);
		if (ret == -EUCLEAN || (!ret && h.sqnum != c.sqnum))
			break;
		if (ret)
			return ret;
		if (!*dirty)
			pr_debug("replay: first object type %u ino %u sq %llu at %u:%u (anchor head %u:%u)\n",
				 h.type, h.ino, (unsigned long long)h.sqnum, c.seg,
				 c.ofs, fs->head_seg, fs->head_ofs);
		*dirty = true;
		if (fs->sut[c.seg] == LOGFS_SEG_FREE)
			fs->sut[c.seg] = 0;	/* a planned segment now in use */
		c.sqnum++;
		c.ofs = logfs_skip_to(fs, c.ofs + LOGFS_HDR + h.len);
		if (h.flags & LOGFS_OF_LAST) {
			ret = logfs_replay_apply(fs, txn, &c, plan_count, plan);
			if (ret) {
				pr_err("replay failed at object %llu: %d\n",
				       (unsigned long long)txn.sqnum, ret);
				return ret;
			}
			txn = c;
			n++;
		}
	}
	/* planned segments replay went through are no longer planned */
	used = c.plan_idx;
	fs->plan_count = plan_count - used;
	memmove(fs->plan, plan + used, fs->plan_count * sizeof(u32));
	fs->head_seg = c.seg;
	fs->sqnum = c.sqnum;
	if (*dirty)
		pr_notice("replayed %d transactions\n", n);
	return 0;
}
