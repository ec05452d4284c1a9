// SPDX-License-Identifier: GPL-2.0
/*
 * Counting semaphores and message queues, over wait queues.
 *
 * Locking: each object's spinlock (irqsave) protects its counters; the
 * wait queues have their own locks and are only touched with the object's
 * lock released, so waking never nests inside it.
 */
#include <kernel/semaphore.h>
#include <kernel/msgq.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>

void sema_init(struct semaphore *s, unsigned int count)
{
	spin_lock_init(&s->lock);
	s->count = count;
	init_waitqueue_head(&s->wait);
}

bool down_trylock(struct semaphore *s)
{
	unsigned long flags;
	bool got = false;

	spin_lock_irqsave(&s->lock, flags);
	if (s->count) {
		s->count--;
		got = true;
	}
	spin_unlock_irqrestore(&s->lock, flags);
	return got;
}

static bool sem_take(void *arg)
{
	return down_trylock(arg);
}

int down_timeout(struct semaphore *s, u64 timeout_ns)
{
	if (down_trylock(s))
		return 0;
	return wait_event_cond(&s->wait, sem_take, s, timeout_ns);
}

void down(struct semaphore *s)
{
	down_timeout(s, 0);
}

void up(struct semaphore *s)
{
	unsigned long flags;
	bool waiters;

	spin_lock_irqsave(&s->lock, flags);
	s->count++;
	waiters = !list_empty(&s->wait.waiters);
	spin_unlock_irqrestore(&s->lock, flags);
	if (waiters)
		wake_up(&s->wait);
}

int msgq_init(struct msgq *q, u32 msg_size, u32 max_msgs)
{
	if (!msg_size || !max_msgs || msg_size > 0x10000 || max_msgs > 0x10000)
		return -EINVAL;
	q->buf = kmalloc((size_t)msg_size * max_msgs, GFP_KERNEL);
	if (!q->buf)
		return -ENOMEM;
	spin_lock_init(&q->lock);
	q->msg_size = msg_size;
	q->max_msgs = max_msgs;
	q->head = q->count = 0;
	init_waitqueue_head(&q->not_empty);
	init_waitqueue_head(&q->not_full);
	return 0;
}

void msgq_destroy(struct msgq *q)
{
	kfree(q->buf);
	q->buf = NULL;
}

int msgq_send_nowait(struct msgq *q, const void *msg)
{
	unsigned long flags;
	u32 slot;

	spin_lock_irqsave(&q->lock, flags);
	if (q->count == q->max_msgs) {
		spin_unlock_irqrestore(&q->lock, flags);
		return -EAGAIN;
	}
	slot = (q->head + q->count) % q->max_msgs;
	memcpy(q->buf + slot * q->msg_size, msg, q->msg_size);
	q->count++;
	spin_unlock_irqrestore(&q->lock, flags);
	wake_up(&q->not_empty);
	return 0;
}

int msgq_recv_nowait(struct msgq *q, void *msg)
{
	unsigned long flags;

	spin_lock_irqsave(&q->lock, flags);
	if (!q->count) {
		spin_unlock_irqrestore(&q->lock, flags);
		return -EAGAIN;
	}
	memcpy(msg, q->buf + q->head * q->msg_size, q->msg_size);
	q->head = (q->head + 1) % q->max_msgs;
	q->count--;
	spin_unlock_irqrestore(&q->lock, flags);
	wake_up(&q->not_full);
	return 0;
}

struct msg_op {
	struct msgq *q;
	void *msg;
};

static bool try_send(void *arg)
{
	struct msg_op *op = arg;

	return msgq_send_nowait(op->q, op->msg) == 0;
}

static bool try_recv(void *arg)
{
	struct msg_op *op = arg;

	return msgq_recv_nowait(op->q, op->msg) == 0;
}

int msgq_send(struct msgq *q, const void *msg, u64 timeout_ns)
{
	struct msg_op op = { q, (void *)msg };

	return wait_event_cond(&q->not_full, try_send, &op, timeout_ns);
}

int msgq_recv(struct msgq *q, void *msg, u64 timeout_ns)
{
	struct msg_op op = { q, msg };

	return wait_event_cond(&q->not_empty, try_recv, &op, timeout_ns);
}
