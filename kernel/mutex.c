// SPDX-License-Identifier: GPL-2.0
/*
 * Mutex for the single-threaded kernel (see include/kernel/mutex.h): a
 * held mutex taken again can only be a self-deadlock.
 */
#include <kernel/mutex.h>
#include <kernel/panic.h>
#include <asm/irqflags.h>

void mutex_lock_slowpath(struct mutex *lock, const void *ip)
{
	if (irqs_disabled() && lock->locked)
		panic("mutex taken in atomic context while held (at %pS)", ip);
	if (lock->locked)
		panic("mutex self-deadlock: taken at %pS, held since %pS", ip,
		      lock->owner_ip);
	lock->locked = 1;
	lock->owner_ip = ip;
}
