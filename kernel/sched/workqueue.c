// SPDX-License-Identifier: GPL-2.0
/*
 * Work queues: one worker thread per queue runs queued work items in
 * order.  flush_workqueue() queues a barrier item and waits for it.
 *
 * Locking: wq->lock (irqsave) protects the list and pending flags; items
 * run with it released.
 */
#define pr_fmt(fmt) "workqueue: " fmt
#include <kernel/workqueue.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/err.h>
#include <kernel/errno.h>

struct workqueue {
	const char *name;
	spinlock_t lock;
	struct list_head items;
	struct wait_queue_head more;
	struct thread *worker;
};

struct workqueue *system_wq;

static bool has_work(void *arg)
{
	struct workqueue *wq = arg;

	return !list_empty(&wq->items) || kthread_should_stop();
}

static int worker_fn(void *arg)
{
	struct workqueue *wq = arg;
	unsigned long flags;

	while (!kthread_should_stop()) {
		struct work *w;

		wait_event_cond(&wq->more, has_work, wq, 0);
		spin_lock_irqsave(&wq->lock, flags);
		while (!list_empty(&wq->items)) {
			w = list_first_entry(&wq->items, struct work, node);
			list_del(&w->node);
			w->pending = false;
			spin_unlock_irqrestore(&wq->lock, flags);
			w->fn(w);
			spin_lock_irqsave(&wq->lock, flags);
		}
		spin_unlock_irqrestore(&wq->lock, flags);
	}
	return 0;
}

struct workqueue *workqueue_create(const char *name, int prio)
{
	struct workqueue *wq = kzalloc(sizeof(*wq), GFP_KERNEL);

	if (!wq)
		return NULL;
	wq->name = name;
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->items);
	init_waitqueue_head(&wq->more);
	wq->worker = kthread_run(worker_fn, wq, prio, name);
	if (IS_ERR(wq->worker)) {
		kfree(wq);
		return NULL;
	}
	return wq;
}

void workqueue_destroy(struct workqueue *wq)
{
	flush_workqueue(wq);
	kthread_stop(wq->worker);
	kfree(wq);
}

bool queue_work(struct workqueue *wq, struct work *w)
{
	unsigned long flags;
	bool queued = false;

	spin_lock_irqsave(&wq->lock, flags);
	if (!w->pending) {
		w->pending = true;
		list_add_tail(&w->node, &wq->items);
		queued = true;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
	if (queued)
		wake_up(&wq->more);
	return queued;
}

struct barrier_work {
	struct work work;
	struct completion done;
};

static void barrier_fn(struct work *w)
{
	complete(&container_of(w, struct barrier_work, work)->done);
}

void flush_workqueue(struct workqueue *wq)
{
	struct barrier_work b;

	INIT_WORK(&b.work, barrier_fn);
	init_completion(&b.done);
	queue_work(wq, &b.work);
	wait_for_completion(&b.done);
}

static int system_wq_init(void)
{
	system_wq = workqueue_create("events", 8);
	return system_wq ? 0 : -ENOMEM;
}

static void system_wq_exit(void)
{
	workqueue_destroy(system_wq);
	system_wq = NULL;
}
initcall_pair(core, system_wq_init, system_wq_exit);
