// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS block trees and the node cache.
 *
 * Each inode's blocks hang off a tree of height h: a level-L node holds
 * 512 pointers and covers 512^L blocks; node n at level L is the parent of
 * nodes 512n..512n+511 at level L-1; level-1 nodes point at DATA objects.
 * Height 0: the inode's root points at block 0 directly.
 *
 * A changed pointer only dirties its node in RAM; the parents are updated
 * when the commit writes the dirty nodes bottom-up (logfs_tree_flush) —
 * between commits the DATA objects themselves, which name their inode and
 * block, are what replay uses to redo the change (LogFS's "aliases").
 * Dirty nodes stay cached until written; clean ones are evicted LRU.
 *
 * Layer: above log.c, below file.c and inode.c.  Locking: fs->lock held.
 * Must not know: what the blocks hold (file data, directories, inodes).
 */
#define pr_fmt(fmt) "logfs: " fmt
#include "logfs_priv.h"

static u64 logfs_tree_cap(u8 height)
{
	return 1ull << (LOGFS_PTR_SHIFT * height);
}

static struct logfs_node *logfs_node_find(struct logfs *fs, u32 ino, u8 level,
					  u64 index)
{
	struct logfs_node *n;

	list_for_each_entry(n, &fs->nodes, list) {
		if (n->ino == ino && n->level == level && n->index == index) {
			list_move_tail(&n->list, &fs->nodes);
			return n;
		}
	}
	return NULL;
}

static void logfs_node_free(struct logfs *fs, struct logfs_node *n)
{
	list_del(&n->list);
	if (n->dirty)
		fs->nr_dirty_nodes--;
	fs->nr_nodes--;
	kfree(n);
}

/** logfs_tree_trim_cache() - evict clean nodes beyond the cache size */
void logfs_tree_trim_cache(struct logfs *fs)
{
	struct logfs_node *n, *tmp;

	list_for_each_entry_safe(n, tmp, &fs->nodes, list) {
		if (fs->nr_nodes - fs->nr_dirty_nodes <= LOGFS_MAX_CLEAN_NODES)
			break;
		if (!n->dirty)
			logfs_node_free(fs, n);
	}
}

/* The cached node, or read it from @loc, or (loc 0) a new empty one. */
static struct logfs_node *logfs_node_get(struct logfs *fs, u32 ino, u8 level,
					 u64 index, u64 loc, int *err)
{
	struct logfs_obj_hdr h;
	struct logfs_node *n = logfs_node_find(fs, ino, level, index);
	int ret;

	if (n)
		return n;
	logfs_tree_trim_cache(fs);
	n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!n) {
		*err = -ENOMEM;
		return NULL;
	}
	n->ino = ino;
	n->level = level;
	n->index = index;
	n->loc = loc;
	if (loc) {
		ret = logfs_read_obj(fs, loc, &h, n->ptr);
		if (!ret && (h.type != LOGFS_OBJ_NODE || h.ino != ino ||
			     h.index != ((u64)level << 56 | index) ||
			     h.raw_len % 8)) {
			pr_err("node %u/%u/%llu: wrong object at %u:%u\n", ino,
			       level, (unsigned long long)index,
			       LOGFS_LOC_SEG(loc), LOGFS_LOC_OFS(loc));
			logfs_set_ro(fs, -EUCLEAN, "tree points at a wrong object");
			ret = -EUCLEAN;
		}
		if (ret) {
			kfree(n);
			*err = ret;
			return NULL;
		}
	}
	list_add_tail(&n->list, &fs->nodes);
	fs->nr_nodes++;
	return n;
}

static void logfs_node_dirty(struct logfs *fs, struct logfs_node *n)
{
	if (!n->dirty)
		fs->nr_dirty_nodes++;
	n->dirty = true;
}

/**
 * logfs_tree_node_loc() - the pointer that names node (@level, @index)
 * @fs: filesystem
 * @di: owner inode
 * @ino: its number
 * @level: node level (1..height)
 * @index: node number
 * @loc: result (0: no such node on the medium)
 *
 * Return: 0 or -errno.
 */
int logfs_tree_node_loc(struct logfs *fs, struct logfs_inode *di, u32 ino,
			u8 level, u64 index, u64 *loc)
{
	u64 cur = di->root;
	struct logfs_node *n;
	int ret = 0;
	u8 l;

	*loc = 0;
	if (level > di->height || (index >> (LOGFS_PTR_SHIFT * (di->height - level))))
		return 0;
	for (l = di->height; l > level; l--) {
		n = logfs_node_find(fs, ino, l, index >> (LOGFS_PTR_SHIFT * (l - level)));
		if (!n && !cur)
			return 0;
		if (!n)
			n = logfs_node_get(fs, ino, l, index >> (LOGFS_PTR_SHIFT * (l - level)),
					   cur, &ret);
		if (!n)
			return ret;
		cur = n->ptr[(index >> (LOGFS_PTR_SHIFT * (l - level - 1))) &
			     (LOGFS_PTRS_PER_NODE - 1)];
	}
	*loc = cur;
	return 0;
}

/* Node (@level, @index): cached, or loaded from where its parent points. */
static struct logfs_node *logfs_tree_node(struct logfs *fs,
					  struct logfs_inode *di, u32 ino,
					  u8 level, u64 index, bool create,
					  int *err)
{
	struct logfs_node *n = logfs_node_find(fs, ino, level, index);
	u64 loc;

	*err = 0;
	if (n)
		return n;
	*err = logfs_tree_node_loc(fs, di, ino, level, index, &loc);
	if (*err || (!loc && !create))
		return NULL;
	return logfs_node_get(fs, ino, level, index, loc, err);
}

/**
 * logfs_tree_get() - where block @blk of an inode is
 * @fs: filesystem
 * @di: the inode
 * @ino: its number
 * @blk: block number
 * @loc: result, 0 for a hole
 *
 * Return: 0 or -errno (-EUCLEAN on a corrupt tree).
 */
int logfs_tree_get(struct logfs *fs, struct logfs_inode *di, u32 ino,
		   u64 blk, u64 *loc)
{
	struct logfs_node *n;
	int ret;

	*loc = 0;
	if (blk >= logfs_tree_cap(di->height))
		return 0;
	if (!di->height) {
		*loc = di->root;
		return 0;
	}
	n = logfs_tree_node(fs, di, ino, 1, blk >> LOGFS_PTR_SHIFT, false, &ret);
	if (n)
		*loc = n->ptr[blk & (LOGFS_PTRS_PER_NODE - 1)];
	return ret;
}

/* Add a level on top: the old root becomes child 0 of a new root. */
static int logfs_tree_grow(struct logfs *fs, struct logfs_inode *di, u32 ino)
{
	struct logfs_node *n;
	int ret;

	if (di->height >= LOGFS_MAX_HEIGHT)
		return -EFBIG;
	n = logfs_node_get(fs, ino, di->height + 1, 0, 0, &ret);
	if (!n)
		return ret;
	memset(n->ptr, 0, sizeof(n->ptr));
	n->ptr[0] = di->root;
	n->loc = 0;
	logfs_node_dirty(fs, n);
	di->height++;
	di->root = 0;
	return 0;
}

/**
 * logfs_tree_set() - point block @blk of an inode at @loc
 * @fs: filesystem
 * @di: the inode (the caller marks it dirty)
 * @ino: its number
 * @blk: block number
 * @loc: the new DATA object (0: make a hole)
 *
 * The object it replaces is accounted dead.
 * Return: 0, -EFBIG, -ENOMEM, -EUCLEAN, -EIO.
 */
int logfs_tree_set(struct logfs *fs, struct logfs_inode *di, u32 ino,
		   u64 blk, u64 loc)
{
	struct logfs_node *n;
	u64 *slot;
	int ret;

	while (blk >= logfs_tree_cap(di->height)) {
		if (!loc)
			return 0;	/* a hole beyond the tree already is one */
		ret = logfs_tree_grow(fs, di, ino);
		if (ret)
			return ret;
	}
	if (!di->height) {
		logfs_obj_dead(fs, di->root);
		di->root = loc;
		return 0;
	} else {
		u8 l;

		/* make sure every level down to 1 is cached (new if absent) */
		for (l = di->height; l >= 1; l--) {
			n = logfs_tree_node(fs, di, ino, l,
					    blk >> (LOGFS_PTR_SHIFT * l), true, &ret);
			if (!n)
				return ret;
		}
		n = logfs_node_find(fs, ino, 1, blk >> LOGFS_PTR_SHIFT);
		if (!n)
			return -ENOMEM;	/* evicted while loading: cannot be */
		slot = &n->ptr[blk & (LOGFS_PTRS_PER_NODE - 1)];
		logfs_node_dirty(fs, n);
	}
	logfs_obj_dead(fs, *slot);
	*slot = loc;
	return 0;
}

/** logfs_tree_owner() - the inode that owns tree @ino (must be cached) */
struct logfs_inode *logfs_tree_owner(struct logfs *fs, u32 ino)
{
	struct logfs_inode_info *ii;

	if (ino == LOGFS_INO_IFILE)
		return &fs->ifile;
	list_for_each_entry(ii, &fs->inodes, list)
		if (ii->ino == ino)
			return &ii->di;
	return NULL;
}

/* Write one dirty node and hook it into its parent (or the inode). */
static int logfs_tree_write_node(struct logfs *fs, struct logfs_node *n)
{
	struct logfs_inode *di = logfs_tree_owner(fs, n->ino);
	struct logfs_node *parent;
	u32 len = LOGFS_BLOCK_SIZE;
	u64 loc;
	int ret;

	if (!di) {
		pr_err("dirty node of uncached inode %u\n", n->ino);
		return -EUCLEAN;
	}
	while (len && !n->ptr[len / 8 - 1])
		len -= 8;
	ret = logfs_write_obj(fs, LOGFS_OBJ_NODE, 0, n->ino,
			      (u64)n->level << 56 | n->index, n->ptr, len, len,
			      &loc);
	if (ret)
		return ret;
	logfs_obj_dead(fs, n->loc);
	n->loc = loc;
	if (n->level >= di->height) {
		n->dirty = false;
		fs->nr_dirty_nodes--;
		di->root = loc;
		if (n->ino != LOGFS_INO_IFILE) {
			struct logfs_inode_info *ii =
				container_of(di, struct logfs_inode_info, di);

			return logfs_inode_dirty(fs, ii);
		}
		return 0;
	}
	/* n stays dirty (so not evictable) until its parent is loaded */
	parent = logfs_tree_node(fs, di, n->ino, n->level + 1,
				 n->index >> LOGFS_PTR_SHIFT, true, &ret);
	if (!parent)
		return ret ? ret : -EUCLEAN;
	parent->ptr[n->index & (LOGFS_PTRS_PER_NODE - 1)] = loc;
	logfs_node_dirty(fs, parent);
	n->dirty = false;
	fs->nr_dirty_nodes--;
	return 0;
}

/**
 * logfs_tree_flush() - write dirty nodes bottom-up
 * @fs: filesystem
 * @ifile: true: only the inode file's tree; false: every other tree
 *
 * Return: 0 or -errno.
 */
int logfs_tree_flush(struct logfs *fs, bool ifile)
{
	struct logfs_node *n;
	bool found;
	int ret;
	u8 l;

	for (l = 1; l <= LOGFS_MAX_HEIGHT; l++) {
		do {
			found = false;
			list_for_each_entry(n, &fs->nodes, list) {
				if (!n->dirty || n->level != l ||
				    (n->ino == LOGFS_INO_IFILE) != ifile)
					continue;
				found = true;
				ret = logfs_tree_write_node(fs, n);
				if (ret)
					return ret;
				break;	/* the list may have changed */
			}
		} while (found);
	}
	return 0;
}

/**
 * logfs_tree_dirty_node() - mark a node dirty so the commit rewrites it
 * (garbage collection moving a live node)
 * Return: 0 or -errno.
 */
int logfs_tree_dirty_node(struct logfs *fs, struct logfs_inode *di, u32 ino,
			  u8 level, u64 index)
{
	struct logfs_node *n;
	int ret;

	n = logfs_tree_node(fs, di, ino, level, index, false, &ret);
	if (!n)
		return ret ? ret : -ENOENT;
	logfs_node_dirty(fs, n);
	return 0;
}

/* Free the subtree under a pointer at @level (0: a data block). */
static int logfs_tree_free(struct logfs *fs, u32 ino, u8 level, u64 index,
			   u64 loc)
{
	struct logfs_node *n;
	u32 i;
	int ret;

	if (!level) {
		logfs_obj_dead(fs, loc);
		return 0;
	}
	n = logfs_node_find(fs, ino, level, index);
	if (!n && !loc)
		return 0;
	if (!n)
		n = logfs_node_get(fs, ino, level, index, loc, &ret);
	if (!n)
		return ret;
	list_del(&n->list);	/* pinned while we recurse */
	for (i = 0; i < LOGFS_PTRS_PER_NODE; i++) {
		ret = logfs_tree_free(fs, ino, level - 1,
				      (index << LOGFS_PTR_SHIFT) + i, n->ptr[i]);
		if (ret)
			break;
	}
	logfs_obj_dead(fs, n->loc);
	list_add(&n->list, &fs->nodes);
	logfs_node_free(fs, n);
	return ret;
}

/* Cut node (@level, @index) down to blocks below @keep. */
static int logfs_tree_cut(struct logfs *fs, struct logfs_inode *di, u32 ino,
			  u8 level, u64 index, u64 keep)
{
	u64 span = logfs_tree_cap(level - 1), first = index << (LOGFS_PTR_SHIFT * level);
	struct logfs_node *n;
	u64 child, start;
	u32 i;
	int ret;

	for (i = 0; i < LOGFS_PTRS_PER_NODE; i++) {
		start = first + i * span;
		if (start + span <= keep)
			continue;
		n = logfs_tree_node(fs, di, ino, level, index, false, &ret);
		if (!n)
			return ret;
		child = n->ptr[i];
		if (start >= keep && !child &&
		    !logfs_node_find(fs, ino, level - 1, (index << LOGFS_PTR_SHIFT) + i))
			continue;
		if (start >= keep) {
			n->ptr[i] = 0;
			logfs_node_dirty(fs, n);
			ret = logfs_tree_free(fs, ino, level - 1,
					      (index << LOGFS_PTR_SHIFT) + i, child);
		} else {
			ret = logfs_tree_cut(fs, di, ino, level - 1,
					     (index << LOGFS_PTR_SHIFT) + i, keep);
		}
		if (ret)
			return ret;
	}
	return 0;
}

/**
 * logfs_tree_truncate() - drop every block at or beyond @nblocks
 * @fs: filesystem
 * @di: the inode (the caller marks it dirty)
 * @ino: its number
 * @nblocks: blocks to keep
 *
 * Return: 0 or -errno.
 */
int logfs_tree_truncate(struct logfs *fs, struct logfs_inode *di, u32 ino,
			u64 nblocks)
{
	int ret;

	if (nblocks >= logfs_tree_cap(di->height))
		return 0;
	if (!nblocks) {
		ret = logfs_tree_free(fs, ino, di->height, 0, di->root);
		di->root = 0;
		di->height = 0;
		logfs_tree_drop(fs, ino);
		return ret;
	}
	return logfs_tree_cut(fs, di, ino, di->height, 0, nblocks);
}

/** logfs_tree_drop() - forget every cached node of @ino (its tree is gone) */
void logfs_tree_drop(struct logfs *fs, u32 ino)
{
	struct logfs_node *n, *tmp;

	list_for_each_entry_safe(n, tmp, &fs->nodes, list)
		if (n->ino == ino)
			logfs_node_free(fs, n);
}

/**
 * logfs_tree_count() - blocks actually stored below @nblocks (sparse files)
 * Return: 0 or -errno.
 */
int logfs_tree_count(struct logfs *fs, struct logfs_inode *di, u32 ino,
		     u64 nblocks, u64 *count)
{
	struct logfs_node *n;
	u64 i, nodes;
	u32 j;
	int ret;

	*count = 0;
	if (!di->height) {
		*count = di->root && nblocks ? 1 : 0;
		return 0;
	}
	nodes = DIV_ROUND_UP(min(nblocks, logfs_tree_cap(di->height)),
			     (u64)LOGFS_PTRS_PER_NODE);
	for (i = 0; i < nodes; i++) {
		n = logfs_tree_node(fs, di, ino, 1, i, false, &ret);
		if (!n && ret)
			return ret;
		if (!n)
			continue;
		for (j = 0; j < LOGFS_PTRS_PER_NODE; j++)
			*count += n->ptr[j] != 0;
	}
	return 0;
}

static int logfs_tree_walk_at(struct logfs *fs, u32 ino, u8 level, u64 index,
			      u64 loc, logfs_tree_visit_t visit, void *ctx)
{
	struct logfs_node *n;
	u64 *ptr;
	u32 i;
	int ret;

	ret = visit(ctx, ino, level, index, loc);
	if (ret || !level)
		return ret;
	n = logfs_node_find(fs, ino, level, index);
	if (!n && !loc)
		return 0;
	if (!n)
		n = logfs_node_get(fs, ino, level, index, loc, &ret);
	if (!n)
		return ret;
	ptr = kmalloc(sizeof(n->ptr), GFP_KERNEL);	/* n may be evicted */
	if (!ptr)
		return -ENOMEM;
	memcpy(ptr, n->ptr, sizeof(n->ptr));
	for (i = 0; i < LOGFS_PTRS_PER_NODE && !ret; i++) {
		if (ptr[i])
			ret = logfs_tree_walk_at(fs, ino, level - 1,
						 (index << LOGFS_PTR_SHIFT) + i,
						 ptr[i], visit, ctx);
	}
	kfree(ptr);
	return ret;
}

/**
 * logfs_tree_walk() - call @visit(ctx, ino, level, index, loc) for every
 * node (level >= 1) and data block (level 0) of a tree, parents first
 * Return: 0, @visit's non-zero return, or -errno.
 */
int logfs_tree_walk(struct logfs *fs, struct logfs_inode *di, u32 ino,
		    logfs_tree_visit_t visit, void *ctx)
{
	if (!di->root && !di->height)
		return 0;
	return logfs_tree_walk_at(fs, ino, di->height, 0, di->root, visit, ctx);
}
