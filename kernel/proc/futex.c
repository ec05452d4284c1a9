// SPDX-License-Identifier: GPL-2.0
/*
 * Futexes: the kernel half of user-space locks.  A thread that finds a
 * lock word busy calls FUTEX_WAIT(addr, expected) and sleeps only if the
 * word still holds @expected; the unlocker changes the word and calls
 * FUTEX_WAKE(addr, n).  Join uses the same: the exiting thread's
 * CLONE_CHILD_CLEARTID word is zeroed and woken (thread_exit()).
 *
 * No wake-up is lost: a waiter queues itself before it reads the word, and
 * the full barriers on both sides order "queue, then read" against
 * "change the word (user space), then look for waiters".  The user read
 * may fault and sleep, so it is done with no lock held.
 *
 * Waiters are keyed by (address space, user address) in a small hash of
 * buckets.  Every mapping here is private to its process (anonymous or
 * copy-on-write), so a private key is right for FUTEX_PRIVATE_FLAG and
 * without it alike.
 *
 * Supported: FUTEX_WAIT (relative timeout, -ETIMEDOUT; a signal: -EINTR;
 * word differs: -EAGAIN) and FUTEX_WAKE; other commands are -ENOSYS.
 */
#include <kernel/uaccess.h>
#include <kernel/errno.h>
#include <kernel/wait.h>
#include <kernel/spinlock.h>
#include <kernel/init.h>
#include <asm/barrier.h>
#include <uapi/linux-abi.h>
#include "proc_internal.h"
#include "syscalls.h"

#define FUTEX_HASH_BITS		6
#define FUTEX_BUCKETS		(1 << FUTEX_HASH_BITS)

struct futex_waiter {
	struct list_head node;		/* in its bucket, until woken */
	struct mm *mm;
	u32 uaddr;
	bool woken;			/* set under the bucket lock */
};

struct futex_bucket {
	spinlock_t lock;
	struct list_head waiters;
	struct wait_queue_head wq;	/* every waiter of the bucket sleeps here */
};

static struct futex_bucket buckets[FUTEX_BUCKETS];

static int futex_init(void)
{
	for (int i = 0; i < FUTEX_BUCKETS; i++) {
		spin_lock_init(&buckets[i].lock);
		INIT_LIST_HEAD(&buckets[i].waiters);
		init_waitqueue_head(&buckets[i].wq);
	}
	return 0;
}
initcall_pair(core, futex_init, NULL);

static struct futex_bucket *bucket_of(struct mm *mm, u32 uaddr)
{
	u32 key = ((u32)(unsigned long)mm >> 6) ^ (uaddr >> 2);

	key *= 0x9e3779b1u;		/* Fibonacci hashing: the high bits mix best */
	return &buckets[key >> (32 - FUTEX_HASH_BITS)];
}

static bool waiter_woken(void *arg)
{
	return READ_ONCE(((struct futex_waiter *)arg)->woken);
}

static long futex_wait(u32 uaddr, u32 expected, u32 utime)
{
	struct futex_waiter w = { .mm = current->mm, .uaddr = uaddr };
	struct futex_bucket *b = bucket_of(w.mm, uaddr);
	unsigned long flags;
	u64 timeout = 0;
	u32 cur;
	long ret;

	if (utime) {
		ret = timespec_from_user(utime, &timeout);
		if (ret)
			return ret;
	}
	spin_lock_irqsave(&b->lock, flags);
	list_add_tail(&w.node, &b->waiters);
	spin_unlock_irqrestore(&b->lock, flags);
	smp_mb();			/* queued before the word is read */

	if (copy_from_user(&cur, uaddr, 4))
		ret = -EFAULT;
	else if (cur != expected)
		ret = -EAGAIN;
	else if (utime && !timeout)
		ret = -ETIMEDOUT;
	else
		ret = wait_event_cond(&b->wq, waiter_woken, &w, timeout);

	spin_lock_irqsave(&b->lock, flags);
	if (w.woken)
		ret = 0;		/* a wake-up counts, even with a signal or timeout */
	else
		list_del(&w.node);
	spin_unlock_irqrestore(&b->lock, flags);
	return ret;
}

/**
 * futex_wake() - wake up to @n threads waiting on @uaddr in @mm
 * Return: how many were woken.
 */
int futex_wake(struct mm *mm, u32 uaddr, int n)
{
	struct futex_bucket *b = bucket_of(mm, uaddr);
	struct futex_waiter *w, *tmp;
	unsigned long flags;
	int woken = 0;

	smp_mb();			/* the caller's change of the word comes first */
	spin_lock_irqsave(&b->lock, flags);
	list_for_each_entry_safe(w, tmp, &b->waiters, node) {
		if (w->mm != mm || w->uaddr != uaddr)
			continue;
		list_del(&w->node);
		WRITE_ONCE(w->woken, true);
		if (++woken >= n)
			break;
	}
	spin_unlock_irqrestore(&b->lock, flags);
	if (woken)
		wake_up_all(&b->wq);	/* the others of the bucket re-check and sleep on */
	return woken;
}

long sys_futex(u32 uaddr, u32 op, u32 val, u32 utime, u32 uaddr2, u32 val3)
{
	(void)uaddr2;
	(void)val3;
	if (uaddr & 3)
		return -EINVAL;
	if (!access_ok(uaddr, 4))
		return -EFAULT;
	switch (op & ~(ABI_FUTEX_PRIVATE_FLAG | ABI_FUTEX_CLOCK_REALTIME)) {
	case ABI_FUTEX_WAIT:
		return futex_wait(uaddr, val, utime);
	case ABI_FUTEX_WAKE:
		/* As Linux: at least one, even for a count of 0. */
		return futex_wake(current->mm, uaddr, (int)val > 0 ? (int)val : 1);
	default:
		return -ENOSYS;
	}
}
