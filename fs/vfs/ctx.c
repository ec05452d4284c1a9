// SPDX-License-Identifier: GPL-2.0
/*
 * Caller contexts: struct fs_struct (root and working directory), the
 * kernel's own context, private contexts for threads (tests, services),
 * chdir and getcwd.
 *
 * Layer: VFS core.  Locking: fs->lock (mutex) protects root and pwd; the
 * counts are atomic.  The kernel context gets its root when the root
 * filesystem is mounted (kernel_ctx_set_root(), from mount.c).
 * Knows nothing of filesystems.
 */
#include "internal.h"
#include <kernel/process.h>

static struct files_struct kernel_files = {
	.count = 1,
	.lock = SPINLOCK_INIT,
};
static struct fs_struct kernel_fs = {
	.count = 1,
	.lock = MUTEX_INIT(kernel_fs.lock),
};
static struct vfs_ctx kernel_ctx = { &kernel_fs, &kernel_files };

/**
 * vfs_kernel_ctx() - the kernel's context (the shell, initcalls)
 */
struct vfs_ctx *vfs_kernel_ctx(void)
{
	return &kernel_ctx;
}

/**
 * vfs_current_ctx() - the context of the calling thread: its process's,
 * or the kernel's for a kernel thread
 */
struct vfs_ctx *vfs_current_ctx(void)
{
	struct process *p = current_process();

	return p && p->vfs ? p->vfs : &kernel_ctx;
}

/**
 * kernel_ctx_set_root() - root and cwd of the kernel context (at root
 * mount, and again when the real root is pivoted in)
 * @root: the new root; referenced here twice
 */
void kernel_ctx_set_root(const struct path *root)
{
	struct path old_root, old_pwd;

	mutex_lock(&kernel_fs.lock);
	old_root = kernel_fs.root;
	old_pwd = kernel_fs.pwd;
	kernel_fs.root = *root;
	kernel_fs.pwd = *root;
	path_get(root);
	path_get(root);
	mutex_unlock(&kernel_fs.lock);
	/* A later call (pivot to the real root) releases the previous pair. */
	if (old_root.mnt)
		path_put(&old_root);
	if (old_pwd.mnt)
		path_put(&old_pwd);
}

/**
 * fs_struct_alloc() - a root/cwd pair with one reference
 * @root: referenced here   @pwd: referenced here
 * Return: the struct or NULL.
 */
struct fs_struct *fs_struct_alloc(const struct path *root, const struct path *pwd)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->count = 1;
	mutex_init(&fs->lock);
	fs->root = *root;
	fs->pwd = *pwd;
	if (root->mnt)
		path_get(root);
	if (pwd->mnt)
		path_get(pwd);
	return fs;
}

/**
 * fs_struct_put() - drop a reference; the last releases root and cwd
 */
void fs_struct_put(struct fs_struct *fs)
{
	if (!fs || __atomic_sub_fetch(&fs->count, 1, __ATOMIC_SEQ_CST) > 0)
		return;
	if (fs->root.mnt)
		path_put(&fs->root);
	if (fs->pwd.mnt)
		path_put(&fs->pwd);
	kfree(fs);
}

/**
 * vfs_ctx_create() - a context with the kernel's root and cwd and an
 * empty descriptor table
 * Return: the context or NULL.  Free with vfs_ctx_destroy().
 */
struct vfs_ctx *vfs_ctx_create(void)
{
	struct vfs_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return NULL;
	ctx->files = files_alloc();
	if (!ctx->files)
		goto out_free_ctx;
	mutex_lock(&kernel_fs.lock);
	ctx->fs = fs_struct_alloc(&kernel_fs.root, &kernel_fs.pwd);
	mutex_unlock(&kernel_fs.lock);
	if (!ctx->fs)
		goto out_put_files;
	return ctx;

out_put_files:
	files_put(ctx->files);
out_free_ctx:
	kfree(ctx);
	return NULL;
}

/**
 * vfs_ctx_destroy() - close its descriptors and release it; NULL is a no-op
 */
void vfs_ctx_destroy(struct vfs_ctx *ctx)
{
	if (!ctx)
		return;
	files_put(ctx->files);
	fs_struct_put(ctx->fs);
	kfree(ctx);
}

/**
 * vfs_chdir() - make @path the working directory
 * Return: 0, -ENOENT, -ENOTDIR, -ELOOP...
 */
int vfs_chdir(struct vfs_ctx *ctx, const char *path)
{
	struct path p, old;
	int ret;

	ret = path_lookup(ctx, path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &p);
	if (ret)
		return ret;
	mutex_lock(&ctx->fs->lock);
	old = ctx->fs->pwd;
	ctx->fs->pwd = p;
	mutex_unlock(&ctx->fs->lock);
	path_put(&old);
	return 0;
}

/**
 * vfs_fchdir() - make the directory open as @fd the working directory
 * Return: 0, -EBADF, -ENOTDIR.
 */
int vfs_fchdir(struct vfs_ctx *ctx, int fd)
{
	struct file *f = fget(ctx, fd);
	struct path old;

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (!S_ISDIR(f->inode->mode)) {
		fput(f);
		return -ENOTDIR;
	}
	path_get(&f->path);
	mutex_lock(&ctx->fs->lock);
	old = ctx->fs->pwd;
	ctx->fs->pwd = f->path;
	mutex_unlock(&ctx->fs->lock);
	fput(f);
	if (old.mnt)
		path_put(&old);
	return 0;
}

/**
 * file_path() - the path of @file as seen from @ctx's root (from the
 * global root when it is outside it): what a loop device reports
 * Return: 0 or -ENAMETOOLONG.
 */
int file_path(struct vfs_ctx *ctx, struct file *file, char *buf, size_t len)
{
	struct path root;
	int ret;

	mutex_lock(&ctx->fs->lock);
	root = ctx->fs->root;
	if (root.mnt)
		path_get(&root);
	mutex_unlock(&ctx->fs->lock);
	ret = d_path_root(&file->path, root.mnt ? &root : NULL, buf, len);
	if (root.mnt)
		path_put(&root);
	return ret > 0 ? 0 : ret;
}

/**
 * vfs_getcwd() - the working directory's path as seen from @ctx's root
 * (from the global root when the directory is outside it)
 * Return: 0, -ENAMETOOLONG, -ENOENT (no root yet).
 */
int vfs_getcwd(struct vfs_ctx *ctx, char *buf, size_t len)
{
	struct path p, root;
	int ret;

	mutex_lock(&ctx->fs->lock);
	p = ctx->fs->pwd;
	root = ctx->fs->root;
	if (p.mnt)
		path_get(&p);
	if (root.mnt)
		path_get(&root);
	mutex_unlock(&ctx->fs->lock);
	if (!p.mnt) {
		if (root.mnt)
			path_put(&root);
		return -ENOENT;
	}
	ret = d_path_root(&p, root.mnt ? &root : NULL, buf, len);
	path_put(&p);
	if (root.mnt)
		path_put(&root);
	return ret > 0 ? 0 : ret;
}
