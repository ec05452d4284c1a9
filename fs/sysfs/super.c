// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs: the device model as a read-only tree (/sys/devices/... with one
 * file per attribute; /sys/class/<class>/<device>, /sys/bus/<bus>/devices/
 * <device> and /sys/bus/<bus>/drivers/<driver>/<device> symlinks into it).
 * Nothing is stored: every lookup and readdir asks the model again, and
 * cached names are never trusted (revalidate says no), so a removed
 * device disappears at once.  An inode holds a reference on its device.
 *
 * Layer: a filesystem under the VFS, over drivers/base.  Locking: the
 * VFS's inode locks; attribute text is produced at open into the file's
 * own buffer.  Knows nothing of particular drivers.
 */
#include "internal.h"
#include <fs/vfs.h>
#include <kernel/init.h>
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define SYSFS_ATTR_SIZE 256

static const struct inode_operations sysfs_dir_iops;
static const struct inode_operations sysfs_link_iops;
static const struct file_operations sysfs_dir_fops;

static u32 kind_mode(enum sysfs_kind kind)
{
	switch (kind) {
	case SYS_ATTR:
		return S_IFREG | 0444;
	case SYS_LINK:
		return S_IFLNK | 0777;
	default:
		return S_IFDIR | 0555;
	}
}

static struct inode *sysfs_inode(struct super_block *sb, const struct sysfs_entry *e)
{
	struct inode *inode = new_inode(sb);
	struct sysfs_node *n;

	if (!inode)
		return NULL;
	n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!n) {
		iput(inode);
		return NULL;
	}
	n->kind = e->kind;
	n->cls = e->cls;
	n->dev = e->dev ? get_device(e->dev) : NULL;
	n->up = e->up;
	if (e->kind == SYS_ATTR)
		strlcpy(n->attr, e->name, sizeof(n->attr));
	if (e->bus)
		strlcpy(n->bus, e->bus->name, sizeof(n->bus));
	if (e->drv)
		strlcpy(n->drv, e->drv->name, sizeof(n->drv));
	inode->priv = n;
	inode->ino = __atomic_add_fetch(&sb->next_ino, 1, __ATOMIC_SEQ_CST);
	inode->mode = kind_mode(e->kind);
	if (S_ISDIR(inode->mode)) {
		inode->nlink = 2;
		inode->i_op = &sysfs_dir_iops;
		inode->i_fop = &sysfs_dir_fops;
	} else if (S_ISLNK(inode->mode)) {
		inode->i_op = &sysfs_link_iops;
	} else {
		inode->i_fop = &sysfs_attr_fops;
		inode->size = SYSFS_ATTR_SIZE;
	}
	return inode;
}

struct find {
	const struct qstr *name;
	struct sysfs_entry found;
	struct device *ref;	/* taken inside the walk, so @found.dev stays valid */
};

static int match(const struct sysfs_entry *e, void *arg)
{
	struct find *f = arg;

	if (!qstr_eq(f->name, e->name, strlen(e->name)))
		return 0;
	f->found = *e;
	f->ref = e->dev ? get_device(e->dev) : NULL;
	return 1;
}

static int sysfs_lookup(struct inode *dir, const struct qstr *name, struct inode **out)
{
	struct find f = { .name = name };
	struct inode *inode;

	if (!sysfs_for_each(dir->priv, match, &f))
		return -ENOENT;
	inode = sysfs_inode(dir->sb, &f.found);
	if (f.ref)
		put_device(f.ref);
	if (!inode)
		return -ENOMEM;
	*out = inode;
	return 0;
}

static bool sysfs_revalidate(struct inode *dir, struct inode *inode)
{
	return false;		/* the model may have changed: always ask again */
}

struct iter {
	struct dir_context *ctx;
	u64 index;
};

static int emit(const struct sysfs_entry *e, void *arg)
{
	struct iter *it = arg;
	unsigned int dt = mode_to_dt(kind_mode(e->kind));

	if (it->index++ < it->ctx->pos)
		return 0;
	if (!dir_emit(it->ctx, e->name, strlen(e->name), it->index, dt))
		return 1;
	it->ctx->pos = it->index;
	return 0;
}

/* Positions: 0 ".", 1 "..", then 2 + the index of an entry. */
static int sysfs_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->inode;
	struct iter it = { .ctx = ctx, .index = 2 };

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dir->ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, dir->ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	sysfs_for_each(dir->priv, emit, &it);
	return 0;
}

/*
 * "../../devices/a/b" for a class member: up from /sys/class/<cls>, the
 * link's directory; "../../../devices/a/b" from /sys/bus/<bus>/devices.
 */
static int sysfs_readlink(struct inode *inode, char *buf, size_t len)
{
	struct sysfs_node *n = inode->priv;
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	int plen = 0;

	if (!path)
		return -ENOMEM;
	for (int i = 0; i < n->up; i++)
		plen += snprintf(path + plen, PATH_MAX - plen, "../");
	plen += snprintf(path + plen, PATH_MAX - plen, "devices");
	plen += device_path(n->dev, path + plen, PATH_MAX - plen);
	memcpy(buf, path, min((size_t)plen, len));
	kfree(path);
	return plen;
}

static const struct inode_operations sysfs_dir_iops = {
	.lookup = sysfs_lookup,
	.revalidate = sysfs_revalidate,
};

static const struct inode_operations sysfs_link_iops = {
	.readlink = sysfs_readlink,
};

static const struct file_operations sysfs_dir_fops = {
	.iterate = sysfs_iterate,
};

struct attr_buf {
	int len;
	char text[SYSFS_ATTR_SIZE];
};

static int attr_open(struct inode *inode, struct file *file)
{
	struct sysfs_node *n = inode->priv;
	struct attr_buf *b;
	int len;

	if ((file->flags & O_ACCMODE) != O_RDONLY)
		return -EACCES;
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	len = device_attr_show(n->dev, n->attr, b->text, sizeof(b->text) - 1);
	if (len < 0) {
		kfree(b);
		return len;
	}
	b->len = min(len, (int)sizeof(b->text) - 2);
	if (!b->len || b->text[b->len - 1] != '\n')
		b->text[b->len++] = '\n';
	file->private_data = b;
	return 0;
}

static void attr_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
}

static ssize_t attr_read(struct file *file, void *buf, size_t len, u64 *pos)
{
	struct attr_buf *b = file->private_data;

	if (*pos >= (u64)b->len)
		return 0;
	len = min((u64)len, b->len - *pos);
	memcpy(buf, b->text + *pos, len);
	*pos += len;
	return len;
}

const struct file_operations sysfs_attr_fops = {
	.open = attr_open,
	.release = attr_release,
	.read = attr_read,
};

static void sysfs_evict(struct inode *inode)
{
	struct sysfs_node *n = inode->priv;

	if (!n)
		return;
	if (n->dev)
		put_device(n->dev);
	kfree(n);
}

static const struct super_operations sysfs_sops = {
	.evict_inode = sysfs_evict,
};

static int sysfs_fill_super(struct super_block *sb, const char *source, void *data)
{
	struct sysfs_entry root = { .name = "/", .kind = SYS_ROOT };
	struct inode *inode;

	sb->s_op = &sysfs_sops;
	sb->magic = SYSFS_MAGIC;
	sb->flags |= SB_RDONLY;
	inode = sysfs_inode(sb, &root);
	if (!inode)
		return -ENOMEM;
	sb->root = d_make_root(inode);
	return sb->root ? 0 : -ENOMEM;
}

static struct fs_type sysfs_type = {
	.name = "sysfs",
	.fill_super = sysfs_fill_super,
};

static int sysfs_init(void)
{
	return register_filesystem(&sysfs_type);
}

static void sysfs_exit(void)
{
	unregister_filesystem(&sysfs_type);
}
initcall_pair(subsys, sysfs_init, sysfs_exit);
