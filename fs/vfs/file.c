// SPDX-License-Identifier: GPL-2.0
/*
 * Open files and descriptor tables: struct file (a path, an offset, the
 * open flags, a refcount) and struct files_struct (descriptor -> file),
 * a refcounted table that a process will own and its threads share.
 *
 * Layer: VFS core, above paths.  Locking: files->lock (spinlock, IRQs
 * off) protects the table and is held only for its loads and stores (a
 * file is released after it is dropped); file and table counts are atomic; file->pos_lock serialises the
 * offset of one open file.  A descriptor's file is looked up with a
 * reference (fget) so a concurrent close cannot free it under a reader.
 * Knows nothing of what a file contains.
 */
#include "internal.h"

static int atomic_inc_return(int *v)
{
	return __atomic_add_fetch(v, 1, __ATOMIC_SEQ_CST);
}

static int atomic_dec_return(int *v)
{
	return __atomic_sub_fetch(v, 1, __ATOMIC_SEQ_CST);
}

/**
 * file_alloc() - open @p: a new struct file with one reference
 * @p: referenced path (the file takes its own references)
 * @flags: O_* flags
 * Return: the file, or an ERR_PTR: -ENOMEM or the filesystem's open error.
 */
struct file *file_alloc(const struct path *p, u32 flags)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);
	int ret;

	if (!f)
		return ERR_PTR(-ENOMEM);
	f->path = *p;
	f->inode = p->dentry->inode;
	f->f_op = f->inode->i_fop;
	f->flags = flags;
	f->count = 1;
	mutex_init(&f->pos_lock);
	path_get(p);
	if (f->f_op && f->f_op->open) {
		ret = f->f_op->open(f->inode, f);
		if (ret)
			goto out_put_path;
	}
	return f;

out_put_path:
	path_put(&f->path);
	kfree(f);
	return ERR_PTR(ret);
}

/**
 * alloc_file_pseudo() - open a file on a pseudo dentry of an internal mount
 * @mnt: from kern_mount()   @d: from d_alloc_pseudo()   @flags: O_*
 * The file takes its own references on both.
 * Return: the file with one reference, or an ERR_PTR (-ENOMEM, open error).
 */
struct file *alloc_file_pseudo(struct mount *mnt, struct dentry *d, u32 flags)
{
	struct path p = { .mnt = mnt, .dentry = d };

	return file_alloc(&p, flags);
}

/**
 * __fput() - release @file, whose last reference fput() dropped
 */
void __fput(struct file *file)
{
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->inode, file);
	path_put(&file->path);
	mutex_destroy(&file->pos_lock);
	kfree(file);
}

/**
 * files_alloc() - an empty descriptor table with one reference
 * Return: the table or NULL.
 */
struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	files->count = 1;
	spin_lock_init(&files->lock);
	return files;
}

/**
 * files_get() - share @files (another owner)
 */
void files_get(struct files_struct *files)
{
	atomic_inc_return(&files->count);
}

/**
 * files_put() - drop an owner; the last one closes every descriptor
 */
void files_put(struct files_struct *files)
{
	if (!files || atomic_dec_return(&files->count) > 0)
		return;
	for (int fd = 0; fd < VFS_NR_OPEN; fd++)
		fput(files->fd[fd]);
	kfree(files);
}

/**
 * fget() - the file behind @fd, referenced
 * Return: the file (release with fput()), or ERR_PTR(-EBADF).
 */
struct file *fget(struct vfs_ctx *ctx, int fd)
{
	return __fget(ctx, fd);
}

static int install_at(struct files_struct *files, int fd, struct file *file, bool cloexec)
{
	files->fd[fd] = file;
	if (cloexec)
		files->cloexec |= 1u << fd;
	else
		files->cloexec &= ~(1u << fd);
	return fd;
}

/**
 * fd_install() - give @file the lowest free descriptor
 * @file: its reference passes to the table on success
 * Return: the descriptor, or -EMFILE (the caller keeps its reference).
 */
int fd_install(struct vfs_ctx *ctx, struct file *file, bool cloexec)
{
	struct files_struct *files = ctx->files;
	int fd, ret = -EMFILE;
	unsigned long flags;

	spin_lock_irqsave(&files->lock, flags);
	for (fd = 0; fd < VFS_NR_OPEN; fd++) {
		if (!files->fd[fd]) {
			ret = install_at(files, fd, file, cloexec);
			break;
		}
	}
	spin_unlock_irqrestore(&files->lock, flags);
	return ret;
}

/**
 * vfs_close() - release descriptor @fd
 * Return: 0 or -EBADF.
 */
int vfs_close(struct vfs_ctx *ctx, int fd)
{
	struct files_struct *files = ctx->files;
	unsigned long flags;
	struct file *f;

	if (fd < 0 || fd >= VFS_NR_OPEN)
		return -EBADF;
	spin_lock_irqsave(&files->lock, flags);
	f = files->fd[fd];
	files->fd[fd] = NULL;
	files->cloexec &= ~(1u << fd);
	spin_unlock_irqrestore(&files->lock, flags);
	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

/**
 * vfs_dup() - a second descriptor (the lowest free) for @fd's file
 * Return: the new descriptor, -EBADF or -EMFILE.
 */
int vfs_dup(struct vfs_ctx *ctx, int fd)
{
	struct file *f = fget(ctx, fd);
	int ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	ret = fd_install(ctx, f, false);
	if (ret < 0)
		fput(f);
	return ret;
}

/**
 * vfs_dup2() - make @newfd refer to @fd's file (closing what it had)
 * Return: @newfd, or -EBADF.
 */
int vfs_dup2(struct vfs_ctx *ctx, int fd, int newfd)
{
	struct files_struct *files = ctx->files;
	struct file *f, *old;
	unsigned long flags;

	if (newfd < 0 || newfd >= VFS_NR_OPEN)
		return -EBADF;
	f = fget(ctx, fd);
	if (IS_ERR(f))
		return PTR_ERR(f);
	if (fd == newfd) {
		fput(f);
		return newfd;
	}
	spin_lock_irqsave(&files->lock, flags);
	old = files->fd[newfd];
	install_at(files, newfd, f, false);
	spin_unlock_irqrestore(&files->lock, flags);
	fput(old);
	return newfd;
}
