// SPDX-License-Identifier: GPL-2.0
/*
 * procfs as a filesystem: a read-only root directory of registered
 * entries (plus the per-process directories and "self" of pid.c);
 * opening an entry runs its show() into a private snapshot buffer that
 * reads then copy from.
 *
 * Layer: a filesystem under the VFS.  Locking: the VFS's inode locks;
 * each open file owns its snapshot.  Knows nothing of what entries show.
 */
#include "internal.h"
#include <fs/vfs.h>
#include <kernel/init.h>
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/string.h>

/**
 * proc_seq_open() - run @show into a new snapshot that @file's reads copy
 * from, growing the buffer (up to PROC_MAX_SIZE) until the text fits
 * @file: being opened (read-only)   @show: fills the buffer   @arg: for @show
 * Return: 0, -EACCES (opened for writing), -ENOMEM, -EFBIG, or @show's error.
 */
int proc_seq_open(struct file *file, int (*show)(struct seq_buf *s, void *arg),
		  void *arg)
{
	struct seq_buf *s;
	size_t size = 1024;
	int ret;

	if ((file->flags & O_ACCMODE) != O_RDONLY)
		return -EACCES;
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	for (;;) {
		s->buf = kmalloc(size, GFP_KERNEL);
		if (!s->buf) {
			ret = -ENOMEM;
			break;
		}
		s->size = size;
		s->len = 0;
		s->overflow = false;
		ret = show(s, arg);
		if (ret || !s->overflow)
			break;
		kfree(s->buf);
		s->buf = NULL;
		if (size >= PROC_MAX_SIZE) {
			ret = -EFBIG;
			break;
		}
		size *= 2;
	}
	if (ret) {
		kfree(s->buf);
		kfree(s);
		return ret;
	}
	file->private_data = s;
	return 0;
}

static int entry_show(struct seq_buf *s, void *arg)
{
	struct proc_entry *e = arg;

	return e->show(s);
}

static int proc_open(struct inode *inode, struct file *file)
{
	return proc_seq_open(file, entry_show, inode->priv);
}

/** proc_seq_release() - free the snapshot of proc_seq_open() */
void proc_seq_release(struct inode *inode, struct file *file)
{
	struct seq_buf *s = file->private_data;

	kfree(s->buf);
	kfree(s);
}

/** proc_seq_read() - copy from the snapshot at *@pos */
ssize_t proc_seq_read(struct file *file, void *buf, size_t len, u64 *pos)
{
	struct seq_buf *s = file->private_data;

	if (*pos >= s->len)
		return 0;
	len = min((u64)len, s->len - *pos);
	memcpy(buf, s->buf + *pos, len);
	*pos += len;
	return len;
}

const struct file_operations proc_file_fops = {
	.open = proc_open,
	.release = proc_seq_release,
	.read = proc_seq_read,
};

static int proc_lookup(struct inode *dir, const struct qstr *name, struct inode **out)
{
	struct proc_entry *e = proc_find(name->name, name->len);
	struct inode *inode;
	bool is_new;

	if (!e)
		return proc_pid_lookup(dir, name, out);
	inode = iget(dir->sb, e->ino, &is_new);
	if (!inode)
		return -ENOMEM;
	if (is_new) {
		inode->mode = S_IFREG | 0444;
		inode->priv = e;
		inode->i_fop = &proc_file_fops;
		unlock_new_inode(inode);
	}
	*out = inode;
	return 0;
}

static int proc_iterate(struct file *file, struct dir_context *ctx)
{
	struct proc_entry *e;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, PROC_ROOT_INO, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, PROC_ROOT_INO, DT_DIR))
			return 0;
		ctx->pos = PROC_ROOT_INO + 1;
	}
	while ((e = proc_next(ctx->pos))) {
		if (!dir_emit(ctx, e->name, strlen(e->name), e->ino, DT_REG))
			return 0;
		ctx->pos = e->ino + 1;
	}
	return proc_pid_iterate(ctx);
}

static const struct inode_operations proc_dir_iops = {
	.lookup = proc_lookup,
	.revalidate = proc_pid_revalidate,
};

static const struct file_operations proc_dir_fops = {
	.iterate = proc_iterate,
};

static int proc_fill_super(struct super_block *sb, const char *source, void *data)
{
	struct inode *root = new_inode(sb);

	if (!root)
		return -ENOMEM;
	sb->magic = PROC_SUPER_MAGIC;
	sb->flags |= SB_RDONLY;
	root->ino = PROC_ROOT_INO;
	root->mode = S_IFDIR | 0555;
	root->nlink = 2;
	root->i_op = &proc_dir_iops;
	root->i_fop = &proc_dir_fops;
	sb->root = d_make_root(root);
	return sb->root ? 0 : -ENOMEM;
}

static struct fs_type proc_type = {
	.name = "proc",
	.fill_super = proc_fill_super,
};

static int procfs_init(void)
{
	return register_filesystem(&proc_type);
}

static void procfs_exit(void)
{
	unregister_filesystem(&proc_type);
}
initcall_pair(subsys, procfs_init, procfs_exit);
