// SPDX-License-Identifier: GPL-2.0
/*
 * vfs_poll() (fs/vfs/poll.c) on pipes and plain files, from kernel
 * threads: the masks of each pipe end as it fills, drains and loses its
 * peer; files without a poll operation always ready; POLLNVAL and
 * negative descriptors; the timeout; wake-ups from another thread in
 * either direction, also on many pipes at once (more wait queues than
 * the table holds inline) and over many rounds, where a lost wake-up
 * would show as a timeout; a wake-up that finds nothing leaving the
 * poller queued for the next, or coming in the middle of a pass, not
 * lost; kthread_stop() ending an endless wait; and no
 * file reference left behind (a write end polled and then closed must
 * still give the reader its end of file).
 */
#include "vfs_helpers.h"
#include <fs/poll.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/time.h>

#define MS		((s64)NSEC_PER_MSEC)
#define FOREVER		(-1)

/* vfs_poll() on one descriptor as poll(2) would; *@revents out. */
static int poll_one(struct vfs_ctx *c, int fd, u16 events, s64 timeout_ns, u16 *revents)
{
	struct poll_fd p = { .fd = fd, .events = events };
	int ret = vfs_poll(c, &p, 1, timeout_ns, POLL_ALWAYS);

	*revents = p.revents;
	return ret;
}

static void poll_pipe_masks(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	u8 *buf = kzalloc(VFS_PIPE_SIZE, GFP_KERNEL);
	int fds[2];
	u16 rev;

	KASSERT_NOT_NULL(t, buf);
	KASSERT_EQ(t, vfs_pipe(c, fds, O_NONBLOCK), 0);
	KEXPECT_EQ(t, poll_one(c, fds[0], POLLIN | POLLOUT, 0, &rev), 0);
	KEXPECT_EQ(t, rev, 0);
	KEXPECT_EQ(t, poll_one(c, fds[1], POLLIN | POLLOUT, 0, &rev), 1);
	KEXPECT_EQ(t, rev, POLLOUT);
	KEXPECT_EQ(t, vfs_write(c, fds[1], "x", 1), 1);
	KEXPECT_EQ(t, poll_one(c, fds[0], POLLIN | POLLRDNORM, 0, &rev), 1);
	KEXPECT_EQ(t, rev, POLLIN | POLLRDNORM);
	/* writable only while a PIPE_BUF write fits whole */
	KEXPECT_EQ(t, vfs_write(c, fds[1], buf, VFS_PIPE_SIZE - PIPE_BUF - 1),
		   VFS_PIPE_SIZE - PIPE_BUF - 1);
	KEXPECT_EQ(t, poll_one(c, fds[1], POLLOUT, 0, &rev), 1);
	KEXPECT_EQ(t, vfs_write(c, fds[1], "y", 1), 1);
	KEXPECT_EQ(t, poll_one(c, fds[1], POLLOUT, 0, &rev), 0);
	KEXPECT_EQ(t, vfs_read(c, fds[0], buf, 1), 1);
	KEXPECT_EQ(t, poll_one(c, fds[1], POLLOUT | POLLWRNORM, 0, &rev), 1);
	KEXPECT_EQ(t, rev, POLLOUT | POLLWRNORM);
	/* no writer: POLLHUP, with POLLIN while data is left */
	vfs_close(c, fds[1]);
	KEXPECT_EQ(t, poll_one(c, fds[0], POLLIN, 0, &rev), 1);
	KEXPECT_EQ(t, rev, POLLIN | POLLHUP);
	while (vfs_read(c, fds[0], buf, VFS_PIPE_SIZE) > 0)
		;
	KEXPECT_EQ(t, poll_one(c, fds[0], POLLIN, 0, &rev), 1);
	KEXPECT_EQ(t, rev, POLLHUP);
	vfs_close(c, fds[0]);
	/* no reader: POLLERR on the write end */
	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	vfs_close(c, fds[0]);
	KEXPECT_EQ(t, poll_one(c, fds[1], POLLOUT, 0, &rev), 1);
	KEXPECT_EQ(t, rev, POLLOUT | POLLERR);
	vfs_close(c, fds[1]);
	kfree(buf);
}

static void poll_default_mask(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct file *f;
	int fd;
	u16 rev;

	fd = vfs_open(c, VT "/f", O_CREAT | O_RDWR, 0644);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, poll_one(c, fd, POLLIN | POLLOUT | POLLPRI, FOREVER, &rev), 1);
	KEXPECT_EQ(t, rev, POLLIN | POLLOUT);
	f = fget(c, fd);
	KASSERT_FALSE(t, IS_ERR(f));
	KEXPECT_EQ(t, vfs_file_poll(f), POLL_DEFAULT_MASK);
	fput(f);
	vfs_close(c, fd);
	fd = vfs_open(c, VT, O_RDONLY | O_DIRECTORY, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, poll_one(c, fd, POLLIN, 0, &rev), 1);
	vfs_close(c, fd);
	KEXPECT_EQ(t, vfs_unlink(c, VT "/f"), 0);
}

static void poll_nval_and_negative(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct poll_fd p[3];
	int fds[2];

	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	KEXPECT_EQ(t, vfs_write(c, fds[1], "x", 1), 1);
	p[0] = (struct poll_fd){ .fd = -1, .events = POLLIN, .revents = 0xffff };
	p[1] = (struct poll_fd){ .fd = VFS_NR_OPEN - 1, .events = 0 };	/* not open */
	p[2] = (struct poll_fd){ .fd = fds[0], .events = POLLIN };
	KEXPECT_EQ(t, vfs_poll(c, p, 3, FOREVER, POLL_ALWAYS), 2);
	KEXPECT_EQ(t, p[0].revents, 0);
	KEXPECT_EQ(t, p[1].revents, POLLNVAL);
	KEXPECT_EQ(t, p[2].revents, POLLIN);
	/* select's way: only what was asked for */
	p[1].events = POLLIN;
	KEXPECT_EQ(t, vfs_poll(c, p, 3, 0, 0), 1);
	KEXPECT_EQ(t, p[1].revents, 0);
	vfs_close(c, fds[0]);
	vfs_close(c, fds[1]);
}

static void poll_timeout(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	int fds[2];
	u64 t0, took;
	u16 rev;

	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	t0 = ktime_get_ns();
	KEXPECT_EQ(t, poll_one(c, fds[0], POLLIN, 50 * MS, &rev), 0);
	took = ktime_get_ns() - t0;
	KEXPECT_UGE(t, took, 50 * MS);
	KEXPECT_ULE(t, took, 2000 * MS);
	t0 = ktime_get_ns();
	KEXPECT_EQ(t, vfs_poll(c, NULL, 0, 20 * MS, POLL_ALWAYS), 0);	/* a sleep */
	KEXPECT_UGE(t, ktime_get_ns() - t0, 20 * MS);
	vfs_close(c, fds[0]);
	vfs_close(c, fds[1]);
}

/* --- threads ------------------------------------------------------------ */

struct helper {
	struct vfs_ctx *ctx;
	int fd;
	u32 delay_ms;
	bool drain;		/* read everything, else write a byte */
	int result;
	/* for poller(): */
	u16 events, revents;
	s64 timeout_ns;
	u64 took_ns;
};

static int late_io(void *arg)
{
	struct helper *h = arg;
	u8 buf[256];

	msleep(h->delay_ms);
	if (!h->drain) {
		h->result = vfs_write(h->ctx, h->fd, "x", 1);
		return 0;
	}
	while ((h->result = vfs_read(h->ctx, h->fd, buf, sizeof(buf))) == sizeof(buf))
		;
	return 0;
}

/* An empty pipe's reader asleep in vfs_poll(), woken by a writer thread. */
static void poll_woken_by_writer(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct helper h = { .ctx = c, .delay_ms = 20 };
	struct thread *th;
	int fds[2];
	u16 rev;

	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	h.fd = fds[1];
	th = kthread_run(late_io, &h, PRIO_DEFAULT + 1, "poll-w");
	KASSERT_FALSE(t, IS_ERR(th));
	KEXPECT_EQ(t, poll_one(c, fds[0], POLLIN, 5000 * MS, &rev), 1);
	KEXPECT_EQ(t, rev, POLLIN);
	kthread_join(th);
	KEXPECT_EQ(t, h.result, 1);
	vfs_close(c, fds[0]);
	vfs_close(c, fds[1]);
}

/* A full pipe's writer asleep in vfs_poll(), woken by a reader thread. */
static void poll_woken_by_reader(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct helper h = { .ctx = c, .delay_ms = 20, .drain = true };
	u8 *buf = kzalloc(VFS_PIPE_SIZE, GFP_KERNEL);
	struct thread *th;
	int fds[2];
	u16 rev;

	KASSERT_NOT_NULL(t, buf);
	KASSERT_EQ(t, vfs_pipe(c, fds, O_NONBLOCK), 0);
	KEXPECT_EQ(t, vfs_write(c, fds[1], buf, VFS_PIPE_SIZE), VFS_PIPE_SIZE);
	h.fd = fds[0];
	th = kthread_run(late_io, &h, PRIO_DEFAULT + 1, "poll-r");
	KASSERT_FALSE(t, IS_ERR(th));
	KEXPECT_EQ(t, poll_one(c, fds[1], POLLOUT, 5000 * MS, &rev), 1);
	KEXPECT_EQ(t, rev, POLLOUT);
	kthread_join(th);
	vfs_close(c, fds[0]);
	vfs_close(c, fds[1]);
	kfree(buf);
}

#define NPIPES		12	/* more queues than POLL_INLINE_ENTRIES */
#define ROUNDS		200

struct rounds {
	struct vfs_ctx *ctx;
	int wfd[NPIPES];
	int written;
};

/* One byte per round to a pipe chosen by the round, with yields between. */
static int round_writer(void *arg)
{
	struct rounds *r = arg;

	for (int i = 0; i < ROUNDS; i++) {
		if (i % 3)
			yield();
		else
			msleep(1);
		if (vfs_write(r->ctx, r->wfd[(i * 7) % NPIPES], "r", 1) == 1)
			r->written++;
	}
	return 0;
}

/*
 * Many rounds of: poll all pipes, read what came.  Each byte must wake
 * the poller; a lost wake-up leaves it asleep until the 2 s timeout.
 */
static void poll_many_pipes_no_lost_wakeup(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct poll_fd p[NPIPES];
	struct rounds r = { .ctx = c };
	int fds[2], got = 0, timeouts = 0;
	struct thread *th;

	for (int i = 0; i < NPIPES; i++) {
		KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
		p[i] = (struct poll_fd){ .fd = fds[0], .events = POLLIN };
		r.wfd[i] = fds[1];
	}
	th = kthread_run(round_writer, &r, PRIO_DEFAULT, "poll-rounds");
	KASSERT_FALSE(t, IS_ERR(th));
	while (got < ROUNDS && timeouts < 3) {
		int n = vfs_poll(c, p, NPIPES, 2000 * MS, POLL_ALWAYS);
		char b[8];

		if (n == 0)
			timeouts++;
		KASSERT_GE(t, n, 0);
		for (int i = 0; i < NPIPES; i++) {
			if (!(p[i].revents & POLLIN))
				continue;
			KEXPECT_EQ(t, p[i].revents, POLLIN);
			got += vfs_read(c, p[i].fd, b, sizeof(b));
		}
	}
	kthread_join(th);
	KEXPECT_EQ(t, timeouts, 0);
	KEXPECT_EQ(t, r.written, ROUNDS);
	KEXPECT_EQ(t, got, ROUNDS);
	for (int i = 0; i < NPIPES; i++) {
		vfs_close(c, p[i].fd);
		vfs_close(c, r.wfd[i]);
	}
}

static int poller(void *arg)
{
	struct helper *h = arg;
	u64 t0 = ktime_get_ns();

	h->result = poll_one(h->ctx, h->fd, h->events, h->timeout_ns ? h->timeout_ns : FOREVER,
			     &h->revents);
	h->took_ns = ktime_get_ns() - t0;
	return 0;
}

/* Until @th sleeps (it blocks nowhere else), 2 s at most. */
static bool wait_until_asleep(struct thread *th)
{
	return thread_wait_until_blocked(th, 2000);
}

/* An endless wait ends with kthread_stop() (-EINTR) and with a close. */
static void poll_stop_and_close(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct helper h = { .ctx = c, .events = POLLIN, .result = 1000 };
	struct thread *th;
	int fds[2];

	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	h.fd = fds[0];
	th = kthread_run(poller, &h, PRIO_DEFAULT + 1, "poller");
	KASSERT_FALSE(t, IS_ERR(th));
	KEXPECT_TRUE(t, wait_until_asleep(th));
	KEXPECT_EQ(t, READ_ONCE(h.result), 1000);	/* still waiting */
	kthread_stop(th);
	KEXPECT_EQ(t, h.result, -EINTR);

	/* the last writer goes: the sleeper sees POLLHUP */
	h.result = 1000;
	th = kthread_run(poller, &h, PRIO_DEFAULT + 1, "poller");
	KASSERT_FALSE(t, IS_ERR(th));
	KEXPECT_TRUE(t, wait_until_asleep(th));
	vfs_close(c, fds[1]);
	kthread_join(th);
	KEXPECT_EQ(t, h.result, 1);
	KEXPECT_EQ(t, h.revents, POLLHUP);
	vfs_close(c, fds[0]);
}

/*
 * A wake-up that finds nothing ready (the byte was read back before the
 * poller ran: it is less urgent than this thread) took the poller's
 * entry off the queue; the next pass must put it back, or the next byte
 * is missed and the poller sleeps until its timeout.
 */
static void poll_requeued_after_empty_wakeup(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct helper h = { .ctx = c, .events = POLLIN, .result = 1000,
			    .timeout_ns = 3000 * MS };
	struct thread *th;
	int fds[2];
	char b;

	KASSERT_EQ(t, vfs_pipe(c, fds, 0), 0);
	h.fd = fds[0];
	th = kthread_run(poller, &h, PRIO_DEFAULT + 1, "poller");
	KASSERT_FALSE(t, IS_ERR(th));
	KEXPECT_TRUE(t, wait_until_asleep(th));
	KEXPECT_EQ(t, vfs_write(c, fds[1], "a", 1), 1);
	KEXPECT_EQ(t, vfs_read(c, fds[0], &b, 1), 1);
	msleep(20);			/* the poller finds nothing, sleeps again */
	KEXPECT_EQ(t, vfs_write(c, fds[1], "b", 1), 1);
	kthread_join(th);
	KEXPECT_EQ(t, h.result, 1);
	KEXPECT_EQ(t, h.revents, POLLIN);
	KEXPECT_ULE(t, h.took_ns, 1000 * MS);
	vfs_close(c, fds[0]);
	vfs_close(c, fds[1]);
}

/*
 * Two files with test poll operations: the second one, before it names
 * its own queue, makes the first ready and wakes the first's queue (as
 * another CPU could, just after the first was looked at).  That wake-up
 * must not be lost: the pass runs with the poller marked blocked once,
 * so the wake-up leaves it runnable and the next pass sees the first.
 */
static struct wait_queue_head race_wq[2];
static bool race_ready;

static u32 race_poll_first(struct file *file, struct poll_table *pt)
{
	poll_wait(file, &race_wq[0], pt);
	return READ_ONCE(race_ready) ? POLLIN : 0;
}

static u32 race_poll_second(struct file *file, struct poll_table *pt)
{
	if (!race_ready) {
		WRITE_ONCE(race_ready, true);
		wake_up_all(&race_wq[0]);
	}
	poll_wait(file, &race_wq[1], pt);
	return 0;
}

static const struct file_operations race_fops[2] = {
	{ .poll = race_poll_first },
	{ .poll = race_poll_second },
};

static void poll_wakeup_during_pass_not_lost(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	const struct file_operations *saved[2];
	struct poll_fd p[2];
	struct file *f[2];
	u64 t0, took;
	int ret;

	for (int i = 0; i < 2; i++) {
		init_waitqueue_head(&race_wq[i]);
		p[i] = (struct poll_fd){ .events = POLLIN };
		p[i].fd = vfs_open(c, i ? VT "/b" : VT "/a", O_CREAT | O_RDWR, 0644);
		KASSERT_GE(t, p[i].fd, 0);
		f[i] = fget(c, p[i].fd);
		KASSERT_FALSE(t, IS_ERR(f[i]));
		saved[i] = f[i]->f_op;		/* a test's own poll, for this call only */
		f[i]->f_op = &race_fops[i];
	}
	race_ready = false;
	t0 = ktime_get_ns();
	ret = vfs_poll(c, p, 2, 2000 * MS, POLL_ALWAYS);
	took = ktime_get_ns() - t0;
	for (int i = 0; i < 2; i++) {
		f[i]->f_op = saved[i];
		fput(f[i]);
		vfs_close(c, p[i].fd);
	}
	KEXPECT_EQ(t, ret, 1);
	KEXPECT_EQ(t, p[0].revents, POLLIN);
	KEXPECT_ULE(t, took, 500 * MS);
	KEXPECT_EQ(t, vfs_unlink(c, VT "/a"), 0);
	KEXPECT_EQ(t, vfs_unlink(c, VT "/b"), 0);
}

/*
 * Ends polled until the timeout (so queued for a while), then closed, are
 * really gone: the writer gets -EPIPE, the reader its end of file.
 */
static void poll_drops_its_references(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	u8 *buf = kzalloc(VFS_PIPE_SIZE, GFP_KERNEL);
	int fds[2];
	u16 rev;

	KASSERT_NOT_NULL(t, buf);
	KASSERT_EQ(t, vfs_pipe(c, fds, O_NONBLOCK), 0);
	KEXPECT_EQ(t, poll_one(c, fds[0], POLLIN, 10 * MS, &rev), 0);
	vfs_close(c, fds[0]);
	KEXPECT_EQ(t, vfs_write(c, fds[1], "x", 1), -EPIPE);
	vfs_close(c, fds[1]);

	KASSERT_EQ(t, vfs_pipe(c, fds, O_NONBLOCK), 0);
	KEXPECT_EQ(t, vfs_write(c, fds[1], buf, VFS_PIPE_SIZE), VFS_PIPE_SIZE);
	KEXPECT_EQ(t, poll_one(c, fds[1], POLLOUT, 10 * MS, &rev), 0);
	vfs_close(c, fds[1]);
	KEXPECT_EQ(t, vfs_read(c, fds[0], buf, VFS_PIPE_SIZE), VFS_PIPE_SIZE);
	KEXPECT_EQ(t, vfs_read(c, fds[0], buf, 1), 0);	/* not -EAGAIN */
	vfs_close(c, fds[0]);
	kfree(buf);
}

static struct ktest_case vfs_poll_cases[] = {
	KTEST_CASE(poll_pipe_masks),
	KTEST_CASE(poll_default_mask),
	KTEST_CASE(poll_nval_and_negative),
	KTEST_CASE(poll_timeout),
	KTEST_CASE(poll_woken_by_writer),
	KTEST_CASE(poll_woken_by_reader),
	KTEST_CASE(poll_many_pipes_no_lost_wakeup),
	KTEST_CASE(poll_stop_and_close),
	KTEST_CASE(poll_requeued_after_empty_wakeup),
	KTEST_CASE(poll_wakeup_during_pass_not_lost),
	KTEST_CASE(poll_drops_its_references),
	{}
};

static struct ktest_suite vfs_poll_suite = {
	.name = "vfs_poll",
	.cases = vfs_poll_cases,
	.init = vt_init,
	.exit = vt_exit,
};
KTEST_SUITE(vfs_poll_suite);
