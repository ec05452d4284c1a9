// SPDX-License-Identifier: GPL-2.0
/*
 * The compressed read-only root from the initrd.
 *
 * When the boot loader passes an initrd (QEMU -initrd, U-Boot's ramdisk;
 * /chosen linux,initrd-start/end in the DT), it is a cloop image (LZ4
 * blocks) of an ext2 filesystem: it becomes /dev/cloop0 (and cloop0 in
 * the block class), is mounted
 * read-only on /mnt of the boot ramfs, and the kernel's root moves there;
 * devfs, proc, sysfs and a ramfs /tmp are mounted inside the new root.
 * Without an initrd the boot ramfs stays the root.
 *
 * Runs once at the late initcall level, after the filesystems registered.
 */
#define pr_fmt(fmt) "root: " fmt
#include <kernel/init.h>
#include <kernel/of.h>
#include <kernel/printk.h>
#include <kernel/errno.h>
#include <block/blkdev.h>
#include <block/memblk.h>
#include <block/cloop.h>
#include <kernel/err.h>
#include <fs/vfs.h>
#include <fs/devfs.h>
#include <fs/root.h>
#include <asm/memory.h>
#include <mm/memblock.h>
#include <libfdt.h>

static struct memblk initrd_blk;
static struct cloop_dev *initrd_cloop;

static int chosen_addr(int chosen, const char *prop, u64 *val)
{
	int len;
	const fdt32_t *p = fdt_getprop(of_fdt, chosen, prop, &len);

	if (!p || (len != 4 && len != 8))
		return -ENOENT;
	*val = len == 4 ? fdt32_to_cpu(p[0]) :
			  ((u64)fdt32_to_cpu(p[0]) << 32) | fdt32_to_cpu(p[1]);
	return 0;
}

/**
 * initrd_region() - the initrd's physical range from /chosen
 * Return: 0, or -ENOENT when the boot loader passed none.
 */
int initrd_region(u64 *start, u64 *end)
{
	int chosen = fdt_path_offset(of_fdt, "/chosen");

	if (chosen < 0 || chosen_addr(chosen, "linux,initrd-start", start) ||
	    chosen_addr(chosen, "linux,initrd-end", end) || *end <= *start)
		return -ENOENT;
	return 0;
}

static void mount_inside(const char *src, const char *dir, const char *type)
{
	int err = vfs_mount(vfs_kernel_ctx(), src, dir, type, 0, NULL);

	if (err)
		pr_warn("mount %s on %s: %d", type, dir, err);
}

/**
 * initrd_memory() - the initrd as kernel memory, whole 512-byte sectors
 * Return: 0, -ENOENT when the boot loader passed none, -ERANGE (logged)
 * when it lies outside the linear map.
 */
int initrd_memory(void **data, size_t *size, u64 *phys)
{
	u64 start, end;

	if (initrd_region(&start, &end))
		return -ENOENT;
	if (start < phys_base || end > memblock_lowmem_end()) {
		pr_err("initrd at %llx-%llx is outside the linear map", start, end);
		return -ERANGE;
	}
	*data = __va((phys_addr_t)start);
	*size = (size_t)ALIGN_DOWN(end - start, 512ull);
	*phys = start;
	return 0;
}

/* cloop0 in the block class, like any disk; the root works without it. */
static void register_blockdev(void)
{
	struct block_device *bdev;

	bdev = blk_register_blkio(cloop_blkio(initrd_cloop), NULL, "cloop0", NULL, NULL);
	if (IS_ERR(bdev))
		pr_warn("cloop0: not in the block class: %ld", PTR_ERR(bdev));
}

static int initrd_root_init(void)
{
	u64 start;
	size_t len;
	void *data;
	struct stat st;
	int err;

	if (initrd_memory(&data, &len, &start))
		return 0;
	if (!IS_ENABLED(CONFIG_BLK_DEV_CLOOP) || !IS_ENABLED(CONFIG_EXT2_FS)) {
		pr_warn("initrd present but cloop or ext2 not configured: ignored");
		return 0;
	}
	err = memblk_init(&initrd_blk, data, len, 512, true);
	if (!err)
		err = cloop_open(&initrd_blk.bio, NULL, &initrd_cloop);
	if (!err)
		err = devfs_register_blkio("cloop0", cloop_blkio(initrd_cloop));
	if (!err)
		register_blockdev();
	if (!err)
		err = vfs_mount(vfs_kernel_ctx(), "/dev/cloop0", "/mnt", "ext2", 1, NULL);
	if (!err)
		err = vfs_pivot_kernel_root("/mnt");
	if (err) {
		pr_err("initrd at %llx (%llu KiB) is not a usable cloop/ext2 root: %d; "
		       "staying on the boot ramfs", start, (u64)len >> 10, err);
		return 0;	/* the system still comes up, on the ramfs root */
	}
	mount_inside("devfs", "/dev", "devfs");
	mount_inside("proc", "/proc", "proc");
	if (vfs_stat(vfs_kernel_ctx(), "/sys", &st) == 0)
		mount_inside("sysfs", "/sys", "sysfs");
	if (vfs_stat(vfs_kernel_ctx(), "/tmp", &st) == 0)
		mount_inside("tmpfs", "/tmp", "ramfs");
	pr_info("/ is ext2 on /dev/cloop0 (initrd, %llu KiB compressed), read-only", (u64)len >> 10);
	return 0;
}
initcall_pair(late, initrd_root_init, NULL);
