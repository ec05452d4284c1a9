// SPDX-License-Identifier: GPL-2.0
/*
 * Terminal ports in the device model: class "tty" registration and
 * lookup by name.  The line discipline, the shell's and user space's
 * view, will sit on top of tty_read()/tty_write().
 *
 * Layer: class glue over the UART drivers.  Locking: registration in
 * process context; I/O goes straight to the driver's ops.
 */
#include <kernel/tty.h>
#include <kernel/string.h>
#include <kernel/errno.h>

struct tty_port *tty_find(const char *name)
{
	struct device *dev;

	list_for_each_entry(dev, &tty_class.devices, class_node)
		if (!strcmp(dev->name, name))
			return container_of(dev, struct tty_port, dev);
	return NULL;
}

int tty_port_register(struct tty_port *port, struct device *parent, const char *name)
{
	if (tty_find(name))
		return -EEXIST;
	port->dev.parent = parent;
	port->dev.class = &tty_class;
	dev_set_name(&port->dev, "%s", name);
	device_initialize(&port->dev);
	return device_add(&port->dev);
}

void tty_port_unregister(struct tty_port *port)
{
	device_unregister(&port->dev);
}
