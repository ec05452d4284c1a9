// SPDX-License-Identifier: GPL-2.0
/*
 * The inode cache: inodes hashed by (superblock, number) while referenced,
 * so that a filesystem read by number (ext2) gets one struct inode per
 * file; reference counting and eviction.
 *
 * Layer: VFS core, below the dcache.  Locking: inode_hash_lock (spinlock)
 * protects the hash chains and every inode's count; eviction runs outside
 * it.  A new inode from iget() is marked is_new until the filesystem has
 * filled it in (unlock_new_inode()); a second iget() of the same number
 * sleeps on new_inode_wq until then, so it never sees a partial inode.
 * Knows nothing of names, paths or mounts.
 */
#include "internal.h"
#include <kernel/time.h>
#include <kernel/spinlock.h>
#include <kernel/wait.h>

#define INODE_HASH_BITS 7
#define INODE_HASH_SIZE (1u << INODE_HASH_BITS)

static struct list_head inode_hash[INODE_HASH_SIZE];
static DEFINE_SPINLOCK(inode_hash_lock);
static DECLARE_WAIT_QUEUE_HEAD(new_inode_wq);

static struct list_head *hash_head(struct super_block *sb, u32 ino)
{
	u32 h = ino * 0x9e3779b1u ^ (u32)(unsigned long)sb;

	return &inode_hash[(h >> 8) & (INODE_HASH_SIZE - 1)];
}

static bool inode_hash_ready;	/* inode_hash_lock */

/* Caller holds inode_hash_lock. */
static void hash_init_once(void)
{
	if (inode_hash_ready)
		return;
	for (u32 i = 0; i < INODE_HASH_SIZE; i++)
		INIT_LIST_HEAD(&inode_hash[i]);
	inode_hash_ready = true;
}

/**
 * vfs_now() - the time stamped on inodes, in seconds
 * There is no wall clock yet: seconds since boot.
 */
s64 vfs_now(void)
{
	return (s64)(ktime_get_ns() / NSEC_PER_SEC);
}

/**
 * inode_touch() - set mtime and ctime to now
 * @inode: caller holds its lock
 */
void inode_touch(struct inode *inode)
{
	inode->mtime = inode->ctime = vfs_now();
}

/**
 * new_inode() - a fresh, referenced inode of @sb (not hashed)
 * @sb: its filesystem
 * Return: the inode (count 1, nlink 1, times now), or NULL.
 */
struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	unsigned long flags;

	if (!inode)
		return NULL;
	inode->sb = sb;
	inode->count = 1;
	inode->nlink = 1;
	inode->atime = inode->mtime = inode->ctime = vfs_now();
	mutex_init(&inode->lock);
	INIT_LIST_HEAD(&inode->hash_node);
	spin_lock_irqsave(&inode_hash_lock, flags);
	sb->nr_inodes++;
	spin_unlock_irqrestore(&inode_hash_lock, flags);
	return inode;
}

static struct inode *find_hashed(struct super_block *sb, u32 ino)
{
	struct inode *inode;

	list_for_each_entry(inode, hash_head(sb, ino), hash_node)
		if (inode->sb == sb && inode->ino == ino)
			return inode;
	return NULL;
}

static bool inode_ready(void *arg)
{
	struct inode *inode = arg;

	return !READ_ONCE(inode->is_new);
}

/**
 * iget() - the cached inode @ino of @sb, or a new hashed one
 * @sb: filesystem
 * @ino: inode number
 * @is_new: true on return when the caller must fill the inode in and then
 *	call unlock_new_inode() (or iget_failed())
 * Return: a referenced inode, or NULL when out of memory or when another
 * caller failed to fill it in.
 */
struct inode *iget(struct super_block *sb, u32 ino, bool *is_new)
{
	struct inode *inode, *fresh;
	unsigned long flags;

	*is_new = false;
	fresh = NULL;
	for (;;) {
		spin_lock_irqsave(&inode_hash_lock, flags);
		hash_init_once();
		inode = find_hashed(sb, ino);
		if (inode) {
			inode->count++;
		} else if (fresh) {
			fresh->ino = ino;
			fresh->is_new = true;
			fresh->hashed = true;
			list_add(&fresh->hash_node, hash_head(sb, ino));
		}
		spin_unlock_irqrestore(&inode_hash_lock, flags);
		if (inode || fresh)
			break;
		fresh = new_inode(sb);
		if (!fresh)
			return NULL;
	}
	if (!inode) {
		*is_new = true;
		return fresh;
	}
	iput(fresh);
	wait_event_cond(&new_inode_wq, inode_ready, inode, 0);
	if (!inode->mode) {		/* its filler failed */
		iput(inode);
		return NULL;
	}
	return inode;
}

/**
 * unlock_new_inode() - publish an inode that iget() returned as new
 * @inode: filled in (mode set)
 */
void unlock_new_inode(struct inode *inode)
{
	WRITE_ONCE(inode->is_new, false);
	wake_up_all(&new_inode_wq);
}

/**
 * iget_failed() - drop a new inode that could not be filled in
 * @inode: from iget() with *is_new
 */
void iget_failed(struct inode *inode)
{
	unsigned long flags;

	inode->mode = 0;
	spin_lock_irqsave(&inode_hash_lock, flags);
	if (inode->hashed) {
		list_del(&inode->hash_node);
		inode->hashed = false;
	}
	spin_unlock_irqrestore(&inode_hash_lock, flags);
	unlock_new_inode(inode);
	iput(inode);
}

/**
 * ihold() - take another reference on an inode already referenced
 * @inode: the inode
 */
void ihold(struct inode *inode)
{
	unsigned long flags;

	spin_lock_irqsave(&inode_hash_lock, flags);
	inode->count++;
	spin_unlock_irqrestore(&inode_hash_lock, flags);
}

/**
 * iput() - drop a reference; at zero the inode is evicted and freed
 * @inode: may be NULL
 *
 * Context: may sleep (the filesystem's evict_inode).
 */
void iput(struct inode *inode)
{
	struct super_block *sb;
	unsigned long flags;

	if (!inode)
		return;
	sb = inode->sb;
	spin_lock_irqsave(&inode_hash_lock, flags);
	if (--inode->count > 0) {
		spin_unlock_irqrestore(&inode_hash_lock, flags);
		return;
	}
	if (inode->hashed) {
		list_del(&inode->hash_node);
		inode->hashed = false;
	}
	sb->nr_inodes--;
	spin_unlock_irqrestore(&inode_hash_lock, flags);
	if (sb->s_op && sb->s_op->evict_inode)
		sb->s_op->evict_inode(inode);
	mutex_destroy(&inode->lock);
	kfree(inode);
}
