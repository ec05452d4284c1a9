// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS journal: the anchor, written by every commit, holding what
 * changes often — the inode file's inode, the log head and plan, the
 * segment usage table, the next inode number, the orphan table.
 *
 * Anchors are appended in fixed slots to journal segment 0 or 1; when one
 * is full the other is erased and continues.  Mount reads one header per
 * slot (stopping at the first slot that is not an anchor at least as new
 * as the one before it) and then checks the newest candidates in full,
 * falling back past a torn one.  A torn anchor keeps the seq its header
 * got on the medium, so the anchors after such a fallback number on from
 * the highest header seen, not from the anchor loaded: one that repeated
 * or undercut a torn header's seq would end the scan there, hide every
 * later anchor, and the mount after would bring back the old anchor once
 * the log had reused its segments.  A header whose seq no writer reaches
 * (unprogrammed bits) stays in the run but takes no part in the order.
 *
 * Layer: beside log.c, on dev.c.  Locking: fs->lock held.
 * Must not know: trees, inodes (the ifile inode is just bytes here).
 */
#define pr_fmt(fmt) "logfs: " fmt
#include <lib/crc32.h>
#include "logfs_priv.h"

/* No commit count gets here: a header at or above it is torn. */
#define LOGFS_SEQ_TORN		(1ull << 62)

/** logfs_anchor_len() - bytes of an anchor for @nr_segs segments */
u32 logfs_anchor_len(u32 nr_segs)
{
	return sizeof(struct logfs_anchor) +
	       (nr_segs + LOGFS_MAX_ORPHANS) * sizeof(u32);
}

/* The orphan table follows the segment usage table. */
static u32 *logfs_anchor_orphans(const struct logfs_anchor *a, u32 nr_segs)
{
	return (u32 *)(a + 1) + nr_segs;
}

static void logfs_anchor_build(struct logfs *fs, bool clean)
{
	struct logfs_anchor *a = (struct logfs_anchor *)fs->abuf;
	u32 len = logfs_anchor_len(fs->nr_segs);

	memset(fs->abuf, 0xff, fs->slot_size);
	memset(a, 0, sizeof(*a));
	a->magic = LOGFS_ANCHOR_MAGIC;
	a->version = LOGFS_FORMAT_VERSION;
	a->flags = clean ? LOGFS_AF_CLEAN : 0;
	a->seq = fs->commit_seq;
	a->sqnum = fs->sqnum;
	a->seg_size = fs->seg_size;
	a->nr_segs = fs->nr_segs;
	a->io_unit = fs->io_unit;
	a->head_seg = fs->head_seg;
	a->head_ofs = fs->head_ofs;
	a->plan_count = fs->plan_count;
	memcpy(a->plan, fs->plan, sizeof(a->plan));
	a->next_ino = fs->next_ino;
	a->uuid = fs->uuid;
	a->len = len;
	a->ifile = fs->ifile;
	memcpy(a + 1, fs->sut, fs->nr_segs * sizeof(u32));
	a->nr_orphans = (u16)fs->nr_orphans;
	memset(logfs_anchor_orphans(a, fs->nr_segs), 0,
	       LOGFS_MAX_ORPHANS * sizeof(u32));
	memcpy(logfs_anchor_orphans(a, fs->nr_segs), fs->orphans,
	       fs->nr_orphans * sizeof(u32));
	a->crc = crc32(0, fs->abuf, len);
}

/**
 * logfs_journal_write() - append an anchor describing the current state
 * @fs: filesystem (the log must be flushed and synced)
 * @clean: unmount: nothing will follow in the log
 *
 * Return: 0 or -errno (the fs turns read-only).
 */
int logfs_journal_write(struct logfs *fs, bool clean)
{
	int ret;

	fs->commit_seq++;
	if (fs->jslot >= fs->nr_slots) {
		fs->jseg = (fs->jseg + 1) % LOGFS_JOURNAL_SEGS;
		fs->jslot = 0;
		ret = fs->dev->erase(fs->dev, fs->jseg);
		if (ret)
			goto out_fail;
	}
	logfs_anchor_build(fs, clean);
	pr_debug("journal: write seq %llu at %u/%u clean %d\n",
		 (unsigned long long)fs->commit_seq, fs->jseg, fs->jslot, clean);
	ret = fs->dev->write(fs->dev, fs->jseg, fs->jslot * fs->slot_size,
			     fs->abuf, fs->slot_size);
	fs->jslot++;	/* a failed slot is never written twice */
	if (!ret)
		ret = fs->dev->sync(fs->dev);
	if (!ret)
		return 0;
out_fail:
	logfs_set_ro(fs, ret, "anchor write failed");
	return ret;
}

static int logfs_anchor_check(struct logfs *fs, struct logfs_anchor *a)
{
	u32 *sut = (u32 *)(a + 1), *orphans, crc = a->crc, i;
	int ok;

	if (a->magic != LOGFS_ANCHOR_MAGIC || a->version != LOGFS_FORMAT_VERSION ||
	    a->nr_segs != fs->nr_segs || a->seg_size != fs->seg_size ||
	    a->io_unit != fs->io_unit || a->len != logfs_anchor_len(fs->nr_segs))
		return -EUCLEAN;
	a->crc = 0;
	ok = crc32(0, a, a->len) == crc;
	a->crc = crc;
	if (!ok)
		return -EUCLEAN;
	if (a->seq >= LOGFS_SEQ_TORN ||
	    a->head_seg < LOGFS_JOURNAL_SEGS || a->head_seg >= fs->nr_segs ||
	    a->head_ofs > fs->seg_size || a->plan_count > LOGFS_MAX_PLAN ||
	    a->ifile.height > LOGFS_MAX_HEIGHT || a->next_ino < 2 ||
	    a->next_ino > (u64)fs->nr_segs * fs->seg_size / 64 + 2)
		goto out_bad;
	for (i = 0; i < a->plan_count; i++)
		if (a->plan[i] < LOGFS_JOURNAL_SEGS || a->plan[i] >= fs->nr_segs)
			goto out_bad;
	for (i = 0; i < fs->nr_segs; i++)
		if (sut[i] != LOGFS_SEG_FREE && sut[i] > fs->seg_size)
			goto out_bad;
	orphans = logfs_anchor_orphans(a, fs->nr_segs);
	if (a->nr_orphans > LOGFS_MAX_ORPHANS)
		goto out_bad;
	for (i = 0; i < a->nr_orphans; i++)
		if (orphans[i] <= LOGFS_INO_ROOT || orphans[i] >= a->next_ino)
			goto out_bad;
	return 0;
out_bad:
	pr_err("anchor %llu: fields out of range\n", (unsigned long long)a->seq);
	return -EUCLEAN;
}

static void logfs_anchor_apply(struct logfs *fs, const struct logfs_anchor *a)
{
	fs->commit_seq = a->seq;
	fs->sqnum = a->sqnum;
	fs->head_seg = a->head_seg;
	fs->head_ofs = a->head_ofs;
	fs->wbuf_ofs = ALIGN_DOWN(a->head_ofs, fs->io_unit);
	fs->wbuf_len = 0;
	fs->plan_count = a->plan_count;
	memcpy(fs->plan, a->plan, sizeof(fs->plan));
	fs->next_ino = a->next_ino;
	fs->uuid = a->uuid;
	fs->ifile = a->ifile;
	memcpy(fs->sut, a + 1, fs->nr_segs * sizeof(u32));
	fs->nr_orphans = a->nr_orphans;
	memcpy(fs->orphans, logfs_anchor_orphans(a, fs->nr_segs),
	       fs->nr_orphans * sizeof(u32));
}

/*
 * Slots of @seg written in this pass of it: [0, *end); *last is the
 * highest seq among their headers (torn ones with a likely seq included).
 */
static int logfs_journal_scan(struct logfs *fs, u32 seg, u32 *end, u64 *last)
{
	struct logfs_anchor a;
	u64 prev = 0;
	u32 s;
	int ret;

	for (s = 0; s < fs->nr_slots; s++) {
		ret = fs->dev->read(fs->dev, seg, s * fs->slot_size, &a, sizeof(a));
		if (ret)
			return ret;
		if (a.magic != LOGFS_ANCHOR_MAGIC)
			break;
		if (a.seq >= LOGFS_SEQ_TORN)
			continue;
		/*
		 * An older seq is a slot from before the segment's erase (a
		 * cut during a block store's zeroing).  An equal one follows
		 * a torn anchor on media written before anchors numbered
		 * past torn ones: the later slot is the newer.
		 */
		if (a.seq < prev)
			break;
		prev = a.seq;
	}
	*end = s;
	*last = prev;
	return 0;
}

/* Newest valid anchor of @seg below slot @end, into abuf; -ENOENT if none. */
static int logfs_journal_best(struct logfs *fs, u32 seg, u32 end, u64 *seq)
{
	int ret;

	while (end--) {
		ret = fs->dev->read(fs->dev, seg, end * fs->slot_size, fs->abuf,
				    fs->slot_size);
		if (ret)
			return ret;
		if (!logfs_anchor_check(fs, (struct logfs_anchor *)fs->abuf)) {
			*seq = ((struct logfs_anchor *)fs->abuf)->seq;
			return 0;
		}
		pr_notice("journal %u slot %u: not a valid anchor\n", seg, end);
	}
	return -ENOENT;
}

/**
 * logfs_journal_load() - find and load the newest valid anchor
 * Return: 0, -EUCLEAN (none: not a LogFS or destroyed), -EIO.
 */
int logfs_journal_load(struct logfs *fs)
{
	u32 end[LOGFS_JOURNAL_SEGS], s, first, other;
	u64 last[LOGFS_JOURNAL_SEGS], seq;
	int ret;

	for (s = 0; s < LOGFS_JOURNAL_SEGS; s++) {
		ret = logfs_journal_scan(fs, s, &end[s], &last[s]);
		if (ret)
			return ret;
	}
	first = last[1] > last[0] && end[1] ? 1 : 0;
	other = 1 - first;
	ret = logfs_journal_best(fs, first, end[first], &seq);
	if (ret == -ENOENT)
		ret = logfs_journal_best(fs, other, end[other], &seq);
	if (ret == -ENOENT) {
		pr_err("no valid anchor: not a LogFS medium\n");
		return -EUCLEAN;
	}
	if (ret)
		return ret;
	pr_debug("journal: ends %u/%u, last %llu/%llu, using seg %u seq %llu\n",
		 end[0], end[1], (unsigned long long)last[0],
		 (unsigned long long)last[1], first, (unsigned long long)seq);
	logfs_anchor_apply(fs, (struct logfs_anchor *)fs->abuf);
	/* the next anchor is newer than every header, torn ones included */
	fs->commit_seq = max(seq, max(last[0], last[1]));
	/* go on after the last slot used in the newest segment */
	fs->jseg = first;
	fs->jslot = end[first];
	if (!end[first]) {
		fs->jseg = other;
		fs->jslot = end[other];
	}
	return 0;
}
