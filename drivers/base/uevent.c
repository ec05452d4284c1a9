// SPDX-License-Identifier: GPL-2.0
/*
 * Hotplug events: add, remove, bind and unbind, each with the device's
 * path and a sequence number, kept in a ring; uevent_wait is woken for
 * each.  Readers (the kdevd thread and the `events` command now, user
 * space later) keep their own
 * cursor and learn with -EOVERFLOW when the ring overtook them.
 *
 * Layer: drivers/base.  Locking: its own spinlock (irqsave), so events
 * can be read from any context.
 */
#include <kernel/device.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/wait.h>

#define UEVENT_RING	64	/* a power of two */

static struct uevent ring[UEVENT_RING];
static u32 last_seq;
static DEFINE_SPINLOCK(uevent_lock);
DECLARE_WAIT_QUEUE_HEAD(uevent_wait);

void uevent_emit(struct device *dev, enum uevent_action action)
{
	struct uevent ev = { .action = action };
	unsigned long flags;

	device_path(dev, ev.path, sizeof(ev.path));
	if ((action == UEVENT_BIND || action == UEVENT_UNBIND) && dev->driver)
		strlcpy(ev.driver, dev->driver->name, sizeof(ev.driver));
	spin_lock_irqsave(&uevent_lock, flags);
	ev.seq = ++last_seq;
	ring[ev.seq % UEVENT_RING] = ev;
	spin_unlock_irqrestore(&uevent_lock, flags);
	wake_up(&uevent_wait);
}

int uevent_read(u32 after, struct uevent *ev)
{
	unsigned long flags;
	u32 oldest, want = after + 1;
	int err = 0;

	spin_lock_irqsave(&uevent_lock, flags);
	oldest = last_seq >= UEVENT_RING ? last_seq - UEVENT_RING + 1 : 1;
	if (want > last_seq) {
		err = -ENOENT;
	} else {
		if (want < oldest) {
			want = oldest;
			err = -EOVERFLOW;
		}
		*ev = ring[want % UEVENT_RING];
	}
	spin_unlock_irqrestore(&uevent_lock, flags);
	return err;
}

u32 uevent_last_seq(void)
{
	return last_seq;
}

const char *uevent_action_name(enum uevent_action action)
{
	static const char *const names[] = {
		[UEVENT_ADD] = "add", [UEVENT_REMOVE] = "remove",
		[UEVENT_BIND] = "bind", [UEVENT_UNBIND] = "unbind",
	};

	return action < ARRAY_SIZE(names) ? names[action] : "?";
}
