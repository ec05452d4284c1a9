// SPDX-License-Identifier: GPL-2.0
/*
 * ARM PrimeCell UART PL011 (ARM DDI 0183): the console and serial ports.
 *
 * The UART named by /chosen stdout-path is bound early (an early DT
 * driver) so that the console prints from the start of boot; its output
 * polls the FIFO-full flag, which works with interrupts off (a panic).
 * Every other PL011 binds through the device model as a platform driver.
 * All of them receive by interrupt into a ring and transmit by interrupt
 * from a ring: tty_write() (and, on the console, the terminal's output)
 * queues, the TX interrupt refills the FIFO and wakes writers waiting for
 * room.  Log lines (printk) stay polled, so that they work with
 * interrupts off and in a panic; they send what is queued first, so the
 * console's output stays in order.  Each is a tty port (ttyAMA<n>, n from the
 * DT's serial<n> alias).  The receive interrupt wakes rx_wait, where the
 * console terminal's readers and pollers sleep (struct console's
 * input_wait).
 *
 * Constant configuration (registers, irq, clock) comes from the DT; the
 * mutable state is the two rings.  Locking: each ring has one producer
 * and one consumer (the IRQ handler on one side); the TX side's
 * "interrupt enabled" state changes under @lock with interrupts masked.
 */
#define pr_fmt(fmt) "pl011: " fmt
#include <kernel/irq.h>
#include <kernel/of.h>
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/platform_device.h>
#include <kernel/spinlock.h>
#include <kernel/tty.h>
#include <kernel/wait.h>
#include <asm/io.h>
#include <libfdt.h>

#define UART_DR		0x00
#define UART_FR		0x18
#define UART_IBRD	0x24
#define UART_FBRD	0x28
#define UART_LCR_H	0x2c
#define UART_CR		0x30
#define UART_IFLS	0x34
#define UART_IMSC	0x38
#define UART_MIS	0x40
#define UART_ICR	0x44

#define FR_TXFF		(1 << 5)
#define FR_RXFE		(1 << 4)
#define FR_BUSY		(1 << 3)
#define LCR_WLEN8	(3 << 5)
#define LCR_FEN		(1 << 4)
#define CR_UARTEN	(1 << 0)
#define CR_TXE		(1 << 8)
#define CR_RXE		(1 << 9)
#define INT_RX		(1 << 4)
#define INT_TX		(1 << 5)
#define INT_RT		(1 << 6)

#define RX_RING		256	/* powers of two */
#define TX_RING		1024
#define TX_FIFO		16	/* PL011 r1.x FIFO depth (TRM 2.4.2) */

struct pl011 {
	void *base;
	unsigned int irq;
	bool is_console;
	struct console con;
	struct tty_port port;
	spinlock_t lock;	/* IMSC read-modify-write, TX kick */
	u8 rx[RX_RING];
	volatile u32 rx_head;	/* written by the IRQ handler */
	volatile u32 rx_tail;	/* written by the reader */
	struct wait_queue_head rx_wait;	/* woken when bytes arrive (console readers) */
	u32 rx_overruns;
	u8 tx[TX_RING];
	volatile u32 tx_head;	/* written by the writer */
	volatile u32 tx_tail;	/* written by whoever fills the FIFO */
	struct wait_queue_head tx_wait;	/* writers waiting for room */
};

static void pl011_putc(struct pl011 *u, char c)
{
	while (readl_relaxed(u->base + UART_FR) & FR_TXFF)
		;
	writel_relaxed(c, u->base + UART_DR);
}

static size_t pl011_tx_room(struct pl011 *u)
{
	return TX_RING - (u->tx_head - u->tx_tail);
}

/*
 * Send everything queued, polled; called with @lock held and IRQs masked.
 * The TX interrupt is left on: it comes once the FIFO drains, finds the
 * ring empty, turns itself off and wakes any writer waiting for room
 * (waking here could deadlock: printk runs under scheduler locks).
 */
static void pl011_tx_drain(struct pl011 *u)
{
	if (u->tx_tail == u->tx_head)
		return;
	while (u->tx_tail != u->tx_head) {
		pl011_putc(u, u->tx[u->tx_tail % TX_RING]);
		u->tx_tail++;
	}
	writel_relaxed(readl_relaxed(u->base + UART_IMSC) | INT_TX, u->base + UART_IMSC);
}

/* Polled output, after what was queued before it. */
static void pl011_write_polled(struct pl011 *u, const char *s, size_t len)
{
	unsigned long flags;
	bool locked;

	local_irq_save(flags);
	/* in a panic, the CPU that holds the lock may be dead */
	locked = spin_trylock(&u->lock);
	if (!locked && !panic_in_progress()) {
		spin_lock(&u->lock);
		locked = true;
	}
	pl011_tx_drain(u);
	while (len--)
		pl011_putc(u, *s++);
	if (locked)
		spin_unlock(&u->lock);
	local_irq_restore(flags);
}

/* Log lines (printk): polled, so they work with interrupts off. */
static void pl011_con_write(struct console *con, const char *s, size_t len)
{
	pl011_write_polled(con->priv, s, len);
}

static int pl011_rx_take(struct pl011 *u)
{
	u8 c;

	if (u->rx_tail == u->rx_head)
		return -1;
	c = u->rx[u->rx_tail % RX_RING];
	u->rx_tail++;
	return c;
}

static int pl011_con_getc(struct console *con)
{
	return pl011_rx_take(con->priv);
}

static size_t pl011_rx_pending(struct pl011 *u)
{
	return u->rx_head - u->rx_tail;
}

static bool pl011_con_input_ready(struct console *con)
{
	return pl011_rx_pending(con->priv) != 0;
}

/*
 * Move up to a FIFO's worth of queued bytes into the FIFO, and keep the TX
 * interrupt on while more wait.  Called with @lock held and IRQs masked.
 */
static void pl011_tx_fill(struct pl011 *u)
{
	for (int n = 0; n < TX_FIFO && u->tx_tail != u->tx_head &&
	     !(readl_relaxed(u->base + UART_FR) & FR_TXFF); n++) {
		writel_relaxed(u->tx[u->tx_tail % TX_RING], u->base + UART_DR);
		u->tx_tail++;
	}
	if (u->tx_tail == u->tx_head)
		writel_relaxed(readl_relaxed(u->base + UART_IMSC) & ~INT_TX, u->base + UART_IMSC);
	else
		writel_relaxed(readl_relaxed(u->base + UART_IMSC) | INT_TX, u->base + UART_IMSC);
}

static enum irq_return pl011_interrupt(int irq, void *dev)
{
	struct pl011 *u = dev;
	u32 mis = readl_relaxed(u->base + UART_MIS), head = u->rx_head;

	if (!mis)
		return IRQ_NONE;
	/*
	 * Clear, then drain: a byte that comes in after the clear raises the
	 * interrupt again.  Draining first and clearing after would wipe the
	 * interrupt of a byte that arrived in between, and it would sit in
	 * the FIFO, unseen, until the next one came.
	 */
	writel_relaxed(INT_RX | INT_RT, u->base + UART_ICR);
	while (!(readl_relaxed(u->base + UART_FR) & FR_RXFE)) {
		u8 c = (u8)readl_relaxed(u->base + UART_DR);

		if (u->rx_head - u->rx_tail < RX_RING)
			u->rx[u->rx_head++ % RX_RING] = c;
		else
			u->rx_overruns++;
	}
	if (u->rx_head != head)
		wake_up_all(&u->rx_wait);	/* nothing to do without sleepers */
	if (mis & INT_TX) {
		bool room;

		spin_lock(&u->lock);
		writel_relaxed(INT_TX, u->base + UART_ICR);
		pl011_tx_fill(u);
		room = pl011_tx_room(u) >= TX_RING / 2;
		spin_unlock(&u->lock);
		if (room)	/* not under @lock: see pl011_tx_drain() */
			wake_up_all(&u->tx_wait);
	}
	return IRQ_HANDLED;
}

/* Queue what fits (writers may race: the copy is under @lock). */
static size_t pl011_queue(struct pl011 *u, const u8 *s, size_t len)
{
	unsigned long flags;
	size_t n = 0;

	spin_lock_irqsave(&u->lock, flags);
	while (n < len && pl011_tx_room(u))
		u->tx[u->tx_head++ % TX_RING] = s[n++];
	pl011_tx_fill(u);	/* prime the FIFO; the interrupt does the rest */
	spin_unlock_irqrestore(&u->lock, flags);
	return n;
}

static int pl011_tty_write(struct tty_port *port, const u8 *buf, size_t len)
{
	struct pl011 *u = port->priv;

	if (!u->irq) {		/* no interrupt: polled */
		pl011_write_polled(u, (const char *)buf, len);
		return (int)len;
	}
	return (int)pl011_queue(u, buf, len);
}

static int pl011_tty_read(struct tty_port *port, u8 *buf, size_t len)
{
	struct pl011 *u = port->priv;
	size_t n = 0;
	int c;

	while (n < len && (c = pl011_rx_take(u)) >= 0)
		buf[n++] = (u8)c;
	return (int)n;
}

static size_t pl011_tx_pending(struct tty_port *port)
{
	struct pl011 *u = port->priv;

	return u->tx_head - u->tx_tail;
}

static size_t pl011_tty_rx_pending(struct tty_port *port)
{
	return pl011_rx_pending(port->priv);
}

static size_t pl011_write_room(struct tty_port *port)
{
	struct pl011 *u = port->priv;

	if (!u->irq)
		return TX_RING;		/* polled output: a write never waits */
	return pl011_tx_room(u);
}

/* The console terminal's output (struct console's queue hooks). */
static size_t pl011_con_queue(struct console *con, const char *s, size_t len)
{
	return pl011_queue(con->priv, (const u8 *)s, len);
}

static size_t pl011_con_write_room(struct console *con)
{
	return pl011_tx_room(con->priv);
}

static void pl011_con_flush(struct console *con)
{
	pl011_write_polled(con->priv, "", 0);
}

static const struct tty_port_ops pl011_tty_ops = {
	.write = pl011_tty_write,
	.read = pl011_tty_read,
	.tx_pending = pl011_tx_pending,
	.rx_pending = pl011_tty_rx_pending,
	.write_room = pl011_write_room,
};

/*
 * The console runs at the rate /chosen stdout-path names ("serial0:38400n8",
 * the boot loader's rate on vexpress), when the DT gives the reference
 * clock; other UARTs keep what the boot loader set.
 */
static void pl011_set_baud(struct pl011 *u, int node)
{
	u32 clk, baud = of_stdout_baud(), div;

	if (node != of_stdout_node() || !baud)
		return;
	if (of_clock_rate(node, 0, &clk) || clk < 16 * baud)
		return;
	div = (clk * 4 + baud / 2) / baud;	/* 64ths of the 16x divisor */
	writel(div >> 6, u->base + UART_IBRD);
	writel(div & 0x3f, u->base + UART_FBRD);
}

static void pl011_hw_init(struct pl011 *u, int node)
{
	while (readl_relaxed(u->base + UART_FR) & FR_BUSY)
		;
	writel(0, u->base + UART_CR);
	writel(0, u->base + UART_IMSC);
	writel(0x7ff, u->base + UART_ICR);
	pl011_set_baud(u, node);
	writel(LCR_WLEN8 | LCR_FEN, u->base + UART_LCR_H);
	writel(0, u->base + UART_IFLS);	/* TX interrupt at <= 1/8 full */
	writel(CR_UARTEN | CR_TXE | CR_RXE, u->base + UART_CR);
	spin_lock_init(&u->lock);
	init_waitqueue_head(&u->rx_wait);	/* before the interrupt can come */
	init_waitqueue_head(&u->tx_wait);
}

static bool alias_taken(int n)
{
	char alias[12];

	snprintf(alias, sizeof(alias), "serial%d", n);
	return fdt_get_alias(of_fdt, alias) != NULL;
}

/* ttyAMA<n>: n from the serial<n> alias, else the lowest n nobody uses. */
static void pl011_tty_name(int node, char *buf, size_t len)
{
	char path[96], alias[12];
	int n;

	if (!of_node_path(node, path, sizeof(path))) {
		for (n = 0; n < 16; n++) {
			const char *a;

			snprintf(alias, sizeof(alias), "serial%d", n);
			a = fdt_get_alias(of_fdt, alias);
			if (a && !strcmp(a, path)) {
				snprintf(buf, len, "ttyAMA%d", n);
				return;
			}
		}
	}
	for (n = 0;; n++) {
		snprintf(buf, len, "ttyAMA%d", n);
		if (!alias_taken(n) && !tty_find(buf))
			return;
	}
}

/* --- the console, bound early ------------------------------------------ */

static struct pl011 *console_uart;

static int pl011_early_probe(int node)
{
	struct pl011 *u;
	u64 base, size;
	int err;

	if (node != of_stdout_node())
		return -ENODEV;		/* the device model binds the others */
	err = of_address(node, 0, &base, &size);
	if (err)
		return err;
	u = kzalloc(sizeof(*u), GFP_KERNEL);
	if (!u)
		return -ENOMEM;
	u->base = ioremap((phys_addr_t)base, (size_t)size);
	if (!u->base) {
		kfree(u);
		return -ENOMEM;
	}
	u->is_console = true;
	pl011_hw_init(u, node);
	err = of_irq_get(node, 0, &u->irq);
	if (!err)
		err = request_irq(u->irq, pl011_interrupt, "pl011", u);
	if (!err)
		writel(INT_RX | INT_RT, u->base + UART_IMSC);
	else
		pr_warn("%s: no receive interrupt (%d): output only", of_node_name(node), err);
	u->con = (struct console){ .name = "ttyAMA", .write = pl011_con_write,
				   .getc = pl011_con_getc, .priv = u };
	if (!err) {		/* input comes by interrupt: readers may sleep */
		u->con.input_ready = pl011_con_input_ready;
		u->con.input_wait = &u->rx_wait;
		u->con.queue = pl011_con_queue;	/* and output too */
		u->con.write_room = pl011_con_write_room;
		u->con.output_wait = &u->tx_wait;
		u->con.flush = pl011_con_flush;
	}
	register_console(&u->con);
	console_uart = u;
	pr_info("%s at %08llx (console)", of_node_name(node), base);
	return 0;
}

static const char *const pl011_compat[] = { "arm,pl011", NULL };
static const struct dt_driver pl011_early_driver = {
	.name = "pl011", .stage = DT_STAGE_CONSOLE,
	.compatible = pl011_compat, .probe = pl011_early_probe,
};
DT_DRIVER(pl011_early_driver);

static int find_node(struct device *dev, void *data)
{
	return dev->of_node == *(int *)data;
}

/* The console's tty port, under its (early-bound) platform device. */
static int pl011_console_tty_init(void)
{
	struct device *dev;
	char name[16];
	int node;

	if (!console_uart)
		return 0;
	node = of_stdout_node();
	dev = NULL;
	list_for_each_entry(dev, &platform_bus_type.devices, bus_node)
		if (find_node(dev, &node))
			break;
	if (&dev->bus_node == &platform_bus_type.devices)
		dev = NULL;
	pl011_tty_name(node, name, sizeof(name));
	console_uart->port.ops = &pl011_tty_ops;
	console_uart->port.priv = console_uart;
	return tty_port_register(&console_uart->port, dev, name);
}
initcall_pair(device, pl011_console_tty_init, NULL);

/* --- the other ports, through the device model ------------------------- */

static void pl011_port_release(struct device *dev)
{
	/* Embedded in the devm-allocated struct pl011. */
}

static int pl011_probe(struct platform_device *pdev)
{
	struct pl011 *u = devm_kzalloc(&pdev->dev, sizeof(*u));
	char name[16];
	int err;

	if (!u)
		return -ENOMEM;
	u->base = devm_platform_ioremap(pdev, 0);
	if (!u->base)
		return -ENOMEM;
	err = platform_get_irq(pdev, 0, &u->irq);
	if (err)
		return err;
	pl011_hw_init(u, pdev->dev.of_node);
	err = devm_request_irq(&pdev->dev, u->irq, pl011_interrupt, "pl011", u);
	if (err)
		return err;
	writel(INT_RX | INT_RT, u->base + UART_IMSC);
	u->port.ops = &pl011_tty_ops;
	u->port.priv = u;
	u->port.dev.release = pl011_port_release;
	pl011_tty_name(pdev->dev.of_node, name, sizeof(name));
	err = tty_port_register(&u->port, &pdev->dev, name);
	if (err) {
		writel(0, u->base + UART_IMSC);
		return err;
	}
	platform_set_drvdata(pdev, u);
	dev_info(&pdev->dev, "%s at %08llx, irq %u", name, pdev->reg[0].start, u->irq);
	return 0;
}

static void pl011_remove(struct platform_device *pdev)
{
	struct pl011 *u = platform_get_drvdata(pdev);

	writel(0, u->base + UART_IMSC);
	tty_port_unregister(&u->port);
	writel(0, u->base + UART_CR);
}

static const struct of_device_id pl011_ids[] = { { "arm,pl011" }, {} };
static struct platform_driver pl011_platform_driver = {
	.probe = pl011_probe,
	.remove = pl011_remove,
	.driver = { .name = "uart-pl011", .of_match_table = pl011_ids },
};
module_platform_driver(pl011_platform_driver);
