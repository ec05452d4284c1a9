/* SPDX-License-Identifier: GPL-2.0 */
/*
 * devfs: the /dev nodes that drivers register.
 *
 *	static const struct devfs_char_ops my_ops = { .read = ..., .write = ... };
 *	devfs_register_char("ttyX", &my_ops, priv);   // /dev/ttyX, S_IFCHR
 *	devfs_register_blkio("cloop0", bio);          // /dev/cloop0, S_IFBLK
 *	devfs_unregister("cloop0");                   // open files get -ENODEV
 *
 * A block node reads and writes at any byte offset (partial sectors are
 * read-modified-written); a filesystem mounts it by path with
 * devfs_open_blkio().  Registered names are global: every mounted devfs
 * shows the same nodes.  Locking: an internal mutex; any thread may call.
 */
#ifndef FS_DEVFS_H
#define FS_DEVFS_H

#include <kernel/types.h>
#include <lib/blkio.h>
#include <kernel/errno.h>

struct vfs_ctx;
struct file;

#define DEVFS_NAME_LEN 32

struct devfs_char_ops {
	/* Return bytes moved, or -errno (-EAGAIN: nothing to read now). */
	ssize_t (*read)(void *priv, void *buf, size_t len, u64 *pos);
	ssize_t (*write)(void *priv, const void *buf, size_t len, u64 *pos);
	long (*ioctl)(void *priv, u32 cmd, u32 arg);	/* may be NULL: -ENOTTY */
};

/**
 * devfs_register_char() - add a character device node
 * @name: the name under /dev (no '/'), shorter than DEVFS_NAME_LEN
 * @ops: its read/write (either may be NULL: -EINVAL then)
 * @priv: passed to @ops
 * Return: 0, -EINVAL (bad name), -EEXIST, -ENOMEM.
 */
int devfs_register_char(const char *name, const struct devfs_char_ops *ops, void *priv);

#ifdef CONFIG_DEVFS
/**
 * devfs_register_blkio() - add a block device node over @bio
 * Return: 0, -EINVAL, -EEXIST, -ENOMEM.
 */
int devfs_register_blkio(const char *name, struct blkio *bio);

/**
 * devfs_unregister() - remove node @name; open files then fail with -ENODEV
 * Return: 0 or -ENOENT.
 */
int devfs_unregister(const char *name);
#else
static inline int devfs_register_blkio(const char *name, struct blkio *bio) { return 0; }
static inline int devfs_unregister(const char *name) { return -ENOENT; }
#endif

/**
 * devfs_open_blkio() - open the block node at @path for a filesystem
 * @ctx: caller's context   @path: e.g. "/dev/cloop0"
 * @bio: out: the node's struct blkio, valid while the file is held
 * Return: the open file (fput() it at unmount), or an ERR_PTR: -ENOTBLK
 * (not a block node), -ENODEV (unregistered), or lookup errors.
 */
struct file *devfs_open_blkio(struct vfs_ctx *ctx, const char *path, struct blkio **bio);

/* --- nodes for the device classes (called by the class code) ------------ */

struct tty_port;
struct mtd_info;

#ifdef CONFIG_DEVFS
/** devfs_add_tty() - /dev/<port name>, a raw node.  Return: 0 or -errno. */
int devfs_add_tty(struct tty_port *port);
#else
static inline int devfs_add_tty(struct tty_port *port) { return 0; }
#endif

#if defined(CONFIG_DEVFS) && defined(CONFIG_MTD)
/** devfs_add_mtd() - /dev/mtdN in registration order.  Return: 0 or -errno. */
int devfs_add_mtd(struct mtd_info *mtd);
/** devfs_remove_mtd() - drop @mtd's node, if it has one */
void devfs_remove_mtd(struct mtd_info *mtd);
#else
static inline int devfs_add_mtd(struct mtd_info *mtd) { return 0; }
static inline void devfs_remove_mtd(struct mtd_info *mtd) { }
#endif

#endif /* FS_DEVFS_H */
