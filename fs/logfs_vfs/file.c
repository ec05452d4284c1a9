// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS regular files under the VFS: an open VFS file holds a LogFS
 * handle (so a file unlinked while open keeps its data, as LogFS
 * promises); read, write, fsync and truncate go through it.
 *
 * Layer: filesystem adapter between the VFS and fs/logfs.  Locking: the
 * VFS holds the inode lock around read, write and setsize, which also
 * keeps i_size (used for O_APPEND) in step with LogFS.
 * Knows nothing of the log format.
 */
#include "internal.h"
#include <fs/vfs.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/slab.h>

static int lgv_open(struct inode *inode, struct file *file)
{
	u32 mode = LOGFS_O_RDONLY;
	struct logfs_file *lf;
	char *path;
	int ret = lgv_path(inode, &path);

	if (ret)
		return ret;
	if ((file->flags & O_ACCMODE) == O_WRONLY)
		mode = LOGFS_O_WRONLY;
	else if ((file->flags & O_ACCMODE) == O_RDWR)
		mode = LOGFS_O_RDWR;
	lf = logfs_open(LGV(inode->sb)->fs, path, mode, 0);
	kfree(path);
	if (IS_ERR(lf))
		return PTR_ERR(lf);
	file->private_data = lf;
	return 0;
}

static void lgv_release(struct inode *inode, struct file *file)
{
	logfs_close(file->private_data);	/* the handle is gone even on error */
}

static ssize_t lgv_read(struct file *file, void *buf, size_t len, u64 *pos)
{
	s64 n = logfs_pread(file->private_data, buf, len, *pos);

	if (n > 0)
		*pos += n;
	return n;
}

static ssize_t lgv_write(struct file *file, const void *buf, size_t len, u64 *pos)
{
	struct inode *inode = file->inode;
	s64 n = logfs_pwrite(file->private_data, buf, len, *pos);

	if (n <= 0)
		return n;
	*pos += n;
	if (*pos > inode->size)
		inode->size = *pos;
	inode_touch(inode);
	return n;
}

static int lgv_fsync(struct file *file)
{
	return logfs_fsync(file->private_data);
}

static int lgv_setsize(struct inode *inode, u64 size)
{
	char *path;
	int ret = lgv_path(inode, &path);

	if (ret)
		return ret;
	ret = logfs_truncate(LGV(inode->sb)->fs, path, size);
	kfree(path);
	if (!ret)
		lgv_refresh(inode);
	return ret;
}

const struct file_operations lgv_file_fops = {
	.open = lgv_open,
	.release = lgv_release,
	.read = lgv_read,
	.write = lgv_write,
	.fsync = lgv_fsync,
};

const struct inode_operations lgv_file_iops = {
	.setsize = lgv_setsize,
};
