/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Message queues of fixed-size messages in a ring (copied in and out).
 * Senders block while it is full, receivers while it is empty, each with
 * an optional timeout; the _nowait forms may be used from interrupts.
 */
#ifndef KERNEL_MSGQ_H
#define KERNEL_MSGQ_H

#include <kernel/wait.h>

struct msgq {
	spinlock_t lock;		/* protects the ring */
	u8 *buf;
	u32 msg_size, max_msgs;
	u32 head, count;
	struct wait_queue_head not_empty, not_full;
};

/* Return: 0 or -ENOMEM / -EINVAL. */
int msgq_init(struct msgq *q, u32 msg_size, u32 max_msgs);
void msgq_destroy(struct msgq *q);
/* Return: 0, -ETIMEDOUT (timeout_ns 0 = forever), or -EAGAIN for _nowait. */
int msgq_send(struct msgq *q, const void *msg, u64 timeout_ns);
int msgq_recv(struct msgq *q, void *msg, u64 timeout_ns);
int msgq_send_nowait(struct msgq *q, const void *msg);
int msgq_recv_nowait(struct msgq *q, void *msg);

#endif
