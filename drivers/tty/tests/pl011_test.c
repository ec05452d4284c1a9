// SPDX-License-Identifier: GPL-2.0
/*
 * PL011 tty self-tests: the console has its tty port; a second UART
 * (through the device model) transmits by interrupt, draining a write
 * several times the FIFO's size; so does the console terminal; and, when tests/qemu/uart-loopback.sh
 * wires the port's output back to its input (a QEMU UDP chardev sending
 * to itself) and says so with uart_loopback=<port>, what is written comes
 * back byte for byte through the receive interrupt, and the port's /dev
 * node polls readable only once a byte has come back.
 */
#include <kernel/ktest.h>
#include <kernel/tty.h>
#include <kernel/of.h>
#include <kernel/cmdline.h>
#include <kernel/time.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/irq.h>
#include <kernel/printk.h>
#include <kernel/tty_console.h>
#include <kernel/sched.h>
#include <fs/poll.h>
#include <fs/vfs.h>

#define XFER	600	/* > 16-byte FIFO, < the 1 KiB ring */
#define LOOP_CHUNK	64

static void pl011_console_has_tty(struct ktest *t)
{
	struct tty_port *con = tty_find("ttyAMA0");
	char buf[16];

	KASSERT_NOT_NULL(t, con);
	KEXPECT_GT(t, device_attr_show(&con->dev, "class", buf, sizeof(buf)), 0);
	KEXPECT_STREQ(t, buf, "tty");
	KEXPECT_NOT_NULL(t, con->dev.parent);
	KEXPECT_TRUE(t, con->dev.parent && con->dev.parent->of_node == of_stdout_node());
}

static struct tty_port *second_port(struct ktest *t)
{
	struct tty_port *p = tty_find("ttyAMA1");

	if (!p)
		ktest_skip(t, "no second PL011 on this board");
	return p;
}

static bool wait_drained(struct tty_port *p, u64 ms)
{
	u64 deadline = ktime_get_ns() + ms * NSEC_PER_MSEC;

	while (p->ops->tx_pending(p))
		if (ktime_get_ns() > deadline)
			return false;
	return true;
}

static void pl011_tx_interrupt_drains(struct ktest *t)
{
	struct tty_port *p = second_port(t);
	struct irq_stat before, after;
	unsigned int irq;
	u8 *buf;

	if (!p)
		return;
	KASSERT_NOT_NULL(t, p->dev.parent);
	KASSERT_EQ(t, of_irq_get(p->dev.parent->of_node, 0, &irq), 0);
	buf = kmalloc(XFER, GFP_KERNEL);
	KASSERT_NOT_NULL(t, buf);
	memset(buf, 'x', XFER);
	irq_get_stat(irq, &before);
	KEXPECT_EQ(t, tty_write(p, buf, XFER), XFER);
	KEXPECT_TRUE(t, wait_drained(p, 500));
	irq_get_stat(irq, &after);
	/* The write primes one FIFO's worth; interrupts must move the rest. */
	KEXPECT_GE(t, after.count - before.count, XFER / 16 - 1);
	ktest_log(t, "%llu TX interrupts for %d bytes", after.count - before.count, XFER);
	kfree(buf);
}

/*
 * The console terminal's output goes by interrupt too: a write several
 * times the 1 KiB ring is taken whole (the writer sleeps while the ring
 * is full), the TX interrupts move it, and the ring empties without any
 * polled output (no log line in between).  The text is KTAP comments.
 */
static void pl011_console_output_by_interrupt(struct ktest *t)
{
	struct console *con = console_get();
	struct irq_stat before, after;
	size_t len = 0, room;
	unsigned int irq;
	u64 deadline;
	char *buf;
	int i;

	KASSERT_NOT_NULL(t, con);
	if (!con->queue) {
		ktest_skip(t, "the console has no receive/transmit interrupt");
		return;
	}
	KASSERT_EQ(t, of_irq_get(of_stdout_node(), 0, &irq), 0);
	buf = kmalloc(4096, GFP_KERNEL);
	KASSERT_NOT_NULL(t, buf);
	for (i = 0; len + 64 < 4096; i++)
		len += snprintf(buf + len, 4096 - len,
				"# console output by interrupt, line %02d ..............\n", i);
	room = con->write_room(con);
	irq_get_stat(irq, &before);
	KEXPECT_EQ(t, tty_console_write(buf, len), (ssize_t)len);
	deadline = ktime_get_ns() + 2 * NSEC_PER_SEC;
	while (con->write_room(con) < room && ktime_get_ns() < deadline)
		msleep(1);
	irq_get_stat(irq, &after);
	KEXPECT_EQ(t, con->write_room(con), room);
	/* one FIFO per interrupt at most: the rest cannot have been polled */
	KEXPECT_GE(t, after.count - before.count, len / 16 - 64);
	ktest_log(t, "%llu interrupts for %zu bytes", after.count - before.count, len);
	kfree(buf);
}

/* Drop received bytes until the line has been quiet for 50 ms (2 s at most). */
static void drain_until_quiet(struct tty_port *p, u8 *buf, size_t len)
{
	u64 now = ktime_get_ns(), last = now, end = now + 2000 * NSEC_PER_MSEC;

	while (now < end && now - last < 50 * NSEC_PER_MSEC) {
		if (tty_read(p, buf, len) > 0)
			last = now;
		now = ktime_get_ns();
	}
}

static void pl011_loopback(struct ktest *t)
{
	const char *name = cmdline_get("uart_loopback");
	struct tty_port *p;
	u8 *w, *r;
	int got = 0;
	u64 deadline;

	if (!name) {
		ktest_skip(t, "uart_loopback=<port> not on the command line");
		return;
	}
	p = tty_find(name);
	KASSERT_NOT_NULL(t, p);
	w = kmalloc(XFER, GFP_KERNEL);
	r = kzalloc(XFER, GFP_KERNEL);
	KASSERT_TRUE(t, w && r);
	drain_until_quiet(p, r, XFER);	/* e.g. the previous case's bytes, looped back */
	for (int i = 0; i < XFER; i++)
		w[i] = (u8)(i * 7 + 1);
	/* In chunks, so what is in flight fits the loop's buffering. */
	for (int ofs = 0; ofs < XFER; ofs += LOOP_CHUNK) {
		int n = min(LOOP_CHUNK, XFER - ofs);

		KEXPECT_EQ(t, tty_write(p, w + ofs, n), n);
		deadline = ktime_get_ns() + 1000 * NSEC_PER_MSEC;
		while (got < ofs + n && ktime_get_ns() < deadline)
			got += tty_read(p, r + got, XFER - got);
		if (got < ofs + n)
			break;
	}
	KEXPECT_EQ(t, got, XFER);
	KEXPECT_MEMEQ(t, r, w, XFER);
	kfree(w);
	kfree(r);
}

/* The looped port's /dev node polls readable only once a byte came back. */
static void pl011_loopback_poll(struct ktest *t)
{
	const char *name = cmdline_get("uart_loopback");
	struct poll_fd p = { .events = POLLIN | POLLOUT };
	struct tty_port *port;
	struct vfs_ctx *ctx;
	char path[32], c = 0;
	u8 buf[64];
	u64 t0;

	if (!name || !IS_ENABLED(CONFIG_DEVFS)) {
		ktest_skip(t, "uart_loopback=<port> not on the command line, or no /dev");
		return;
	}
	port = tty_find(name);
	KASSERT_NOT_NULL(t, port);
	ctx = vfs_ctx_create();
	KASSERT_NOT_NULL(t, ctx);
	snprintf(path, sizeof(path), "/dev/%s", name);
	p.fd = vfs_open(ctx, path, O_RDWR, 0);
	KEXPECT_GE(t, p.fd, 0);
	if (p.fd < 0)
		goto out_ctx;
	drain_until_quiet(port, buf, sizeof(buf));
	KEXPECT_EQ(t, vfs_poll(ctx, &p, 1, 0, POLL_ALWAYS), 1);
	KEXPECT_EQ(t, p.revents, POLLOUT);		/* nothing to read yet */
	p.events = POLLIN;
	KEXPECT_EQ(t, vfs_poll(ctx, &p, 1, 30 * NSEC_PER_MSEC, POLL_ALWAYS), 0);
	KEXPECT_EQ(t, vfs_write(ctx, p.fd, "q", 1), 1);
	t0 = ktime_get_ns();
	KEXPECT_EQ(t, vfs_poll(ctx, &p, 1, 2000 * NSEC_PER_MSEC, POLL_ALWAYS), 1);
	KEXPECT_EQ(t, p.revents, POLLIN);
	KEXPECT_ULE(t, ktime_get_ns() - t0, 1000 * NSEC_PER_MSEC);
	KEXPECT_EQ(t, vfs_read(ctx, p.fd, &c, 1), 1);
	KEXPECT_EQ(t, c, 'q');
	vfs_close(ctx, p.fd);
out_ctx:
	vfs_ctx_destroy(ctx);
}

static struct ktest_case pl011_cases[] = {
	KTEST_CASE(pl011_console_has_tty),
	KTEST_CASE(pl011_tx_interrupt_drains),
	KTEST_CASE(pl011_console_output_by_interrupt),
	KTEST_CASE(pl011_loopback),
	KTEST_CASE(pl011_loopback_poll),
	{}
};

static struct ktest_suite pl011_suite = {
	.name = "tty_pl011",
	.cases = pl011_cases,
};
KTEST_SUITE(pl011_suite);
