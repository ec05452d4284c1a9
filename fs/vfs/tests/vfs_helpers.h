/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixture shared by the VFS suites: each case runs in a private context
 * with a fresh ramfs mounted on /tmp/vt, unmounted afterwards (so every
 * case also checks that nothing stays referenced: umount gives -EBUSY).
 */
#ifndef FS_VFS_TESTS_HELPERS_H
#define FS_VFS_TESTS_HELPERS_H

#include <kernel/ktest.h>
#include <fs/vfs.h>

#define VT "/tmp/vt"

struct vt_fixture {
	struct vfs_ctx *ctx;
	int umount_ret;
};

int vt_init(struct ktest *t);
void vt_exit(struct ktest *t);

static inline struct vfs_ctx *vt_ctx(struct ktest *t)
{
	return ((struct vt_fixture *)t->priv)->ctx;
}

/* Create/replace @path with @s; returns bytes written or -errno. */
int vt_write_file(struct vfs_ctx *ctx, const char *path, const char *s);
/* Read up to @len-1 bytes of @path, NUL-terminated; bytes or -errno. */
int vt_read_file(struct vfs_ctx *ctx, const char *path, char *buf, size_t len);
/* Number of entries getdents returns for @path (with . and ..), or -errno. */
int vt_count_entries(struct vfs_ctx *ctx, const char *path);
/* True when directory @path lists @name. */
bool vt_dir_has(struct vfs_ctx *ctx, const char *path, const char *name);
long vt_nlink(struct vfs_ctx *ctx, const char *path);

#endif
