// SPDX-License-Identifier: GPL-2.0
/*
 * Filesystem types and superblocks: the registry of types by name, and
 * the birth (fill_super) and death (shrink the dcache, put_super, drop
 * the root) of a mounted filesystem instance.
 *
 * Layer: VFS core.  Locking: fs_types_lock (mutex) protects the type
 * list.  A superblock belongs to exactly one mount; mount.c serialises
 * mounting and unmounting, so sb_mount()/sb_kill() need no lock of their
 * own.  Knows nothing of paths or descriptors.
 */
#define pr_fmt(fmt) "vfs: " fmt
#include "internal.h"
#include <kernel/printk.h>

static LIST_HEAD(fs_types);
static DEFINE_MUTEX(fs_types_lock);
static u32 next_dev = 1;	/* fs_types_lock */

/**
 * register_filesystem() - make a filesystem type mountable by name
 * @type: name and fill_super set
 * Return: 0, -EINVAL (no name or fill_super), -EBUSY (name taken).
 */
int register_filesystem(struct fs_type *type)
{
	struct fs_type *t;
	int ret = 0;

	if (!type->name || !type->fill_super)
		return -EINVAL;
	mutex_lock(&fs_types_lock);
	list_for_each_entry(t, &fs_types, node) {
		if (!strcmp(t->name, type->name)) {
			ret = -EBUSY;
			goto out_unlock;
		}
	}
	list_add_tail(&type->node, &fs_types);
out_unlock:
	mutex_unlock(&fs_types_lock);
	return ret;
}

/**
 * unregister_filesystem() - forget a type (no instance may be mounted)
 */
void unregister_filesystem(struct fs_type *type)
{
	mutex_lock(&fs_types_lock);
	list_del(&type->node);
	mutex_unlock(&fs_types_lock);
}

/**
 * get_fs_type() - the registered type called @name, or NULL
 */
struct fs_type *get_fs_type(const char *name)
{
	struct fs_type *t, *found = NULL;

	mutex_lock(&fs_types_lock);
	list_for_each_entry(t, &fs_types, node) {
		if (!strcmp(t->name, name)) {
			found = t;
			break;
		}
	}
	mutex_unlock(&fs_types_lock);
	return found;
}

/**
 * sb_mount() - a new superblock of @type, filled by the filesystem
 * @type: the type   @source: device path or name   @flags: MS_RDONLY
 * @data: options for the filesystem, may be NULL
 * Return: the superblock, or an ERR_PTR: -ENOMEM, or the filesystem's error.
 */
struct super_block *sb_mount(struct fs_type *type, const char *source,
			     u32 flags, void *data)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	int ret;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->type = type;
	sb->flags = (flags & MS_RDONLY) ? SB_RDONLY : 0;
	sb->block_size = 4096;
	sb->next_ino = 1;
	mutex_init(&sb->rename_lock);
	mutex_lock(&fs_types_lock);
	sb->dev = next_dev++;
	mutex_unlock(&fs_types_lock);
	ret = type->fill_super(sb, source ? source : "none", data);
	if (ret)
		goto out_free_sb;
	if (!sb->root) {
		pr_err("%s: fill_super gave no root", type->name);
		ret = -EINVAL;
		goto out_put_super;
	}
	return sb;

out_put_super:
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
out_free_sb:
	kfree(sb);
	return ERR_PTR(ret);
}

/**
 * sb_kill() - tear down an unmounted superblock
 * @sb: no dentry of it may be referenced except its root (by the sb)
 */
void sb_kill(struct super_block *sb)
{
	if (sb->s_op && sb->s_op->sync_fs)
		sb->s_op->sync_fs(sb);
	shrink_dcache_sb(sb);
	dput(sb->root);
	sb->root = NULL;
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
	if (sb->nr_inodes) {
		/* A leak in the filesystem: keep the sb rather than free it under them. */
		pr_err("%s: %d inodes still referenced at unmount (sb leaked)",
		       sb->type->name, sb->nr_inodes);
		return;
	}
	kfree(sb);
}
