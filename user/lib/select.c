// SPDX-License-Identifier: GPL-2.0
/*
 * Waiting on descriptors: poll, ppoll, select, pselect.  struct pollfd
 * and fd_set go to the kernel as they are: newlib's fd_set is an array of
 * unsigned long, bit fd % 32 of word fd / 32, which is the kernel's
 * layout (the kernel reads and writes only the words below n).  Timeouts
 * are converted (newlib's time_t is 64-bit, the ABI's 32-bit), and so are
 * signal masks (signal.c).  select() leaves the time left in *tv, as on
 * Linux; ppoll() and pselect() take a const timeout and do not.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <sys/select.h>
#include <time.h>

#include "sys.h"

static long clamp_sec(time_t s)
{
	if (s > LONG_MAX)
		return LONG_MAX;
	return s < 0 ? -1 : (long)s;	/* negative: the kernel's EINVAL */
}

int poll(struct pollfd *fds, nfds_t n, int timeout_ms)
{
	return sys_ret(sys3(__NR_poll, fds, n, timeout_ms));
}

int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *ts, const sigset_t *mask)
{
	struct abi_timespec k;
	unsigned long m[2];

	if (ts) {
		k.tv_sec = clamp_sec(ts->tv_sec);
		k.tv_nsec = ts->tv_nsec;
	}
	if (mask)
		sigset_to_abi(mask, m);
	return sys_ret(sys5(__NR_ppoll, fds, n, ts ? &k : NULL, mask ? m : NULL,
			    ABI_SIGSET_SIZE));
}

int select(int n, fd_set *in, fd_set *out, fd_set *ex, struct timeval *tv)
{
	struct abi_timeval k;
	int r;

	if (tv) {
		k.tv_sec = clamp_sec(tv->tv_sec);
		k.tv_usec = tv->tv_usec;
	}
	r = sys_ret(sys5(__NR__newselect, n, in, out, ex, tv ? &k : NULL));
	if (tv) {
		tv->tv_sec = k.tv_sec;
		tv->tv_usec = k.tv_usec;
	}
	return r;
}

int pselect(int n, fd_set *in, fd_set *out, fd_set *ex, const struct timespec *ts,
	    const sigset_t *mask)
{
	struct abi_timespec k;
	unsigned long m[2];
	struct abi_sigset_argpack pack = { (unsigned long)m, ABI_SIGSET_SIZE };

	if (ts) {
		k.tv_sec = clamp_sec(ts->tv_sec);
		k.tv_nsec = ts->tv_nsec;
	}
	if (mask)
		sigset_to_abi(mask, m);
	return sys_ret(sys6(__NR_pselect6, n, (long)in, (long)out, (long)ex,
			    (long)(ts ? &k : NULL), (long)(mask ? &pack : NULL)));
}
