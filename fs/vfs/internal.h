/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to fs/vfs: the mount structure, the dcache and path-walk
 * internals shared between the files of the VFS core.
 */
#ifndef FS_VFS_INTERNAL_H
#define FS_VFS_INTERNAL_H

#include <fs/vfs.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/string.h>
#include <kernel/slab.h>

struct mount {
	struct super_block *sb;
	struct dentry *root;		/* sb->root, referenced */
	struct mount *parent;		/* itself for the root mount */
	struct dentry *mountpoint;	/* in parent, referenced */
	char source[32];
	u32 flags;			/* MS_RDONLY */
	int count;			/* mount_lock: the table's 1 + users */
	struct list_head node;		/* on the mount table */
};

/* --- file.c --- */
/*
 * fget()'s body, inline for read() and write(), which look a descriptor
 * up on every call.
 */
static inline struct file *__fget(struct vfs_ctx *ctx, int fd)
{
	struct files_struct *files = ctx->files;
	unsigned long flags;
	struct file *f;

	if (fd < 0 || fd >= VFS_NR_OPEN)
		return ERR_PTR(-EBADF);
	spin_lock_irqsave(&files->lock, flags);
	f = files->fd[fd];
	if (f)
		__atomic_add_fetch(&f->count, 1, __ATOMIC_RELAXED); /* ordered by the lock */
	spin_unlock_irqrestore(&files->lock, flags);
	return f ? f : ERR_PTR(-EBADF);
}

/* A descriptor's file for the length of one call (fdget()/fdput()). */
struct fd {
	struct file *file;	/* or ERR_PTR(-EBADF) */
	bool put;		/* referenced: fdput() drops it */
};

/*
 * fget() for one call: without the lock and the reference when the table
 * has a single user, which is the caller (Linux's __fget_light()).
 */
static inline struct fd fdget(struct vfs_ctx *ctx, int fd)
{
	struct files_struct *files = ctx->files;
	struct file *f;

	if (!files->single_user)
		return (struct fd){ __fget(ctx, fd), true };
	if (fd < 0 || fd >= VFS_NR_OPEN)
		return (struct fd){ ERR_PTR(-EBADF), false };
	f = files->fd[fd];
	return (struct fd){ f ? f : ERR_PTR(-EBADF), false };
}

static inline void fdput(struct fd f)
{
	if (f.put)
		fput(f.file);
}

/* Another reference on @f, whose holder (or descriptor) keeps it alive now. */
static inline struct file *get_file(struct file *f)
{
	__atomic_add_fetch(&f->count, 1, __ATOMIC_RELAXED);
	return f;
}

/* --- dentry.c --- */
struct dentry *dget(struct dentry *d);
void dput(struct dentry *d);
struct dentry *dget_parent(struct dentry *d);
/* A referenced cached child of @parent, or NULL. */
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name);
/* A new hashed child of @parent for @inode (consumes the inode reference). */
struct dentry *d_add(struct dentry *parent, const struct qstr *name,
		     struct inode *inode);
void d_delete(struct dentry *d);
void d_move(struct dentry *d, struct dentry *newparent, const struct qstr *newname);
bool d_is_ancestor(struct dentry *anc, struct dentry *d);
void shrink_dcache_sb(struct super_block *sb);
int d_name_copy(struct dentry *d, struct dentry *stop, char *buf, size_t *pos);
u32 full_name_hash(const char *name, u32 len);
void dcache_stats(int *total, int *unused);

/* --- super.c --- */
struct fs_type *get_fs_type(const char *name);
struct super_block *sb_mount(struct fs_type *type, const char *source,
			     u32 flags, void *data);
void sb_kill(struct super_block *sb);

/* --- mount.c --- */
void path_get(const struct path *p);
void path_put(const struct path *p);
/* If @p is a mount point, move it to the mounted root (refs follow). */
void follow_mounts(struct path *p);
/* If @p is the root of a mount, move it to the mount point; true if moved. */
bool follow_up(struct path *p);
bool mnt_is_rdonly(const struct mount *mnt);
/* "/a/b" of @p across mounts, NUL-terminated; 0 or -ENAMETOOLONG. */
int d_path(const struct path *p, char *buf, size_t len);
/* The same from @root (NULL: global); 1 when @p is outside @root. */
int d_path_root(const struct path *p, const struct path *root, char *buf, size_t len);
int mnt_want_write(const struct path *p);
extern struct mount *root_mount;

/* --- namei.c --- */
#define LOOKUP_FOLLOW	0x1	/* follow a trailing symlink */
#define LOOKUP_DIRECTORY 0x2	/* the result must be a directory */

int path_lookup(struct vfs_ctx *ctx, const char *path, u32 flags, struct path *out);
/*
 * The parent of @path's last component, referenced and locked, with the
 * last component in @last (pointing into @path).  -EINVAL for "/" or a
 * last component "." or "..".
 */
int path_parent(struct vfs_ctx *ctx, const char *path, struct path *parent,
		struct qstr *last);
void path_parent_unlock(struct path *parent);
int path_parent_locked(struct vfs_ctx *ctx, const char *path, struct path *parent,
		       struct qstr *last);
/* A referenced child of @dir (locked by the caller), from cache or fs. */
struct dentry *lookup_one_locked(struct dentry *dir, const struct qstr *name);

/* --- read_write.c --- */
int do_truncate(struct inode *inode, s64 len);

/* --- file.c --- */
struct file *file_alloc(const struct path *p, u32 flags);

/* --- ctx.c --- */
void kernel_ctx_set_root(const struct path *root);

/* --- stat.c --- */
void fill_stat(struct inode *inode, struct stat *st);

#endif /* FS_VFS_INTERNAL_H */
