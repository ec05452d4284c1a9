// SPDX-License-Identifier: GPL-2.0
/*
 * The dentry cache: names already looked up, hashed by (parent, name),
 * with a reference count, a tree (parent and children) and an LRU list of
 * unused entries that is pruned from its cold end once it holds more than
 * VFS_DCACHE_UNUSED entries.  There are no negative entries: a miss asks
 * the filesystem (namei.c does that with the directory locked).
 *
 * Layer: VFS core, above the inode cache.  Locking: dcache_lock (a
 * spinlock, short sections) protects the hash, the LRU, every d_count,
 * d_parent, d_name and the children lists.  Inodes are released (iput)
 * only after it is dropped.  A dentry holds a reference on its parent and
 * on its inode; a root dentry is its own parent and is never hashed.
 * Knows nothing of mounts or paths as strings.
 */
#include "internal.h"
#include <kernel/spinlock.h>

#define D_HASH_BITS 8
#define D_HASH_SIZE (1u << D_HASH_BITS)

static struct list_head d_hash[D_HASH_SIZE];
static LIST_HEAD(d_lru);
static int nr_unused, nr_dentries;
static DEFINE_SPINLOCK(dcache_lock);
static bool d_hash_ready;

/**
 * full_name_hash() - hash of a component name
 * @name: the bytes   @len: their number
 * Return: the hash (FNV-1a).
 */
u32 full_name_hash(const char *name, u32 len)
{
	u32 h = 2166136261u;

	while (len--)
		h = (h ^ (u8)*name++) * 16777619u;
	return h;
}

/**
 * qstr_init() - fill @q from a NUL-terminated name
 * @q: filled in   @name: the name (kept by reference)
 */
void qstr_init(struct qstr *q, const char *name)
{
	q->name = name;
	q->len = strlen(name);
	q->hash = full_name_hash(name, q->len);
}

/**
 * qstr_eq() - true when @q spells @name exactly
 */
bool qstr_eq(const struct qstr *q, const char *name, u32 len)
{
	return q->len == len && memcmp(q->name, name, len) == 0;
}

static struct list_head *hash_head(const struct dentry *parent, u32 hash)
{
	u32 h = hash ^ ((u32)(unsigned long)parent >> 4);

	return &d_hash[(h ^ (h >> D_HASH_BITS)) & (D_HASH_SIZE - 1)];
}

static void hash_init_once(void)
{
	unsigned long flags;

	spin_lock_irqsave(&dcache_lock, flags);
	if (!d_hash_ready) {
		for (u32 i = 0; i < D_HASH_SIZE; i++)
			INIT_LIST_HEAD(&d_hash[i]);
		d_hash_ready = true;
	}
	spin_unlock_irqrestore(&dcache_lock, flags);
}

/* A copy of @name for a dentry: inline when short. */
static char *name_buf(struct dentry *d, const struct qstr *name)
{
	char *buf = d->iname;

	if (name->len >= DNAME_INLINE) {
		buf = kmalloc(name->len + 1, GFP_KERNEL);
		if (!buf)
			return NULL;
	}
	memcpy(buf, name->name, name->len);
	buf[name->len] = '\0';
	return buf;
}

static void name_free(struct dentry *d)
{
	if (d->name.name != d->iname)
		kfree(d->name.name);
}

static struct dentry *d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	d->name.name = name_buf(d, name);
	if (!d->name.name) {
		kfree(d);
		return NULL;
	}
	d->name.len = name->len;
	d->name.hash = name->hash;
	d->sb = sb;
	d->count = 1;
	INIT_LIST_HEAD(&d->hash_node);
	INIT_LIST_HEAD(&d->lru_node);
	INIT_LIST_HEAD(&d->child_node);
	INIT_LIST_HEAD(&d->children);
	return d;
}

/**
 * d_make_root() - a root dentry for @inode (consumes the reference)
 * @inode: the filesystem's root directory
 * Return: the dentry or NULL (the inode reference is dropped then).
 */
struct dentry *d_make_root(struct inode *inode)
{
	static const struct qstr slash = { "/", 1, 0 };
	unsigned long flags;
	struct dentry *d;

	hash_init_once();
	d = d_alloc(inode->sb, &slash);
	if (!d) {
		iput(inode);
		return NULL;
	}
	d->parent = d;
	d->inode = inode;
	spin_lock_irqsave(&dcache_lock, flags);
	nr_dentries++;
	spin_unlock_irqrestore(&dcache_lock, flags);
	return d;
}

/**
 * d_alloc_pseudo() - a dentry for an inode that has no name in any
 * directory (a pipe): its own parent, never hashed, freed with its inode
 * reference when the last user drops it
 * @sb: the inode's superblock   @name: shown by d_path(), e.g. "pipe:[3]"
 * @inode: referenced; the reference passes to the dentry
 * Return: a referenced dentry, or NULL (out of memory; the inode
 * reference is dropped).
 */
struct dentry *d_alloc_pseudo(struct super_block *sb, const char *name,
			      struct inode *inode)
{
	unsigned long flags;
	struct dentry *d;
	struct qstr q;

	hash_init_once();
	qstr_init(&q, name);
	d = d_alloc(sb, &q);
	if (!d) {
		iput(inode);
		return NULL;
	}
	d->parent = d;
	d->inode = inode;
	spin_lock_irqsave(&dcache_lock, flags);
	nr_dentries++;
	spin_unlock_irqrestore(&dcache_lock, flags);
	return d;
}

/**
 * dget() - take a reference on a referenced dentry
 * Return: @d.
 */
struct dentry *dget(struct dentry *d)
{
	unsigned long flags;

	spin_lock_irqsave(&dcache_lock, flags);
	d->count++;
	spin_unlock_irqrestore(&dcache_lock, flags);
	return d;
}

/* Caller holds dcache_lock; @d has count 0 and is off the LRU. */
static struct dentry *d_detach(struct dentry *d)
{
	if (d->hashed) {
		list_del(&d->hash_node);
		d->hashed = false;
	}
	if (d->parent != d)
		list_del(&d->child_node);
	nr_dentries--;
	return d->parent == d ? NULL : d->parent;
}

/* Free a detached dentry; returns its parent, whose reference the caller drops. */
static void d_free(struct dentry *d)
{
	iput(d->inode);
	name_free(d);
	kfree(d);
}

static void __dput(struct dentry *d, bool may_prune);

static void prune_lru(int keep, struct super_block *only)
{
	struct dentry *d, *parent;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&dcache_lock, flags);
		parent = NULL;
		d = NULL;
		if (nr_unused > keep) {
			struct dentry *it;

			list_for_each_entry(it, &d_lru, lru_node) {
				if (!only || it->sb == only) {
					d = it;
					break;
				}
			}
		}
		if (d) {
			list_del(&d->lru_node);
			nr_unused--;
			parent = d_detach(d);
		}
		spin_unlock_irqrestore(&dcache_lock, flags);
		if (!d)
			return;
		d_free(d);
		__dput(parent, false);	/* this loop prunes: no recursion */
	}
}

static void __dput(struct dentry *d, bool may_prune)
{
	unsigned long flags;
	struct dentry *parent;
	bool prune = false;

	while (d) {
		spin_lock_irqsave(&dcache_lock, flags);
		if (--d->count > 0) {
			spin_unlock_irqrestore(&dcache_lock, flags);
			break;
		}
		if (d->hashed) {
			list_add_tail(&d->lru_node, &d_lru);
			prune = ++nr_unused > VFS_DCACHE_UNUSED;
			spin_unlock_irqrestore(&dcache_lock, flags);
			break;
		}
		parent = d_detach(d);
		spin_unlock_irqrestore(&dcache_lock, flags);
		d_free(d);
		d = parent;
	}
	if (prune && may_prune)
		prune_lru(VFS_DCACHE_UNUSED, NULL);
}

/**
 * dput() - drop a reference
 * @d: may be NULL
 *
 * A hashed dentry that becomes unused goes on the LRU; an unhashed one
 * (deleted, or a root) is freed with its inode reference, and its parent
 * loses the reference the child held.  Context: may sleep.
 */
void dput(struct dentry *d)
{
	__dput(d, true);
}

static struct dentry *__d_lookup(struct dentry *parent, const struct qstr *name)
{
	struct dentry *d;

	list_for_each_entry(d, hash_head(parent, name->hash), hash_node) {
		if (d->parent != parent || d->name.hash != name->hash ||
		    !qstr_eq(&d->name, name->name, name->len))
			continue;
		if (d->count++ == 0) {
			list_del(&d->lru_node);
			nr_unused--;
		}
		return d;
	}
	return NULL;
}

/**
 * d_lookup() - a cached child of @parent
 * @parent: referenced directory dentry
 * @name: hashed name
 * Return: a referenced dentry, or NULL on a miss.
 */
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	unsigned long flags;
	struct dentry *d;

	spin_lock_irqsave(&dcache_lock, flags);
	d = __d_lookup(parent, name);
	spin_unlock_irqrestore(&dcache_lock, flags);
	return d;
}

/**
 * d_add() - cache @inode as @name in @parent
 * @parent: referenced; the caller holds its inode's lock
 * @name: hashed name
 * @inode: referenced; the reference passes to the dentry
 * Return: a referenced dentry, or NULL (out of memory; the inode
 * reference is dropped).
 */
struct dentry *d_add(struct dentry *parent, const struct qstr *name,
		     struct inode *inode)
{
	struct dentry *d = d_alloc(parent->sb, name);
	unsigned long flags;

	if (!d) {
		iput(inode);
		return NULL;
	}
	d->inode = inode;
	spin_lock_irqsave(&dcache_lock, flags);
	parent->count++;
	d->parent = parent;
	list_add(&d->child_node, &parent->children);
	list_add(&d->hash_node, hash_head(parent, name->hash));
	d->hashed = true;
	nr_dentries++;
	spin_unlock_irqrestore(&dcache_lock, flags);
	return d;
}

/**
 * d_delete() - unhash @d after its name was removed from the filesystem
 * @d: referenced; freed when its last reference goes
 */
void d_delete(struct dentry *d)
{
	unsigned long flags;

	spin_lock_irqsave(&dcache_lock, flags);
	if (d->hashed) {
		list_del(&d->hash_node);
		d->hashed = false;
	}
	spin_unlock_irqrestore(&dcache_lock, flags);
}

/**
 * d_move() - @d was renamed to @newname in @newparent
 * @d: referenced   @newparent: referenced   @newname: hashed
 *
 * If the new name cannot be stored (out of memory) the dentry is
 * unhashed instead, so the next lookup asks the filesystem.
 */
void d_move(struct dentry *d, struct dentry *newparent, const struct qstr *newname)
{
	struct dentry tmp = { 0 };
	struct dentry *old_parent;
	unsigned long flags;
	char *buf;

	buf = newname->len >= DNAME_INLINE ? name_buf(&tmp, newname) : NULL;
	spin_lock_irqsave(&dcache_lock, flags);
	if (d->hashed)
		list_del(&d->hash_node);
	d->hashed = false;
	if (newname->len >= DNAME_INLINE && !buf) {
		spin_unlock_irqrestore(&dcache_lock, flags);
		return;
	}
	name_free(d);
	if (!buf)
		buf = name_buf(d, newname);	/* inline: cannot fail */
	d->name.name = buf;
	d->name.len = newname->len;
	d->name.hash = newname->hash;
	old_parent = d->parent;
	list_del(&d->child_node);
	newparent->count++;
	d->parent = newparent;
	list_add(&d->child_node, &newparent->children);
	list_add(&d->hash_node, hash_head(newparent, newname->hash));
	d->hashed = true;
	spin_unlock_irqrestore(&dcache_lock, flags);
	dput(old_parent);
}

/**
 * d_is_ancestor() - true when @anc is @d or one of its ancestors
 * For a firm answer the caller holds the superblock's rename_lock (the
 * tree's shape is still); without it (d_path_root()) the answer is a
 * snapshot, safe to compute (dcache_lock is held) but possibly stale.
 */
bool d_is_ancestor(struct dentry *anc, struct dentry *d)
{
	unsigned long flags;
	bool found = false;

	spin_lock_irqsave(&dcache_lock, flags);
	for (;;) {
		if (d == anc) {
			found = true;
			break;
		}
		if (d->parent == d)
			break;
		d = d->parent;
	}
	spin_unlock_irqrestore(&dcache_lock, flags);
	return found;
}

/**
 * shrink_dcache_sb() - free every unused dentry of @sb (before unmount)
 */
void shrink_dcache_sb(struct super_block *sb)
{
	prune_lru(0, sb);
}

/**
 * dcache_stats() - dentries alive and unused, for /proc and tests
 */
void dcache_stats(int *total, int *unused)
{
	unsigned long flags;

	spin_lock_irqsave(&dcache_lock, flags);
	*total = nr_dentries;
	*unused = nr_unused;
	spin_unlock_irqrestore(&dcache_lock, flags);
}

/**
 * d_name_copy() - copy the components from @d up to (not including) @stop
 * into the end of @buf, as "/a/b"
 * @pos: in/out: the start of the text written so far within @buf
 * Return: 0 or -ENAMETOOLONG.
 */
int d_name_copy(struct dentry *d, struct dentry *stop, char *buf, size_t *pos)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&dcache_lock, flags);
	while (d != stop && d->parent != d) {
		if (*pos < d->name.len + 1) {
			ret = -ENAMETOOLONG;
			break;
		}
		*pos -= d->name.len;
		memcpy(buf + *pos, d->name.name, d->name.len);
		buf[--*pos] = '/';
		d = d->parent;
	}
	spin_unlock_irqrestore(&dcache_lock, flags);
	return ret;
}

/**
 * dget_parent() - a reference on @d's parent (itself for a root)
 */
struct dentry *dget_parent(struct dentry *d)
{
	unsigned long flags;
	struct dentry *p;

	spin_lock_irqsave(&dcache_lock, flags);
	p = d->parent;
	p->count++;
	spin_unlock_irqrestore(&dcache_lock, flags);
	return p;
}
