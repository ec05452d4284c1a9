// SPDX-License-Identifier: GPL-2.0
/*
 * The "logfs" filesystem type: mounts LogFS (fs/logfs) on
 *   - an FTL volume, source "ftl:<mtd>[/<volume>]" (drivers/mtd/
 *     ftl_volume.c attaches the FTL, formatting a blank device); a volume
 *     whose journal segments were never written is formatted here first:
 *     this is how /data comes to exist on first boot;
 *   - a block node, source a devfs path (an encrypted loop device, a loop
 *     device, a RAM disk), which must hold a LogFS (mkfs.logfs).
 *
 *	mount -t logfs -o check ftl:data /data
 *
 * Options (comma-separated): "check" runs logfs_fsck() read-only after
 * mounting and logs the result; "compress" stores blocks LZ4-compressed.
 *
 * Layer: filesystem adapter between the VFS and fs/logfs.  Locking: none
 * of its own here; mount/umount are serialised by the VFS.
 * Knows nothing of the log format.
 */
#define pr_fmt(fmt) "logfs: " fmt
#include "internal.h"
#include <fs/vfs.h>
#include <fs/devfs.h>
#include <mtd/ftl_volume.h>
#include <kernel/string.h>
#include <kernel/init.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/printk.h>

static void close_medium(struct lgv_sb *ls)
{
	if (ls->dev.release)
		ls->dev.release(&ls->dev);
	if (ls->ftl)
		ftl_volume_put(ls->ftl);
	if (ls->dev_file)
		fput(ls->dev_file);
}

static void lgv_put_super(struct super_block *sb)
{
	struct lgv_sb *ls = sb->fs_info;
	int ret = logfs_unmount(ls->fs);

	if (ret)
		pr_err("unmount: final commit failed: %d", ret);
	close_medium(ls);
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

/* An FTL volume; formatted when its journal segments were never written. */
static int open_ftl(struct lgv_sb *ls, const char *source, bool read_only)
{
	struct ftl_volume v;
	int ret = ftl_volume_get(source, &v);

	if (ret) {
		pr_err("%s: no such FTL volume: %d", source, ret);
		return ret;
	}
	ls->ftl = v.ftl;
	ret = logfs_dev_ftl(&ls->dev, v.ftl, v.vol);
	if (ret)
		return ret;
	if (read_only || !ftl_volume_is_empty(&v, 0, LOGFS_JOURNAL_SEGS))
		return 0;
	pr_notice("%s: no filesystem yet: formatting (%u segments of %u KiB)",
		  source, ls->dev.nr_segs, ls->dev.seg_size >> 10);
	return logfs_format(&ls->dev);
}

static int open_medium(struct lgv_sb *ls, const char *source, bool read_only)
{
	struct blkio *bio;

	if (!strncmp(source, "ftl:", 4))
		return IS_ENABLED(CONFIG_MTD_CFI) ? open_ftl(ls, source, read_only) : -ENODEV;
	ls->dev_file = devfs_open_blkio(vfs_kernel_ctx(), source, &bio);
	if (IS_ERR(ls->dev_file)) {
		int ret = PTR_ERR(ls->dev_file);

		ls->dev_file = NULL;
		return ret;
	}
	return logfs_dev_blkio(&ls->dev, bio, 0);
}

struct lgv_opts {
	bool check;
	bool compress;
};

static int parse_opts(const char *data, struct lgv_opts *o)
{
	const char *p = data;

	while (p && *p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len == 5 && !strncmp(p, "check", 5))
			o->check = true;
		else if (len == 8 && !strncmp(p, "compress", 8))
			o->compress = true;
		else if (len && !(len == 2 && (!strncmp(p, "rw", 2) || !strncmp(p, "ro", 2)))) {
			pr_err("unknown mount option \"%.*s\"", (int)len, p);
			return -EINVAL;
		}
		p = end ? end + 1 : NULL;
	}
	return 0;
}

static void fsck_report(void *ctx, const char *line)
{
	pr_warn("%s: fsck: %s", (const char *)ctx, line);
}

/* Read-only check after mounting; the result is for the log (and tests). */
static void check_mounted(struct lgv_sb *ls, const char *source)
{
	int problems = logfs_fsck(ls->fs, false, fsck_report, (void *)source);

	if (problems < 0)
		pr_err("%s: fsck could not run: %d", source, problems);
	else if (problems)
		pr_err("%s: fsck: %d problems", source, problems);
	else
		pr_info("%s: fsck: clean", source);
}

static int lgv_fill_super(struct super_block *sb, const char *source, void *data)
{
	struct logfs_config cfg = { .read_only = sb->flags & SB_RDONLY };
	struct lgv_sb *ls;
	struct lgv_opts opts = { 0 };
	struct inode *root;
	int ret;

	ret = parse_opts(data, &opts);
	if (ret)
		return ret;
	cfg.compress = opts.compress;
	ls = kzalloc(sizeof(*ls), GFP_KERNEL);
	if (!ls)
		return -ENOMEM;
	mutex_init(&ls->paths_lock);
	INIT_LIST_HEAD(&ls->inodes);
	ret = open_medium(ls, source, cfg.read_only);
	if (ret)
		goto out_close;
	ls->fs = logfs_mount(&ls->dev, &cfg);
	if (IS_ERR(ls->fs)) {
		ret = PTR_ERR(ls->fs);
		pr_err("%s: not mountable: %d", source, ret);
		goto out_close;
	}
	if (opts.check)
		check_mounted(ls, source);
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
out_close:
	close_medium(ls);
	mutex_destroy(&ls->paths_lock);
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
