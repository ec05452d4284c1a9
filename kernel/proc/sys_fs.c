// SPDX-License-Identifier: GPL-2.0
/*
 * File system calls: thin translations from the Linux ARM EABI (flag
 * values, struct stat64, statfs64) to the VFS (include/fs/vfs.h), which
 * works on kernel memory.  Paths are copied in with a length limit; data
 * moves through a bounce buffer, so a bad user pointer is -EFAULT before
 * or after the VFS call, never inside it; except for files that copy to
 * and from user memory themselves (read_user/write_user: pipes), which
 * would otherwise copy everything twice.
 */
#include <kernel/uaccess.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <fs/vfs.h>
#include <uapi/linux-abi.h>
#include "proc_internal.h"
#include "syscalls.h"

#ifndef PATH_MAX
#define PATH_MAX	256
#endif
#define BOUNCE		4096

static struct vfs_ctx *ctx(void)
{
	return current_process()->vfs;
}

/* A user path into a kmalloc'd buffer; ERR_PTR on failure. */
static char *get_path(u32 upath)
{
	char *p = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!p)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(p, upath, PATH_MAX);
	if (len < 0) {
		kfree(p);
		return ERR_PTR(len);
	}
	if (!len) {
		kfree(p);
		return ERR_PTR(-ENOENT);
	}
	return p;
}

static int abi_to_vfs_flags(u32 f)
{
	int v = (int)(f & ABI_O_ACCMODE);

	if (f & ABI_O_CREAT)
		v |= O_CREAT;
	if (f & ABI_O_EXCL)
		v |= O_EXCL;
	if (f & ABI_O_TRUNC)
		v |= O_TRUNC;
	if (f & ABI_O_APPEND)
		v |= O_APPEND;
	if (f & ABI_O_NONBLOCK)
		v |= O_NONBLOCK;
	if (f & ABI_O_DIRECTORY)
		v |= O_DIRECTORY;
	if (f & ABI_O_NOFOLLOW)
		v |= O_NOFOLLOW;
	if (f & ABI_O_CLOEXEC)
		v |= O_CLOEXEC;
	return v;
}

long sys_open(u32 upath, u32 flags, u32 mode)
{
	char *path = get_path(upath);
	long ret;

	if (IS_ERR(path))
		return PTR_ERR(path);
	ret = vfs_open(ctx(), path, abi_to_vfs_flags(flags), mode);
	kfree(path);
	return ret;
}

long sys_openat(u32 dirfd, u32 upath, u32 flags, u32 mode)
{
	if ((int)dirfd != ABI_AT_FDCWD)
		return -EINVAL;		/* only cwd-relative: enough for libc's open() */
	return sys_open(upath, flags, mode);
}

long sys_close(u32 fd)
{
	return vfs_close(ctx(), (int)fd);
}

/*
 * Small transfers (a byte through a pipe, a line to the console) are most
 * of them: they bounce through the stack instead of the heap.
 */
#define SMALL_BOUNCE	128

/* A bounce buffer for @count bytes: @small if it fits, else the heap. */
static char *bounce_get(u32 count, char *small)
{
	if (count <= SMALL_BOUNCE)
		return small;
	return kmalloc(min(count, (u32)BOUNCE), GFP_KERNEL);
}

static void bounce_put(char *buf, char *small)
{
	if (buf != small)
		kfree(buf);
}

/* Only a regular file is read on after a full chunk: a pipe or a terminal
 * returns what it has, and must not block for more. */
static bool reads_on(u32 fd)
{
	struct stat st;

	return vfs_fstat(ctx(), (int)fd, &st) == 0 && S_ISREG(st.st_mode);
}

long sys_read(u32 fd, u32 ubuf, u32 count)
{
	char small[SMALL_BOUNCE], *buf;
	long done = 0;

	if (!access_ok(ubuf, count))
		return -EFAULT;
	done = vfs_read_user(ctx(), (int)fd, ubuf, count);	/* a pipe: one copy */
	if (done != -EOPNOTSUPP)
		return done;
	done = 0;
	if (count == 0)		/* still checks the descriptor, as POSIX asks */
		return vfs_read(ctx(), (int)fd, small, 0);
	if (count <= SMALL_BOUNCE) {	/* one chunk: the loop below in short */
		ssize_t r = vfs_read(ctx(), (int)fd, small, count);

		if (r > 0 && copy_to_user(ubuf, small, (u32)r))
			return -EFAULT;
		return r;
	}
	buf = bounce_get(count, small);
	if (!buf)
		return -ENOMEM;
	while (done < (long)count) {
		u32 n = min(count - (u32)done, (u32)BOUNCE);
		ssize_t r = vfs_read(ctx(), (int)fd, buf, n);

		if (r < 0) {
			if (!done)
				done = r;
			break;
		}
		if (copy_to_user(ubuf + done, buf, (u32)r)) {
			done = -EFAULT;
			break;
		}
		done += r;
		/* Short: a terminal line, EOF, a pipe; asked only when it matters. */
		if ((u32)r < n || (done < (long)count && !reads_on(fd)))
			break;
	}
	bounce_put(buf, small);
	return done;
}

long sys_write(u32 fd, u32 ubuf, u32 count)
{
	char small[SMALL_BOUNCE], *buf;
	long done = 0;

	if (!access_ok(ubuf, count))
		return -EFAULT;
	done = vfs_write_user(ctx(), (int)fd, ubuf, count);	/* a pipe: one copy */
	if (done != -EOPNOTSUPP)
		return done;
	done = 0;
	if (count <= SMALL_BOUNCE) {	/* one chunk: the loop below in short */
		if (copy_from_user(small, ubuf, count))
			return -EFAULT;
		return vfs_write(ctx(), (int)fd, small, count);
	}
	buf = bounce_get(count, small);
	if (!buf)
		return -ENOMEM;
	do {
		u32 n = min(count - (u32)done, (u32)BOUNCE);
		ssize_t w;

		if (copy_from_user(buf, ubuf + done, n)) {
			if (!done)
				done = -EFAULT;
			break;
		}
		w = vfs_write(ctx(), (int)fd, buf, n);
		if (w < 0) {
			if (!done)
				done = w;
			break;
		}
		done += w;
		if ((u32)w < n)
			break;
	} while (done < (long)count);
	bounce_put(buf, small);
	return done;
}

long sys_writev(u32 fd, u32 uiov, u32 iovcnt)
{
	long total = 0;

	if (iovcnt > 1024)
		return -EINVAL;
	for (u32 i = 0; i < iovcnt; i++) {
		struct abi_iovec iov;
		long r;

		if (copy_from_user(&iov, uiov + i * sizeof(iov), sizeof(iov)))
			return total ? total : -EFAULT;
		r = sys_write(fd, (u32)(unsigned long)iov.iov_base, iov.iov_len);
		if (r < 0)
			return total ? total : r;
		total += r;
		if ((u32)r < iov.iov_len)
			break;
	}
	return total;
}

long sys_lseek(u32 fd, u32 off, u32 whence)
{
	s64 r = vfs_lseek(ctx(), (int)fd, (s32)off, (int)whence);

	if (r > 0x7fffffff)
		return -EOVERFLOW;
	return (long)r;
}

long sys_llseek(u32 fd, u32 hi, u32 lo, u32 uresult, u32 whence)
{
	s64 r = vfs_lseek(ctx(), (int)fd, (s64)(((u64)hi << 32) | lo), (int)whence);

	if (r < 0)
		return (long)r;
	return copy_to_user(uresult, &r, 8);
}

static void stat_to_abi(const struct stat *st, struct abi_stat64 *a)
{
	memset(a, 0, sizeof(*a));
	a->st_dev = st->st_dev;
	a->__st_ino = (unsigned long)st->st_spare4[0];
	a->st_ino = (unsigned long)st->st_spare4[0];
	a->st_mode = st->st_mode;
	a->st_nlink = st->st_nlink;
	a->st_uid = st->st_uid;
	a->st_gid = st->st_gid;
	a->st_rdev = st->st_rdev;
	a->st_size = st->st_size;
	a->st_blksize = (unsigned long)st->st_blksize;
	a->st_blocks = (unsigned long long)st->st_blocks;
	a->st_atime_sec = (unsigned long)st->st_atim.tv_sec;
	a->st_atime_nsec = (unsigned long)st->st_atim.tv_nsec;
	a->st_mtime_sec = (unsigned long)st->st_mtim.tv_sec;
	a->st_mtime_nsec = (unsigned long)st->st_mtim.tv_nsec;
	a->st_ctime_sec = (unsigned long)st->st_ctim.tv_sec;
	a->st_ctime_nsec = (unsigned long)st->st_ctim.tv_nsec;
}

static long put_stat(int err, const struct stat *st, u32 ubuf)
{
	struct abi_stat64 a;

	if (err)
		return err;
	stat_to_abi(st, &a);
	return copy_to_user(ubuf, &a, sizeof(a));
}

static long path_stat(u32 upath, u32 ubuf, bool follow)
{
	char *path = get_path(upath);
	struct stat st;
	int err;

	if (IS_ERR(path))
		return PTR_ERR(path);
	err = follow ? vfs_stat(ctx(), path, &st) : vfs_lstat(ctx(), path, &st);
	kfree(path);
	return put_stat(err, &st, ubuf);
}

long sys_stat64(u32 upath, u32 ubuf)
{
	return path_stat(upath, ubuf, true);
}

long sys_lstat64(u32 upath, u32 ubuf)
{
	return path_stat(upath, ubuf, false);
}

long sys_fstat64(u32 fd, u32 ubuf)
{
	struct stat st;

	return put_stat(vfs_fstat(ctx(), (int)fd, &st), &st, ubuf);
}

long sys_fstatat64(u32 dirfd, u32 upath, u32 ubuf, u32 flags)
{
	if ((int)dirfd != ABI_AT_FDCWD)
		return -EINVAL;
	return path_stat(upath, ubuf, !(flags & ABI_AT_SYMLINK_NOFOLLOW));
}

long sys_getdents64(u32 fd, u32 ubuf, u32 count)
{
	char *buf;
	long n;

	if (!access_ok(ubuf, count))
		return -EFAULT;
	count = min(count, (u32)BOUNCE);
	buf = kmalloc(count ? count : 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	n = vfs_getdents(ctx(), (int)fd, buf, count);	/* same record layout as Linux */
	if (n > 0 && copy_to_user(ubuf, buf, (u32)n))
		n = -EFAULT;
	kfree(buf);
	return n;
}

/* Calls @op(ctx, path) with one user path. */
static long with_path(u32 upath, int (*op)(struct vfs_ctx *, const char *))
{
	char *path = get_path(upath);
	long ret;

	if (IS_ERR(path))
		return PTR_ERR(path);
	ret = op(ctx(), path);
	kfree(path);
	return ret;
}

static long with_two_paths(u32 ua, u32 ub,
			   int (*op)(struct vfs_ctx *, const char *, const char *))
{
	char *a = get_path(ua), *b;
	long ret;

	if (IS_ERR(a))
		return PTR_ERR(a);
	b = get_path(ub);
	if (IS_ERR(b)) {
		kfree(a);
		return PTR_ERR(b);
	}
	ret = op(ctx(), a, b);
	kfree(a);
	kfree(b);
	return ret;
}

long sys_unlink(u32 p) { return with_path(p, vfs_unlink); }
long sys_rmdir(u32 p) { return with_path(p, vfs_rmdir); }
long sys_chdir(u32 p) { return with_path(p, vfs_chdir); }
long sys_link(u32 a, u32 b) { return with_two_paths(a, b, vfs_link); }
long sys_rename(u32 a, u32 b) { return with_two_paths(a, b, vfs_rename); }
long sys_symlink(u32 a, u32 b) { return with_two_paths(a, b, vfs_symlink); }

long sys_mkdir(u32 upath, u32 mode)
{
	char *path = get_path(upath);
	long ret;

	if (IS_ERR(path))
		return PTR_ERR(path);
	ret = vfs_mkdir(ctx(), path, mode);
	kfree(path);
	return ret;
}

long sys_fchdir(u32 fd)
{
	return vfs_fchdir(ctx(), (int)fd);
}

long sys_readlink(u32 upath, u32 ubuf, u32 len)
{
	char *path = get_path(upath), *buf;
	long n;

	if (IS_ERR(path))
		return PTR_ERR(path);
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	n = buf ? vfs_readlink(ctx(), path, buf, min(len, (u32)PATH_MAX)) : -ENOMEM;
	if (n > 0 && copy_to_user(ubuf, buf, (u32)n))
		n = -EFAULT;
	kfree(buf);
	kfree(path);
	return n;
}

long sys_getcwd(u32 ubuf, u32 size)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	long ret;

	if (!buf)
		return -ENOMEM;
	ret = vfs_getcwd(ctx(), buf, PATH_MAX);
	if (!ret) {
		u32 len = strlen(buf) + 1;

		ret = len > size ? -ERANGE : copy_to_user(ubuf, buf, len) ? -EFAULT : (long)len;
	}
	kfree(buf);
	return ret;
}

long sys_truncate(u32 upath, u32 len)
{
	char *path = get_path(upath);
	long ret;

	if (IS_ERR(path))
		return PTR_ERR(path);
	ret = vfs_truncate(ctx(), path, (s32)len);
	kfree(path);
	return ret;
}

long sys_ftruncate(u32 fd, u32 len)
{
	return vfs_ftruncate(ctx(), (int)fd, (s32)len);
}

long sys_fsync(u32 fd)
{
	return vfs_fsync(ctx(), (int)fd);
}

long sys_sync(void)
{
	return vfs_sync();
}

long sys_dup(u32 fd)
{
	return vfs_dup(ctx(), (int)fd);
}

long sys_dup2(u32 fd, u32 newfd)
{
	return vfs_dup2(ctx(), (int)fd, (int)newfd);
}

long sys_dup3(u32 fd, u32 newfd, u32 flags)
{
	if (fd == newfd || (flags & ~ABI_O_CLOEXEC))
		return -EINVAL;
	return vfs_dup2(ctx(), (int)fd, (int)newfd);
}

long sys_fcntl(u32 fd, u32 cmd, u32 arg)
{
	struct files_struct *files = ctx()->files;
	unsigned long flags;
	struct file *f;
	long ret = 0;

	if ((int)fd < 0 || fd >= VFS_NR_OPEN)
		return -EBADF;
	spin_lock_irqsave(&files->lock, flags);
	f = files->fd[fd];
	if (!f) {
		spin_unlock_irqrestore(&files->lock, flags);
		return -EBADF;
	}
	switch (cmd) {
	case ABI_F_GETFD:
		ret = (files->cloexec >> fd) & 1;
		break;
	case ABI_F_SETFD:
		files->cloexec = (arg & ABI_FD_CLOEXEC) ? files->cloexec | (1u << fd) :
							  files->cloexec & ~(1u << fd);
		break;
	case ABI_F_GETFL:
		ret = (long)(f->flags & O_ACCMODE) | ((f->flags & O_APPEND) ? ABI_O_APPEND : 0) |
		      ((f->flags & O_NONBLOCK) ? ABI_O_NONBLOCK : 0);
		break;
	case ABI_F_SETFL:
		f->flags = (f->flags & ~(u32)(O_APPEND | O_NONBLOCK)) |
			   ((arg & ABI_O_APPEND) ? O_APPEND : 0) |
			   ((arg & ABI_O_NONBLOCK) ? O_NONBLOCK : 0);
		break;
	case ABI_F_DUPFD:
	case ABI_F_DUPFD_CLOEXEC:
		/* The lowest free descriptor >= arg (shells park fds high). */
		ret = -EMFILE;
		if (arg >= VFS_NR_OPEN) {
			ret = -EINVAL;
			break;
		}
		for (u32 i = arg; i < VFS_NR_OPEN; i++) {
			if (files->fd[i])
				continue;
			__atomic_add_fetch(&f->count, 1, __ATOMIC_SEQ_CST);
			files->fd[i] = f;
			if (cmd == ABI_F_DUPFD_CLOEXEC)
				files->cloexec |= 1u << i;
			else
				files->cloexec &= ~(1u << i);
			ret = (long)i;
			break;
		}
		break;
	default:
		ret = -EINVAL;
	}
	spin_unlock_irqrestore(&files->lock, flags);
	return ret;
}

long sys_access(u32 upath, u32 mode)
{
	char *path = get_path(upath);
	struct stat st;
	long ret;

	if (IS_ERR(path))
		return PTR_ERR(path);
	ret = vfs_stat(ctx(), path, &st);
	kfree(path);
	(void)mode;	/* everyone is root: existence is what counts */
	return ret;
}

long sys_mount(u32 usource, u32 utarget, u32 utype, u32 flags, u32 data)
{
	char *source = usource ? get_path(usource) : NULL, *target, *type;
	char *opts = NULL;	/* the options string ("check,compress"), if any */
	long ret;

	if (IS_ERR(source))
		return PTR_ERR(source);
	target = get_path(utarget);
	type = IS_ERR(target) ? NULL : get_path(utype);
	if (IS_ERR(target) || IS_ERR(type)) {
		ret = IS_ERR(target) ? PTR_ERR(target) : PTR_ERR(type);
		goto out_free;
	}
	if (data) {
		opts = get_path(data);
		if (IS_ERR(opts)) {
			ret = PTR_ERR(opts);
			opts = NULL;
			if (ret != -ENOENT)	/* "" is no options */
				goto out_free;
		}
	}
	ret = vfs_mount(ctx(), source ? source : "none", target, type, flags & 1, opts);
out_free:
	kfree(opts);
	if (!IS_ERR_OR_NULL(type))
		kfree(type);
	if (!IS_ERR(target))
		kfree(target);
	kfree(source);
	return ret;
}

long sys_umount2(u32 utarget, u32 flags)
{
	(void)flags;
	return with_path(utarget, vfs_umount);
}

long sys_statfs64(u32 upath, u32 size, u32 ubuf)
{
	char *path = get_path(upath);
	struct abi_statfs64 a;
	struct statfs st;
	long ret;

	if (IS_ERR(path))
		return PTR_ERR(path);
	if (size != sizeof(a)) {
		kfree(path);
		return -EINVAL;
	}
	ret = vfs_statfs(ctx(), path, &st);
	kfree(path);
	if (ret)
		return ret;
	memset(&a, 0, sizeof(a));
	a.f_type = st.f_type;
	a.f_bsize = a.f_frsize = st.f_bsize;
	a.f_blocks = st.f_blocks;
	a.f_bfree = st.f_bfree;
	a.f_bavail = st.f_bavail;
	a.f_files = st.f_files;
	a.f_ffree = st.f_ffree;
	a.f_namelen = st.f_namelen;
	a.f_flags = st.f_flags;
	return copy_to_user(ubuf, &a, sizeof(a));
}

long sys_ioctl(u32 fd, u32 cmd, u32 arg)
{
	struct file *f = fget(ctx(), (int)fd);
	long ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	ret = f->f_op && f->f_op->ioctl ? f->f_op->ioctl(f, cmd, arg) : -ENOTTY;
	fput(f);
	return ret;
}

/* pipe2(): flags checked first, the pipe made, then the two ints copied out. */
long sys_pipe2(u32 ufds, u32 flags)
{
	int fds[2], vflags = 0;
	long ret;

	if (flags & ~(u32)(ABI_O_CLOEXEC | ABI_O_NONBLOCK))
		return -EINVAL;
	if (!access_ok(ufds, sizeof(fds)))
		return -EFAULT;
	if (flags & ABI_O_CLOEXEC)
		vflags |= O_CLOEXEC;
	if (flags & ABI_O_NONBLOCK)
		vflags |= O_NONBLOCK;
	ret = vfs_pipe(ctx(), fds, vflags);
	if (ret)
		return ret;
	ret = copy_to_user(ufds, fds, sizeof(fds));
	if (ret) {
		vfs_close(ctx(), fds[0]);
		vfs_close(ctx(), fds[1]);
	}
	return ret;
}

long sys_pipe(u32 ufds)
{
	return sys_pipe2(ufds, 0);
}
