// SPDX-License-Identifier: GPL-2.0
/*
 * poll, ppoll, select (_newselect) and pselect6: the Linux ARM EABI calls
 * over vfs_poll() (fs/vfs/poll.c), which does the waiting.  Each handler
 * copies its timeout, signal mask and descriptors in and checks them
 * first (Linux's order and errors), then waits, then copies the results
 * out; nothing in user memory is touched while it waits.
 *
 * - poll's timeout is in milliseconds, negative for ever; the others take
 *   a timespec or timeval, NULL for ever; 0 only looks.  select, ppoll
 *   and pselect6 write the time left back (as Linux; a fault there is
 *   ignored).
 * - At most VFS_NR_OPEN entries (Linux: RLIMIT_NOFILE), else -EINVAL;
 *   select's n is cut down to the table's size, as Linux cuts it to its
 *   table's.  A negative fd is skipped (revents 0); one that is not open
 *   is POLLNVAL for poll, -EBADF for select.
 * - select's three fd_sets (arrays of 32-bit words) become one struct
 *   poll_fd per descriptor named in any of them, and back.
 * - ppoll and pselect6's signal mask is in force during the wait; as on
 *   Linux the caller's comes back on return, or, when a signal the call's
 *   mask lets in ended the wait (-EINTR), once that signal is delivered,
 *   so its handler runs even if the caller's own mask blocks it
 *   (sigmask_set_temporary(), signal.c).
 */
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <fs/poll.h>
#include <fs/vfs.h>
#include <uapi/linux-abi.h>
#include "proc_internal.h"
#include "syscalls.h"

#define POLL_MAX_FDS	VFS_NR_OPEN
#define SELECT_WORDS	DIV_ROUND_UP(VFS_NR_OPEN, ABI_NFDBITS)
/* What select counts as ready in each set (Linux's). */
#define SELECT_IN	(POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR)
#define SELECT_OUT	(POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR)
#define SELECT_EX	POLLPRI

/* The kernel's struct poll_fd is the user's struct pollfd: copied as is. */
BUILD_BUG_ON(sizeof(struct poll_fd) != sizeof(struct abi_pollfd));
BUILD_BUG_ON(offsetof(struct poll_fd, revents) != offsetof(struct abi_pollfd, revents));

static struct vfs_ctx *ctx(void)
{
	return current_process()->vfs;
}

/* --- timeouts and signal masks ------------------------------------------ */

/* A user timespec (0: none, for ever) as *@ns (-1: for ever). */
static int get_timeout_ts(u32 uts, s64 *ns)
{
	u64 v;
	int err;

	*ns = -1;
	if (!uts)
		return 0;
	err = timespec_from_user(uts, &v);	/* -EFAULT, -EINVAL as Linux */
	if (!err)
		*ns = (s64)v;
	return err;
}

/* A user timeval, likewise; microseconds past a second are allowed (Linux). */
static int get_timeout_tv(u32 utv, s64 *ns)
{
	struct abi_timeval tv;

	*ns = -1;
	if (!utv)
		return 0;
	if (copy_from_user(&tv, utv, sizeof(tv)))
		return -EFAULT;
	if (tv.tv_sec < 0 || tv.tv_usec < 0)
		return -EINVAL;
	*ns = (s64)tv.tv_sec * (s64)NSEC_PER_SEC + (s64)tv.tv_usec * (s64)NSEC_PER_USEC;
	return 0;
}

/* When a wait of @ns ends, for the time-left write-back (0: nothing to write). */
static u64 timeout_end(s64 ns)
{
	return ns > 0 ? ktime_get_ns() + (u64)ns : 0;
}

/* Write the time left until @end back into the caller's timeout. */
static void put_time_left(u32 uaddr, bool timeval, u64 end)
{
	u64 now = ktime_get_ns(), left = end > now ? end - now : 0;
	struct abi_timespec ts = { (long)(left / NSEC_PER_SEC), (long)(left % NSEC_PER_SEC) };
	struct abi_timeval tv = { ts.tv_sec, ts.tv_nsec / (long)NSEC_PER_USEC };

	/* A timeout in read-only memory must not fail a finished call. */
	if (timeval)
		(void)copy_to_user(uaddr, &tv, sizeof(tv));
	else
		(void)copy_to_user(uaddr, &ts, sizeof(ts));
}

/* The mask for the wait: *@given false without one. */
static int get_sigmask(u32 uset, u32 size, u64 *mask, bool *given)
{
	*given = false;
	if (!uset)
		return 0;
	if (size != ABI_SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(mask, uset, sizeof(*mask)))
		return -EFAULT;
	*given = true;
	return 0;
}


/* --- poll and ppoll ----------------------------------------------------- */

/* Copy @nfds entries in, wait, copy each revents out (also after -EINTR, as Linux). */
static long do_poll(u32 ufds, u32 nfds, s64 timeout_ns)
{
	struct poll_fd fds[POLL_MAX_FDS];
	long ret;

	if (nfds > POLL_MAX_FDS)
		return -EINVAL;
	if (nfds && copy_from_user(fds, ufds, nfds * sizeof(fds[0])))
		return -EFAULT;
	ret = vfs_poll(ctx(), fds, nfds, timeout_ns, POLL_ALWAYS);
	for (u32 i = 0; i < nfds; i++) {
		u32 at = ufds + i * sizeof(fds[0]) + offsetof(struct poll_fd, revents);

		if (copy_to_user(at, &fds[i].revents, sizeof(fds[i].revents)))
			return -EFAULT;
	}
	return ret;
}

long sys_poll(u32 ufds, u32 nfds, u32 timeout_ms)
{
	s64 ns = (s32)timeout_ms < 0 ? -1 : (s64)timeout_ms * (s64)NSEC_PER_MSEC;

	return do_poll(ufds, nfds, ns);
}

long sys_ppoll(u32 ufds, u32 nfds, u32 uts, u32 usigmask, u32 sigsetsize)
{
	bool masked;
	u64 mask = 0, end;
	s64 ns;
	long ret;

	ret = get_timeout_ts(uts, &ns);
	if (!ret)
		ret = get_sigmask(usigmask, sigsetsize, &mask, &masked);
	if (ret)
		return ret;
	end = timeout_end(ns);
	if (masked)
		sigmask_set_temporary(mask);
	ret = do_poll(ufds, nfds, ns);
	sigmask_end_temporary(ret);
	if (end)
		put_time_left(uts, false, end);
	return ret;
}

/* --- select and pselect6 ------------------------------------------------ */

/* The three sets, in, out, except: the first n bits of each (0: not given). */
struct fd_sets {
	u32 bits[3][SELECT_WORDS];
};

static bool fd_isset(const u32 *set, u32 fd)
{
	return set[fd / ABI_NFDBITS] & (1u << (fd % ABI_NFDBITS));
}

static int get_fd_sets(u32 n, const u32 uset[3], struct fd_sets *s)
{
	u32 bytes = DIV_ROUND_UP(n, ABI_NFDBITS) * sizeof(u32);

	memset(s, 0, sizeof(*s));
	for (int k = 0; k < 3; k++)
		if (uset[k] && bytes && copy_from_user(s->bits[k], uset[k], bytes))
			return -EFAULT;
	return 0;
}

static int put_fd_sets(u32 n, const u32 uset[3], const struct fd_sets *s)
{
	u32 bytes = DIV_ROUND_UP(n, ABI_NFDBITS) * sizeof(u32);

	for (int k = 0; k < 3; k++)
		if (uset[k] && bytes && copy_to_user(uset[k], s->bits[k], bytes))
			return -EFAULT;
	return 0;
}

/* One entry per descriptor below @n in any set, each open (else -EBADF). */
static int sets_to_pollfds(u32 n, const struct fd_sets *s, struct poll_fd *fds)
{
	static const u16 want[3] = { SELECT_IN, SELECT_OUT, SELECT_EX };
	int nr = 0;

	for (u32 fd = 0; fd < n; fd++) {
		struct file *f;
		u16 events = 0;

		for (int k = 0; k < 3; k++)
			if (fd_isset(s->bits[k], fd))
				events |= want[k];
		if (!events)
			continue;
		f = fget(ctx(), (int)fd);
		if (IS_ERR(f))
			return -EBADF;
		fput(f);
		fds[nr++] = (struct poll_fd){ .fd = (int)fd, .events = events };
	}
	return nr;
}

/* The ready sets from the entries' revents; returns the bits set. */
static int pollfds_to_sets(const struct poll_fd *fds, int nr, const struct fd_sets *asked,
			   struct fd_sets *ready)
{
	static const u16 want[3] = { SELECT_IN, SELECT_OUT, SELECT_EX };
	int count = 0;

	memset(ready, 0, sizeof(*ready));
	for (int i = 0; i < nr; i++) {
		u32 fd = (u32)fds[i].fd;

		for (int k = 0; k < 3; k++) {
			if (!fd_isset(asked->bits[k], fd) || !(fds[i].revents & want[k]))
				continue;
			ready->bits[k][fd / ABI_NFDBITS] |= 1u << (fd % ABI_NFDBITS);
			count++;
		}
	}
	return count;
}

static long do_select(int n, u32 inp, u32 outp, u32 exp, s64 timeout_ns)
{
	const u32 uset[3] = { inp, outp, exp };
	struct poll_fd fds[VFS_NR_OPEN];
	struct fd_sets asked, ready;
	long ret;
	int nr;

	if (n < 0)
		return -EINVAL;
	if (n > VFS_NR_OPEN)
		n = VFS_NR_OPEN;	/* no descriptor lies beyond the table */
	ret = get_fd_sets((u32)n, uset, &asked);
	if (ret)
		return ret;
	nr = sets_to_pollfds((u32)n, &asked, fds);
	if (nr < 0)
		return nr;
	/* select counts only what its sets ask for: nothing reported unasked */
	ret = vfs_poll(ctx(), fds, (u32)nr, timeout_ns, 0);
	if (ret < 0)
		return ret;
	ret = pollfds_to_sets(fds, nr, &asked, &ready);
	if (put_fd_sets((u32)n, uset, &ready))
		return -EFAULT;
	return ret;
}

long sys_select(u32 n, u32 inp, u32 outp, u32 exp, u32 utv)
{
	s64 ns;
	u64 end;
	long ret;

	ret = get_timeout_tv(utv, &ns);
	if (ret)
		return ret;
	end = timeout_end(ns);
	ret = do_select((int)n, inp, outp, exp, ns);
	if (end)
		put_time_left(utv, true, end);
	return ret;
}

long sys_pselect6(u32 n, u32 inp, u32 outp, u32 exp, u32 uts, u32 usig)
{
	struct abi_sigset_argpack pack = { 0, 0 };
	bool masked;
	u64 mask = 0, end;
	s64 ns;
	long ret;

	ret = get_timeout_ts(uts, &ns);
	if (!ret && usig && copy_from_user(&pack, usig, sizeof(pack)))
		ret = -EFAULT;
	if (!ret)
		ret = get_sigmask(pack.ss, pack.ss_len, &mask, &masked);
	if (ret)
		return ret;
	end = timeout_end(ns);
	if (masked)
		sigmask_set_temporary(mask);
	ret = do_select((int)n, inp, outp, exp, ns);
	sigmask_end_temporary(ret);
	if (end)
		put_time_left(uts, false, end);
	return ret;
}
