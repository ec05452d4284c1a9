// SPDX-License-Identifier: GPL-2.0
/*
 * Path lookup: walks "a/b/../c" component by component from the caller's
 * working directory or root, through the dcache (asking the filesystem on
 * a miss), crossing mount points downwards and, for "..", upwards, and
 * following symlinks up to VFS_MAX_SYMLINKS deep in one lookup (-ELOOP
 * beyond).  ".." at the caller's root stays at the root.
 *
 * Layer: VFS core, above dcache and mounts.  Locking: holds no lock while
 * walking; a dcache miss locks the directory's inode while the filesystem
 * looks the name up, so a name is cached once.  No permission checks yet
 * (there is one user).  Knows nothing of descriptors.
 */
#include "internal.h"

struct walk {
	struct vfs_ctx *ctx;
	struct path root;	/* the caller's root, referenced */
	int nlinks;		/* symlinks followed so far */
};

static int walk_path(struct walk *w, const char *path, u32 flags, struct path *cur);

/* A cached child of @dir that its filesystem still vouches for. */
static struct dentry *d_lookup_valid(struct dentry *dir, const struct qstr *name)
{
	const struct inode_operations *iop = dir->inode->i_op;
	struct dentry *d = d_lookup(dir, name);

	if (d && iop && iop->revalidate && !iop->revalidate(dir->inode, d->inode)) {
		d_delete(d);
		dput(d);
		d = NULL;
	}
	return d;
}

/**
 * lookup_one_locked() - a child of @dir, from the dcache or the filesystem
 * @dir: referenced directory dentry; the caller holds its inode's lock
 * @name: hashed component
 * Return: a referenced dentry, or an ERR_PTR: -ENOENT, -ENOMEM, or the
 * filesystem's error.
 */
struct dentry *lookup_one_locked(struct dentry *dir, const struct qstr *name)
{
	struct inode *di = dir->inode;
	struct inode *inode;
	struct dentry *d;
	int ret;

	d = d_lookup_valid(dir, name);
	if (d)
		return d;
	if (!di->i_op || !di->i_op->lookup)
		return ERR_PTR(-ENOENT);
	ret = di->i_op->lookup(di, name, &inode);
	if (ret)
		return ERR_PTR(ret);
	d = d_add(dir, name, inode);
	return d ? d : ERR_PTR(-ENOMEM);
}

static struct dentry *lookup_one(struct dentry *dir, const struct qstr *name)
{
	struct dentry *d = d_lookup_valid(dir, name);

	if (d)
		return d;
	mutex_lock(&dir->inode->lock);
	d = lookup_one_locked(dir, name);
	mutex_unlock(&dir->inode->lock);
	return d;
}

static void walk_dotdot(struct walk *w, struct path *cur)
{
	struct dentry *parent;

	for (;;) {
		if (cur->dentry == w->root.dentry && cur->mnt == w->root.mnt)
			return;
		if (!follow_up(cur))
			break;
	}
	parent = dget_parent(cur->dentry);
	dput(cur->dentry);
	cur->dentry = parent;
	follow_mounts(cur);
}

/* Replace @cur (the directory holding @link) by where @link points. */
static int walk_symlink(struct walk *w, struct dentry *link, u32 flags, struct path *cur)
{
	struct inode *inode = link->inode;
	char *target;
	int ret;

	if (++w->nlinks > VFS_MAX_SYMLINKS)
		return -ELOOP;
	if (!inode->i_op || !inode->i_op->readlink)
		return -EINVAL;
	target = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!target)
		return -ENOMEM;
	mutex_lock(&inode->lock);
	ret = inode->i_op->readlink(inode, target, PATH_MAX - 1);
	mutex_unlock(&inode->lock);
	if (ret >= PATH_MAX)
		ret = -ENAMETOOLONG;
	if (ret >= 0) {
		target[ret] = '\0';
		ret = ret ? walk_path(w, target, flags, cur) : -ENOENT;
	}
	kfree(target);
	return ret;
}

static int walk_component(struct walk *w, struct path *cur, const struct qstr *name,
			  bool follow, u32 flags)
{
	struct dentry *child;
	int ret;

	if (!S_ISDIR(cur->dentry->inode->mode))
		return -ENOTDIR;
	if (name->len > NAME_MAX)
		return -ENAMETOOLONG;
	child = lookup_one(cur->dentry, name);
	if (IS_ERR(child))
		return PTR_ERR(child);
	if (follow && S_ISLNK(child->inode->mode)) {
		ret = walk_symlink(w, child, flags, cur);
		dput(child);
		return ret;
	}
	dput(cur->dentry);
	cur->dentry = child;
	follow_mounts(cur);
	return 0;
}

/* Walk @path from @cur (referenced; updated in place). */
static int walk_path(struct walk *w, const char *path, u32 flags, struct path *cur)
{
	const char *s = path, *end;
	struct qstr name;
	bool last, slash;
	int ret;

	if (!*path)
		return -ENOENT;
	if (*s == '/') {
		path_put(cur);
		*cur = w->root;
		path_get(cur);
	}
	for (;;) {
		while (*s == '/')
			s++;
		if (!*s)
			return 0;
		end = s;
		while (*end && *end != '/')
			end++;
		slash = *end == '/';
		last = true;
		for (const char *r = end; *r; r++)
			if (*r != '/')
				last = false;
		name.name = s;
		name.len = end - s;
		s = end;
		if (name.len == 1 && name.name[0] == '.') {
			if (!S_ISDIR(cur->dentry->inode->mode))
				return -ENOTDIR;
			continue;
		}
		if (name.len == 2 && name.name[0] == '.' && name.name[1] == '.') {
			if (!S_ISDIR(cur->dentry->inode->mode))
				return -ENOTDIR;
			walk_dotdot(w, cur);
			continue;
		}
		name.hash = full_name_hash(name.name, name.len);
		ret = walk_component(w, cur, &name,
				     !last || slash || (flags & LOOKUP_FOLLOW),
				     last ? flags : LOOKUP_FOLLOW);
		if (ret)
			return ret;
		if (last && slash && !S_ISDIR(cur->dentry->inode->mode))
			return -ENOTDIR;
	}
}

static void walk_start(struct walk *w, struct vfs_ctx *ctx, struct path *cur)
{
	struct fs_struct *fs = ctx->fs;

	w->ctx = ctx;
	w->nlinks = 0;
	mutex_lock(&fs->lock);
	w->root = fs->root;
	*cur = fs->pwd;
	path_get(&w->root);
	path_get(cur);
	mutex_unlock(&fs->lock);
}

/**
 * path_lookup() - resolve @path for @ctx
 * @flags: LOOKUP_FOLLOW (follow a trailing symlink), LOOKUP_DIRECTORY
 * @out: the result, referenced (release with path_put())
 * Return: 0, -ENOENT, -ENOTDIR, -ELOOP, -ENAMETOOLONG, -ENOMEM, -EIO...
 */
int path_lookup(struct vfs_ctx *ctx, const char *path, u32 flags, struct path *out)
{
	struct walk w;
	int ret;

	if (!ctx->fs->root.mnt)
		return -ENOENT;		/* no root mounted yet */
	walk_start(&w, ctx, out);
	ret = walk_path(&w, path, flags, out);
	if (!ret && (flags & LOOKUP_DIRECTORY) && !S_ISDIR(out->dentry->inode->mode))
		ret = -ENOTDIR;
	path_put(&w.root);
	if (ret) {
		path_put(out);
		out->mnt = NULL;
		out->dentry = NULL;
	}
	return ret;
}

/* Split @path into its directory part (a copy) and last component. */
static int split_last(const char *path, char **dir, struct qstr *last)
{
	size_t len = strlen(path);
	size_t end, start;

	if (!len)
		return -ENOENT;
	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	end = len;
	while (end > 0 && path[end - 1] == '/')
		end--;
	if (!end)
		return -EINVAL;			/* "/" */
	start = end;
	while (start > 0 && path[start - 1] != '/')
		start--;
	last->name = path + start;
	last->len = end - start;
	if (last->len > NAME_MAX)
		return -ENAMETOOLONG;
	if ((last->len == 1 && path[start] == '.') ||
	    (last->len == 2 && path[start] == '.' && path[start + 1] == '.'))
		return -EINVAL;
	last->hash = full_name_hash(last->name, last->len);
	*dir = kmalloc(start + 2, GFP_KERNEL);
	if (!*dir)
		return -ENOMEM;
	if (start) {
		memcpy(*dir, path, start);
		(*dir)[start] = '\0';
	} else {
		strcpy(*dir, ".");
	}
	return 0;
}

/**
 * path_parent() - the directory that holds @path's last component
 * @ctx: caller's context   @path: the full path
 * @parent: out: referenced (not locked)
 * @last: out: the last component (points into @path)
 * Return: 0, -EINVAL ("/", or a last component "." or ".."), -ENOENT,
 * -ENOTDIR, -ENAMETOOLONG, -ELOOP, -ENOMEM.
 */
int path_parent(struct vfs_ctx *ctx, const char *path, struct path *parent,
		struct qstr *last)
{
	char *dir;
	int ret;

	ret = split_last(path, &dir, last);
	if (ret)
		return ret;
	ret = path_lookup(ctx, dir, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, parent);
	kfree(dir);
	return ret;
}

/**
 * path_parent_locked() - path_parent(), and lock the directory's inode
 * Return: as path_parent().
 */
int path_parent_locked(struct vfs_ctx *ctx, const char *path, struct path *parent,
		       struct qstr *last)
{
	int ret = path_parent(ctx, path, parent, last);

	if (!ret)
		mutex_lock(&parent->dentry->inode->lock);
	return ret;
}

/**
 * path_parent_unlock() - undo path_parent_locked()
 */
void path_parent_unlock(struct path *parent)
{
	mutex_unlock(&parent->dentry->inode->lock);
	path_put(parent);
}
