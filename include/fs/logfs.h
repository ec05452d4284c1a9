/* SPDX-License-Identifier: GPL-2.0 */
/*
 * LogFS: a log-structured filesystem for flash (an FTL volume) or any
 * struct blkio, with a portable path-based API (the VFS wraps it later).
 *
 * Backends: fill a struct logfs_dev with logfs_dev_ftl() or
 * logfs_dev_blkio(); nothing else is needed from the medium.
 *
 * Semantics: POSIX-like regular files, directories, hard links, symlinks,
 * rename (atomically replacing a target), truncate, sparse files, mode,
 * uid, gid, times.  Every call is one transaction: after a power cut it is
 * there entirely or not at all.  A call is durable once logfs_fsync() on
 * any file, or logfs_sync(), has returned after it.  Writes larger than
 * LOGFS_MAX_TXN_BLOCKS blocks are split into transactions of that size.
 *
 * Paths are absolute ("/a/b"); "." and ".." work; symlinks are followed in
 * directories and by logfs_open(), not by logfs_stat() (lstat semantics).
 * Names are 1..255 bytes without '/' or NUL.
 *
 * Locking: one mutex per mounted filesystem; every call takes it.
 * Errors: negative errno.  Corrupt media gives -EIO or -EUCLEAN, a log
 * line, and the filesystem turns read-only (-EROFS for later changes).
 */
#ifndef FS_LOGFS_H
#define FS_LOGFS_H

#include <kernel/types.h>

struct ftl_device;
struct blkio;
struct logfs;
struct logfs_file;

/* The medium, as segments.  Filled by logfs_dev_ftl()/logfs_dev_blkio(). */
struct logfs_dev {
	u32 seg_size;		/* bytes per segment */
	u32 nr_segs;
	u32 io_unit;		/* write unit: offsets/lengths are multiples */
	void *priv;
	int (*read)(struct logfs_dev *dev, u32 seg, u32 ofs, void *buf, u32 len);
	int (*write)(struct logfs_dev *dev, u32 seg, u32 ofs, const void *buf,
		     u32 len);
	int (*erase)(struct logfs_dev *dev, u32 seg);	/* before reuse */
	int (*sync)(struct logfs_dev *dev);
	void (*release)(struct logfs_dev *dev);
};

/**
 * logfs_dev_ftl() - a LogFS medium on an FTL volume (segment = LEB)
 * Return: 0 or -EINVAL.
 */
int logfs_dev_ftl(struct logfs_dev *dev, struct ftl_device *ftl, int vol);

/**
 * logfs_dev_blkio() - a LogFS medium on a block store
 * @dev: filled in
 * @bio: the store
 * @seg_size: bytes per segment (multiple of the sector size; 0: 128 KiB)
 * Return: 0, -EINVAL, -ENOMEM (a sector bounce buffer).  Free with
 * dev->release(dev).
 */
int logfs_dev_blkio(struct logfs_dev *dev, struct blkio *bio, u32 seg_size);

struct logfs_config {
	bool read_only;
	bool compress;		/* LZ4 per block, when it saves space */
	/* wall clock in ns since 1970 for timestamps; NULL: ktime_get_ns */
	s64 (*now)(void);
};

/* Mode bits (the POSIX values). */
#define LOGFS_S_IFMT	0170000
#define LOGFS_S_IFDIR	0040000
#define LOGFS_S_IFREG	0100000
#define LOGFS_S_IFLNK	0120000

/* logfs_open() flags */
#define LOGFS_O_RDONLY	0x0
#define LOGFS_O_WRONLY	0x1
#define LOGFS_O_RDWR	0x2
#define LOGFS_O_ACCMODE	0x3
#define LOGFS_O_CREAT	0x40
#define LOGFS_O_EXCL	0x80
#define LOGFS_O_TRUNC	0x200
#define LOGFS_O_APPEND	0x400

#define LOGFS_MAX_TXN_BLOCKS	8

struct logfs_stat {
	u32 ino;
	u32 mode;
	u32 nlink;
	u32 uid, gid;
	u64 size;
	u64 blocks;		/* 512-byte units allocated (sparse files) */
	s64 atime_ns, mtime_ns, ctime_ns;
};

struct logfs_statfs {
	u32 block_size;
	u64 blocks;		/* user capacity in blocks */
	u64 bfree;
	u64 files;		/* inodes in use */
	u32 name_max;
	/* log internals, for tests and benchmarks */
	u32 nr_segs, free_segs;
	u64 commits, gc_segs, bytes_written;
	u64 sut_errors;		/* GC found the usage table wrong (want 0) */
	u32 orphans;		/* files unlinked while open, not yet freed */
	size_t ram_bytes;
	bool read_only;
};

/*
 * The journal of anchors lives in the first LOGFS_JOURNAL_SEGS segments,
 * and logfs_format() writes them last: a medium whose journal segments
 * were never written holds no filesystem yet (mounters that format on
 * first use test exactly that).
 */
#define LOGFS_JOURNAL_SEGS	2

/* Files unlinked while still open, per filesystem (on-media table size). */
#define LOGFS_MAX_ORPHANS	64

/* setattr: which fields to change */
#define LOGFS_ATTR_MODE		0x01
#define LOGFS_ATTR_UID		0x02
#define LOGFS_ATTR_GID		0x04
#define LOGFS_ATTR_ATIME	0x08
#define LOGFS_ATTR_MTIME	0x10

struct logfs_iattr {
	u32 valid;
	u32 mode;		/* permission bits only */
	u32 uid, gid;
	s64 atime_ns, mtime_ns;
};

typedef int (*logfs_filldir_t)(void *ctx, const char *name, u32 name_len,
			       u32 ino, u32 type);

/**
 * logfs_format() - write an empty filesystem (root directory only)
 * @dev: the medium
 * Return: 0, -EINVAL (too small), -EIO.
 */
int logfs_format(struct logfs_dev *dev);

/**
 * logfs_mount() - mount (reads the newest anchor, replays the log tail)
 * @dev: the medium (kept by pointer until unmount)
 * @cfg: options; may be NULL
 * Return: the filesystem or ERR_PTR(-EUCLEAN / -EIO / -ENOMEM / -EINVAL).
 */
struct logfs *logfs_mount(struct logfs_dev *dev, const struct logfs_config *cfg);

/**
 * logfs_unmount() - commit and free (open files must be closed)
 * Return: 0, or the commit error (the fs is freed anyway).
 */
int logfs_unmount(struct logfs *fs);

/** logfs_sync() - commit everything to the medium.  Return: 0 or -errno. */
int logfs_sync(struct logfs *fs);
/** logfs_statfs() - sizes and counters.  Return: 0. */
int logfs_statfs(struct logfs *fs, struct logfs_statfs *st);

/** logfs_stat() - attributes of @path (a final symlink is not followed) */
int logfs_stat(struct logfs *fs, const char *path, struct logfs_stat *st);
/** logfs_setattr() - change mode bits, owner, times.  Return: 0/-errno. */
int logfs_setattr(struct logfs *fs, const char *path,
		  const struct logfs_iattr *attr);
/** logfs_mkdir() - Return: 0, -EEXIST, -ENOENT, -ENOTDIR, -ENOSPC ... */
int logfs_mkdir(struct logfs *fs, const char *path, u32 mode);
/** logfs_rmdir() - Return: 0, -ENOTEMPTY, -ENOTDIR, -EBUSY (root) ... */
int logfs_rmdir(struct logfs *fs, const char *path);
/**
 * logfs_unlink() - remove a name of a non-directory.  -EISDIR for dirs.
 * A file unlinked while open keeps its data for its handles (fstat shows
 * nlink 0) until the last logfs_close(); a power cut before that frees
 * it at the next mount.  -ENFILE when LOGFS_MAX_ORPHANS such files are
 * open already (nothing changed).
 */
int logfs_unlink(struct logfs *fs, const char *path);
/**
 * logfs_rename() - move @from to @to, replacing @to atomically (a file
 * by a file, a directory by an empty directory).  -EINVAL when moving a
 * directory under itself.
 */
int logfs_rename(struct logfs *fs, const char *from, const char *to);
/** logfs_link() - new name @to for the file @from (not a directory) */
int logfs_link(struct logfs *fs, const char *from, const char *to);
/** logfs_symlink() - create @path pointing to @target */
int logfs_symlink(struct logfs *fs, const char *target, const char *path);
/** logfs_readlink() - Return: bytes put in @buf (no NUL added), -EINVAL */
int logfs_readlink(struct logfs *fs, const char *path, char *buf, u32 len);
/** logfs_truncate() - set the size of a regular file */
int logfs_truncate(struct logfs *fs, const char *path, u64 size);
/**
 * logfs_readdir() - call @fill for each entry ("." and ".." excluded);
 * a non-zero return of @fill stops the walk and is returned.
 */
int logfs_readdir(struct logfs *fs, const char *path, logfs_filldir_t fill,
		  void *ctx);

/** logfs_open() - open (and maybe create) a regular file.  ERR_PTR. */
struct logfs_file *logfs_open(struct logfs *fs, const char *path, u32 flags,
			      u32 mode);
/** logfs_pread() - Return: bytes read (0 at EOF) or -errno */
s64 logfs_pread(struct logfs_file *f, void *buf, u64 len, u64 off);
/** logfs_pwrite() - Return: bytes written or -errno (O_APPEND: at EOF) */
s64 logfs_pwrite(struct logfs_file *f, const void *buf, u64 len, u64 off);
/** logfs_ftruncate() - Return: 0 or -errno */
int logfs_ftruncate(struct logfs_file *f, u64 size);
/** logfs_fsync() - make everything written so far durable */
int logfs_fsync(struct logfs_file *f);
/** logfs_fstat() - attributes of an open file */
int logfs_fstat(struct logfs_file *f, struct logfs_stat *st);
/**
 * logfs_close() - release a handle (the handle is gone even on error)
 * Return: 0; or the last close of an unlinked file could not free it
 * (-EROFS, -EIO: the next mount frees it).
 */
int logfs_close(struct logfs_file *f);

/**
 * logfs_fsck() - check a mounted (quiescent) filesystem
 * @fs: filesystem
 * @repair: fix what is safe (link counts, lost inodes freed)
 * @report: called with one line per problem (may be NULL)
 * @ctx: for @report
 * Return: problems found (0: clean), or -errno if the check could not run.
 */
int logfs_fsck(struct logfs *fs, bool repair,
	       void (*report)(void *ctx, const char *line), void *ctx);

#endif /* FS_LOGFS_H */
