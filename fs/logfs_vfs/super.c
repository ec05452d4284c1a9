// SPDX-License-Identifier: GPL-2.0
/*
 * The "logfs" filesystem type: mounts LogFS (fs/logfs) on the block node
 * named by the mount source, a devfs path (an FTL volume, an encrypted
 * loop device or a RAM disk registered there).  The medium must have been
 * formatted (logfs_format(), mkfs.logfs).
 *
 *	mount logfs /dev/data /data
 *
 * Layer: filesystem adapter between the VFS and fs/logfs.  Locking: none
 * of its own here; mount/umount are serialised by the VFS.
 * Knows nothing of the log format.
 */
#define pr_fmt(fmt) "logfs: " fmt
#include "internal.h"
#include <fs/vfs.h>
#include <fs/devfs.h>
#include <kernel/init.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/printk.h>

static void lgv_put_super(struct super_block *sb)
{
	struct lgv_sb *ls = sb->fs_info;
	int ret = logfs_unmount(ls->fs);

	if (ret)
		pr_err("unmount: final commit failed: %d", ret);
	if (ls->dev.release)
		ls->dev.release(&ls->dev);
	fput(ls->dev_file);
	mutex_destroy(&ls->paths_lock);
	kfree(ls);
	sb->fs_info = NULL;
}

static int lgv_statfs(struct super_block *sb, struct statfs *st)
{
	struct logfs_statfs ls;
	int ret = logfs_statfs(LGV(sb)->fs, &ls);

	if (ret)
		return ret;
	st->f_bsize = ls.block_size;
	st->f_blocks = ls.blocks;
	st->f_bfree = st->f_bavail = ls.bfree;
	st->f_files = ls.files;
	st->f_namelen = ls.name_max;
	if (ls.read_only)
		st->f_flags |= ST_RDONLY;
	return 0;
}

static int lgv_sync_fs(struct super_block *sb)
{
	return logfs_sync(LGV(sb)->fs);
}

static const struct super_operations lgv_sops = {
	.evict_inode = lgv_evict,
	.put_super = lgv_put_super,
	.statfs = lgv_statfs,
	.sync_fs = lgv_sync_fs,
};

static int lgv_fill_super(struct super_block *sb, const char *source, void *data)
{
	struct logfs_config cfg = { .read_only = sb->flags & SB_RDONLY };
	struct lgv_sb *ls = kzalloc(sizeof(*ls), GFP_KERNEL);
	struct inode *root;
	struct blkio *bio;
	int ret;

	if (!ls)
		return -ENOMEM;
	mutex_init(&ls->paths_lock);
	INIT_LIST_HEAD(&ls->inodes);
	ls->dev_file = devfs_open_blkio(vfs_kernel_ctx(), source, &bio);
	if (IS_ERR(ls->dev_file)) {
		ret = PTR_ERR(ls->dev_file);
		goto out_free_ls;
	}
	ret = logfs_dev_blkio(&ls->dev, bio, 0);
	if (ret)
		goto out_close_dev;
	ls->fs = logfs_mount(&ls->dev, &cfg);
	if (IS_ERR(ls->fs)) {
		ret = PTR_ERR(ls->fs);
		pr_err("%s: not mountable: %d", source, ret);
		goto out_release_dev;
	}
	sb->fs_info = ls;
	sb->s_op = &lgv_sops;
	sb->magic = 0x4c4f4746;		/* "LOGF" */
	sb->block_size = 4096;
	root = lgv_iget(sb, "/", &ret);
	if (!root)
		goto out_unmount;
	sb->root = d_make_root(root);
	if (!sb->root) {
		ret = -ENOMEM;
		goto out_unmount;
	}
	return 0;

out_unmount:
	logfs_unmount(ls->fs);
	sb->fs_info = NULL;
	sb->s_op = NULL;
out_release_dev:
	if (ls->dev.release)
		ls->dev.release(&ls->dev);
out_close_dev:
	fput(ls->dev_file);
out_free_ls:
	kfree(ls);
	return ret;
}

static struct fs_type lgv_type = {
	.name = "logfs",
	.fill_super = lgv_fill_super,
};

static int lgv_init(void)
{
	return register_filesystem(&lgv_type);
}

static void lgv_exit(void)
{
	unregister_filesystem(&lgv_type);
}
initcall_pair(subsys, lgv_init, lgv_exit);
