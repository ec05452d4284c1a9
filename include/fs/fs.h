/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The VFS seen from a filesystem: superblocks, inodes, dentries, the
 * operation tables a filesystem fills in, and filesystem types.
 *
 * Model.  A filesystem owns names and data; the VFS caches them.  Each
 * inode lives in the inode cache (hashed by superblock and number) while
 * referenced; each dentry (a name in a directory) holds a reference on its
 * inode and on its parent, so a referenced dentry pins the chain to the
 * root.  Unused dentries sit on an LRU list and are pruned from its cold
 * end.  A filesystem whose inodes exist only in memory (ramfs, devfs)
 * keeps its own reference on each linked inode, dropped on unlink.
 *
 * Locking (see fs/vfs/README.md for the order):
 *  - inode->lock (mutex): the inode's attributes and data, and for a
 *    directory its entries.  Every inode operation is called with the
 *    directory's lock held (and the victim's, for unlink/rmdir/rename
 *    replacement); file read/write/truncate with the file inode's.
 *  - inode_hash_lock (spinlock, inode.c): the hash and every i_count.
 *  - dcache_lock (spinlock, dentry.c): the dcache hash, the LRU, d_count,
 *    d_parent/d_name of every dentry, children lists.
 *  - sb->rename_lock (mutex): taken first by rename, keeps the tree's
 *    shape still while ancestry is checked.
 *  - mount_lock (mutex, mount.c): the mount table and mount refcounts.
 * Order: rename_lock > inode locks (ancestor before descendant, then by
 * address) > mount_lock > dcache_lock > inode_hash_lock.
 */
#ifndef FS_FS_H
#define FS_FS_H

#include <kernel/types.h>
#include <kernel/list.h>
#include <kernel/mutex.h>
#include <uapi/stat.h>
#include <uapi/statfs.h>
#include <uapi/dirent.h>

struct super_block;
struct inode;
struct dentry;
struct file;
struct mount;
struct dir_context;
struct poll_table;

#define SB_RDONLY	0x1

/* A name handed to the filesystem: not NUL-terminated in general. */
struct qstr {
	const char *name;
	u32 len;
	u32 hash;
};

struct inode_operations {
	/* Set *@out to a referenced inode (iget) or return -ENOENT. */
	int (*lookup)(struct inode *dir, const struct qstr *name, struct inode **out);
	/* Each creator returns the new, referenced inode in *@out. */
	int (*create)(struct inode *dir, const struct qstr *name, u32 mode,
		      struct inode **out);
	int (*mkdir)(struct inode *dir, const struct qstr *name, u32 mode,
		     struct inode **out);
	int (*symlink)(struct inode *dir, const struct qstr *name,
		       const char *target, struct inode **out);
	int (*link)(struct inode *old, struct inode *dir, const struct qstr *name);
	/* @victim is locked too.  rmdir checks emptiness (-ENOTEMPTY). */
	int (*unlink)(struct inode *dir, const struct qstr *name, struct inode *victim);
	int (*rmdir)(struct inode *dir, const struct qstr *name, struct inode *victim);
	/*
	 * Move @oname in @odir to @nname in @ndir, replacing @victim (NULL
	 * if none).  The VFS has checked the types (dir over dir, non-dir
	 * over non-dir) and ancestry; the filesystem checks that a victim
	 * directory is empty.  Both directories and @victim are locked.
	 */
	int (*rename)(struct inode *odir, const struct qstr *oname,
		      struct inode *ndir, const struct qstr *nname,
		      struct inode *moved, struct inode *victim);
	/* Copies at most @len bytes, no NUL; returns the target's length. */
	int (*readlink)(struct inode *inode, char *buf, size_t len);
	/* Changes i_size (truncate or extend with zeroes); inode locked. */
	int (*setsize)(struct inode *inode, u64 size);
	/*
	 * Optional, on directories whose names can vanish behind the VFS's
	 * back (devfs): false when cached child @inode is no longer there;
	 * the VFS then drops the dentry and looks the name up again.
	 */
	bool (*revalidate)(struct inode *dir, struct inode *inode);
};

struct file_operations {
	int (*open)(struct inode *inode, struct file *file);
	void (*release)(struct inode *inode, struct file *file);
	/* Return bytes moved (0 at EOF) or -errno; advance *@pos. */
	ssize_t (*read)(struct file *file, void *buf, size_t len, u64 *pos);
	ssize_t (*write)(struct file *file, const void *buf, size_t len, u64 *pos);
	/* Emit entries from ctx->pos with dir_emit(); 0 or -errno. */
	int (*iterate)(struct file *file, struct dir_context *ctx);
	int (*fsync)(struct file *file);
	/* Device control from the ioctl system call: @arg is a user value. */
	long (*ioctl)(struct file *file, u32 cmd, u32 arg);
	/*
	 * Optional, for stream files (no offset) that would otherwise copy
	 * twice: read() and write() straight between the file and the user
	 * buffer at @ubuf (copy_to_user()/copy_from_user(): -EFAULT on a bad
	 * one), instead of bouncing through kernel memory into read/write.
	 */
	ssize_t (*read_user)(struct file *file, u32 ubuf, size_t len);
	ssize_t (*write_user)(struct file *file, u32 ubuf, size_t len);
	/*
	 * Optional, for files whose read or write can block: the POLL*
	 * mask of what would not block now, after naming the wait queues
	 * that announce a change with poll_wait() (include/fs/poll.h).
	 * Called with the poller marked blocked: should not sleep (a short
	 * mutex section costs an extra pass at worst).  Without it, a file
	 * is always readable and writable.
	 */
	u32 (*poll)(struct file *file, struct poll_table *pt);
};

struct super_operations {
	/* The last reference to @inode went: free the filesystem's part. */
	void (*evict_inode)(struct inode *inode);
	/* Unmount: drop what the filesystem holds (its root's reference too). */
	void (*put_super)(struct super_block *sb);
	int (*statfs)(struct super_block *sb, struct statfs *st);
	int (*sync_fs)(struct super_block *sb);
};

struct fs_type {
	const char *name;
	/*
	 * Fill @sb (s_op, root via d_make_root(), magic, block size) from
	 * @source (a device path or a name) and @data (options, may be
	 * NULL).  On error nothing must be left allocated.
	 */
	int (*fill_super)(struct super_block *sb, const char *source, void *data);
	struct list_head node;
};

struct super_block {
	const struct fs_type *type;
	const struct super_operations *s_op;
	struct dentry *root;
	void *fs_info;			/* the filesystem's */
	u32 flags;			/* SB_* */
	u32 magic;
	u32 block_size;
	u32 dev;			/* st_dev */
	struct mutex rename_lock;
	u32 next_ino;			/* for filesystems that number inodes themselves */
	int nr_inodes;			/* live inodes (inode_hash_lock) */
};

struct inode {
	u32 ino;
	u32 mode;
	u32 nlink;
	u32 uid, gid;
	u32 rdev;
	u64 size;
	u64 blocks;			/* 512-byte units */
	s64 atime, mtime, ctime;	/* seconds */
	struct super_block *sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	void *priv;			/* the filesystem's */
	struct mutex lock;		/* see the top of this file */
	/* inode_hash_lock: */
	int count;
	bool hashed;
	bool is_new;			/* being filled in after iget() */
	struct list_head hash_node;
};

#define DNAME_INLINE 24

struct dentry {
	struct qstr name;		/* dcache_lock; points at iname or a buffer */
	char iname[DNAME_INLINE];
	struct dentry *parent;		/* itself for a root */
	struct inode *inode;		/* never NULL: no negative entries */
	struct super_block *sb;
	/* dcache_lock: */
	int count;
	bool hashed;
	int mounted;			/* mounts on it (mount_lock) */
	struct list_head hash_node;
	struct list_head lru_node;	/* on the LRU while count == 0 */
	struct list_head child_node;
	struct list_head children;
};

struct path {
	struct mount *mnt;
	struct dentry *dentry;
};

struct file {
	struct path path;
	struct inode *inode;
	const struct file_operations *f_op;
	u32 flags;		/* O_* as opened */
	u64 pos;		/* pos_lock */
	struct mutex pos_lock;
	int count;		/* atomic */
	void *private_data;	/* the filesystem's */
};

struct dir_context {
	/* Return false to stop (the buffer is full); the entry is then re-emitted. */
	bool (*actor)(struct dir_context *ctx, const char *name, u32 len,
		      u64 ino, unsigned int type);
	u64 pos;			/* the filesystem's cookie */
};

/**
 * dir_emit() - hand one directory entry to the reader
 * Return: true to go on; false when the reader's buffer is full (do not
 * advance ctx->pos then).
 */
static inline bool dir_emit(struct dir_context *ctx, const char *name, u32 len,
			    u64 ino, unsigned int type)
{
	return ctx->actor(ctx, name, len, ino, type);
}

/** mode_to_dt() - the DT_* type for an inode mode */
static inline unsigned int mode_to_dt(u32 mode)
{
	return (mode & S_IFMT) >> 12;
}

/* --- for filesystems ------------------------------------------------- */

int register_filesystem(struct fs_type *type);
void unregister_filesystem(struct fs_type *type);

/**
 * new_inode() - a fresh, referenced inode of @sb (not hashed)
 * Return: the inode (count 1, nlink 1, times now), or NULL.
 */
struct inode *new_inode(struct super_block *sb);

/**
 * iget() - the cached inode @ino of @sb, or a new hashed one
 * @is_new: set to true when the caller must fill it in and then call
 * unlock_new_inode() (or iget_failed()); other iget()s of it wait
 * Return: a referenced inode, or NULL when out of memory.
 */
struct inode *iget(struct super_block *sb, u32 ino, bool *is_new);
void unlock_new_inode(struct inode *inode);
void iget_failed(struct inode *inode);

/** ihold() - take another reference on an inode already referenced */
void ihold(struct inode *inode);

/** iput() - drop a reference; at zero the inode is evicted and freed */
void iput(struct inode *inode);

/** inode_touch() - set mtime and ctime to now */
void inode_touch(struct inode *inode);

s64 vfs_now(void);

/**
 * d_make_root() - a root dentry for @inode (consumes the reference)
 * Return: the dentry or NULL (the reference is dropped then).
 */
struct dentry *d_make_root(struct inode *inode);

/**
 * d_alloc_pseudo() - a nameless-in-any-directory dentry for @inode (a
 * pipe), its own parent, freed with the last reference
 * Return: the dentry (consumes the inode reference) or NULL.
 */
struct dentry *d_alloc_pseudo(struct super_block *sb, const char *name,
			      struct inode *inode);

/**
 * kern_mount() - an internal, unlisted instance of @type (pipefs)
 * Return: the mount or an ERR_PTR.
 */
struct mount *kern_mount(struct fs_type *type);

/**
 * alloc_file_pseudo() - open a file on pseudo dentry @d of internal mount
 * @mnt (both referenced by the file; the caller keeps its own references)
 * Return: the file with one reference, or an ERR_PTR.
 */
struct file *alloc_file_pseudo(struct mount *mnt, struct dentry *d, u32 flags);

/** dput() - drop a dentry reference (NULL is a no-op) */
void dput(struct dentry *d);

/** qstr_init() - fill @q from a NUL-terminated name */
void qstr_init(struct qstr *q, const char *name);

/** qstr_eq() - true when @q spells @name exactly */
bool qstr_eq(const struct qstr *q, const char *name, u32 len);

#endif /* FS_FS_H */
