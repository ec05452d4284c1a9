// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs: superblock, inode birth and death, statfs, and the type
 * registration.  ramfs keeps everything in memory: directories are lists
 * of names, files sparse arrays of pages, symlinks strings.  It is the
 * root filesystem until a block root is mounted, and the model for the
 * others.
 *
 * Layer: a filesystem under the VFS.  Locking: the VFS holds the inode
 * locks around every operation (fs/fs.h); ramfs adds atomics for its
 * counters and orphan_lock for tearing down a tree at unmount.
 * Knows nothing of paths, mounts or descriptors.
 */
#include "internal.h"
#include <kernel/init.h>
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <mm/page_alloc.h>

/**
 * ramfs_new_inode() - a new inode of @sb with type and mode @mode
 * Return: the inode (one reference) or NULL.
 */
struct inode *ramfs_new_inode(struct super_block *sb, u32 mode)
{
	struct ramfs_sb *rs = sb->fs_info;
	struct inode *inode = new_inode(sb);
	struct ramfs_inode *ri;

	if (!inode)
		return NULL;
	ri = kzalloc(sizeof(*ri), GFP_KERNEL);
	if (!ri) {
		iput(inode);
		return NULL;
	}
	INIT_LIST_HEAD(&ri->entries);
	ri->next_cookie = 2;		/* 0 and 1 are "." and ".." */
	inode->priv = ri;
	inode->mode = mode;
	inode->ino = __atomic_add_fetch(&rs->next_ino, 1, __ATOMIC_SEQ_CST);
	if (S_ISDIR(mode)) {
		inode->nlink = 2;
		inode->i_op = &ramfs_dir_iops;
		inode->i_fop = &ramfs_dir_fops;
	} else if (S_ISLNK(mode)) {
		inode->i_op = &ramfs_symlink_iops;
	} else {
		inode->i_op = &ramfs_file_iops;
		inode->i_fop = &ramfs_file_fops;
	}
	return inode;
}

/* Drop the children of evicted directories one at a time (no recursion). */
static void drain_orphans(struct ramfs_sb *rs)
{
	struct ramfs_dirent *de;

	for (;;) {
		mutex_lock(&rs->orphan_lock);
		de = list_empty(&rs->orphans) ? NULL :
			list_first_entry(&rs->orphans, struct ramfs_dirent, node);
		if (de)
			list_del(&de->node);
		else
			rs->draining = false;
		mutex_unlock(&rs->orphan_lock);
		if (!de)
			return;
		iput(de->inode);
		kfree(de);
	}
}

static void ramfs_evict(struct inode *inode)
{
	struct ramfs_sb *rs = inode->sb->fs_info;
	struct ramfs_inode *ri = RI(inode);
	bool drain = false;

	if (!ri)
		return;
	ramfs_free_pages(inode, 0);
	kfree(ri->pages);
	kfree(ri->target);
	if (!list_empty(&ri->entries)) {
		mutex_lock(&rs->orphan_lock);
		while (!list_empty(&ri->entries))
			list_move_tail(ri->entries.next, &rs->orphans);
		if (!rs->draining)
			drain = rs->draining = true;
		mutex_unlock(&rs->orphan_lock);
	}
	kfree(ri);
	inode->priv = NULL;
	if (drain)
		drain_orphans(rs);
}

static int ramfs_statfs(struct super_block *sb, struct statfs *st)
{
	struct ramfs_sb *rs = sb->fs_info;
	struct page_stats ps;

	page_alloc_get_stats(&ps);
	st->f_bsize = RAMFS_PAGE_SIZE;
	st->f_bfree = st->f_bavail = ps.free_pages;
	st->f_blocks = READ_ONCE(rs->pages_used) + ps.free_pages;
	st->f_files = sb->nr_inodes;
	st->f_ffree = ps.free_pages;
	return 0;
}

static void ramfs_put_super(struct super_block *sb)
{
	struct ramfs_sb *rs = sb->fs_info;

	mutex_destroy(&rs->orphan_lock);
	kfree(rs);
	sb->fs_info = NULL;
}

static const struct super_operations ramfs_sops = {
	.evict_inode = ramfs_evict,
	.put_super = ramfs_put_super,
	.statfs = ramfs_statfs,
};

static int ramfs_fill_super(struct super_block *sb, const char *source, void *data)
{
	struct ramfs_sb *rs = kzalloc(sizeof(*rs), GFP_KERNEL);
	struct inode *root;

	if (!rs)
		return -ENOMEM;
	mutex_init(&rs->orphan_lock);
	INIT_LIST_HEAD(&rs->orphans);
	sb->fs_info = rs;
	sb->s_op = &ramfs_sops;
	sb->magic = RAMFS_MAGIC;
	sb->block_size = RAMFS_PAGE_SIZE;
	root = ramfs_new_inode(sb, S_IFDIR | 0755);
	if (!root)
		goto out_free_rs;
	RI(root)->parent_ino = root->ino;
	sb->root = d_make_root(root);
	if (!sb->root)
		goto out_free_rs;
	return 0;

out_free_rs:
	sb->fs_info = NULL;
	kfree(rs);
	return -ENOMEM;
}

static struct fs_type ramfs_type = {
	.name = "ramfs",
	.fill_super = ramfs_fill_super,
};

static struct fs_type tmpfs_type = {
	.name = "tmpfs",
	.fill_super = ramfs_fill_super,
};

static int ramfs_init(void)
{
	int ret = register_filesystem(&ramfs_type);

	if (ret)
		return ret;
	ret = register_filesystem(&tmpfs_type);
	if (ret)
		unregister_filesystem(&ramfs_type);
	return ret;
}

static void ramfs_exit(void)
{
	unregister_filesystem(&tmpfs_type);
	unregister_filesystem(&ramfs_type);
}
initcall_pair(subsys, ramfs_init, ramfs_exit);
