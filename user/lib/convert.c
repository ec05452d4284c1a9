// SPDX-License-Identifier: GPL-2.0
/*
 * Translations between newlib's constants and structures and the kernel
 * ABI's (include/uapi/linux-abi.h): open flags, signal numbers, wait
 * statuses and struct stat.  Pure functions; the wrappers call them.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>

#include "sys.h"

static const struct {
	int newlib;
	int abi;
} oflag_map[] = {
	{ O_APPEND, ABI_O_APPEND },	{ O_CREAT, ABI_O_CREAT },
	{ O_TRUNC, ABI_O_TRUNC },	{ O_EXCL, ABI_O_EXCL },
	{ O_SYNC, ABI_O_DSYNC },	{ O_NONBLOCK, ABI_O_NONBLOCK },
	{ O_NOCTTY, ABI_O_NOCTTY },	{ O_CLOEXEC, ABI_O_CLOEXEC },
	{ O_NOFOLLOW, ABI_O_NOFOLLOW },	{ O_DIRECTORY, ABI_O_DIRECTORY },
};

int oflags_to_abi(int flags)
{
	int out = flags & O_ACCMODE;
	unsigned int i;

	for (i = 0; i < sizeof(oflag_map) / sizeof(oflag_map[0]); i++)
		if (flags & oflag_map[i].newlib)
			out |= oflag_map[i].abi;
	return out | ABI_O_LARGEFILE;
}

int oflags_from_abi(int abi_flags)
{
	int out = abi_flags & ABI_O_ACCMODE;
	unsigned int i;

	for (i = 0; i < sizeof(oflag_map) / sizeof(oflag_map[0]); i++)
		if (abi_flags & oflag_map[i].abi)
			out |= oflag_map[i].newlib;
	return out;
}

/* Indexed by newlib's number (see <sys/signal.h>, the default branch). */
static const unsigned char sig_map[NSIG] = {
	[SIGHUP] = ABI_SIGHUP,		[SIGINT] = ABI_SIGINT,
	[SIGQUIT] = ABI_SIGQUIT,	[SIGILL] = ABI_SIGILL,
	[SIGTRAP] = ABI_SIGTRAP,	[SIGABRT] = ABI_SIGABRT,
	[SIGFPE] = ABI_SIGFPE,		[SIGKILL] = ABI_SIGKILL,
	[SIGBUS] = ABI_SIGBUS,		[SIGSEGV] = ABI_SIGSEGV,
	[SIGSYS] = ABI_SIGSYS,		[SIGPIPE] = ABI_SIGPIPE,
	[SIGALRM] = ABI_SIGALRM,	[SIGTERM] = ABI_SIGTERM,
	[SIGURG] = ABI_SIGURG,		[SIGSTOP] = ABI_SIGSTOP,
	[SIGTSTP] = ABI_SIGTSTP,	[SIGCONT] = ABI_SIGCONT,
	[SIGCHLD] = ABI_SIGCHLD,	[SIGTTIN] = ABI_SIGTTIN,
	[SIGTTOU] = ABI_SIGTTOU,	[SIGIO] = ABI_SIGIO,
	[SIGXCPU] = ABI_SIGXCPU,	[SIGXFSZ] = ABI_SIGXFSZ,
	[SIGVTALRM] = ABI_SIGVTALRM,	[SIGPROF] = ABI_SIGPROF,
	[SIGWINCH] = ABI_SIGWINCH,	[SIGUSR1] = ABI_SIGUSR1,
	[SIGUSR2] = ABI_SIGUSR2,
};

int sig_to_abi(int sig)
{
	if (sig <= 0 || sig >= NSIG)
		return 0;
	return sig_map[sig];
}

int sig_from_abi(int abi_sig)
{
	int s;

	for (s = 1; s < NSIG; s++)
		if (sig_map[s] == abi_sig)
			return s;
	return 0;
}

int wstatus_from_abi(int status)
{
	int sig = status & 0x7f;
	int nsig;

	if (sig == 0 || sig == 0x7f) {
		/* exited, or stopped with the signal in bits 8-15 */
		if (sig == 0x7f) {
			nsig = sig_from_abi((status >> 8) & 0xff);
			status = (status & ~0xff00) | (nsig << 8);
		}
		return status;
	}
	nsig = sig_from_abi(sig);
	if (!nsig)
		nsig = SIGLOST;	/* no newlib name (SIGSTKFLT, SIGPWR) */
	return (status & ~0x7f) | nsig;
}

int stat_from_abi(struct stat *st, const struct abi_stat64 *k)
{
	if (k->st_size > 0x7fffffffLL) {
		errno = EOVERFLOW;
		return -1;
	}
	st->st_dev = (dev_t)k->st_dev;
	st->st_ino = (ino_t)k->st_ino;
	st->st_mode = k->st_mode;
	st->st_nlink = (nlink_t)k->st_nlink;
	st->st_uid = (uid_t)k->st_uid;
	st->st_gid = (gid_t)k->st_gid;
	st->st_rdev = (dev_t)k->st_rdev;
	st->st_size = (off_t)k->st_size;
	st->st_atim.tv_sec = k->st_atime_sec;
	st->st_atim.tv_nsec = (long)k->st_atime_nsec;
	st->st_mtim.tv_sec = k->st_mtime_sec;
	st->st_mtim.tv_nsec = (long)k->st_mtime_nsec;
	st->st_ctim.tv_sec = k->st_ctime_sec;
	st->st_ctim.tv_nsec = (long)k->st_ctime_nsec;
	st->st_blksize = (blksize_t)k->st_blksize;
	st->st_blocks = (blkcnt_t)k->st_blocks;
	st->st_spare4[0] = (long)k->st_ino;	/* the full inode number */
	st->st_spare4[1] = 0;
	return 0;
}
