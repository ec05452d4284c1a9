/* SPDX-License-Identifier: GPL-2.0 */
/*
 * devfs: the /dev nodes that drivers register.
 *
 *	static const struct devfs_char_ops my_ops = { .read = ..., .write = ... };
 *	devfs_register_char("ttyX", &my_ops, priv);   // /dev/ttyX, S_IFCHR
 *	devfs_register_blkio("cloop0", bio);          // /dev/cloop0, S_IFBLK
 *	devfs_register_blkdev("loop0", bio, &ops, p); // ... with ioctl, claim hooks
 *	devfs_unregister("cloop0");                   // open files get -ENODEV
 *
 * A block node reads and writes at any byte offset (partial sectors are
 * read-modified-written); a filesystem mounts it by path with
 * devfs_open_blkio().  Registered names are global: every mounted devfs
 * shows the same nodes.  Locking: an internal mutex; any thread may call.
 *
 * Claims.  Whoever uses a block node's struct blkio directly (a mounted
 * filesystem, a loop or encrypted device stacked on it) claims the node
 * with devfs_claim() on its open file; devfs_open_blkio() does it for
 * mounts.  A claim is shared, or exclusive (no other claim at the same
 * time: formatting).  The claim ends with devfs_unclaim() or when the
 * file is released.  A driver that registered claim hooks sees each claim
 * and refuses to detach or remove its device (-EBUSY) while one holds.
 */
#ifndef FS_DEVFS_H
#define FS_DEVFS_H

#include <kernel/types.h>
#include <lib/blkio.h>
#include <kernel/errno.h>

struct vfs_ctx;
struct file;
struct poll_table;

/* Long enough for "crypt-" and a 31-character mapping name. */
#define DEVFS_NAME_LEN 40

struct devfs_char_ops {
	/* Return bytes moved, or -errno (-EAGAIN: nothing to read now). */
	ssize_t (*read)(void *priv, void *buf, size_t len, u64 *pos);
	ssize_t (*write)(void *priv, const void *buf, size_t len, u64 *pos);
	long (*ioctl)(void *priv, u32 cmd, u32 arg);	/* may be NULL: -ENOTTY */
	/*
	 * May be NULL: always readable and writable.  Else the POLL* mask
	 * (include/fs/poll.h) of @file; a wait queue it names with
	 * poll_wait() must outlive every open file of the node (a driver
	 * that can go away asks for poll_retry() instead).
	 */
	u32 (*poll)(void *priv, struct file *file, struct poll_table *pt);
};

/**
 * devfs_register_char() - add a character device node
 * @name: the name under /dev (no '/'), shorter than DEVFS_NAME_LEN
 * @ops: its read/write (either may be NULL: -EINVAL then)
 * @priv: passed to @ops
 * Return: 0, -EINVAL (bad name), -EEXIST, -ENOMEM.
 */
int devfs_register_char(const char *name, const struct devfs_char_ops *ops, void *priv);

/* Optional driver hooks of a block node; any of them may be NULL. */
struct devfs_blk_ops {
	/*
	 * A devfs_claim() of the node: 0 grants it, -errno refuses it (a
	 * loop device with nothing bound: -ENXIO).  Called without devfs
	 * locks, with the node kept registered until it returns.
	 */
	int (*claim)(void *priv);
	/* A granted claim ended (devfs_unclaim(), or its file released). */
	void (*unclaim)(void *priv);
	/* ioctl(2) on the node, in the caller's context; @arg is a user value. */
	long (*ioctl)(void *priv, u32 cmd, u32 arg);
};

#ifdef CONFIG_DEVFS
/**
 * devfs_register_blkio() - add a block device node over @bio
 * Return: 0, -EINVAL, -EEXIST, -ENOMEM.
 */
int devfs_register_blkio(const char *name, struct blkio *bio);

/**
 * devfs_register_blkdev() - add a block device node with driver hooks
 * @name: the name under /dev   @bio: the device; its size may change
 * while registered (a loop device binding a file), 0 sectors meaning "no
 * medium" (I/O on the node gives -ENXIO)   @ops: hooks (may be NULL)
 * @priv: passed to @ops
 * Return: 0, -EINVAL, -EEXIST, -ENOMEM.
 */
int devfs_register_blkdev(const char *name, struct blkio *bio,
			  const struct devfs_blk_ops *ops, void *priv);

/**
 * devfs_unregister() - remove node @name; open files then fail with -ENODEV
 * Return: 0 or -ENOENT.
 */
int devfs_unregister(const char *name);
#else
static inline int devfs_register_blkio(const char *name, struct blkio *bio) { return 0; }
static inline int devfs_register_blkdev(const char *name, struct blkio *bio,
					const struct devfs_blk_ops *ops, void *priv)
{
	return 0;
}
static inline int devfs_unregister(const char *name) { return -ENOENT; }
#endif

/**
 * devfs_open_blkio() - open the block node at @path for a filesystem
 * @ctx: caller's context   @path: e.g. "/dev/cloop0"
 * @bio: out: the node's struct blkio, valid while the file is held
 * The file holds a shared claim on the node (devfs_claim()) until it is
 * released.
 * Return: the open file (fput() it at unmount), or an ERR_PTR: -ENOTBLK
 * (not a block node), -ENODEV (unregistered), -EBUSY (claimed
 * exclusively), the driver's refusal, or lookup errors.
 */
struct file *devfs_open_blkio(struct vfs_ctx *ctx, const char *path, struct blkio **bio);

/**
 * devfs_claim() - claim the block node @file is open on (see the top)
 * @file: an open devfs block node; holds at most one claim at a time
 * @excl: exclusive: refused while any other claim holds, and refuses
 * every other claim while it holds
 * Return: 0, -ENOTBLK (not a devfs block node), -ENODEV (unregistered),
 * -EBUSY (a conflicting claim, or @file already holds one), or the
 * driver's refusal.
 */
int devfs_claim(struct file *file, bool excl);

/**
 * devfs_unclaim() - end @file's claim, if it holds one
 * @file: as passed to devfs_claim()
 */
void devfs_unclaim(struct file *file);

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
