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
#include <fs/devfs.h>

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
	int err;

	if (tty_find(name))
		return -EEXIST;
	port->dev.parent = parent;
	port->dev.class = &tty_class;
	dev_set_name(&port->dev, "%s", name);
	device_initialize(&port->dev);
	err = device_add(&port->dev);
	if (!err && devfs_add_tty(port))
		dev_warn(&port->dev, "no /dev node");	/* the port still works */
	return err;
}

void tty_port_unregister(struct tty_port *port)
{
	devfs_unregister(port->dev.name);
	device_unregister(&port->dev);
}
