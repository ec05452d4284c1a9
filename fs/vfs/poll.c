// SPDX-License-Identifier: GPL-2.0
/*
 * Waiting on several files at once: the core of poll(2) and select(2)
 * (include/fs/poll.h; the system calls are kernel/proc/sys_poll.c).
 *
 * Design.  A poller asks each file's poll operation for its ready mask;
 * the operation also names, with poll_wait(), the wait queues its wakers
 * use.  The poller puts an entry of its own on each of them (struct
 * poll_entry, holding a reference on the file so that the queue outlives
 * the wait) and, when nothing is ready, sleeps until one of them wakes
 * it, the timeout passes or a signal comes; then it asks every file
 * again.  A waker takes the entry it woke off its queue; the next pass's
 * poll_wait() finds the entry in the table and queues it again.  Every
 * entry goes when the call ends.  Files that cannot wake anybody ask to
 * be looked at again after a while instead (poll_retry()).
 *
 * Lost wake-ups.  Each pass begins with set_current_blocked(), before
 * any entry is queued and any mask is read.  A waker that changes a file
 * after its mask was read finds the entry on the queue and makes the
 * poller runnable, and the poller's schedule() then returns at once.  So
 * nothing in a pass may mark the thread blocked again: add_wait_queue()
 * does not touch the state (prepare_to_wait() would, and would lose a
 * wake-up from a queue handled earlier in the pass), and poll operations
 * do not sleep for long (one that waits on a contended mutex comes back
 * runnable, which only costs an extra pass).  A thread marked blocked is not
 * preempted, so a pass stays short and touches no user memory: the
 * system calls copy in before and out after.
 *
 * Layer: VFS.  Knows descriptors, files and wait queues; nothing of user
 * memory or of what the files are.  Locking: none of its own; the table
 * lives on the poller's stack and only the poller touches it.
 */
#include <fs/poll.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include "internal.h"

#define POLL_CHUNK_ENTRIES	16

/* Entries past the POLL_INLINE_ENTRIES in the table itself. */
struct poll_table_chunk {
	struct poll_table_chunk *next;
	u32 nr;
	struct poll_entry entries[POLL_CHUNK_ENTRIES];
};

static void poll_table_init(struct poll_table *pt, bool queue)
{
	pt->queue = queue;
	pt->error = 0;
	pt->retry_ns = 0;
	pt->nr_inline = 0;
	pt->chunks = NULL;
}

/* The table's entry for @wq, or NULL. */
static struct poll_entry *poll_find_entry(struct poll_table *pt, struct wait_queue_head *wq)
{
	struct poll_table_chunk *c;
	u32 i;

	for (i = 0; i < pt->nr_inline; i++)
		if (pt->inline_entries[i].wq == wq)
			return &pt->inline_entries[i];
	for (c = pt->chunks; c; c = c->next)
		for (i = 0; i < c->nr; i++)
			if (c->entries[i].wq == wq)
				return &c->entries[i];
	return NULL;
}

/* A free entry slot, or NULL when out of memory. */
static struct poll_entry *poll_new_entry(struct poll_table *pt)
{
	struct poll_table_chunk *c = pt->chunks;

	if (pt->nr_inline < POLL_INLINE_ENTRIES)
		return &pt->inline_entries[pt->nr_inline++];
	if (!c || c->nr == POLL_CHUNK_ENTRIES) {
		/* The poller is marked blocked: nothing that could sleep. */
		c = kmalloc(sizeof(*c), GFP_ATOMIC);
		if (!c)
			return NULL;
		c->nr = 0;
		c->next = pt->chunks;
		pt->chunks = c;
	}
	return &c->entries[c->nr++];
}

/**
 * __poll_wait() - poll_wait()'s body: queue the poller on @wq, once per
 * call however many passes name it (see the top of this file)
 * On allocation failure the table's error becomes -ENOMEM.
 */
void __poll_wait(struct file *file, struct wait_queue_head *wq, struct poll_table *pt)
{
	struct poll_entry *e = poll_find_entry(pt, wq);

	if (!e) {
		e = poll_new_entry(pt);
		if (!e) {
			pt->error = -ENOMEM;
			return;
		}
		e->wq = wq;
		e->file = get_file(file);
		INIT_LIST_HEAD(&e->wait.node);
	}
	add_wait_queue(wq, &e->wait);	/* again if a waker took it off */
}

static void poll_entry_release(struct poll_entry *e)
{
	remove_wait_queue(e->wq, &e->wait);
	fput(e->file);
}

/* Dequeue every entry and drop its file; the poller is runnable again. */
static void poll_table_free(struct poll_table *pt)
{
	struct poll_table_chunk *c, *next;
	u32 i;

	for (i = 0; i < pt->nr_inline; i++)
		poll_entry_release(&pt->inline_entries[i]);
	for (c = pt->chunks; c; c = next) {
		next = c->next;
		for (i = 0; i < c->nr; i++)
			poll_entry_release(&c->entries[i]);
		kfree(c);
	}
}

static u32 file_poll(struct file *file, struct poll_table *pt)
{
	if (!file->f_op || !file->f_op->poll)
		return POLL_DEFAULT_MASK;
	return file->f_op->poll(file, pt);
}

/**
 * vfs_file_poll() - @file's POLL* mask now (no waiting, nothing queued)
 */
u32 vfs_file_poll(struct file *file)
{
	return file_poll(file, NULL);
}

/* One pass over @fds: set every revents; returns how many are non-zero. */
static int poll_scan(struct vfs_ctx *ctx, struct poll_fd *fds, u32 nfds, u32 always,
		     struct poll_table *pt)
{
	int count = 0;

	for (u32 i = 0; i < nfds; i++) {
		struct poll_fd *p = &fds[i];
		u32 mask = POLLNVAL;
		struct fd f;

		p->revents = 0;
		if (p->fd < 0)
			continue;
		f = fdget(ctx, p->fd);
		if (!IS_ERR(f.file)) {
			mask = file_poll(f.file, pt);
			fdput(f);
		}
		p->revents = (u16)(mask & (p->events | always));
		if (p->revents && !count++)
			pt->queue = false;	/* returning after this pass */
	}
	return count;
}

/* Sleep until woken, @deadline (0: none) or @retry_ns from now (0: none). */
static void poll_sleep(u64 deadline, u64 now, u64 retry_ns)
{
	u64 left = deadline ? deadline - now : 0;	/* 0: for ever */

	if (retry_ns && (!left || retry_ns < left))
		left = retry_ns;
	schedule_timeout(left);
}

int vfs_poll(struct vfs_ctx *ctx, struct poll_fd *fds, u32 nfds, s64 timeout_ns,
	     u32 always)
{
	u64 deadline = timeout_ns > 0 ? ktime_get_ns() + (u64)timeout_ns : 0;
	struct poll_table pt;
	int count;

	might_sleep();
	poll_table_init(&pt, timeout_ns != 0);
	for (;;) {
		u64 now;

		if (pt.queue)
			set_current_blocked();
		pt.retry_ns = 0;
		count = poll_scan(ctx, fds, nfds, always, &pt);
		if (count || !timeout_ns)
			break;
		if (pt.error) {
			count = pt.error;
			break;
		}
		if (signal_pending_current() || kthread_should_stop()) {
			count = -EINTR;
			break;
		}
		now = ktime_get_ns();
		if (deadline && now >= deadline)
			break;		/* timed out: 0 */
		poll_sleep(deadline, now, pt.retry_ns);
	}
	set_current_runnable();
	poll_table_free(&pt);
	return count;
}
