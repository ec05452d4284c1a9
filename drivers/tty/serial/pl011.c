// SPDX-License-Identifier: GPL-2.0
/*
 * ARM PrimeCell UART PL011 (ARM DDI 0183): the console.
 *
 * Transmit polls the FIFO-full flag (console output must work with
 * interrupts off, e.g. in a panic).  Receive is interrupt driven: the RX
 * and RX-timeout interrupts drain the FIFO into a ring that getc() reads.
 * Constant configuration (registers, irq) comes from the DT; the mutable
 * state is the ring.  The UART named by /chosen stdout-path becomes the
 * console.  Locking: the ring is single-producer (IRQ) single-consumer,
 * indices are written by one side each.
 */
#define pr_fmt(fmt) "pl011: " fmt
#include <kernel/irq.h>
#include <kernel/of.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/errno.h>
#include <asm/io.h>

#define UART_DR		0x00
#define UART_FR		0x18
#define UART_IBRD	0x24
#define UART_FBRD	0x28
#define UART_LCR_H	0x2c
#define UART_CR		0x30
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
#define INT_RT		(1 << 6)

#define RX_RING		256

struct pl011 {
	void *base;
	unsigned int irq;
	struct console con;
	char rx[RX_RING];
	volatile u32 rx_head;	/* written by the IRQ handler */
	volatile u32 rx_tail;	/* written by the reader */
	u32 rx_overruns;
};

static void pl011_putc(struct pl011 *u, char c)
{
	while (readl_relaxed(u->base + UART_FR) & FR_TXFF)
		;
	writel_relaxed(c, u->base + UART_DR);
}

static void pl011_con_write(struct console *con, const char *s, size_t len)
{
	struct pl011 *u = con->priv;

	while (len--)
		pl011_putc(u, *s++);
}

static int pl011_con_getc(struct console *con)
{
	struct pl011 *u = con->priv;
	char c;

	if (u->rx_tail == u->rx_head)
		return -1;
	c = u->rx[u->rx_tail % RX_RING];
	u->rx_tail++;
	return (unsigned char)c;
}

static enum irq_return pl011_interrupt(int irq, void *dev)
{
	struct pl011 *u = dev;

	(void)irq;
	if (!readl_relaxed(u->base + UART_MIS))
		return IRQ_NONE;
	while (!(readl_relaxed(u->base + UART_FR) & FR_RXFE)) {
		char c = (char)readl_relaxed(u->base + UART_DR);

		if (u->rx_head - u->rx_tail < RX_RING)
			u->rx[u->rx_head++ % RX_RING] = c;
		else
			u->rx_overruns++;
	}
	writel_relaxed(INT_RX | INT_RT, u->base + UART_ICR);
	return IRQ_HANDLED;
}

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

static int pl011_probe(int node)
{
	struct pl011 *u;
	u64 base, size;
	int err;

	err = of_address(node, 0, &base, &size);
	if (err)
		return err;
	u = kzalloc(sizeof(*u), GFP_KERNEL);
	if (!u)
		return -ENOMEM;
	u->base = ioremap((phys_addr_t)base, (size_t)size);
	if (!u->base) {
		err = -ENOMEM;
		goto out_free;
	}
	while (readl_relaxed(u->base + UART_FR) & FR_BUSY)
		;
	writel(0, u->base + UART_CR);
	pl011_set_baud(u, node);
	writel(LCR_WLEN8 | LCR_FEN, u->base + UART_LCR_H);
	writel(CR_UARTEN | CR_TXE | CR_RXE, u->base + UART_CR);

	err = of_irq_get(node, 0, &u->irq);
	if (!err)
		err = request_irq(u->irq, pl011_interrupt, "pl011", u);
	if (!err)
		writel(INT_RX | INT_RT, u->base + UART_IMSC);
	else
		pr_warn("%s: no receive interrupt (%d): output only",
			of_node_name(node), err);

	if (node == of_stdout_node()) {
		u->con = (struct console){ .name = "ttyAMA", .write = pl011_con_write,
					   .getc = pl011_con_getc, .priv = u };
		register_console(&u->con);
	}
	pr_info("%s at %08llx", of_node_name(node), base);
	return 0;

out_free:
	kfree(u);
	return err;
}

static const char *const pl011_compat[] = { "arm,pl011", NULL };
static const struct dt_driver pl011_driver = {
	.name = "pl011", .stage = DT_STAGE_CONSOLE,
	.compatible = pl011_compat, .probe = pl011_probe,
};
DT_DRIVER(pl011_driver);
