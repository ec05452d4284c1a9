/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Waiting for files to become ready: the kernel half of poll(2) and
 * select(2) (fs/vfs/poll.c).
 *
 * A file that can block offers file_operations.poll: it returns its ready
 * mask (POLL* below, the Linux values) and, through poll_wait(), names
 * the wait queue(s) its wakers use, on which the poller sleeps.  A file
 * without the operation is always readable and writable.  A file whose
 * readiness changes without any wake-up (a device that is only polled)
 * calls poll_retry() instead, so that the poller looks again soon.
 *
 *	static u32 foo_poll(struct file *file, struct poll_table *pt)
 *	{
 *		struct foo *f = file->private_data;
 *
 *		poll_wait(file, &f->wait, pt);
 *		return READ_ONCE(f->len) ? POLLIN | POLLRDNORM : 0;
 *	}
 *
 * A poll operation runs with the caller marked blocked (see fs/vfs/poll.c):
 * it reads its state after poll_wait(), never before, and should not
 * sleep; a short mutex section is tolerated (if it has to wait, the
 * poller comes back runnable and makes one more pass, nothing is lost).
 * A wait queue named must outlive the file (the poller holds a reference
 * on the file, not on what the file's driver owns).
 */
#ifndef FS_POLL_H
#define FS_POLL_H

#include <kernel/types.h>
#include <kernel/wait.h>
#include <uapi/linux-abi.h>

struct file;
struct vfs_ctx;

#define POLLIN		ABI_POLLIN
#define POLLPRI		ABI_POLLPRI
#define POLLOUT		ABI_POLLOUT
#define POLLERR		ABI_POLLERR
#define POLLHUP		ABI_POLLHUP
#define POLLNVAL	ABI_POLLNVAL
#define POLLRDNORM	ABI_POLLRDNORM
#define POLLRDBAND	ABI_POLLRDBAND
#define POLLWRNORM	ABI_POLLWRNORM
#define POLLWRBAND	ABI_POLLWRBAND

/* What a file without a poll operation is: never blocks either way. */
#define POLL_DEFAULT_MASK	(POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM)
/* What poll(2) reports whether asked for or not. */
#define POLL_ALWAYS		(POLLERR | POLLHUP | POLLNVAL)

/* One wait queue the poller sleeps on, and the file that owns it. */
struct poll_entry {
	struct wait_queue_head *wq;
	struct wait_queue_entry wait;
	struct file *file;		/* referenced: keeps @wq alive */
};

#define POLL_INLINE_ENTRIES	8

struct poll_table_chunk;

/* The poller's side; on its stack, private to fs/vfs/poll.c. */
struct poll_table {
	bool queue;			/* poll_wait() queues (not for a zero timeout) */
	int error;			/* -ENOMEM: an entry could not be had */
	u64 retry_ns;			/* look again within this (0: no need) */
	u32 nr_inline;
	struct poll_entry inline_entries[POLL_INLINE_ENTRIES];
	struct poll_table_chunk *chunks;
};

void __poll_wait(struct file *file, struct wait_queue_head *wq, struct poll_table *pt);

/**
 * poll_wait() - have the poller woken by @wq (a file's poll operation)
 * @file: the file being polled   @wq: a queue its wakers wake_up_all()
 * @pt: as passed to the poll operation (NULL: only the mask is wanted)
 */
static inline void poll_wait(struct file *file, struct wait_queue_head *wq,
			     struct poll_table *pt)
{
	if (pt && pt->queue && wq)
		__poll_wait(file, wq, pt);
}

/**
 * poll_retry() - nothing will wake the poller for this file: look again
 * within @ns (a device whose input is found by polling)
 */
static inline void poll_retry(struct poll_table *pt, u64 ns)
{
	if (pt && (!pt->retry_ns || ns < pt->retry_ns))
		pt->retry_ns = ns;
}

/* One descriptor to watch: struct pollfd's layout (struct abi_pollfd). */
struct poll_fd {
	int fd;				/* negative: ignored, revents 0 */
	u16 events;			/* POLL* wanted */
	u16 revents;			/* out: POLL* found (and @always ones) */
};

/**
 * vfs_poll() - wait until one of @fds is ready, @timeout_ns passes or a
 * signal arrives
 * @ctx: whose descriptors   @fds: in/out, see struct poll_fd
 * @nfds: entries in @fds
 * @timeout_ns: negative waits for ever, 0 only looks
 * @always: bits reported even when not in events: POLL_ALWAYS for
 * poll(2); 0 for select(2), whose events say all it counts.  A
 * descriptor that is not open gives POLLNVAL (if in @always).
 * Return: the number of entries with revents set (0: timed out), -EINTR
 * (a signal, or kthread_stop(), and nothing ready), -ENOMEM.
 * Sleeps.
 */
int vfs_poll(struct vfs_ctx *ctx, struct poll_fd *fds, u32 nfds, s64 timeout_ns,
	     u32 always);

/** vfs_file_poll() - @file's ready mask now, without waiting */
u32 vfs_file_poll(struct file *file);

#endif /* FS_POLL_H */
