// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS consistency check (fsck.logfs and the tests use it).
 *
 * Checks, on a mounted and quiescent filesystem (committed first when
 * writable): every directory entry names a live inode of the right type;
 * directories are reached once and know their parent; link counts match
 * the entries (directories: 2 + subdirectories); no live inode is
 * unreachable (orphans — unlinked, still open — are the listed exception);
 * every block of every file reads back with a good CRC; the
 * segment usage table matches the trees.  Safe repairs: link counts,
 * unreachable inodes freed, the usage table rewritten — each through a
 * commit.  Corrupt data cannot be repaired and is only reported.
 *
 * Layer: beside namei.c, on the internal calls.  Locking: takes fs->lock.
 */
#define pr_fmt(fmt) "logfs: " fmt
#include <stdarg.h>
#include "logfs_priv.h"

struct logfs_fsck {
	struct logfs *fs;
	bool repair;
	void (*report)(void *ctx, const char *line);
	void *ctx;
	int problems;
	u16 *links;		/* per inode: entries naming it */
	u16 *subdirs;		/* per directory: subdirectories */
	u8 *seen;		/* directory visited */
	u32 *stack;		/* directories to visit */
	u32 depth, nino;
	u32 cur;		/* directory being listed */
	u32 *live;		/* recomputed segment usage */
};

static void fsck_say(struct logfs_fsck *c, const char *fmt, ...) __printf(2, 3);
static void fsck_say(struct logfs_fsck *c, const char *fmt, ...)
{
	char line[160];
	va_list ap;

	c->problems++;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (c->report)
		c->report(c->ctx, line);
	else
		pr_warn("fsck: %s\n", line);
}

static int fsck_entry(void *ctx, const char *name, u32 len, u32 ino, u32 type)
{
	struct logfs_fsck *c = ctx;
	struct logfs_inode_info *ii;

	if (ino >= c->nino || ino <= LOGFS_INO_ROOT) {
		fsck_say(c, "dir %u: entry '%s' names bad inode %u", c->cur, name, ino);
		return 0;
	}
	ii = logfs_iget(c->fs, ino);
	if (IS_ERR(ii))
		return PTR_ERR(ii);
	if (!ii->di.mode) {
		fsck_say(c, "dir %u: entry '%s' names free inode %u", c->cur,
			 name, ino);
		return 0;
	}
	if (type != ii->di.mode >> 12)
		fsck_say(c, "dir %u: entry '%s' has type %u, inode %u is %u",
			 c->cur, name, type, ino, ii->di.mode >> 12);
	if (c->links[ino] < 0xffff)
		c->links[ino]++;
	if ((ii->di.mode & LOGFS_S_IFMT) != LOGFS_S_IFDIR)
		return 0;
	c->subdirs[c->cur]++;
	if (c->seen[ino]) {
		fsck_say(c, "directory %u reached twice", ino);
		return 0;
	}
	c->seen[ino] = 1;
	if (ii->di.parent != c->cur)
		fsck_say(c, "directory %u: parent %u, found in %u", ino,
			 ii->di.parent, c->cur);
	c->stack[c->depth++] = ino;
	return 0;
}

static int fsck_namespace(struct logfs_fsck *c)
{
	struct logfs_inode_info *dir;
	int ret;

	c->stack[c->depth++] = LOGFS_INO_ROOT;
	c->seen[LOGFS_INO_ROOT] = 1;
	while (c->depth) {
		c->cur = c->stack[--c->depth];
		dir = logfs_iget(c->fs, c->cur);
		if (IS_ERR(dir))
			return PTR_ERR(dir);
		ret = logfs_dir_iterate(c->fs, dir, fsck_entry, c);
		if (ret)
			return ret;
		logfs_inode_trim_cache(c->fs);
	}
	return 0;
}

static int fsck_visit(void *ctx, u32 ino, u8 level, u64 index, u64 loc)
{
	struct logfs_fsck *c = ctx;
	u32 seg = LOGFS_LOC_SEG(loc);

	if (!loc)
		return 0;
	if (seg < LOGFS_JOURNAL_SEGS || seg >= c->fs->nr_segs ||
	    LOGFS_LOC_OFS(loc) + LOGFS_LOC_LEN(loc) > c->fs->seg_size) {
		fsck_say(c, "inode %u: pointer outside the log", ino);
		return -EUCLEAN;
	}
	c->live[seg] += LOGFS_LOC_LEN(loc);
	if (!level && ino != LOGFS_INO_IFILE)
		return logfs_read_block(c->fs, logfs_tree_owner(c->fs, ino), ino,
					index, c->fs->blk2);
	return 0;
}

static int fsck_inode(struct logfs_fsck *c, u32 ino)
{
	struct logfs_inode_info *ii = logfs_iget(c->fs, ino);
	u32 want;
	int ret;

	if (IS_ERR(ii))
		return PTR_ERR(ii);
	if (logfs_orphan_is(c->fs, ino)) {
		/* unlinked while open: a file no entry names, nlink 0 */
		if ((ii->di.mode & LOGFS_S_IFMT) == LOGFS_S_IFREG &&
		    !ii->di.nlink && !c->links[ino])
			goto walk;
		fsck_say(c, "orphan %u: mode %o nlink %u, %u entries", ino,
			 ii->di.mode, ii->di.nlink, c->links[ino]);
		if (c->repair)	/* not an orphan: the checks below judge it */
			logfs_orphan_del(c->fs, ino);
	}
	if (!ii->di.mode)
		return 0;
	want = (ii->di.mode & LOGFS_S_IFMT) == LOGFS_S_IFDIR ?
	       2 + c->subdirs[ino] : c->links[ino];
	if (ino != LOGFS_INO_ROOT && !c->links[ino]) {
		fsck_say(c, "inode %u is not reachable", ino);
		if (c->repair) {
			ret = logfs_inode_free(c->fs, ii);
			if (ret)
				return ret;
			return 0;
		}
	} else if (ii->di.nlink != want) {
		fsck_say(c, "inode %u: nlink %u, counted %u", ino, ii->di.nlink,
			 want);
		if (c->repair) {
			ii->di.nlink = want;
			logfs_inode_dirty(c->fs, ii);
		}
	}
walk:
	ii->open_count++;	/* keep it cached while its tree is read */
	ret = logfs_tree_walk(c->fs, &ii->di, ino, fsck_visit, c);
	ii->open_count--;
	if (ret == -EUCLEAN || ret == -EIO) {
		fsck_say(c, "inode %u: unreadable data (%d)", ino, ret);
		ret = 0;
	}
	logfs_inode_trim_cache(c->fs);
	return ret;
}

static void fsck_usage(struct logfs_fsck *c)
{
	struct logfs *fs = c->fs;
	u32 i, have;

	for (i = LOGFS_JOURNAL_SEGS; i < fs->nr_segs; i++) {
		have = fs->sut[i] == LOGFS_SEG_FREE ? 0 : fs->sut[i];
		if (have == c->live[i])
			continue;
		/* after the commit the table is exact: any difference is wrong */
		fsck_say(c, "segment %u: usage %u, trees use %u", i, have,
			 c->live[i]);
		if (c->repair)
			fs->sut[i] = c->live[i];
	}
}

/*
 * Every inode number in use, a block of the inode file at a time.  A free
 * number that nothing names or caches is skipped without a cache entry:
 * numbers ever handed out can be many times the live inodes, and caching
 * each made the check quadratic (8.8 s at 29,000 numbers on the target).
 * The cache is trimmed between blocks; no inode is held there.
 */
static int fsck_inodes(struct logfs_fsck *c)
{
	struct logfs *fs = c->fs;
	const struct logfs_inode *raw;
	u32 ino, blk = ~0u;		/* no block read yet */
	u8 *buf = kmalloc(LOGFS_BLOCK_SIZE, GFP_KERNEL);
	int ret = 0;

	if (!buf)
		return -ENOMEM;
	for (ino = LOGFS_INO_ROOT; ino < c->nino && !ret; ino++) {
		if (ino / LOGFS_INODES_PER_BLOCK != blk) {
			blk = ino / LOGFS_INODES_PER_BLOCK;
			logfs_inode_trim_cache(fs);
			ret = logfs_read_block(fs, &fs->ifile, LOGFS_INO_IFILE,
					       blk, buf);
			if (ret)
				break;
		}
		raw = (const struct logfs_inode *)(buf + (ino %
				LOGFS_INODES_PER_BLOCK) * LOGFS_INODE_SIZE);
		if (!raw->mode && !c->links[ino] && !logfs_orphan_is(fs, ino) &&
		    !logfs_inode_cached(fs, ino))
			continue;
		ret = fsck_inode(c, ino);
	}
	kfree(buf);
	return ret;
}

static int fsck_run(struct logfs_fsck *c)
{
	struct logfs *fs = c->fs;
	int ret;

	if (!fs->ro) {
		ret = logfs_commit(fs, false);
		if (ret)
			return ret;
	}
	ret = fsck_namespace(c);
	if (ret)
		return ret;
	ret = fsck_inodes(c);
	if (ret)
		return ret;
	ret = logfs_tree_walk(fs, &fs->ifile, LOGFS_INO_IFILE, fsck_visit, c);
	if (ret)
		return ret;
	fsck_usage(c);
	if (c->repair && c->problems && !fs->ro)
		return logfs_commit(fs, false);
	return 0;
}

/**
 * logfs_fsck() - check (and with @repair, fix what is safe)
 * Return: problems found, or -errno if the check could not complete.
 */
int logfs_fsck(struct logfs *fs, bool repair,
	       void (*report)(void *ctx, const char *line), void *ctx)
{
	struct logfs_fsck c = { .fs = fs, .report = report, .ctx = ctx };
	int ret = -ENOMEM;

	mutex_lock(&fs->lock);
	c.repair = repair && !fs->ro;
	c.nino = fs->next_ino;
	c.links = kcalloc(c.nino, sizeof(u16), GFP_KERNEL);
	c.subdirs = kcalloc(c.nino, sizeof(u16), GFP_KERNEL);
	c.seen = kcalloc(c.nino, 1, GFP_KERNEL);
	c.stack = kcalloc(c.nino, sizeof(u32), GFP_KERNEL);
	c.live = kcalloc(fs->nr_segs, sizeof(u32), GFP_KERNEL);
	if (c.links && c.subdirs && c.seen && c.stack && c.live)
		ret = fsck_run(&c);
	kfree(c.live);
	kfree(c.stack);
	kfree(c.seen);
	kfree(c.subdirs);
	kfree(c.links);
	mutex_unlock(&fs->lock);
	return ret ? ret : c.problems;
}
