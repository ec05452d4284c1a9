// SPDX-License-Identifier: GPL-2.0
/*
 * The mount table: which filesystem is mounted on which directory, mount
 * and umount (-EBUSY while anything uses the mount), crossing mount points
 * in both directions for the path walk, and the table's listing.
 *
 * Layer: VFS core, above the dcache and superblocks.  Locking: mount_sem
 * (mutex) serialises whole mount/umount operations (fill_super runs under
 * it and may look paths up); mount_lock (a spinlock: every path_get and
 * path_put takes it, so it must be cheap) protects the list, every mount's
 * count and dentry->mounted.  A struct path holds one count
 * on its mount and one reference on its dentry.  Knows nothing of
 * descriptors or of any particular filesystem.
 */
#define pr_fmt(fmt) "vfs: " fmt
#include "internal.h"
#include <kernel/printk.h>

static LIST_HEAD(mounts);
static DEFINE_SPINLOCK(mount_lock);
static DEFINE_MUTEX(mount_sem);
struct mount *root_mount;

/**
 * path_get() - take a reference on both halves of @p
 */
void path_get(const struct path *p)
{
	unsigned long irqf;
	spin_lock_irqsave(&mount_lock, irqf);
	p->mnt->count++;
	spin_unlock_irqrestore(&mount_lock, irqf);
	dget(p->dentry);
}

/**
 * path_put() - drop the references of @p (fields may be NULL)
 */
void path_put(const struct path *p)
{
	unsigned long irqf;
	dput(p->dentry);
	if (p->mnt) {
		spin_lock_irqsave(&mount_lock, irqf);
		p->mnt->count--;
		spin_unlock_irqrestore(&mount_lock, irqf);
	}
}

/* Caller holds mount_lock. */
static struct mount *lookup_mnt(struct mount *parent, struct dentry *d)
{
	struct mount *m;

	list_for_each_entry(m, &mounts, node)
		if (m->parent == parent && m->mountpoint == d && m != parent)
			return m;
	return NULL;
}

/**
 * follow_mounts() - if @p is a mount point, move to the mounted root
 * @p: referenced path; the references move with it
 */
void follow_mounts(struct path *p)
{
	unsigned long irqf;
	struct mount *m;

	for (;;) {
		spin_lock_irqsave(&mount_lock, irqf);
		m = p->dentry->mounted ? lookup_mnt(p->mnt, p->dentry) : NULL;
		if (m) {
			m->count++;
			p->mnt->count--;
		}
		spin_unlock_irqrestore(&mount_lock, irqf);
		if (!m)
			return;
		dput(p->dentry);
		p->mnt = m;
		p->dentry = dget(m->root);
	}
}

/**
 * follow_up() - if @p is the root of a mounted filesystem, move to the
 * directory it is mounted on
 * @p: referenced path; the references move with it
 * Return: true when it moved.
 */
bool follow_up(struct path *p)
{
	unsigned long irqf;
	struct mount *m = p->mnt;
	struct dentry *old = p->dentry;

	if (p->dentry != m->root || m->parent == m)
		return false;
	spin_lock_irqsave(&mount_lock, irqf);
	m->parent->count++;
	m->count--;
	p->mnt = m->parent;
	p->dentry = dget(m->mountpoint);
	spin_unlock_irqrestore(&mount_lock, irqf);
	dput(old);
	return true;
}

/**
 * mnt_is_rdonly() - true when writes through @mnt are refused
 */
bool mnt_is_rdonly(const struct mount *mnt)
{
	return (mnt->flags & MS_RDONLY) || (mnt->sb->flags & SB_RDONLY);
}

/**
 * mnt_want_write() - may the caller change something under @p?
 * Return: 0 or -EROFS.
 */
int mnt_want_write(const struct path *p)
{
	return mnt_is_rdonly(p->mnt) ? -EROFS : 0;
}

/**
 * d_path_root() - the path of @p as seen from directory @root, across mounts
 * @p: referenced path   @root: the reader's root, or NULL for the global
 * root   @buf: out   @len: its size
 *
 * A pseudo file (a pipe: its dentry is its own parent but not its
 * mount's root) gives its dentry's name, "pipe:[3]".
 * Return: 0; 1 when @p is not below @root (@buf then holds the path from
 * the global root); -ENAMETOOLONG.
 */
int d_path_root(const struct path *p, const struct path *root, char *buf, size_t len)
{
	unsigned long irqf;
	struct mount *mnt = p->mnt;
	struct dentry *d = p->dentry;
	size_t pos = len;
	int ret = 0;

	if (len < 2)
		return -ENAMETOOLONG;
	if (d->parent == d && d != mnt->root) {
		if (strlcpy(buf, d->name.name, len) >= len)
			return -ENAMETOOLONG;
		return 0;
	}
	buf[--pos] = '\0';
	spin_lock_irqsave(&mount_lock, irqf);
	for (;;) {
		if (root && mnt == root->mnt && d_is_ancestor(root->dentry, d)) {
			ret = d_name_copy(d, root->dentry, buf, &pos);
			break;
		}
		ret = d_name_copy(d, mnt->root, buf, &pos);
		if (ret || mnt->parent == mnt) {
			ret = ret ? ret : root ? 1 : 0;
			break;
		}
		d = mnt->mountpoint;
		mnt = mnt->parent;
	}
	spin_unlock_irqrestore(&mount_lock, irqf);
	if (ret < 0)
		return ret;
	if (pos == len - 1)
		buf[--pos] = '/';
	memmove(buf, buf + pos, len - pos);
	return ret;
}

/**
 * d_path() - the absolute path of @p from the global root, across mounts
 * @p: referenced path   @buf: out   @len: its size
 * Return: 0 or -ENAMETOOLONG.
 */
int d_path(const struct path *p, char *buf, size_t len)
{
	return d_path_root(p, NULL, buf, len);
}

static struct mount *mount_alloc(struct super_block *sb, const char *source, u32 flags)
{
	struct mount *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return NULL;
	m->sb = sb;
	m->root = dget(sb->root);
	m->flags = flags & MS_RDONLY;
	m->count = 1;			/* the table's */
	strlcpy(m->source, source ? source : "none", sizeof(m->source));
	return m;
}

/**
 * vfs_mount_root() - mount @fstype as "/" (once, at boot)
 * @fstype: registered type   @source: its source   @flags: MS_RDONLY
 * @data: options, may be NULL
 * Return: 0, -EBUSY when a root exists, -ENODEV, -ENOMEM, or the
 * filesystem's error.
 */
int vfs_mount_root(const char *fstype, const char *source, u32 flags, void *data)
{
	unsigned long irqf;
	struct fs_type *type = get_fs_type(fstype);
	struct super_block *sb;
	struct mount *m;
	struct path root;
	int ret = 0;

	if (!type)
		return -ENODEV;
	mutex_lock(&mount_sem);
	if (root_mount) {
		ret = -EBUSY;
		goto out_unlock;
	}
	sb = sb_mount(type, source, flags, data);
	if (IS_ERR(sb)) {
		ret = PTR_ERR(sb);
		goto out_unlock;
	}
	m = mount_alloc(sb, source, flags);
	if (!m) {
		sb_kill(sb);
		ret = -ENOMEM;
		goto out_unlock;
	}
	m->parent = m;
	m->mountpoint = dget(m->root);
	spin_lock_irqsave(&mount_lock, irqf);
	list_add_tail(&m->node, &mounts);
	root_mount = m;
	spin_unlock_irqrestore(&mount_lock, irqf);
	root.mnt = m;
	root.dentry = m->root;
	kernel_ctx_set_root(&root);
out_unlock:
	mutex_unlock(&mount_sem);
	return ret;
}

/**
 * vfs_mount() - mount a filesystem of type @fstype on directory @target
 * @ctx: caller's context (for @target)
 * @source: device path or name   @target: a directory
 * @fstype: registered type   @flags: MS_RDONLY   @data: options or NULL
 * Return: 0, -ENODEV, -ENOENT, -ENOTDIR, -EBUSY (already a mount point),
 * -ENOMEM, or the filesystem's error.
 */
int vfs_mount(struct vfs_ctx *ctx, const char *source, const char *target,
	      const char *fstype, u32 flags, void *data)
{
	unsigned long irqf;
	struct fs_type *type = get_fs_type(fstype);
	struct super_block *sb;
	struct path mp;
	struct mount *m;
	int ret;

	if (!type)
		return -ENODEV;
	mutex_lock(&mount_sem);
	ret = path_lookup(ctx, target, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &mp);
	if (ret)
		goto out_unlock;
	if (mp.dentry == mp.mnt->root) {	/* already a mount's root */
		ret = -EBUSY;
		goto out_put_mp;
	}
	sb = sb_mount(type, source, flags, data);
	if (IS_ERR(sb)) {
		ret = PTR_ERR(sb);
		goto out_put_mp;
	}
	m = mount_alloc(sb, source, flags);
	if (!m) {
		sb_kill(sb);
		ret = -ENOMEM;
		goto out_put_mp;
	}
	/* The mount keeps mp's references: on the parent mount and the dentry. */
	m->parent = mp.mnt;
	m->mountpoint = mp.dentry;
	spin_lock_irqsave(&mount_lock, irqf);
	mp.dentry->mounted++;
	list_add_tail(&m->node, &mounts);
	spin_unlock_irqrestore(&mount_lock, irqf);
	goto out_unlock;

out_put_mp:
	path_put(&mp);
out_unlock:
	mutex_unlock(&mount_sem);
	return ret;
}

/**
 * vfs_umount() - detach the filesystem mounted on @target
 * @ctx: caller's context   @target: the mount point (or the mounted root)
 * Return: 0, -ENOENT, -EINVAL (not a mount point, or "/"), -EBUSY (open
 * files, working directories or mounts below it).
 */
int vfs_umount(struct vfs_ctx *ctx, const char *target)
{
	unsigned long irqf;
	struct path p, mp;
	struct mount *m;
	int ret;

	mutex_lock(&mount_sem);
	ret = path_lookup(ctx, target, LOOKUP_FOLLOW, &p);
	if (ret)
		goto out_unlock;
	m = p.mnt;
	if (p.dentry != m->root || m == root_mount) {
		ret = -EINVAL;
		goto out_put;
	}
	spin_lock_irqsave(&mount_lock, irqf);
	if (m->count != 2) {		/* the table's and ours */
		spin_unlock_irqrestore(&mount_lock, irqf);
		ret = -EBUSY;
		goto out_put;
	}
	list_del(&m->node);
	m->mountpoint->mounted--;
	m->count = 0;
	spin_unlock_irqrestore(&mount_lock, irqf);
	dput(p.dentry);			/* our lookup's reference; m->count is gone */
	mp.mnt = m->parent;
	mp.dentry = m->mountpoint;
	path_put(&mp);
	dput(m->root);
	sb_kill(m->sb);
	kfree(m);
	goto out_unlock;

out_put:
	path_put(&p);
out_unlock:
	mutex_unlock(&mount_sem);
	return ret;
}

/**
 * vfs_for_each_mount() - call @fn for every mount visible from the
 * calling thread's root (vfs_current_ctx()), in mount order, with its
 * path relative to that root; mounts outside it (the boot ramfs under a
 * pivoted root) are skipped, as in Linux's /proc/mounts
 * @fn: returns non-zero to stop   @arg: passed on
 * Return: 0, -ENOMEM, or @fn's non-zero value.
 */
int vfs_for_each_mount(int (*fn)(const struct mount_info *mi, void *arg), void *arg)
{
	struct mount_info *mi = kmalloc(sizeof(*mi), GFP_KERNEL);
	struct vfs_ctx *ctx = vfs_current_ctx();
	struct path p, root;
	struct mount *m;
	int ret = 0;

	if (!mi)
		return -ENOMEM;
	mutex_lock(&ctx->fs->lock);
	root = ctx->fs->root;
	if (root.mnt)
		path_get(&root);
	mutex_unlock(&ctx->fs->lock);
	mutex_lock(&mount_sem);
	list_for_each_entry(m, &mounts, node) {
		strlcpy(mi->source, m->source, sizeof(mi->source));
		strlcpy(mi->fstype, m->sb->type->name, sizeof(mi->fstype));
		mi->flags = mnt_is_rdonly(m) ? MS_RDONLY : 0;
		p.mnt = m;
		p.dentry = m->root;
		ret = d_path_root(&p, root.mnt ? &root : NULL, mi->path, sizeof(mi->path));
		if (ret > 0) {
			ret = 0;
			continue;	/* not below the reader's root */
		}
		if (ret)
			strlcpy(mi->path, "?", sizeof(mi->path));
		ret = fn(mi, arg);
		if (ret)
			break;
	}
	mutex_unlock(&mount_sem);
	if (root.mnt)
		path_put(&root);
	kfree(mi);
	return ret;
}

/**
 * kern_mount() - an internal instance of @type for kernel objects that
 * have no name (pipes): not on the mount table, never unmounted
 * @type: the filesystem type (need not be registered)
 * Return: the mount, or an ERR_PTR: -ENOMEM or the filesystem's error.
 */
struct mount *kern_mount(struct fs_type *type)
{
	struct super_block *sb = sb_mount(type, type->name, 0, NULL);
	struct mount *m;

	if (IS_ERR(sb))
		return (struct mount *)sb;
	m = mount_alloc(sb, type->name, 0);
	if (!m) {
		sb_kill(sb);
		return ERR_PTR(-ENOMEM);
	}
	m->parent = m;
	m->mountpoint = dget(m->root);
	return m;
}

/**
 * vfs_sync() - write every mounted filesystem's cached data to its medium
 * Return: 0 or the first error (every filesystem is still asked).
 */
int vfs_sync(void)
{
	struct mount *m;
	int ret = 0, err;

	mutex_lock(&mount_sem);
	list_for_each_entry(m, &mounts, node) {
		if (!m->sb->s_op || !m->sb->s_op->sync_fs)
			continue;
		err = m->sb->s_op->sync_fs(m->sb);
		if (err && !ret)
			ret = err;
	}
	mutex_unlock(&mount_sem);
	return ret;
}

