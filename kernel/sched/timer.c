// SPDX-License-Identifier: GPL-2.0
/*
 * Timers and sleeping.  Pending timers sit in one list sorted by expiry,
 * so each tick costs O(1) when nothing expires (a look at the head), and
 * never O(threads); adding is O(pending timers).  The boot CPU's tick runs
 * them; callbacks run in interrupt context with the list unlocked.
 *
 * Locking: timer_lock (irqsave) protects the list and each timer's
 * pending flag.  A callback runs after its timer left the list, so
 * timer_cancel() also waits for a callback of that timer still running on
 * the tick's CPU: then the caller may free the timer (a thread's
 * sleep_timer goes with the thread).
 */
#include "sched_internal.h"
#include <kernel/time.h>
#include <kernel/errno.h>
#include <kernel/process.h>
#include <asm/irqflags.h>

static LIST_HEAD(timer_list);
static DEFINE_SPINLOCK(timer_lock);
static struct timer *running_timer;	/* whose callback timers_run() is in */
static unsigned int running_cpu;

void timer_add(struct timer *t, u64 expires, void (*fn)(struct timer *))
{
	struct timer *pos;
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	if (t->pending)
		list_del(&t->node);
	t->expires = expires;
	t->fn = fn;
	t->pending = true;
	list_for_each_entry(pos, &timer_list, node)
		if (pos->expires > expires)
			break;
	list_add_tail(&t->node, &pos->node);	/* before the first later one */
	spin_unlock_irqrestore(&timer_lock, flags);
}

bool timer_cancel(struct timer *t)
{
	unsigned long flags;
	bool was = false;

	spin_lock_irqsave(&timer_lock, flags);
	if (t->pending) {
		list_del(&t->node);
		t->pending = false;
		was = true;
	}
	spin_unlock_irqrestore(&timer_lock, flags);
	/* Not from the callback itself (same CPU): that would wait forever. */
	while (__atomic_load_n(&running_timer, __ATOMIC_ACQUIRE) == t &&
	       READ_ONCE(running_cpu) != smp_processor_id())
		cpu_relax();
	return was;
}

/* From the tick: run every expired timer. */
void timers_run(void)
{
	u64 now = ktime_get_ns();

	for (;;) {
		struct timer *t;

		spin_lock(&timer_lock);
		if (list_empty(&timer_list)) {
			spin_unlock(&timer_lock);
			return;
		}
		t = list_first_entry(&timer_list, struct timer, node);
		if (t->expires > now) {
			spin_unlock(&timer_lock);
			return;
		}
		list_del(&t->node);
		t->pending = false;
		running_cpu = smp_processor_id();
		__atomic_store_n(&running_timer, t, __ATOMIC_RELEASE);
		spin_unlock(&timer_lock);
		t->fn(t);
		__atomic_store_n(&running_timer, NULL, __ATOMIC_RELEASE);
	}
}

static void sleep_timer_fn(struct timer *tm)
{
	struct thread *t = container_of(tm, struct thread, sleep_timer);

	wake_up_thread(t, -ETIMEDOUT);
}

/*
 * The caller has already marked itself blocked (after queueing itself
 * where its waker will find it and re-checking its condition): setting the
 * state here again would lose a wake-up that came in between.
 */
int schedule_timeout(u64 timeout_ns)
{
	struct thread *t = current;

	if (!sched_running())
		return -ETIMEDOUT;
	if (timeout_ns)
		timer_add(&t->sleep_timer, ktime_get_ns() + timeout_ns, sleep_timer_fn);
	schedule();
	if (timeout_ns)
		timer_cancel(&t->sleep_timer);
	return t->wake_reason == -ETIMEDOUT ? -ETIMEDOUT : 0;
}

int sleep_until(u64 deadline)
{
	might_sleep();
	while (ktime_get_ns() < deadline) {
		if (!sched_running()) {
			udelay(1000);
			continue;
		}
		current->wake_reason = 0;
		set_current_blocked();
		if (schedule_timeout(deadline - ktime_get_ns()) == 0 &&
		    ktime_get_ns() < deadline &&
		    (kthread_should_stop() || signal_pending_current()))
			return -EINTR;
	}
	return 0;
}

void msleep(u32 ms)
{
	sleep_until(ktime_get_ns() + (u64)ms * NSEC_PER_MSEC);
}

void usleep(u32 us)
{
	sleep_until(ktime_get_ns() + (u64)us * NSEC_PER_USEC);
}
