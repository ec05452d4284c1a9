// SPDX-License-Identifier: GPL-2.0
/*
 * A process's VFS context: created for kernel-started processes (root and
 * cwd from the kernel's, descriptors 0-2 on the console), copied by
 * fork() (every descriptor shared, as dup() would), and trimmed by execve()
 * (close-on-exec descriptors closed).  Its descriptor table is used by the
 * process's one thread alone once the process runs (single_user).
 */
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <fs/vfs.h>
#include "proc_internal.h"

struct vfs_ctx *proc_vfs_new(void)
{
	struct vfs_ctx *ctx = vfs_ctx_create();

	if (!ctx)
		return NULL;
	/* stdin, stdout, stderr: the console (absent before /dev exists). */
	if (vfs_open(ctx, "/dev/console", O_RDWR, 0) == 0) {
		vfs_dup(ctx, 0);
		vfs_dup(ctx, 0);
	}
	ctx->files->single_user = true;	/* the new process's one thread */
	return ctx;
}

struct vfs_ctx *proc_vfs_dup(struct vfs_ctx *parent)
{
	struct vfs_ctx *ctx;
	unsigned long flags;

	if (!parent)
		return NULL;
	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return NULL;
	mutex_lock(&parent->fs->lock);
	ctx->fs = fs_struct_alloc(&parent->fs->root, &parent->fs->pwd);
	mutex_unlock(&parent->fs->lock);
	ctx->files = files_alloc();
	if (!ctx->fs || !ctx->files) {
		if (ctx->fs)
			fs_struct_put(ctx->fs);
		if (ctx->files)
			files_put(ctx->files);
		kfree(ctx);
		return NULL;
	}
	spin_lock_irqsave(&parent->files->lock, flags);
	for (int fd = 0; fd < VFS_NR_OPEN; fd++) {
		struct file *f = parent->files->fd[fd];

		if (!f)
			continue;
		__atomic_add_fetch(&f->count, 1, __ATOMIC_SEQ_CST);
		ctx->files->fd[fd] = f;
	}
	ctx->files->cloexec = parent->files->cloexec;
	spin_unlock_irqrestore(&parent->files->lock, flags);
	ctx->files->single_user = true;	/* the child's one thread */
	return ctx;
}

void proc_vfs_put(struct vfs_ctx *ctx)
{
	if (ctx)
		vfs_ctx_destroy(ctx);
}

void proc_vfs_exec(struct vfs_ctx *ctx)
{
	unsigned long flags;
	u32 cloexec;

	if (!ctx)
		return;
	spin_lock_irqsave(&ctx->files->lock, flags);
	cloexec = ctx->files->cloexec;
	spin_unlock_irqrestore(&ctx->files->lock, flags);
	for (int fd = 0; fd < VFS_NR_OPEN; fd++)
		if (cloexec & (1u << fd))
			vfs_close(ctx, fd);
}
