// SPDX-License-Identifier: GPL-2.0
/*
 * The devfs node registry: names that drivers register (character nodes
 * with read/write callbacks, block nodes over a struct blkio), each with
 * a stable inode number, reference counted so that an unregistered node
 * lives on (failing I/O with -ENODEV) while files still hold it.
 *
 * Layer: devfs, below its inodes.  Locking: devfs_lock (mutex) protects
 * the list, refs, gone and active (I/Os inside a driver callback, which
 * devfs_unregister() waits out), and the claims on block nodes with the
 * marker each claiming file keeps in its private_data.  Knows nothing
 * else of the VFS.
 */
#include "internal.h"
#include <kernel/mutex.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/sched.h>

static LIST_HEAD(nodes);
static DEFINE_MUTEX(devfs_lock);
static u32 next_ino = DEVFS_ROOT_INO + 1;

static struct devfs_node *find_locked(const char *name, u32 len)
{
	struct devfs_node *n;

	list_for_each_entry(n, &nodes, node)
		if (strlen(n->name) == len && !memcmp(n->name, name, len))
			return n;
	return NULL;
}

static int add_node(const char *name, u32 mode, const struct devfs_char_ops *ops,
		    const struct devfs_blk_ops *blk_ops, void *priv, struct blkio *bio)
{
	size_t len = name ? strnlen(name, DEVFS_NAME_LEN) : 0;
	struct devfs_node *n;
	int ret = 0;

	if (!len || len >= DEVFS_NAME_LEN || strchr(name, '/') ||
	    !strcmp(name, ".") || !strcmp(name, ".."))
		return -EINVAL;
	n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	memcpy(n->name, name, len);
	n->mode = mode;
	n->ops = ops;
	n->blk_ops = blk_ops;
	n->priv = priv;
	n->bio = bio;
	n->refs = 1;
	mutex_lock(&devfs_lock);
	if (find_locked(name, len)) {
		ret = -EEXIST;
	} else {
		n->ino = next_ino++;
		list_add_tail(&n->node, &nodes);
	}
	mutex_unlock(&devfs_lock);
	if (ret)
		kfree(n);
	return ret;
}

/**
 * devfs_register_char() - add a character device node
 * @name: the name under /dev   @ops: read/write   @priv: for @ops
 * Return: 0, -EINVAL (bad name or no ops), -EEXIST, -ENOMEM.
 */
int devfs_register_char(const char *name, const struct devfs_char_ops *ops, void *priv)
{
	if (!ops)
		return -EINVAL;
	return add_node(name, S_IFCHR | 0666, ops, NULL, priv, NULL);
}

/**
 * devfs_register_blkio() - add a block device node over @bio
 * Return: 0, -EINVAL (bad name, no @bio or no read callback), -EEXIST, -ENOMEM.
 */
int devfs_register_blkio(const char *name, struct blkio *bio)
{
	return devfs_register_blkdev(name, bio, NULL, NULL);
}

/**
 * devfs_register_blkdev() - add a block device node with driver hooks
 * @name: the name under /dev   @bio: the device   @ops: hooks, may be NULL
 * @priv: passed to @ops
 * Return: 0, -EINVAL (bad name, no @bio or no read callback), -EEXIST, -ENOMEM.
 */
int devfs_register_blkdev(const char *name, struct blkio *bio,
			  const struct devfs_blk_ops *ops, void *priv)
{
	if (!bio || !bio->read || !bio->sector_size)
		return -EINVAL;
	return add_node(name, S_IFBLK | (bio->read_only ? 0444 : 0660), NULL, ops,
			priv, bio);
}

/**
 * devfs_unregister() - remove node @name
 * Return: 0 or -ENOENT.
 */
int devfs_unregister(const char *name)
{
	struct devfs_node *n;

	mutex_lock(&devfs_lock);
	n = find_locked(name, strlen(name));
	if (n) {
		list_del(&n->node);
		n->gone = true;
	}
	mutex_unlock(&devfs_lock);
	if (!n)
		return -ENOENT;
	/* The driver may free its ops and store once we return: wait out I/O. */
	while (READ_ONCE(n->active))
		msleep(1);
	devfs_node_put(n);
	return 0;
}

/**
 * devfs_node_find() - the node called @name, referenced, or NULL
 */
struct devfs_node *devfs_node_find(const char *name, u32 len)
{
	struct devfs_node *n;

	mutex_lock(&devfs_lock);
	n = find_locked(name, len);
	if (n)
		n->refs++;
	mutex_unlock(&devfs_lock);
	return n;
}

/**
 * devfs_node_next() - the first node with ino >= @from_ino, referenced, or NULL
 */
struct devfs_node *devfs_node_next(u64 from_ino)
{
	struct devfs_node *n, *found = NULL;

	mutex_lock(&devfs_lock);
	list_for_each_entry(n, &nodes, node) {
		if (n->ino >= from_ino) {
			found = n;
			n->refs++;
			break;
		}
	}
	mutex_unlock(&devfs_lock);
	return found;
}

/**
 * devfs_node_enter() - start an I/O on @n
 * Return: false when it was unregistered (fail the I/O with -ENODEV);
 * otherwise call devfs_node_exit() when the driver's callback returns.
 */
bool devfs_node_enter(struct devfs_node *n)
{
	bool ok;

	mutex_lock(&devfs_lock);
	ok = !n->gone;
	if (ok)
		n->active++;
	mutex_unlock(&devfs_lock);
	return ok;
}

/** devfs_node_gone() - true once @n was unregistered */
bool devfs_node_gone(struct devfs_node *n)
{
	return READ_ONCE(n->gone);
}

/** devfs_node_exit() - end an I/O started by devfs_node_enter() */
void devfs_node_exit(struct devfs_node *n)
{
	mutex_lock(&devfs_lock);
	n->active--;
	mutex_unlock(&devfs_lock);
}

/**
 * devfs_node_claim() - record a claim of @file on block node @n
 * @excl: exclusive (no other claim may hold at the same time)
 * Return: 0, -ENODEV (unregistered), -EBUSY (a conflicting claim, or
 * @file holds one already).
 */
int devfs_node_claim(struct devfs_node *n, struct file *file, bool excl)
{
	int ret = 0;

	mutex_lock(&devfs_lock);
	if (n->gone)
		ret = -ENODEV;
	else if (file->private_data || n->claimed_excl || (excl && n->claims))
		ret = -EBUSY;
	if (!ret && excl) {
		n->claimed_excl = true;
		file->private_data = (void *)DEVFS_CLAIM_EXCL;
	} else if (!ret) {
		n->claims++;
		file->private_data = (void *)DEVFS_CLAIM_SHARED;
	}
	mutex_unlock(&devfs_lock);
	return ret;
}

/**
 * devfs_node_unclaim() - forget @file's claim on @n
 * Return: what it held: DEVFS_CLAIM_NONE, _SHARED or _EXCL.
 */
unsigned long devfs_node_unclaim(struct devfs_node *n, struct file *file)
{
	unsigned long held;

	mutex_lock(&devfs_lock);
	held = (unsigned long)file->private_data;
	if (held == DEVFS_CLAIM_EXCL)
		n->claimed_excl = false;
	else if (held == DEVFS_CLAIM_SHARED)
		n->claims--;
	file->private_data = NULL;
	mutex_unlock(&devfs_lock);
	return held;
}

/**
 * devfs_node_put() - drop a reference; the last frees the node
 */
void devfs_node_put(struct devfs_node *n)
{
	bool last;

	if (!n)
		return;
	mutex_lock(&devfs_lock);
	last = --n->refs == 0;
	mutex_unlock(&devfs_lock);
	if (last)
		kfree(n);
}
