// SPDX-License-Identifier: GPL-2.0
/*
 * getdents: directory entries as struct dirent64 records (uapi/dirent.h)
 * from the filesystem's iterate(), resumable at the file's offset (the
 * filesystem's cookie).
 *
 * Layer: VFS entry points.  Locking: the file's pos_lock, then the
 * directory inode's lock while the filesystem iterates.  Knows nothing of
 * how a filesystem stores entries.
 */
#include "internal.h"

struct getdents_ctx {
	struct dir_context ctx;
	u8 *buf;
	size_t len, used;
	struct dirent64 *prev;
	int error;
};

static bool fill_one(struct dir_context *dc, const char *name, u32 len,
		     u64 ino, unsigned int type)
{
	struct getdents_ctx *g = container_of(dc, struct getdents_ctx, ctx);
	size_t reclen = ALIGN_UP(__builtin_offsetof(struct dirent64, d_name) + len + 1, 8);
	struct dirent64 *de;

	if (g->prev)
		g->prev->d_off = dc->pos;	/* where the next record starts */
	if (g->used + reclen > g->len) {
		if (!g->used)
			g->error = -EINVAL;	/* not even one entry fits */
		return false;
	}
	de = (struct dirent64 *)(g->buf + g->used);
	de->d_ino = ino;
	de->d_off = 0;
	de->d_reclen = reclen;
	de->d_type = type;
	memcpy(de->d_name, name, len);
	memset(de->d_name + len, 0, reclen - __builtin_offsetof(struct dirent64, d_name) - len);
	g->prev = de;
	g->used += reclen;
	return true;
}

/**
 * vfs_getdents() - read directory entries from @fd
 * @buf: 8-byte aligned buffer for struct dirent64 records   @len: its size
 * Return: bytes filled, 0 at the end, -EBADF, -ENOTDIR, -EINVAL (@buf
 * too small for the next entry), or the filesystem's error.
 */
int vfs_getdents(struct vfs_ctx *ctx, int fd, void *buf, size_t len)
{
	struct getdents_ctx g = { .ctx.actor = fill_one, .buf = buf, .len = len };
	struct file *f = fget(ctx, fd);
	struct inode *inode;
	int ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	inode = f->inode;
	if (!S_ISDIR(inode->mode) || !f->f_op || !f->f_op->iterate) {
		ret = -ENOTDIR;
		goto out_put;
	}
	mutex_lock(&f->pos_lock);
	mutex_lock(&inode->lock);
	g.ctx.pos = f->pos;
	ret = f->f_op->iterate(f, &g.ctx);
	mutex_unlock(&inode->lock);
	if (g.prev)
		g.prev->d_off = g.ctx.pos;
	f->pos = g.ctx.pos;
	mutex_unlock(&f->pos_lock);
	/* Entries already copied are returned; an error comes on the next call. */
	if (g.used)
		ret = g.used;
	else if (!ret)
		ret = g.error;
out_put:
	fput(f);
	return ret;
}
