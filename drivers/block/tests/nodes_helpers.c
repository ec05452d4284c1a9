// SPDX-License-Identifier: GPL-2.0
/*
 * The loop_dev and cryptctl suites' fixture (a private context and a
 * ramfs on /tmp/bnt per case) and helpers for backing files, built only
 * on the public VFS entry points.
 */
#include "nodes_helpers.h"
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <lib/crc32.h>

#define CHUNK 4096

/**
 * bnt_init() - per-case fixture: private context, ramfs on /tmp/bnt
 * Return: 0 or -errno (the case then fails).
 */
int bnt_init(struct ktest *t)
{
	struct bnt_fixture *f = kzalloc(sizeof(*f), GFP_KERNEL);
	int ret;

	if (!f)
		return -ENOMEM;
	t->priv = f;
	f->ctx = vfs_ctx_create();
	if (!f->ctx)
		return -ENOMEM;
	ret = vfs_mkdir(f->ctx, BNT, 0755);
	if (ret && ret != -EEXIST)
		return ret;
	return vfs_mount(f->ctx, "bnt", BNT, "ramfs", 0, NULL);
}

/**
 * bnt_exit() - close the case's descriptors, unmount, remove /tmp/bnt
 */
void bnt_exit(struct ktest *t)
{
	struct bnt_fixture *f = t->priv;
	struct vfs_ctx *k = vfs_kernel_ctx();

	if (!f)
		return;
	if (f->ctx) {
		vfs_ctx_destroy(f->ctx);
		KEXPECT_EQ(t, vfs_umount(k, BNT), 0);
		KEXPECT_EQ(t, vfs_rmdir(k, BNT), 0);
	}
	kfree(f);
}

int bnt_make_file(struct vfs_ctx *ctx, const char *path, u64 size, u8 seed)
{
	u8 *buf = kmalloc(CHUNK, GFP_KERNEL);
	int fd = vfs_open(ctx, path, O_CREAT | O_TRUNC | O_WRONLY, 0644);
	int ret = fd < 0 ? fd : 0;

	for (u64 pos = 0; !ret && buf && pos < size; pos += CHUNK) {
		size_t n = min((u64)CHUNK, size - pos);

		for (size_t i = 0; i < n; i++)
			buf[i] = seed == 0xff ? 0 : bnt_pattern(pos + i, seed);
		if (vfs_write(ctx, fd, buf, n) != (ssize_t)n)
			ret = -EIO;
	}
	if (!buf)
		ret = -ENOMEM;
	if (fd >= 0)
		vfs_close(ctx, fd);
	kfree(buf);
	return ret;
}

bool bnt_is_pattern(const u8 *buf, size_t len, u64 pos, u8 seed)
{
	for (size_t i = 0; i < len; i++)
		if (buf[i] != bnt_pattern(pos + i, seed))
			return false;
	return true;
}

u32 bnt_file_crc(struct vfs_ctx *ctx, const char *path)
{
	u8 *buf = kmalloc(CHUNK, GFP_KERNEL);
	int fd = vfs_open(ctx, path, O_RDONLY, 0);
	u32 crc = 0;
	ssize_t n;

	if (fd >= 0 && buf)
		while ((n = vfs_read(ctx, fd, buf, CHUNK)) > 0)
			crc = crc32(crc, buf, (size_t)n);
	if (fd >= 0)
		vfs_close(ctx, fd);
	kfree(buf);
	return crc;
}

struct file *bnt_filp(struct ktest *t, const char *path, int flags)
{
	struct file *f = filp_open(bnt_ctx(t), path, flags, 0);

	if (IS_ERR(f)) {
		ktest_log(t, "open %s: %ld", path, PTR_ERR(f));
		return NULL;
	}
	return f;
}
