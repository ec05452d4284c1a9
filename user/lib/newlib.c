// SPDX-License-Identifier: GPL-2.0
/*
 * The system-call stubs newlib's libc.a is built against (_read, _write,
 * _open, ... as listed by `nm -u libc.a`): each is one system call plus
 * the translation of flags, structures and errno.  stdio, malloc (via
 * _sbrk on brk) and the rest of newlib sit on these.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <unistd.h>

#include "sys.h"
#include "uthread.h"

int _read(int fd, void *buf, size_t n)
{
	return sys_ret(sys3(__NR_read, fd, buf, n));
}

int _write(int fd, const void *buf, size_t n)
{
	return sys_ret(sys3(__NR_write, fd, buf, n));
}

int _open(const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = va_arg(ap, int);
	va_end(ap);
	return sys_ret(sys3(__NR_open, path, oflags_to_abi(flags), mode));
}

int _close(int fd)
{
	return sys_ret(sys1(__NR_close, fd));
}

off_t _lseek(int fd, off_t off, int whence)
{
	return sys_ret(sys3(__NR_lseek, fd, off, whence));
}

int _fstat(int fd, struct stat *st)
{
	struct abi_stat64 k;

	if (sys_ret(sys2(__NR_fstat64, fd, &k)) < 0)
		return -1;
	return stat_from_abi(st, &k);
}

int _stat(const char *path, struct stat *st)
{
	struct abi_stat64 k;

	if (sys_ret(sys2(__NR_stat64, path, &k)) < 0)
		return -1;
	return stat_from_abi(st, &k);
}

int lstat(const char *path, struct stat *st)
{
	struct abi_stat64 k;

	if (sys_ret(sys2(__NR_lstat64, path, &k)) < 0)
		return -1;
	return stat_from_abi(st, &k);
}

int _isatty(int fd)
{
	struct abi_termios t;
	long r = sys3(__NR_ioctl, fd, ABI_TCGETS, &t);

	if (sys_failed(r)) {
		errno = errno_from_abi((int)-r);
		return 0;
	}
	return 1;
}

/*
 * malloc's memory: brk(0) tells the current break; brk(new) returns the
 * new break, or the old one when the kernel refuses.
 */
void *_sbrk(ptrdiff_t incr)
{
	static unsigned long cur;
	unsigned long old, want;

	if (!cur)
		cur = (unsigned long)sys1(__NR_brk, 0);
	old = cur;
	want = old + incr;
	if (incr && (unsigned long)sys1(__NR_brk, want) != want) {
		errno = ENOMEM;
		return (void *)-1;
	}
	cur = want;
	return (void *)old;
}

void _exit(int status)
{
	for (;;)
		sys1(__NR_exit_group, status);
}

int _kill(int pid, int sig)
{
	int asig = sig_to_abi(sig);

	if (sig && !asig) {
		errno = EINVAL;
		return -1;
	}
	return sys_ret(sys2(__NR_kill, pid, asig));
}

int _getpid(void)
{
	return sys0(__NR_getpid);
}

/*
 * In a threaded program another thread may be inside malloc at the fork:
 * hold the malloc lock across it (the heap is whole in the child), and
 * give the child, whose one thread has a new tid, a free lock.
 */
int _fork(void)
{
	long r;

	__malloc_fork_prepare();
	r = sys0(__NR_fork);
	if (r == 0) {
		__malloc_fork_child();
		if (__uthread_fork_child)	/* linked only in programs with threads */
			__uthread_fork_child();
	} else {
		__malloc_fork_parent();
	}
	return sys_ret(r);
}

int _wait(int *status)
{
	int st = 0;
	long r = sys_ret(sys4(__NR_wait4, -1, &st, 0, 0));

	if (r > 0 && status)
		*status = wstatus_from_abi(st);
	return r;
}

int _unlink(const char *path)
{
	return sys_ret(sys1(__NR_unlink, path));
}

int _link(const char *old, const char *new)
{
	return sys_ret(sys2(__NR_link, old, new));
}

int _rename(const char *old, const char *new)
{
	return sys_ret(sys2(__NR_rename, old, new));
}

int _mkdir(const char *path, mode_t mode)
{
	return sys_ret(sys2(__NR_mkdir, path, mode));
}

clock_t _times(struct tms *buf)
{
	struct abi_tms k;
	long r = sys1(__NR_times, &k);

	if (sys_failed(r))
		return (clock_t)sys_ret(r);
	if (buf) {
		buf->tms_utime = k.tms_utime;
		buf->tms_stime = k.tms_stime;
		buf->tms_cutime = k.tms_cutime;
		buf->tms_cstime = k.tms_cstime;
	}
	return (clock_t)r;
}

int _gettimeofday(struct timeval *tv, void *tz)
{
	struct abi_timeval k;

	if (sys_ret(sys2(__NR_gettimeofday, &k, 0)) < 0)
		return -1;
	if (tv) {
		tv->tv_sec = k.tv_sec;
		tv->tv_usec = k.tv_usec;
	}
	return 0;
}

int _fcntl(int fd, int cmd, int arg)
{
	long r;

	switch (cmd) {
	case F_DUPFD:
	case F_GETFD:
	case F_SETFD:
		return sys_ret(sys3(__NR_fcntl64, fd, cmd, arg));
	case F_DUPFD_CLOEXEC:
		return sys_ret(sys3(__NR_fcntl64, fd, ABI_F_DUPFD_CLOEXEC, arg));
	case F_GETFL:
		r = sys_ret(sys2(__NR_fcntl64, fd, ABI_F_GETFL));
		return r < 0 ? -1 : oflags_from_abi(r);
	case F_SETFL:
		return sys_ret(sys3(__NR_fcntl64, fd, ABI_F_SETFL,
				    oflags_to_abi(arg) & ~ABI_O_ACCMODE));
	default:
		errno = EINVAL;
		return -1;
	}
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	int arg;

	va_start(ap, cmd);
	arg = va_arg(ap, int);
	va_end(ap);
	return _fcntl(fd, cmd, arg);
}

/* newlib's arc4random wants entropy; the kernel has no getrandom yet. */
int getentropy(void *buf, size_t len)
{
	errno = ENOSYS;
	return -1;
}
