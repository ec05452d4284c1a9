// SPDX-License-Identifier: GPL-2.0
/*
 * kdevd: the kernel thread that reads the hotplug event queue today (it
 * logs each event at debug level and keeps its cursor); user space takes
 * the queue over later through the same uevent_read().  A reader that
 * falls behind the ring is told how many events it lost.
 *
 * Layer: drivers/base, top.  Locking: the queue has its own lock; the
 * cursor is this thread's alone (read by tests).
 */
#define pr_fmt(fmt) "kdevd: " fmt
#include <kernel/device.h>
#include <kernel/sched.h>
#include <kernel/wait.h>
#include <kernel/init.h>
#include <kernel/err.h>
#include <kernel/errno.h>

static volatile u32 cursor;	/* last event seen */
static struct thread *kdevd;

static bool events_pending(void *arg)
{
	return uevent_last_seq() != cursor;
}

static int kdevd_main(void *arg)
{
	struct uevent ev;

	for (;;) {
		int err = wait_event_cond(&uevent_wait, events_pending, NULL, 0);

		if (err == -EINTR || kthread_should_stop())
			return 0;
		while ((err = uevent_read(cursor, &ev)) != -ENOENT) {
			if (err == -EOVERFLOW)
				pr_info("%u events lost (ring overtook us)", ev.seq - cursor - 1);
			pr_debug("%u %s %s %s", ev.seq, uevent_action_name(ev.action),
				 ev.path, ev.driver);
			cursor = ev.seq;
		}
	}
}

u32 uevent_thread_seen(void)
{
	return cursor;
}

static int kdevd_init(void)
{
	kdevd = kthread_run(kdevd_main, NULL, PRIO_DEFAULT, "kdevd");
	return IS_ERR(kdevd) ? (int)PTR_ERR(kdevd) : 0;
}

static void kdevd_exit(void)
{
	kthread_stop(kdevd);
}
initcall_pair(subsys, kdevd_init, kdevd_exit);
