// SPDX-License-Identifier: GPL-2.0
/*
 * File-system calls newlib has no stub for: descriptors (pipe, dup),
 * directories, links, sizes, sync, mount and statfs.  One system call
 * each; errno from sys_ret().
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "sys.h"

int pipe(int fds[2])
{
	return sys_ret(sys1(__NR_pipe, fds));
}

int pipe2(int fds[2], int flags)
{
	return sys_ret(sys2(__NR_pipe2, fds, oflags_to_abi(flags) & ~ABI_O_LARGEFILE));
}

int dup(int fd)
{
	return sys_ret(sys1(__NR_dup, fd));
}

int dup2(int fd, int to)
{
	return sys_ret(sys2(__NR_dup2, fd, to));
}

int rmdir(const char *path)
{
	return sys_ret(sys1(__NR_rmdir, path));
}

int chdir(const char *path)
{
	return sys_ret(sys1(__NR_chdir, path));
}

int fchdir(int fd)
{
	return sys_ret(sys1(__NR_fchdir, fd));
}

char *getcwd(char *buf, size_t size)
{
	if (sys_ret(sys2(__NR_getcwd, buf, size)) < 0)
		return NULL;
	return buf;
}

int symlink(const char *target, const char *path)
{
	return sys_ret(sys2(__NR_symlink, target, path));
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	return sys_ret(sys3(__NR_readlink, path, buf, size));
}

/*
 * newlib's libc.a is built without HAVE_RENAME: its rename() is link()
 * then unlink(), which cannot move a directory (link gives EPERM), fails
 * with EEXIST instead of replacing the new name, and is not atomic.  This
 * one wins over it (libuser.a is searched first) and is the system call.
 */
int rename(const char *old, const char *new)
{
	return sys_ret(sys2(__NR_rename, old, new));
}

int access(const char *path, int mode)
{
	return sys_ret(sys2(__NR_access, path, mode));
}

mode_t umask(mode_t mask)
{
	return (mode_t)sys1(__NR_umask, mask);
}

int truncate(const char *path, off_t len)
{
	return sys_ret(sys2(__NR_truncate, path, len));
}

int ftruncate(int fd, off_t len)
{
	return sys_ret(sys2(__NR_ftruncate, fd, len));
}

int fsync(int fd)
{
	return sys_ret(sys1(__NR_fsync, fd));
}

void sync(void)
{
	sys0(__NR_sync);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	return sys_ret(sys4(__NR_openat, dirfd, path, oflags_to_abi(flags), 0666));
}

int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	struct abi_stat64 k;

	if (sys_ret(sys4(__NR_fstatat64, dirfd, path, &k, flags)) < 0)
		return -1;
	return stat_from_abi(st, &k);
}

int mount(const char *source, const char *target, const char *fstype,
	  unsigned long flags, const void *data)
{
	return sys_ret(sys5(__NR_mount, source, target, fstype, flags, data));
}

unsigned long mount_options_flags(const char *opts)
{
	unsigned long flags = 0;
	const char *p = opts;

	while (p && *p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len == 2 && !strncmp(p, "ro", 2))
			flags |= MS_RDONLY;
		else if (len == 2 && !strncmp(p, "rw", 2))
			flags &= ~MS_RDONLY;
		p = end ? end + 1 : NULL;
	}
	return flags;
}

int umount2(const char *target, int flags)
{
	return sys_ret(sys2(__NR_umount2, target, flags));
}

int umount(const char *target)
{
	return umount2(target, 0);
}

static void statfs_from_abi(struct statfs *st, const struct abi_statfs64 *k)
{
	memset(st, 0, sizeof(*st));
	st->f_type = k->f_type;
	st->f_bsize = k->f_bsize;
	st->f_blocks = k->f_blocks;
	st->f_bfree = k->f_bfree;
	st->f_bavail = k->f_bavail;
	st->f_files = k->f_files;
	st->f_ffree = k->f_ffree;
	st->f_namelen = k->f_namelen;
	st->f_frsize = k->f_frsize;
	st->f_flags = k->f_flags;
}

int statfs(const char *path, struct statfs *st)
{
	struct abi_statfs64 k;

	if (sys_ret(sys3(__NR_statfs64, path, sizeof(k), &k)) < 0)
		return -1;
	statfs_from_abi(st, &k);
	return 0;
}

int mkdir(const char *path, mode_t mode)
{
	return sys_ret(sys2(__NR_mkdir, path, mode));
}
