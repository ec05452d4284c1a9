// SPDX-License-Identifier: GPL-2.0
/*
 * The boot-time namespace: a ramfs mounted as "/", the standard
 * directories, devfs on /dev, procfs on /proc and sysfs on /sys.  A block
 * root (cloop -> ext2) will be mounted over it later by the storage
 * bring-up.
 *
 * Layer: VFS, boot only (an initcall at the "fs" level, after the
 * filesystem types registered at "subsys").  Locking: none of its own.
 */
#define pr_fmt(fmt) "vfs: " fmt
#include "internal.h"
#include <kernel/init.h>
#include <kernel/printk.h>

static const char *const std_dirs[] = { "/dev", "/proc", "/sys", "/tmp", "/mnt" };

static int rootfs_init(void)
{
	struct vfs_ctx *ctx = vfs_kernel_ctx();
	int ret;

	ret = vfs_mount_root("ramfs", "rootfs", 0, NULL);
	if (ret) {
		pr_err("cannot mount the root ramfs: %d", ret);
		return ret;
	}
	for (size_t i = 0; i < ARRAY_SIZE(std_dirs); i++) {
		ret = vfs_mkdir(ctx, std_dirs[i], 0755);
		if (ret)
			pr_warn("mkdir %s: %d", std_dirs[i], ret);
	}
	if (IS_ENABLED(CONFIG_DEVFS)) {
		ret = vfs_mount(ctx, "devfs", "/dev", "devfs", 0, NULL);
		if (ret)
			pr_warn("mount devfs on /dev: %d", ret);
	}
	if (IS_ENABLED(CONFIG_PROCFS)) {
		ret = vfs_mount(ctx, "proc", "/proc", "proc", 0, NULL);
		if (ret)
			pr_warn("mount proc on /proc: %d", ret);
	}
	if (IS_ENABLED(CONFIG_SYSFS)) {
		ret = vfs_mount(ctx, "sysfs", "/sys", "sysfs", 0, NULL);
		if (ret)
			pr_warn("mount sysfs on /sys: %d", ret);
	}
	pr_info("root: ramfs, with devfs, proc and sysfs");
	return 0;
}
initcall_pair(fs, rootfs_init, NULL);
