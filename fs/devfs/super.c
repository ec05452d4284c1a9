// SPDX-License-Identifier: GPL-2.0
/*
 * devfs as a filesystem: one flat, read-only directory whose entries are
 * the registered nodes; each node's inode (numbered by the registry)
 * holds a reference on its node.  devfs_open_blkio() hands a block node
 * to a filesystem that mounts it, claimed (devfs_claim()) so that its
 * driver will not pull it away while mounted.
 *
 * Layer: a filesystem under the VFS.  Locking: the VFS's inode locks;
 * the registry has its own.  Knows nothing of particular drivers.
 */
#include "internal.h"
#include <fs/vfs.h>
#include <kernel/init.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/slab.h>
#include <kernel/string.h>

static void fill_node_inode(struct inode *inode, struct devfs_node *n)
{
	inode->mode = n->mode;
	inode->rdev = n->ino;
	inode->priv = n;		/* the inode keeps the reference */
	if (S_ISBLK(n->mode)) {
		inode->i_fop = &devfs_blk_fops;
		inode->size = n->bio->nr_sectors * n->bio->sector_size;
	} else {
		inode->i_fop = &devfs_char_fops;
	}
}

static int devfs_lookup(struct inode *dir, const struct qstr *name, struct inode **out)
{
	struct devfs_node *n = devfs_node_find(name->name, name->len);
	struct inode *inode;
	bool is_new;

	if (!n)
		return -ENOENT;
	inode = iget(dir->sb, n->ino, &is_new);
	if (!inode) {
		devfs_node_put(n);
		return -ENOMEM;
	}
	if (is_new) {
		fill_node_inode(inode, n);
		unlock_new_inode(inode);
	} else {
		devfs_node_put(n);
	}
	*out = inode;
	return 0;
}

static int devfs_iterate(struct file *file, struct dir_context *ctx)
{
	struct devfs_node *n;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, DEVFS_ROOT_INO, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, DEVFS_ROOT_INO, DT_DIR))
			return 0;
		ctx->pos = DEVFS_ROOT_INO + 1;
	}
	while ((n = devfs_node_next(ctx->pos))) {
		bool more = dir_emit(ctx, n->name, strlen(n->name), n->ino,
				     mode_to_dt(n->mode));

		if (more)
			ctx->pos = n->ino + 1;
		devfs_node_put(n);
		if (!more)
			break;
	}
	return 0;
}

/**
 * devfs_refresh_size() - set a block node inode's size from its device,
 * which can change while registered (a loop device binds a file)
 */
void devfs_refresh_size(struct inode *inode)
{
	struct devfs_node *n = inode->priv;

	if (!S_ISBLK(inode->mode))
		return;
	mutex_lock(&inode->lock);
	inode->size = READ_ONCE(n->bio->nr_sectors) * n->bio->sector_size;
	mutex_unlock(&inode->lock);
}

static bool devfs_revalidate(struct inode *dir, struct inode *inode)
{
	if (devfs_node_gone(inode->priv))
		return false;
	devfs_refresh_size(inode);
	return true;
}

static const struct inode_operations devfs_dir_iops = {
	.lookup = devfs_lookup,
	.revalidate = devfs_revalidate,
};

static const struct file_operations devfs_dir_fops = {
	.iterate = devfs_iterate,
};

static void devfs_evict(struct inode *inode)
{
	if (!S_ISDIR(inode->mode))
		devfs_node_put(inode->priv);
}

static const struct super_operations devfs_sops = {
	.evict_inode = devfs_evict,
};

static int devfs_fill_super(struct super_block *sb, const char *source, void *data)
{
	struct inode *root = new_inode(sb);

	if (!root)
		return -ENOMEM;
	sb->s_op = &devfs_sops;
	sb->magic = DEVFS_SUPER_MAGIC;
	root->ino = DEVFS_ROOT_INO;
	root->mode = S_IFDIR | 0755;
	root->nlink = 2;
	root->i_op = &devfs_dir_iops;
	root->i_fop = &devfs_dir_fops;
	sb->root = d_make_root(root);
	return sb->root ? 0 : -ENOMEM;
}

struct fs_type devfs_type = {
	.name = "devfs",
	.fill_super = devfs_fill_super,
};

/**
 * devfs_open_blkio() - open the block node at @path for a filesystem
 * @ctx: caller's context   @path: e.g. "/dev/cloop0"
 * @bio: out: the node's struct blkio, valid while the file is held
 * Return: the open file (fput() it at unmount), or an ERR_PTR: -ENOTBLK,
 * -ENODEV (unregistered), or lookup errors.
 */
struct file *devfs_open_blkio(struct vfs_ctx *ctx, const char *path, struct blkio **bio)
{
	struct file *f = filp_open(ctx, path, O_RDONLY, 0);
	struct devfs_node *n;
	int ret;

	if (IS_ERR(f))
		return f;
	ret = devfs_claim(f, false);
	if (ret) {
		fput(f);
		return ERR_PTR(ret);
	}
	n = f->inode->priv;
	*bio = n->bio;
	return f;
}

static struct devfs_node *blk_file_node(struct file *file)
{
	if (!S_ISBLK(file->inode->mode) || file->inode->sb->type != &devfs_type)
		return NULL;
	return file->inode->priv;
}

/**
 * devfs_claim() - claim the block node @file is open on
 * @file: an open devfs block node   @excl: exclusive claim
 * Return: 0, -ENOTBLK, -ENODEV, -EBUSY, or the driver's refusal.
 */
int devfs_claim(struct file *file, bool excl)
{
	struct devfs_node *n = blk_file_node(file);
	int ret;

	if (!n)
		return -ENOTBLK;
	if (!devfs_node_enter(n))
		return -ENODEV;
	ret = devfs_node_claim(n, file, excl);
	if (!ret && n->blk_ops && n->blk_ops->claim) {
		ret = n->blk_ops->claim(n->priv);
		if (ret)
			devfs_node_unclaim(n, file);
	}
	devfs_node_exit(n);
	if (!ret)
		devfs_refresh_size(file->inode);
	return ret;
}

/**
 * devfs_unclaim() - end @file's claim, if it holds one
 */
void devfs_unclaim(struct file *file)
{
	struct devfs_node *n = blk_file_node(file);

	if (!n || devfs_node_unclaim(n, file) == DEVFS_CLAIM_NONE)
		return;
	/* Drivers with hooks keep claimed nodes; if one went anyway, skip it. */
	if (n->blk_ops && n->blk_ops->unclaim && devfs_node_enter(n)) {
		n->blk_ops->unclaim(n->priv);
		devfs_node_exit(n);
	}
}

static int devfs_init(void)
{
	return register_filesystem(&devfs_type);
}

static void devfs_exit(void)
{
	unregister_filesystem(&devfs_type);
}
initcall_pair(subsys, devfs_init, devfs_exit);
