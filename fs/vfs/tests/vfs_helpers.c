// SPDX-License-Identifier: GPL-2.0
/*
 * The VFS suites' fixture (a private context and a ramfs on /tmp/vt per
 * case) and small file helpers built only on the public VFS entry points.
 */
#include "vfs_helpers.h"
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>

/**
 * vt_init() - per-case fixture: private context, ramfs on /tmp/vt
 * Return: 0 or -errno (the case then fails).
 */
int vt_init(struct ktest *t)
{
	struct vt_fixture *f = kzalloc(sizeof(*f), GFP_KERNEL);
	int ret;

	if (!f)
		return -ENOMEM;
	t->priv = f;
	f->ctx = vfs_ctx_create();
	if (!f->ctx)
		return -ENOMEM;
	ret = vfs_mkdir(f->ctx, VT, 0755);
	if (ret && ret != -EEXIST)
		return ret;
	return vfs_mount(f->ctx, "vt", VT, "ramfs", 0, NULL);
}

/**
 * vt_exit() - close the case's descriptors, unmount, remove /tmp/vt
 */
void vt_exit(struct ktest *t)
{
	struct vt_fixture *f = t->priv;
	int ret;

	if (!f)
		return;
	if (f->ctx) {
		struct vfs_ctx *k = vfs_kernel_ctx();

		vfs_ctx_destroy(f->ctx);
		ret = vfs_umount(k, VT);
		if (ret)
			ktest_log(t, "umount " VT ": %d", ret);
		KEXPECT_EQ(t, ret, 0);
		KEXPECT_EQ(t, vfs_rmdir(k, VT), 0);
	}
	kfree(f);
}

int vt_write_file(struct vfs_ctx *ctx, const char *path, const char *s)
{
	int fd = vfs_open(ctx, path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	int n;

	if (fd < 0)
		return fd;
	n = vfs_write(ctx, fd, s, strlen(s));
	vfs_close(ctx, fd);
	return n;
}

int vt_read_file(struct vfs_ctx *ctx, const char *path, char *buf, size_t len)
{
	int fd = vfs_open(ctx, path, O_RDONLY, 0);
	int n;

	if (fd < 0)
		return fd;
	n = vfs_read(ctx, fd, buf, len - 1);
	buf[n > 0 ? n : 0] = '\0';
	vfs_close(ctx, fd);
	return n;
}

static int walk_entries(struct vfs_ctx *ctx, const char *path, const char *want)
{
	u64 buf64[32];
	u8 *buf = (u8 *)buf64;
	int fd = vfs_open(ctx, path, O_RDONLY | O_DIRECTORY, 0);
	int n, count = 0, found = 0;

	if (fd < 0)
		return fd;
	while ((n = vfs_getdents(ctx, fd, buf, 200)) > 0) {
		for (int off = 0; off < n;) {
			struct dirent64 *de = (struct dirent64 *)(buf + off);

			count++;
			if (want && !strcmp(de->d_name, want))
				found = 1;
			off += de->d_reclen;
		}
	}
	vfs_close(ctx, fd);
	if (n < 0)
		return n;
	return want ? found : count;
}

int vt_count_entries(struct vfs_ctx *ctx, const char *path)
{
	return walk_entries(ctx, path, NULL);
}

bool vt_dir_has(struct vfs_ctx *ctx, const char *path, const char *name)
{
	return walk_entries(ctx, path, name) == 1;
}

long vt_nlink(struct vfs_ctx *ctx, const char *path)
{
	struct stat st;
	int ret = vfs_lstat(ctx, path, &st);

	return ret ? ret : st.st_nlink;
}
