/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Work queues: deferred functions run one after another by a worker
 * thread, in the order queued.  queue_work() may be called from interrupts.
 */
#ifndef KERNEL_WORKQUEUE_H
#define KERNEL_WORKQUEUE_H

#include <kernel/wait.h>

struct work {
	void (*fn)(struct work *w);
	struct list_head node;
	bool pending;
};

struct workqueue;

#define INIT_WORK(w, f) do { (w)->fn = (f); INIT_LIST_HEAD(&(w)->node); (w)->pending = false; } while (0)

struct workqueue *workqueue_create(const char *name, int prio);
void workqueue_destroy(struct workqueue *wq);
/* Return: false if @w was already pending. */
bool queue_work(struct workqueue *wq, struct work *w);
/* Waits until everything queued before the call has run. */
void flush_workqueue(struct workqueue *wq);

extern struct workqueue *system_wq;

#endif
