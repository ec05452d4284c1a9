// SPDX-License-Identifier: GPL-2.0
/*
 * read, write, lseek, pread/pwrite, truncate and fsync on open files.
 *
 * Layer: VFS entry points over struct file.  Locking: file->pos_lock
 * serialises users of one file's offset (pipes have none and skip it);
 * for regular files the VFS holds
 * the inode lock around the filesystem's read/write/setsize, so a write
 * (and O_APPEND's end-of-file) is atomic against other writers and
 * readers.  Device and proc files lock themselves.  Knows nothing of how
 * a filesystem stores data.
 */
#include "internal.h"

static bool can_read(const struct file *f)
{
	return (f->flags & O_ACCMODE) != O_WRONLY;
}

static bool can_write(const struct file *f)
{
	return (f->flags & O_ACCMODE) != O_RDONLY;
}

/* No offset: character devices and pipes. */
static bool is_stream(const struct file *f)
{
	return S_ISCHR(f->inode->mode) || S_ISFIFO(f->inode->mode);
}

/*
 * A pipe has no offset to protect, and its reads and writes sleep: taking
 * pos_lock there would leave a second user of a shared end (a forked
 * child) stuck on the mutex, deaf to signals, behind a sleeping reader.
 */
static inline void pos_lock(struct file *f)
{
	if (!S_ISFIFO(f->inode->mode))
		mutex_lock(&f->pos_lock);
}

static inline void pos_unlock(struct file *f)
{
	if (!S_ISFIFO(f->inode->mode))
		mutex_unlock(&f->pos_lock);
}

/* kernel_read()'s body, inline in vfs_read() too: one call less per read. */
static __always_inline ssize_t __kernel_read(struct file *file, void *buf, size_t len,
					     u64 *pos)
{
	struct inode *inode = file->inode;
	bool lock = S_ISREG(inode->mode);
	ssize_t n;

	if (S_ISDIR(inode->mode))
		return -EISDIR;
	if (!file->f_op || !file->f_op->read)
		return -EINVAL;
	if (!len)
		return 0;
	if (lock)
		mutex_lock(&inode->lock);
	n = file->f_op->read(file, buf, len, pos);
	if (lock)
		mutex_unlock(&inode->lock);
	return n;
}

/**
 * kernel_read() - read from @file at *@pos
 * Return: bytes read (0 at end of file), -EISDIR, -EINVAL (no read op),
 * or the filesystem's error.
 */
ssize_t kernel_read(struct file *file, void *buf, size_t len, u64 *pos)
{
	return __kernel_read(file, buf, len, pos);
}

static __always_inline ssize_t __kernel_write(struct file *file, const void *buf,
					      size_t len, u64 *pos)
{
	struct inode *inode = file->inode;
	bool lock = S_ISREG(inode->mode);
	ssize_t n;

	if (!file->f_op || !file->f_op->write)
		return -EINVAL;
	if (!len)
		return 0;
	if (lock)
		mutex_lock(&inode->lock);
	if (lock && (file->flags & O_APPEND))
		*pos = inode->size;
	n = file->f_op->write(file, buf, len, pos);
	if (lock)
		mutex_unlock(&inode->lock);
	return n;
}

/**
 * kernel_write() - write to @file at *@pos (at the end with O_APPEND)
 * Return: bytes written, -EINVAL (no write op), -EFBIG, -ENOSPC, or the
 * filesystem's error.
 */
ssize_t kernel_write(struct file *file, const void *buf, size_t len, u64 *pos)
{
	return __kernel_write(file, buf, len, pos);
}

/**
 * vfs_read() - read from descriptor @fd at its offset
 * Return: bytes read, -EBADF (bad fd, or not open for reading), -EISDIR...
 */
ssize_t vfs_read(struct vfs_ctx *ctx, int fd, void *buf, size_t len)
{
	struct fd fdesc = fdget(ctx, fd);
	struct file *f = fdesc.file;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (!can_read(f)) {
		n = -EBADF;
		goto out_put;
	}
	pos_lock(f);
	n = __kernel_read(f, buf, len, &f->pos);
	pos_unlock(f);
out_put:
	fdput(fdesc);
	return n;
}

/**
 * vfs_write() - write to descriptor @fd at its offset
 * Return: bytes written, -EBADF (bad fd, or not open for writing)...
 */
ssize_t vfs_write(struct vfs_ctx *ctx, int fd, const void *buf, size_t len)
{
	struct fd fdesc = fdget(ctx, fd);
	struct file *f = fdesc.file;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (!can_write(f)) {
		n = -EBADF;
		goto out_put;
	}
	pos_lock(f);
	n = __kernel_write(f, buf, len, &f->pos);
	pos_unlock(f);
out_put:
	fdput(fdesc);
	return n;
}

/**
 * vfs_read_user() - read from descriptor @fd into user memory at @ubuf
 * Return: bytes read, -EBADF, -EFAULT, the file's errors, or -EOPNOTSUPP
 * when the file has no read_user operation (use vfs_read()).
 */
ssize_t vfs_read_user(struct vfs_ctx *ctx, int fd, u32 ubuf, size_t len)
{
	struct fd fdesc = fdget(ctx, fd);
	struct file *f = fdesc.file;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (!can_read(f))
		n = -EBADF;
	else if (!f->f_op || !f->f_op->read_user)
		n = -EOPNOTSUPP;
	else
		n = len ? f->f_op->read_user(f, ubuf, len) : 0;
	fdput(fdesc);
	return n;
}

/**
 * vfs_write_user() - write to descriptor @fd from user memory at @ubuf
 * Return: bytes written, -EBADF, -EFAULT, the file's errors, or
 * -EOPNOTSUPP when the file has no write_user operation (use vfs_write()).
 */
ssize_t vfs_write_user(struct vfs_ctx *ctx, int fd, u32 ubuf, size_t len)
{
	struct fd fdesc = fdget(ctx, fd);
	struct file *f = fdesc.file;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (!can_write(f))
		n = -EBADF;
	else if (!f->f_op || !f->f_op->write_user)
		n = -EOPNOTSUPP;
	else
		n = len ? f->f_op->write_user(f, ubuf, len) : 0;
	fdput(fdesc);
	return n;
}

/**
 * vfs_pread() - read at @pos without moving the offset
 * Return: as vfs_read(); -EINVAL for a negative @pos, -ESPIPE for a
 * character device or a pipe.
 */
ssize_t vfs_pread(struct vfs_ctx *ctx, int fd, void *buf, size_t len, s64 pos)
{
	struct file *f = fget(ctx, fd);
	u64 p = pos;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (!can_read(f))
		n = -EBADF;
	else if (pos < 0)
		n = -EINVAL;
	else if (is_stream(f))
		n = -ESPIPE;
	else
		n = kernel_read(f, buf, len, &p);
	fput(f);
	return n;
}

/**
 * vfs_pwrite() - write at @pos without moving the offset
 * Return: as vfs_write(); -EINVAL for a negative @pos, -ESPIPE.
 */
ssize_t vfs_pwrite(struct vfs_ctx *ctx, int fd, const void *buf, size_t len, s64 pos)
{
	struct file *f = fget(ctx, fd);
	u64 p = pos;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (!can_write(f))
		n = -EBADF;
	else if (pos < 0)
		n = -EINVAL;
	else if (is_stream(f))
		n = -ESPIPE;
	else
		n = kernel_write(f, buf, len, &p);
	fput(f);
	return n;
}

/**
 * vfs_lseek() - move @fd's offset
 * @whence: SEEK_SET, SEEK_CUR, SEEK_END
 * Return: the new offset, -EBADF, -EINVAL (bad @whence or a negative
 * result), -ESPIPE (character device, pipe).
 */
s64 vfs_lseek(struct vfs_ctx *ctx, int fd, s64 off, int whence)
{
	struct file *f = fget(ctx, fd);
	s64 base, ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (is_stream(f)) {
		ret = -ESPIPE;
		goto out_put;
	}
	mutex_lock(&f->pos_lock);
	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = f->pos;
		break;
	case SEEK_END:
		mutex_lock(&f->inode->lock);
		base = f->inode->size;
		mutex_unlock(&f->inode->lock);
		break;
	default:
		base = -1;
		break;
	}
	ret = -EINVAL;
	if (base >= 0 && base + off >= 0) {
		f->pos = base + off;
		ret = f->pos;
	}
	mutex_unlock(&f->pos_lock);
out_put:
	fput(f);
	return ret;
}

/**
 * do_truncate() - set a regular file's size
 * Return: 0, -EINVAL (negative, or no setsize op), or the filesystem's error.
 */
int do_truncate(struct inode *inode, s64 len)
{
	int ret;

	if (len < 0 || !inode->i_op || !inode->i_op->setsize)
		return -EINVAL;
	mutex_lock(&inode->lock);
	ret = inode->i_op->setsize(inode, len);
	mutex_unlock(&inode->lock);
	return ret;
}

/**
 * vfs_truncate() - set the size of the file at @path
 * Return: 0, -EISDIR, -EINVAL (not a regular file, negative @len), -EROFS...
 */
int vfs_truncate(struct vfs_ctx *ctx, const char *path, s64 len)
{
	struct path p;
	int ret;

	ret = path_lookup(ctx, path, LOOKUP_FOLLOW, &p);
	if (ret)
		return ret;
	if (S_ISDIR(p.dentry->inode->mode))
		ret = -EISDIR;
	else if (!S_ISREG(p.dentry->inode->mode))
		ret = -EINVAL;
	else
		ret = mnt_want_write(&p);
	if (!ret)
		ret = do_truncate(p.dentry->inode, len);
	path_put(&p);
	return ret;
}

/**
 * vfs_ftruncate() - set the size of @fd's file (open for writing)
 * Return: 0, -EBADF, -EINVAL, or the filesystem's error.
 */
int vfs_ftruncate(struct vfs_ctx *ctx, int fd, s64 len)
{
	struct file *f = fget(ctx, fd);
	int ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (!can_write(f))
		ret = -EBADF;
	else if (!S_ISREG(f->inode->mode))
		ret = -EINVAL;
	else
		ret = do_truncate(f->inode, len);
	fput(f);
	return ret;
}

/**
 * vfs_fsync() - write @fd's file to its medium
 * Return: 0, -EBADF, or the filesystem's error.
 */
int vfs_fsync(struct vfs_ctx *ctx, int fd)
{
	struct file *f = fget(ctx, fd);
	int ret = 0;

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (f->f_op && f->f_op->fsync)
		ret = f->f_op->fsync(f);
	fput(f);
	return ret;
}
