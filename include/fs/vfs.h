/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The VFS entry points: what the shell, kernel services and (later) the
 * system-call layer call.  Every pointer is a kernel pointer; the syscall
 * layer copies user memory in and out.  Errors are negative Linux errno
 * values.
 *
 * A caller acts in a struct vfs_ctx: its root and working directory
 * (struct fs_struct) and its descriptor table (struct files_struct), two
 * refcounted objects that a process will own (and share with its threads,
 * or copy on fork).  vfs_kernel_ctx() is the kernel's own context (the
 * shell and initcalls); a thread that wants private descriptors makes one
 * with vfs_ctx_create().
 *
 *	struct vfs_ctx *ctx = vfs_kernel_ctx();
 *	int fd = vfs_open(ctx, "/tmp/x", O_CREAT | O_RDWR, 0644);
 *	vfs_write(ctx, fd, "hi", 2);
 *	vfs_close(ctx, fd);
 */
#ifndef FS_VFS_H
#define FS_VFS_H

#include <kernel/types.h>
#include <kernel/spinlock.h>
#include <kernel/mutex.h>
#include <fs/fs.h>
#include <uapi/fcntl.h>

/* Limits (one place). */
#define VFS_NR_OPEN	32	/* descriptors per table */
#define VFS_MAX_SYMLINKS 8	/* nested symlinks in one lookup (-ELOOP) */
#define VFS_DCACHE_UNUSED 256	/* unused dentries kept before pruning */
#define VFS_PIPE_SIZE	4096	/* bytes a pipe holds */
#define PIPE_BUF	512	/* writes up to this size are atomic (POSIX) */

/* Root and working directory. */
struct fs_struct {
	int count;		/* atomic */
	struct mutex lock;	/* root, pwd */
	struct path root, pwd;
};

/*
 * The descriptor table.  Every section under its lock is a few loads and
 * stores (no sleeping, no allocation), and read/write look a descriptor up
 * on every call: a spinlock (IRQs off, so never preempted while held).
 */
struct files_struct {
	int count;		/* atomic */
	spinlock_t lock;	/* fd[], cloexec */
	struct file *fd[VFS_NR_OPEN];
	u32 cloexec;		/* bit per descriptor */
	/*
	 * Only one thread ever uses the table (a process's, from its start:
	 * processes are single-threaded), so nothing can close a descriptor
	 * under that thread's read or write: those look the file up without
	 * the lock or a reference (fdget()).
	 */
	bool single_user;
};

struct vfs_ctx {
	struct fs_struct *fs;
	struct files_struct *files;
};

/* --- contexts --------------------------------------------------------- */

struct vfs_ctx *vfs_kernel_ctx(void);
/** vfs_current_ctx() - the calling process's context, else the kernel's */
struct vfs_ctx *vfs_current_ctx(void);

/**
 * vfs_ctx_create() - a context with the kernel's root and cwd and an empty
 * descriptor table
 * Return: the context or NULL.  Free with vfs_ctx_destroy() (closes fds).
 */
struct vfs_ctx *vfs_ctx_create(void);
void vfs_ctx_destroy(struct vfs_ctx *ctx);

struct files_struct *files_alloc(void);
/** files_get()/files_put() - share a table; the last put closes every fd */
void files_get(struct files_struct *files);
void files_put(struct files_struct *files);
struct fs_struct *fs_struct_alloc(const struct path *root, const struct path *pwd);
void fs_struct_put(struct fs_struct *fs);

/* --- descriptors --------------------------------------------------------- */

int vfs_open(struct vfs_ctx *ctx, const char *path, int flags, u32 mode);
int vfs_close(struct vfs_ctx *ctx, int fd);
ssize_t vfs_read(struct vfs_ctx *ctx, int fd, void *buf, size_t len);
ssize_t vfs_write(struct vfs_ctx *ctx, int fd, const void *buf, size_t len);
/*
 * The same straight to or from user memory at @ubuf, for files with
 * read_user/write_user; -EOPNOTSUPP for the others (which only
 * vfs_read()/vfs_write() serve), after the descriptor checks.
 */
ssize_t vfs_read_user(struct vfs_ctx *ctx, int fd, u32 ubuf, size_t len);
ssize_t vfs_write_user(struct vfs_ctx *ctx, int fd, u32 ubuf, size_t len);
ssize_t vfs_pread(struct vfs_ctx *ctx, int fd, void *buf, size_t len, s64 pos);
ssize_t vfs_pwrite(struct vfs_ctx *ctx, int fd, const void *buf, size_t len, s64 pos);
s64 vfs_lseek(struct vfs_ctx *ctx, int fd, s64 off, int whence);
int vfs_fstat(struct vfs_ctx *ctx, int fd, struct stat *st);
int vfs_ftruncate(struct vfs_ctx *ctx, int fd, s64 len);
int vfs_fsync(struct vfs_ctx *ctx, int fd);
/** vfs_getdents() - fill @buf with struct dirent64 records; bytes, 0 at end */
int vfs_getdents(struct vfs_ctx *ctx, int fd, void *buf, size_t len);
int vfs_dup(struct vfs_ctx *ctx, int fd);
int vfs_dup2(struct vfs_ctx *ctx, int fd, int newfd);

/**
 * vfs_pipe() - a pipe: @fds[0] the read end, @fds[1] the write end
 * @flags: O_CLOEXEC and/or O_NONBLOCK (for both ends)
 * Return: 0, -EINVAL (other flags), -EMFILE, -ENOMEM.
 */
int vfs_pipe(struct vfs_ctx *ctx, int fds[2], int flags);

/* --- names ---------------------------------------------------------------- */

int vfs_stat(struct vfs_ctx *ctx, const char *path, struct stat *st);
int vfs_lstat(struct vfs_ctx *ctx, const char *path, struct stat *st);
int vfs_mkdir(struct vfs_ctx *ctx, const char *path, u32 mode);
int vfs_rmdir(struct vfs_ctx *ctx, const char *path);
int vfs_unlink(struct vfs_ctx *ctx, const char *path);
int vfs_rename(struct vfs_ctx *ctx, const char *oldpath, const char *newpath);
int vfs_link(struct vfs_ctx *ctx, const char *oldpath, const char *newpath);
int vfs_symlink(struct vfs_ctx *ctx, const char *target, const char *linkpath);
/** vfs_readlink() - copy the target (no NUL); bytes copied */
int vfs_readlink(struct vfs_ctx *ctx, const char *path, char *buf, size_t len);
int vfs_truncate(struct vfs_ctx *ctx, const char *path, s64 len);
int vfs_chdir(struct vfs_ctx *ctx, const char *path);
int vfs_fchdir(struct vfs_ctx *ctx, int fd);
/** vfs_getcwd() - the working directory's absolute path, NUL-terminated */
int vfs_getcwd(struct vfs_ctx *ctx, char *buf, size_t len);
int vfs_statfs(struct vfs_ctx *ctx, const char *path, struct statfs *st);
int vfs_sync(void);

/* --- mounts --------------------------------------------------------------- */

/**
 * vfs_mount() - mount a filesystem of type @fstype on directory @target
 * @source: passed to the filesystem (a device path for ext2, a name
 * otherwise)   @flags: MS_RDONLY   @data: options, may be NULL
 * Return: 0, -ENODEV (no such type), -ENOTDIR, -ENOENT, -EBUSY (the
 * directory is already a mount point), or the filesystem's error.
 */
int vfs_mount(struct vfs_ctx *ctx, const char *source, const char *target,
	      const char *fstype, u32 flags, void *data);
/**
 * vfs_umount() - detach the filesystem mounted on @target
 * Return: 0, -EINVAL (not a mount point, or the root), -EBUSY (open
 * files, working directories or mounts below it).
 */
int vfs_umount(struct vfs_ctx *ctx, const char *target);

/**
 * vfs_mount_root() - mount @fstype as "/" (once, at boot)
 * Return: 0, -EBUSY when a root exists, or the filesystem's error.
 */
int vfs_mount_root(const char *fstype, const char *source, u32 flags, void *data);

struct mount_info {
	char source[32];
	char fstype[16];
	char path[128];
	u32 flags;
};
/**
 * vfs_for_each_mount() - call @fn for every mount, in mount order
 * Stops at the first non-zero return and returns it.
 */
int vfs_for_each_mount(int (*fn)(const struct mount_info *mi, void *arg), void *arg);

/* --- files for kernel users (procfs, loop devices, adapters) -------------- */

struct file *filp_open(struct vfs_ctx *ctx, const char *path, int flags, u32 mode);
/* The last reference on @file is gone: release it (fput()'s slow path). */
void __fput(struct file *file);

/* Drop a reference on @file (may be NULL); the last one releases it. */
static inline void fput(struct file *file)
{
	if (file && __atomic_sub_fetch(&file->count, 1, __ATOMIC_SEQ_CST) <= 0)
		__fput(file);
}
/* The file behind descriptor @fd with a reference (fput() it), or ERR_PTR(-EBADF). */
struct file *fget(struct vfs_ctx *ctx, int fd);
/**
 * fd_install() - give @file the lowest free descriptor of @ctx
 * Return: the descriptor (the file's reference passes to the table), or
 * -EMFILE (the caller keeps its reference).
 */
int fd_install(struct vfs_ctx *ctx, struct file *file, bool cloexec);
ssize_t kernel_read(struct file *file, void *buf, size_t len, u64 *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t len, u64 *pos);
/**
 * file_path() - the path of @file as seen from @ctx's root (the global
 * root when outside it), NUL-terminated
 * Return: 0 or -ENAMETOOLONG.
 */
int file_path(struct vfs_ctx *ctx, struct file *file, char *buf, size_t len);

#endif /* FS_VFS_H */
