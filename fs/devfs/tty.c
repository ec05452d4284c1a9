// SPDX-License-Identifier: GPL-2.0
/*
 * Character nodes for terminal ports (/dev/ttyAMA0 ... /dev/ttyAMA3):
 * tty_port_register() calls devfs_add_tty() for each port it adds, and
 * tty_port_unregister() drops the node.  (Block devices need no adapter:
 * block/core.c registers their struct blkio directly; MTD nodes are in
 * mtd.c.)
 *
 * The nodes are raw: read() returns what the port has received, polling
 * a tick at a time until at least one byte arrives (a pending signal
 * ends the wait with -EINTR); write() queues everything, waiting while
 * the transmit ring is full; poll() says whether either would wait,
 * looking again every tick while it sleeps.  No line discipline: that is
 * /dev/console's.
 *
 * Layer: devfs, over include/kernel/tty.h.  Locking: none of its own;
 * I/O runs bracketed by the registry's enter/exit.
 */
#include "internal.h"
#include <kernel/errno.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/tty.h>
#include <kernel/time.h>
#include <fs/poll.h>

#define TTY_POLL_MS	10

/* --- terminal ports ------------------------------------------------------ */

static ssize_t tty_node_read(void *priv, void *buf, size_t len, u64 *pos)
{
	struct tty_port *port = priv;
	int n;

	(void)pos;
	if (!len)
		return 0;
	while (!(n = tty_read(port, buf, len))) {
		if (signal_pending_current() || kthread_should_stop())
			return -EINTR;
		msleep(TTY_POLL_MS);
	}
	return n;
}

static ssize_t tty_node_write(void *priv, const void *buf, size_t len, u64 *pos)
{
	struct tty_port *port = priv;
	size_t done = 0;
	int n;

	(void)pos;
	while (done < len) {
		n = tty_write(port, (const u8 *)buf + done, len - done);
		if (n < 0)
			return done ? (ssize_t)done : n;
		done += n;
		if (done == len)
			break;
		if (signal_pending_current() || kthread_should_stop())
			return done ? (ssize_t)done : -EINTR;
		msleep(1);		/* the ring is full: let it drain */
	}
	return done;
}

/*
 * Ports do not wake anybody (reads above poll a tick at a time), and a
 * port can go away with the node open, so a poller does not sleep on a
 * queue of the port's: it looks again a tick later.
 */
static u32 tty_node_poll(void *priv, struct file *file, struct poll_table *pt)
{
	struct tty_port *port = priv;
	u32 mask = 0;

	poll_retry(pt, TTY_POLL_MS * NSEC_PER_MSEC);
	if (tty_rx_ready(port))
		mask |= POLLIN | POLLRDNORM;
	if (tty_tx_ready(port))
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

static const struct devfs_char_ops tty_node_ops = {
	.read = tty_node_read,
	.write = tty_node_write,
	.poll = tty_node_poll,
};

/**
 * devfs_add_tty() - /dev/<port name> for a registered terminal port
 * Return: 0, -EEXIST, -EINVAL, -ENOMEM.
 */
int devfs_add_tty(struct tty_port *port)
{
	return devfs_register_char(port->dev.name, &tty_node_ops, port);
}
