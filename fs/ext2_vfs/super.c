// SPDX-License-Identifier: GPL-2.0
/*
 * The "ext2" filesystem type: mounts the portable read-only ext2 on the
 * block node named by the mount source (a devfs path such as
 * /dev/cloop0), through a buffer cache (blkcache).
 *
 *	mount -r ext2 /dev/cloop0 /mnt
 *
 * Layer: filesystem adapter between the VFS and fs/ext2.  Locking: none
 * of its own; mount/umount are serialised by the VFS.  Knows nothing of
 * the on-disk format.
 */
#define pr_fmt(fmt) "ext2: " fmt
#include "internal.h"
#include <fs/vfs.h>
#include <fs/devfs.h>
#include <fs/blkcache.h>
#include <kernel/init.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/slab.h>
#include <kernel/printk.h>

#define EXT2V_CACHE_BLOCKS 32

static void ext2v_put_super(struct super_block *sb)
{
	struct ext2v_sb *es = sb->fs_info;

	ext2_umount(es->fs);
	blkcache_destroy(es->cache);
	fput(es->dev_file);
	kfree(es);
	sb->fs_info = NULL;
}

static int ext2v_statfs(struct super_block *sb, struct statfs *st)
{
	struct ext2v_sb *es = sb->fs_info;
	struct blkio *bio = blkcache_blkio(es->cache);

	/* The portable API has no free counts yet: report size, nothing free. */
	st->f_bsize = sb->block_size;
	st->f_blocks = bio->nr_sectors * bio->sector_size / sb->block_size;
	st->f_namelen = EXT2_NAME_LEN;
	return 0;
}

static const struct super_operations ext2v_sops = {
	.put_super = ext2v_put_super,
	.statfs = ext2v_statfs,
};

static int open_device(struct ext2v_sb *es, const char *source)
{
	struct blkcache_config cfg = { .nr_blocks = EXT2V_CACHE_BLOCKS };
	struct blkio *dev;
	int ret;

	es->dev_file = devfs_open_blkio(vfs_kernel_ctx(), source, &dev);
	if (IS_ERR(es->dev_file)) {
		ret = PTR_ERR(es->dev_file);
		es->dev_file = NULL;
		return ret;
	}
	cfg.block_size = dev->sector_size > 4096 ? dev->sector_size : 4096;
	ret = blkcache_create(dev, &cfg, &es->cache);
	if (ret) {
		fput(es->dev_file);
		es->dev_file = NULL;
	}
	return ret;
}

static int ext2v_fill_super(struct super_block *sb, const char *source, void *data)
{
	struct ext2v_sb *es = kzalloc(sizeof(*es), GFP_KERNEL);
	struct inode *root;
	int ret;

	if (!es)
		return -ENOMEM;
	ret = open_device(es, source);
	if (ret)
		goto out_free_es;
	ret = ext2_mount(blkcache_blkio(es->cache), &es->fs);
	if (ret) {
		pr_err("%s: not mountable: %d", source, ret);
		goto out_close_dev;
	}
	sb->fs_info = es;
	sb->s_op = &ext2v_sops;
	sb->magic = EXT2_SUPER_MAGIC;
	sb->flags |= SB_RDONLY;
	sb->block_size = 1024;	/* st_blksize: the portable API hides the real one */
	root = ext2v_iget(sb, EXT2_ROOT_INO, &ret);
	if (!root)
		goto out_umount;
	if (!S_ISDIR(root->mode)) {
		pr_err("%s: root inode is not a directory", source);
		iput(root);
		ret = -EUCLEAN;
		goto out_umount;
	}
	sb->root = d_make_root(root);
	if (!sb->root) {
		ret = -ENOMEM;
		goto out_umount;
	}
	return 0;

out_umount:
	ext2_umount(es->fs);
	sb->fs_info = NULL;
	sb->s_op = NULL;
out_close_dev:
	blkcache_destroy(es->cache);
	fput(es->dev_file);
out_free_es:
	kfree(es);
	return ret;
}

static struct fs_type ext2v_type = {
	.name = "ext2",
	.fill_super = ext2v_fill_super,
};

static int ext2v_init(void)
{
	return register_filesystem(&ext2v_type);
}

static void ext2v_exit(void)
{
	unregister_filesystem(&ext2v_type);
}
initcall_pair(subsys, ext2v_init, ext2v_exit);
