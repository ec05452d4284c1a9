// SPDX-License-Identifier: GPL-2.0
/*
 * open: resolve or create the file, check the open mode against its type
 * and mount (-EISDIR, -ENOTDIR, -EROFS), truncate on O_TRUNC, and give the
 * caller a struct file (filp_open) or a descriptor (vfs_open).
 *
 * Layer: VFS entry points.  Locking: creation holds the parent directory's
 * inode lock across lookup and create, so O_CREAT|O_EXCL is atomic.
 * Knows nothing of file contents.
 */
#include "internal.h"

static bool wants_write(int flags)
{
	return (flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC);
}

static int open_create(struct vfs_ctx *ctx, const char *path, int flags, u32 mode,
		       struct path *out, int depth);

/*
 * O_CREAT on an existing symlink: open what it names, or create it when
 * it dangles (as Linux does), resolving a relative target against the
 * link's directory.
 */
static int create_through_link(struct vfs_ctx *ctx, const char *path, int flags,
			       u32 mode, struct path *out, int depth)
{
	size_t dirlen = strlen(path);
	char *buf;
	int ret, n;

	if (flags & O_NOFOLLOW)
		return -ELOOP;
	if (flags & O_EXCL)
		return -EEXIST;
	ret = path_lookup(ctx, path, LOOKUP_FOLLOW, out);
	if (ret != -ENOENT)
		return ret;
	if (depth >= VFS_MAX_SYMLINKS)
		return -ELOOP;
	buf = kmalloc(2 * PATH_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	while (dirlen && path[dirlen - 1] == '/')
		dirlen--;
	while (dirlen && path[dirlen - 1] != '/')
		dirlen--;
	memcpy(buf, path, dirlen);		/* "dir/" or "" */
	n = vfs_readlink(ctx, path, buf + PATH_MAX, PATH_MAX - 1);
	ret = n;
	if (n >= 0) {
		buf[PATH_MAX + n] = '\0';
		if (buf[PATH_MAX] == '/')
			dirlen = 0;
		if (dirlen + n >= PATH_MAX) {
			ret = -ENAMETOOLONG;
		} else {
			memmove(buf + dirlen, buf + PATH_MAX, n + 1);
			ret = open_create(ctx, buf, flags, mode, out, depth + 1);
		}
	}
	kfree(buf);
	return ret;
}

/* Find or make the last component under its locked parent. */
static int open_create(struct vfs_ctx *ctx, const char *path, int flags, u32 mode,
		       struct path *out, int depth)
{
	struct path parent;
	struct qstr last;
	struct inode *dir, *inode;
	struct dentry *d;
	int ret;

	ret = path_parent_locked(ctx, path, &parent, &last);
	if (ret)
		return ret == -EINVAL ? -EISDIR : ret;
	dir = parent.dentry->inode;
	d = lookup_one_locked(parent.dentry, &last);
	if (IS_ERR(d) && PTR_ERR(d) == -ENOENT && path[strlen(path) - 1] == '/') {
		ret = -EISDIR;			/* "name/" cannot be a new file */
		goto out_unlock;
	}
	if (IS_ERR(d) && PTR_ERR(d) == -ENOENT && !dir->nlink) {
		ret = -ENOENT;			/* the directory was removed */
		goto out_unlock;
	}
	if (!IS_ERR(d)) {
		ret = (flags & O_EXCL) ? -EEXIST : 0;
		goto found;
	}
	ret = PTR_ERR(d);
	if (ret != -ENOENT)
		goto out_unlock;
	ret = mnt_want_write(&parent);
	if (ret)
		goto out_unlock;
	if (!dir->i_op || !dir->i_op->create) {
		ret = -EACCES;
		goto out_unlock;
	}
	ret = dir->i_op->create(dir, &last, S_IFREG | (mode & S_IALLUGO), &inode);
	if (ret)
		goto out_unlock;
	d = d_add(parent.dentry, &last, inode);
	ret = d ? 0 : -ENOMEM;
	flags &= ~O_TRUNC;
found:
	if (!ret && S_ISLNK(d->inode->mode)) {
		/* An existing symlink: open what it names. */
		dput(d);
		path_parent_unlock(&parent);
		return create_through_link(ctx, path, flags, mode, out, depth);
	}
	if (!ret) {
		out->mnt = parent.mnt;
		out->dentry = d;
		path_get(out);
		dput(d);		/* path_get took its own */
		follow_mounts(out);
	} else if (d && !IS_ERR(d)) {
		dput(d);
	}
out_unlock:
	path_parent_unlock(&parent);
	return ret;
}

/**
 * filp_open() - open @path and return the struct file
 * @ctx: caller's context
 * @flags: O_RDONLY/O_WRONLY/O_RDWR with O_CREAT, O_EXCL, O_TRUNC,
 *	O_APPEND, O_DIRECTORY, O_NOFOLLOW
 * @mode: permission bits for a created file
 * Return: the file (release with fput()), or an ERR_PTR: -ENOENT, -EEXIST,
 * -EISDIR, -ENOTDIR, -ELOOP, -EROFS, -EINVAL (bad access mode), -ENOMEM...
 */
struct file *filp_open(struct vfs_ctx *ctx, const char *path, int flags, u32 mode)
{
	struct path p;
	struct inode *inode;
	struct file *f;
	int ret;

	if ((flags & O_ACCMODE) == O_ACCMODE)
		return ERR_PTR(-EINVAL);
	if (flags & O_CREAT)
		ret = open_create(ctx, path, flags, mode, &p, 0);
	else
		ret = path_lookup(ctx, path, (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &p);
	if (ret)
		return ERR_PTR(ret);
	inode = p.dentry->inode;
	if (S_ISLNK(inode->mode))
		ret = -ELOOP;				/* O_NOFOLLOW */
	else if ((flags & O_DIRECTORY) && !S_ISDIR(inode->mode))
		ret = -ENOTDIR;
	else if (S_ISDIR(inode->mode) && wants_write(flags))
		ret = -EISDIR;
	else if (wants_write(flags) && !S_ISCHR(inode->mode))
		ret = mnt_want_write(&p);
	if (!ret && (flags & O_TRUNC) && S_ISREG(inode->mode))
		ret = do_truncate(inode, 0);
	if (ret) {
		path_put(&p);
		return ERR_PTR(ret);
	}
	f = file_alloc(&p, flags);
	path_put(&p);
	return f;
}

/**
 * vfs_open() - open @path and give it the lowest free descriptor
 * Return: the descriptor, -EMFILE, or filp_open()'s errors.
 */
int vfs_open(struct vfs_ctx *ctx, const char *path, int flags, u32 mode)
{
	struct file *f = filp_open(ctx, path, flags, mode);
	int fd;

	if (IS_ERR(f))
		return PTR_ERR(f);
	fd = fd_install(ctx, f, flags & O_CLOEXEC);
	if (fd < 0)
		fput(f);
	return fd;
}
