/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Terminal ports: a serial line as a class "tty" device (ttyAMA0 ...)
 * with buffered, non-blocking write and read.  The UART driver provides
 * the ops; callers (the shell, tests, user space later) use tty_write()
 * and tty_read().
 */
#ifndef KERNEL_TTY_H
#define KERNEL_TTY_H

#include <kernel/device.h>

struct tty_port;

struct tty_port_ops {
	/* Queue up to @len bytes; return how many were taken (0 when full). */
	int (*write)(struct tty_port *port, const u8 *buf, size_t len);
	/* Take up to @len received bytes; return how many (0 when none). */
	int (*read)(struct tty_port *port, u8 *buf, size_t len);
	/* Bytes queued but not yet handed to the hardware. */
	size_t (*tx_pending)(struct tty_port *port);
	/* Optional (poll): bytes received and not yet read. */
	size_t (*rx_pending)(struct tty_port *port);
	/* Optional (poll): bytes a write would take now without waiting. */
	size_t (*write_room)(struct tty_port *port);
};

struct tty_port {
	struct device dev;		/* class "tty" */
	const struct tty_port_ops *ops;
	void *priv;			/* the driver's */
};

/**
 * tty_port_register() - add @port as class "tty" device @name under @parent
 * Return: 0, -EEXIST for a name in use, or device_add()'s error.
 */
int tty_port_register(struct tty_port *port, struct device *parent, const char *name);
/** tty_port_unregister() - remove @port from the model. */
void tty_port_unregister(struct tty_port *port);

/** tty_find() - the registered port called @name, or NULL. */
struct tty_port *tty_find(const char *name);

static inline int tty_write(struct tty_port *port, const void *buf, size_t len)
{
	return port->ops->write(port, buf, len);
}

static inline int tty_read(struct tty_port *port, void *buf, size_t len)
{
	return port->ops->read(port, buf, len);
}

/* Would a read find data now?  A port that cannot say: yes. */
static inline bool tty_rx_ready(struct tty_port *port)
{
	return !port->ops->rx_pending || port->ops->rx_pending(port);
}

/* Would a write take something now?  A port that cannot say: yes. */
static inline bool tty_tx_ready(struct tty_port *port)
{
	return !port->ops->write_room || port->ops->write_room(port);
}

#endif /* KERNEL_TTY_H */
