// SPDX-License-Identifier: GPL-2.0
/*
 * Namespace changes: mkdir, rmdir, unlink, link, symlink, readlink and
 * rename.  Each checks the POSIX cases (-EEXIST, -ENOTDIR, -EISDIR,
 * -EXDEV, -EBUSY for mount points, -EINVAL for a directory moved under
 * itself) before the filesystem acts, then updates the dcache.
 *
 * Layer: VFS entry points.  Locking: the parent directory's inode lock
 * (path_parent_locked), then the victim's.  rename takes the
 * superblock's rename_lock first, then both directories (ancestor
 * first, otherwise by address), then the moved and replaced inodes by
 * address.  Knows nothing of how a filesystem stores names.
 */
#include "internal.h"

static bool is_mountpoint(struct dentry *d)
{
	return READ_ONCE(d->mounted) > 0;
}

/* Lock two inodes by address (either may be NULL or equal). */
static void lock_two(struct inode *a, struct inode *b)
{
	if (a && b && a > b) {
		struct inode *t = a;

		a = b;
		b = t;
	}
	if (a)
		mutex_lock(&a->lock);
	if (b && b != a)
		mutex_lock(&b->lock);
}

static void unlock_two(struct inode *a, struct inode *b)
{
	if (a)
		mutex_unlock(&a->lock);
	if (b && b != a)
		mutex_unlock(&b->lock);
}

typedef int (*create_fn)(struct inode *dir, const struct qstr *name,
			 const void *arg, struct inode **out);

static int do_create(struct vfs_ctx *ctx, const char *path, create_fn fn, const void *arg)
{
	struct path parent;
	struct qstr last;
	struct inode *inode;
	struct dentry *d;
	int ret;

	ret = path_parent_locked(ctx, path, &parent, &last);
	if (ret)
		return ret == -EINVAL ? -EEXIST : ret;
	d = lookup_one_locked(parent.dentry, &last);
	if (!IS_ERR(d)) {
		dput(d);
		ret = -EEXIST;
		goto out_unlock;
	}
	ret = PTR_ERR(d);
	if (ret != -ENOENT)
		goto out_unlock;
	if (!parent.dentry->inode->nlink)
		goto out_unlock;		/* the directory was removed: -ENOENT */
	ret = mnt_want_write(&parent);
	if (!ret)
		ret = fn(parent.dentry->inode, &last, arg, &inode);
	if (!ret) {
		d = d_add(parent.dentry, &last, inode);
		ret = d ? 0 : -ENOMEM;
		dput(d);
	}
out_unlock:
	path_parent_unlock(&parent);
	return ret;
}

static int mkdir_fn(struct inode *dir, const struct qstr *name, const void *arg,
		    struct inode **out)
{
	if (!dir->i_op || !dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, name, S_IFDIR | (*(const u32 *)arg & S_IALLUGO), out);
}

/**
 * vfs_mkdir() - make directory @path
 * Return: 0, -EEXIST, -ENOENT (no parent), -ENOTDIR, -EROFS, -ENOSPC...
 */
int vfs_mkdir(struct vfs_ctx *ctx, const char *path, u32 mode)
{
	return do_create(ctx, path, mkdir_fn, &mode);
}

static int symlink_fn(struct inode *dir, const struct qstr *name, const void *arg,
		      struct inode **out)
{
	if (!dir->i_op || !dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, name, arg, out);
}

/**
 * vfs_symlink() - make @linkpath a symlink to @target (stored as given)
 * Return: 0, -EEXIST, -ENOENT (empty target or no parent), -ENAMETOOLONG...
 */
int vfs_symlink(struct vfs_ctx *ctx, const char *target, const char *linkpath)
{
	size_t len = strnlen(target, PATH_MAX);

	if (!len)
		return -ENOENT;
	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	return do_create(ctx, linkpath, symlink_fn, target);
}

/* Look up the victim of rmdir/unlink under its locked parent. */
static int remove_common(struct vfs_ctx *ctx, const char *path, bool dir)
{
	struct path parent;
	struct qstr last;
	struct inode *di, *victim;
	struct dentry *d;
	int ret;

	ret = path_parent_locked(ctx, path, &parent, &last);
	if (ret)
		return ret;
	di = parent.dentry->inode;
	d = lookup_one_locked(parent.dentry, &last);
	if (IS_ERR(d)) {
		ret = PTR_ERR(d);
		goto out_unlock;
	}
	victim = d->inode;
	if (dir && !S_ISDIR(victim->mode))
		ret = -ENOTDIR;
	else if (!dir && S_ISDIR(victim->mode))
		ret = -EISDIR;
	else if (is_mountpoint(d))
		ret = -EBUSY;
	else
		ret = mnt_want_write(&parent);
	if (!ret && (!di->i_op || !(dir ? di->i_op->rmdir : di->i_op->unlink)))
		ret = -EPERM;
	if (ret)
		goto out_put_d;
	mutex_lock(&victim->lock);
	ret = dir ? di->i_op->rmdir(di, &last, victim) : di->i_op->unlink(di, &last, victim);
	mutex_unlock(&victim->lock);
	if (!ret)
		d_delete(d);
out_put_d:
	dput(d);
out_unlock:
	path_parent_unlock(&parent);
	return ret;
}

/**
 * vfs_rmdir() - remove the empty directory @path
 * Return: 0, -ENOTEMPTY, -ENOTDIR, -ENOENT, -EBUSY (a mount point),
 * -EINVAL (last component "." or ".."), -EROFS.
 */
int vfs_rmdir(struct vfs_ctx *ctx, const char *path)
{
	return remove_common(ctx, path, true);
}

/**
 * vfs_unlink() - remove the name @path (not a directory)
 * Return: 0, -EISDIR, -ENOENT, -ENOTDIR, -EROFS.
 */
int vfs_unlink(struct vfs_ctx *ctx, const char *path)
{
	int ret = remove_common(ctx, path, false);

	return ret == -EINVAL ? -EISDIR : ret;
}

/**
 * vfs_link() - make @newpath another name for @oldpath's inode
 * Return: 0, -EEXIST, -ENOENT, -EPERM (a directory), -EXDEV (another
 * mount), -EMLINK, -EROFS.
 */
int vfs_link(struct vfs_ctx *ctx, const char *oldpath, const char *newpath)
{
	struct path old, parent;
	struct qstr last;
	struct inode *inode, *di;
	struct dentry *d;
	int ret;

	ret = path_lookup(ctx, oldpath, 0, &old);
	if (ret)
		return ret;
	inode = old.dentry->inode;
	ret = path_parent_locked(ctx, newpath, &parent, &last);
	if (ret) {
		ret = ret == -EINVAL ? -EEXIST : ret;
		goto out_put_old;
	}
	di = parent.dentry->inode;
	d = lookup_one_locked(parent.dentry, &last);
	if (!IS_ERR(d)) {
		dput(d);
		ret = -EEXIST;
	} else if (PTR_ERR(d) != -ENOENT) {
		ret = PTR_ERR(d);
	} else if (S_ISDIR(inode->mode)) {
		ret = -EPERM;
	} else if (old.mnt != parent.mnt) {
		ret = -EXDEV;
	} else if (!di->nlink) {
		ret = -ENOENT;			/* the directory was removed */
	} else {
		ret = mnt_want_write(&parent);
		if (!ret && (!di->i_op || !di->i_op->link))
			ret = -EPERM;
	}
	if (ret)
		goto out_unlock;
	mutex_lock(&inode->lock);
	ret = di->i_op->link(inode, di, &last);
	mutex_unlock(&inode->lock);
	if (!ret) {
		ihold(inode);
		d = d_add(parent.dentry, &last, inode);
		dput(d);
	}
out_unlock:
	path_parent_unlock(&parent);
out_put_old:
	path_put(&old);
	return ret;
}

/**
 * vfs_readlink() - the target of symlink @path (no NUL added)
 * Return: bytes copied (at most @len), -EINVAL (not a symlink), -ENOENT...
 */
int vfs_readlink(struct vfs_ctx *ctx, const char *path, char *buf, size_t len)
{
	struct inode *inode;
	struct path p;
	int ret;

	ret = path_lookup(ctx, path, 0, &p);
	if (ret)
		return ret;
	inode = p.dentry->inode;
	if (!S_ISLNK(inode->mode) || !inode->i_op || !inode->i_op->readlink) {
		ret = -EINVAL;
	} else {
		mutex_lock(&inode->lock);
		ret = inode->i_op->readlink(inode, buf, len);
		mutex_unlock(&inode->lock);
		if (ret > (int)len)
			ret = len;
	}
	path_put(&p);
	return ret;
}

/* --- rename ------------------------------------------------------------- */

struct rename_op {
	struct path op, np;		/* the two parent directories */
	struct qstr oname, nname;
	struct dentry *src, *victim;	/* victim may be NULL */
};

static void lock_rename(struct dentry *od, struct dentry *nd)
{
	if (od == nd) {
		mutex_lock(&od->inode->lock);
	} else if (d_is_ancestor(od, nd)) {
		mutex_lock(&od->inode->lock);
		mutex_lock(&nd->inode->lock);
	} else if (d_is_ancestor(nd, od)) {
		mutex_lock(&nd->inode->lock);
		mutex_lock(&od->inode->lock);
	} else {
		lock_two(od->inode, nd->inode);
	}
}

static void unlock_rename(struct dentry *od, struct dentry *nd)
{
	unlock_two(od->inode, nd->inode);
}

/* The POSIX checks, with both directories locked. */
static int rename_check(struct rename_op *r)
{
	struct inode *moved = r->src->inode;
	struct inode *victim = r->victim ? r->victim->inode : NULL;

	if (S_ISDIR(moved->mode) && d_is_ancestor(r->src, r->np.dentry))
		return -EINVAL;			/* into its own subtree */
	if (is_mountpoint(r->src) || (r->victim && is_mountpoint(r->victim)))
		return -EBUSY;
	if (!r->np.dentry->inode->nlink)
		return -ENOENT;			/* the target directory was removed */
	if (!victim)
		return 0;
	if (S_ISDIR(moved->mode) && !S_ISDIR(victim->mode))
		return -ENOTDIR;
	if (!S_ISDIR(moved->mode) && S_ISDIR(victim->mode))
		return -EISDIR;
	if (S_ISDIR(victim->mode) && d_is_ancestor(r->victim, r->op.dentry))
		return -ENOTEMPTY;		/* it holds the source */
	return 0;
}

static int rename_locked(struct rename_op *r)
{
	struct inode *odir = r->op.dentry->inode, *ndir = r->np.dentry->inode;
	struct inode *moved, *victim;
	struct dentry *d;
	int ret;

	r->src = lookup_one_locked(r->op.dentry, &r->oname);
	if (IS_ERR(r->src))
		return PTR_ERR(r->src);
	d = lookup_one_locked(r->np.dentry, &r->nname);
	if (IS_ERR(d) && PTR_ERR(d) != -ENOENT) {
		dput(r->src);
		return PTR_ERR(d);
	}
	r->victim = IS_ERR(d) ? NULL : d;
	moved = r->src->inode;
	victim = r->victim ? r->victim->inode : NULL;
	if (moved == victim) {
		ret = 0;			/* the same file: nothing to do */
		goto out_put;
	}
	ret = rename_check(r);
	if (!ret && (!odir->i_op || !odir->i_op->rename))
		ret = -EPERM;
	if (ret)
		goto out_put;
	lock_two(moved, victim);
	ret = odir->i_op->rename(odir, &r->oname, ndir, &r->nname, moved, victim);
	unlock_two(moved, victim);
	if (ret)
		goto out_put;
	if (r->victim)
		d_delete(r->victim);
	d_move(r->src, r->np.dentry, &r->nname);
out_put:
	dput(r->victim);
	dput(r->src);
	return ret;
}

/**
 * vfs_rename() - move @oldpath to @newpath, replacing what is there
 * Return: 0, -ENOENT, -EXDEV (other mount), -EINVAL (a directory into
 * itself, or "."/".."), -ENOTDIR/-EISDIR (type mismatch with the
 * replaced entry), -ENOTEMPTY, -EBUSY (a mount point), -EROFS.
 */
int vfs_rename(struct vfs_ctx *ctx, const char *oldpath, const char *newpath)
{
	struct rename_op r = { 0 };
	struct super_block *sb;
	int ret;

	ret = path_parent(ctx, oldpath, &r.op, &r.oname);
	if (ret)
		return ret;
	ret = path_parent(ctx, newpath, &r.np, &r.nname);
	if (ret)
		goto out_put_op;
	if (r.op.mnt != r.np.mnt) {
		ret = -EXDEV;
		goto out_put_np;
	}
	ret = mnt_want_write(&r.np);
	if (ret)
		goto out_put_np;
	sb = r.op.mnt->sb;
	mutex_lock(&sb->rename_lock);
	lock_rename(r.op.dentry, r.np.dentry);
	ret = rename_locked(&r);
	unlock_rename(r.op.dentry, r.np.dentry);
	mutex_unlock(&sb->rename_lock);
out_put_np:
	path_put(&r.np);
out_put_op:
	path_put(&r.op);
	return ret;
}
