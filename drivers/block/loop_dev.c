// SPDX-License-Identifier: GPL-2.0
/*
 * Loop device nodes: /dev/loop-control hands out free loop devices, and
 * each /dev/loopN binds an open file (LOOP_SET_FD), detaches it
 * (LOOP_CLR_FD) and says what backs it (LOOP_GET_INFO), as
 * include/uapi/loop-crypt.h defines.  /dev/loop0 exists from boot; the
 * others are registered when LOOP_CTL_GET_FREE first needs them, up to
 * CONFIG_BLK_DEV_LOOP_MAX, and stay.  Each node's struct blkio forwards to
 * the portable loop (loop.c) over the file while bound, and has 0 sectors
 * (no medium: -ENXIO) while not.  A bound device is also a block device
 * (blk_register_blkio()): loopN in the "block" class, `devices` and /sys,
 * with its partitions (loopNp1 ...) scanned; it leaves the class when
 * detached, while /dev/loopN stays.
 *
 * Layer: kernel driver between devfs, the block layer and the portable
 * loop.  Locking: loop_nodes_lock (mutex) protects the table; each
 * device's lock protects its state, binding and claim count and is held
 * across its I/O (one transfer at a time, as loop.c wants).  Lock order:
 * loop_nodes_lock, then a device's; a stacked device's before the one
 * below it (its I/O goes down).  A device never claims another, nor
 * registers or unregisters its block device, while holding its own lock
 * (the partition scan and the partitions' I/O take it): the BINDING and
 * UNBINDING states keep others off meanwhile.  Knows nothing of what the
 * backing file holds.
 */
#define pr_fmt(fmt) "loop: " fmt
#include <block/loop_dev.h>
#include <block/loop.h>
#include <block/blkdev.h>
#include <fs/devfs.h>
#include <fs/vfs.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>
#include "backing.h"

enum loop_state {
	LOOP_UNBOUND,		/* free; no medium */
	LOOP_BINDING,		/* attached, block device being registered */
	LOOP_BOUND,		/* attached and registered: claims granted */
	LOOP_UNBINDING,		/* block device being removed, then detached */
};

struct loop_node {
	struct blkio bio;		/* what /dev/loopN exports */
	unsigned int index;
	char name[DEVFS_NAME_LEN];
	struct mutex lock;		/* the fields below; held over I/O */
	enum loop_state state;
	int claims;			/* devfs claims: mounts, stacked devices */
	struct loop_dev lo;		/* the window over the backing, if attached */
	struct backing *backing;
	struct block_device *bdev;	/* in the block class (LOOP_BOUND) */
	char path[LOOP_PATH_MAX];	/* of the backing file, for LOOP_GET_INFO */
};

/* loop.c's window is attached: I/O is served.  Device lock held. */
static bool ln_attached(const struct loop_node *ln)
{
	return ln->state != LOOP_UNBOUND;
}

static struct loop_node *loop_nodes[CONFIG_BLK_DEV_LOOP_MAX];
static DEFINE_MUTEX(loop_nodes_lock);

/* --- the exported struct blkio: forward while bound ----------------------- */

static int ln_read(struct blkio *bio, u64 sector, void *buf, u32 count)
{
	struct loop_node *ln = bio->priv;
	int ret = -ENXIO;

	mutex_lock(&ln->lock);
	if (ln_attached(ln))
		ret = ln->lo.bio.read(&ln->lo.bio, sector, buf, count);
	mutex_unlock(&ln->lock);
	return ret;
}

static int ln_write(struct blkio *bio, u64 sector, const void *buf, u32 count)
{
	struct loop_node *ln = bio->priv;
	int ret = -ENXIO;

	mutex_lock(&ln->lock);
	if (ln_attached(ln))
		ret = ln->lo.bio.write(&ln->lo.bio, sector, buf, count);
	mutex_unlock(&ln->lock);
	return ret;
}

static int ln_flush(struct blkio *bio)
{
	struct loop_node *ln = bio->priv;
	int ret = 0;

	mutex_lock(&ln->lock);
	if (ln_attached(ln) && ln->lo.bio.flush)
		ret = ln->lo.bio.flush(&ln->lo.bio);
	mutex_unlock(&ln->lock);
	return ret;
}

/* --- devfs hooks ------------------------------------------------------------ */

/*
 * A mount or a stacked device, on /dev/loopN or one of its partitions:
 * only on a bound device, which then stays.
 */
static int ln_claim(void *priv)
{
	struct loop_node *ln = priv;
	int ret = 0;

	mutex_lock(&ln->lock);
	if (ln->state == LOOP_BOUND)
		ln->claims++;
	else
		ret = -ENXIO;
	mutex_unlock(&ln->lock);
	return ret;
}

static void ln_unclaim(void *priv)
{
	struct loop_node *ln = priv;

	mutex_lock(&ln->lock);
	ln->claims--;
	mutex_unlock(&ln->lock);
}

static long ln_ioctl(void *priv, u32 cmd, u32 arg);

static const struct devfs_blk_ops loop_blk_ops = {
	.claim = ln_claim,
	.unclaim = ln_unclaim,
	.ioctl = ln_ioctl,
};

/* --- the table of devices --------------------------------------------------- */

/* Register /dev/loop@index.  Called with loop_nodes_lock held. */
static struct loop_node *loop_node_create(unsigned int index)
{
	struct loop_node *ln = kzalloc(sizeof(*ln), GFP_KERNEL);
	int ret;

	if (!ln)
		return ERR_PTR(-ENOMEM);
	ln->index = index;
	snprintf(ln->name, sizeof(ln->name), "loop%u", index);
	mutex_init(&ln->lock);
	ln->bio = (struct blkio){
		.sector_size = LOOP_SECTOR,
		.nr_sectors = 0,		/* no medium until bound */
		.priv = ln,
		.read = ln_read,
		.write = ln_write,
		.flush = ln_flush,
	};
	ret = devfs_register_blkdev(ln->name, &ln->bio, &loop_blk_ops, ln);
	if (ret) {
		pr_err("cannot register /dev/%s: %d", ln->name, ret);
		mutex_destroy(&ln->lock);
		kfree(ln);
		return ERR_PTR(ret);
	}
	loop_nodes[index] = ln;
	return ln;
}

static struct loop_node *loop_node_get(unsigned int index)
{
	struct loop_node *ln = NULL;

	mutex_lock(&loop_nodes_lock);
	if (index < ARRAY_SIZE(loop_nodes))
		ln = loop_nodes[index];
	mutex_unlock(&loop_nodes_lock);
	return ln;
}

/**
 * loop_dev_get_free() - the lowest index of an unbound loop device
 * Return: the index, -ENOSPC (all CONFIG_BLK_DEV_LOOP_MAX bound), -ENOMEM.
 */
int loop_dev_get_free(void)
{
	struct loop_node *ln;
	int ret = -ENOSPC;
	bool bound;

	mutex_lock(&loop_nodes_lock);
	for (unsigned int i = 0; i < ARRAY_SIZE(loop_nodes); i++) {
		ln = loop_nodes[i];
		if (!ln) {
			ln = loop_node_create(i);
			ret = IS_ERR(ln) ? PTR_ERR(ln) : (int)i;
			break;
		}
		mutex_lock(&ln->lock);
		bound = ln->state != LOOP_UNBOUND;
		mutex_unlock(&ln->lock);
		if (!bound) {
			ret = (int)i;
			break;
		}
	}
	mutex_unlock(&loop_nodes_lock);
	return ret;
}

/* --- binding ---------------------------------------------------------------- */

/* Undo an attach (device lock held); the backing is the caller's. */
static void ln_detach_locked(struct loop_node *ln)
{
	int ret;

	WRITE_ONCE(ln->bio.nr_sectors, 0);
	ln->bio.read_only = false;
	ret = loop_detach(&ln->lo);
	if (ret)	/* the data is the file's now; nothing more to do */
		pr_warn("%s: flush on detach failed: %d", ln->name, ret);
	ln->backing = NULL;
	ln->path[0] = '\0';
	ln->state = LOOP_UNBOUND;
}

/* Attach @b in LOOP_BINDING state: I/O works, claims and detach wait. */
static int ln_attach(struct loop_node *ln, struct backing *b, struct file *file)
{
	struct loop_config cfg = { .block_size = LOOP_SECTOR };
	int ret;

	cfg.read_only = backing_blkio(b)->read_only;
	mutex_lock(&ln->lock);
	if (ln->state != LOOP_UNBOUND) {
		ret = -EBUSY;
		goto out_unlock;
	}
	ret = loop_attach(&ln->lo, backing_blkio(b), &cfg);
	if (ret)
		goto out_unlock;
	if (file_path(vfs_current_ctx(), file, ln->path, sizeof(ln->path)))
		strlcpy(ln->path, "(path too long)", sizeof(ln->path));
	ln->backing = b;
	ln->state = LOOP_BINDING;
	ln->bio.read_only = ln->lo.bio.read_only;
	WRITE_ONCE(ln->bio.nr_sectors, ln->lo.bio.nr_sectors);
out_unlock:
	mutex_unlock(&ln->lock);
	return ret;
}

/**
 * loop_dev_set_file() - bind /dev/loop@index to @file
 * @index: N of /dev/loopN
 * @file: referenced; kept by the device on success only
 * Return: 0, -ENODEV, -EBUSY, -EINVAL, -EBADF, -ENXIO, -ENOMEM,
 * or the block layer's -EEXIST.
 */
int loop_dev_set_file(unsigned int index, struct file *file)
{
	struct loop_node *ln = loop_node_get(index);
	struct block_device *bdev;
	struct backing *b;
	int ret;

	if (!ln)
		return -ENODEV;
	mutex_lock(&ln->lock);
	ret = ln->state != LOOP_UNBOUND ? -EBUSY : 0;	/* and again in ln_attach() */
	mutex_unlock(&ln->lock);
	if (ret)
		return ret;
	/* Claim a block node before taking our lock (see the top). */
	b = backing_new(file, false, false);
	if (IS_ERR(b))
		return PTR_ERR(b);
	ret = ln_attach(ln, b, file);
	if (ret)
		goto out_abandon;
	/* Unlocked: the partition scan reads through ln_read(). */
	bdev = blk_register_blkio(&ln->bio, NULL, ln->name, &loop_blk_ops, ln);
	mutex_lock(&ln->lock);
	if (IS_ERR(bdev)) {
		ret = PTR_ERR(bdev);
		pr_err("%s: cannot register the block device: %d", ln->name, ret);
		ln_detach_locked(ln);
		mutex_unlock(&ln->lock);
		goto out_abandon;
	}
	ln->bdev = bdev;
	ln->state = LOOP_BOUND;
	mutex_unlock(&ln->lock);
	pr_info("%s: %s, %llu sectors%s", ln->name, ln->path,
		(unsigned long long)ln->bio.nr_sectors,
		ln->bio.read_only ? ", read-only" : "");
	return 0;

out_abandon:
	backing_abandon(b);		/* the caller keeps its reference */
	return ret;
}

/**
 * loop_dev_clear() - remove loopN from the block layer, flush and detach
 * Return: 0, -ENODEV, -ENXIO (not bound), -EBUSY (claimed, or being
 * bound or detached by another thread).
 */
int loop_dev_clear(unsigned int index)
{
	struct loop_node *ln = loop_node_get(index);
	struct block_device *bdev = NULL;
	struct backing *b;
	int ret = 0;

	if (!ln)
		return -ENODEV;
	mutex_lock(&ln->lock);
	if (ln->state == LOOP_UNBOUND) {
		ret = -ENXIO;
	} else if (ln->state != LOOP_BOUND || ln->claims) {
		ret = -EBUSY;
	} else {
		ln->state = LOOP_UNBINDING;	/* refuses claims from now on */
		bdev = ln->bdev;
		ln->bdev = NULL;
	}
	mutex_unlock(&ln->lock);
	if (ret)
		return ret;
	/* Unlocked: removing the partitions' nodes waits out their I/O. */
	blk_unregister_blkio(bdev);
	mutex_lock(&ln->lock);
	b = ln->backing;
	ln_detach_locked(ln);
	mutex_unlock(&ln->lock);
	backing_free(b);
	return 0;
}

/**
 * loop_dev_get_info() - what backs /dev/loop@index
 * Return: 0, -ENODEV, -ENXIO (not bound).
 */
int loop_dev_get_info(unsigned int index, struct loop_info *info)
{
	struct loop_node *ln = loop_node_get(index);
	int ret = 0;

	if (!ln)
		return -ENODEV;
	memset(info, 0, sizeof(*info));
	mutex_lock(&ln->lock);
	if (ln->state == LOOP_BOUND) {
		info->index = ln->index;
		info->flags = ln->bio.read_only ? LOOP_INFO_READ_ONLY : 0;
		info->size = ln->bio.nr_sectors * ln->bio.sector_size;
		strlcpy(info->backing, ln->path, sizeof(info->backing));
	} else {
		ret = -ENXIO;
	}
	mutex_unlock(&ln->lock);
	return ret;
}

/* --- ioctls ------------------------------------------------------------------ */

/* LOOP_SET_FD: the descriptor is the calling process's. */
static long ln_set_fd(struct loop_node *ln, int fd)
{
	struct file *f = fget(vfs_current_ctx(), fd);
	int ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	ret = loop_dev_set_file(ln->index, f);
	if (ret)
		fput(f);
	return ret;
}

static long ln_ioctl(void *priv, u32 cmd, u32 arg)
{
	struct loop_node *ln = priv;
	struct loop_info info;
	int ret;

	switch (cmd) {
	case LOOP_SET_FD:
		return ln_set_fd(ln, (int)arg);
	case LOOP_CLR_FD:
		return loop_dev_clear(ln->index);
	case LOOP_GET_INFO:
		if (!access_ok(arg, sizeof(info)))
			return -EFAULT;
		ret = loop_dev_get_info(ln->index, &info);
		return ret ? ret : copy_to_user(arg, &info, sizeof(info));
	default:
		return -ENOTTY;
	}
}

static long loop_control_ioctl(void *priv, u32 cmd, u32 arg)
{
	if (cmd != LOOP_CTL_GET_FREE)
		return -ENOTTY;
	return loop_dev_get_free();
}

static const struct devfs_char_ops loop_control_ops = {
	.ioctl = loop_control_ioctl,
};

/* --- init and exit -------------------------------------------------------- */

static void loop_nodes_remove(void)
{
	mutex_lock(&loop_nodes_lock);
	for (unsigned int i = 0; i < ARRAY_SIZE(loop_nodes); i++) {
		struct loop_node *ln = loop_nodes[i];

		if (!ln)
			continue;
		devfs_unregister(ln->name);	/* waits out I/O through files */
		blk_unregister_blkio(ln->bdev);
		if (ln->state != LOOP_UNBOUND) {
			loop_detach(&ln->lo);
			backing_free(ln->backing);
		}
		mutex_destroy(&ln->lock);
		kfree(ln);
		loop_nodes[i] = NULL;
	}
	mutex_unlock(&loop_nodes_lock);
}

static int loop_dev_init(void)
{
	struct loop_node *ln;
	int ret = devfs_register_char("loop-control", &loop_control_ops, NULL);

	if (ret)
		return ret;
	mutex_lock(&loop_nodes_lock);
	ln = loop_node_create(0);	/* /dev/loop0 for scripts that name it */
	mutex_unlock(&loop_nodes_lock);
	if (IS_ERR(ln)) {
		devfs_unregister("loop-control");
		return PTR_ERR(ln);
	}
	return 0;
}

static void loop_dev_exit(void)
{
	devfs_unregister("loop-control");
	loop_nodes_remove();
}
initcall_pair(device, loop_dev_init, loop_dev_exit);
