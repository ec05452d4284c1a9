/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The device model: devices, drivers, buses and classes.
 *
 * A struct device is reference counted (get_device/put_device); when the
 * last reference goes, its release callback frees it.  Devices form a tree
 * through @parent.  A bus matches its devices against its drivers and
 * binds them (probe); a probe that returns -EPROBE_DEFER is retried each
 * time another device binds.  Resources a driver takes with devm_*() are
 * released when its probe fails and when it unbinds.  A class groups
 * devices by what they are (tty, block, mtd, rtc...).  Every add, remove,
 * bind and unbind is queued as a hotplug event (uevent_read()).
 *
 * Locking: the model's lists are protected by one spinlock inside
 * drivers/base; probe and remove run without it (they may register more
 * devices).  There is one thread today; bind/unbind callers are process
 * context, never interrupt handlers.
 */
#ifndef KERNEL_DEVICE_H
#define KERNEL_DEVICE_H

#include <kernel/types.h>
#include <kernel/list.h>
#include <kernel/compiler.h>
#include <kernel/irq.h>
#include <kernel/printk.h>

struct device;
struct device_driver;

/* A read-only attribute, shown by `devices` (and by /sys later). */
struct device_attribute {
	const char *name;
	/* Writes at most @len bytes of text to @buf; returns its length or -errno. */
	int (*show)(struct device *dev, char *buf, size_t len);
};

struct bus_type {
	const char *name;
	/* True when @drv can drive @dev. */
	bool (*match)(struct device *dev, struct device_driver *drv);
	/* Optional bus step around the driver's own probe/remove. */
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
	/* Private to drivers/base. */
	struct list_head devices;
	struct list_head drivers;
	struct list_head node;
};

struct of_device_id {
	const char *compatible;
	const void *data;
};

struct device_driver {
	const char *name;
	struct bus_type *bus;
	const struct of_device_id *of_match_table;	/* ends with {} */
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
	/* Private to drivers/base. */
	struct list_head node;		/* on bus->drivers */
	bool early;			/* bound before the model existed */
};

struct class {
	const char *name;
	/* Private to drivers/base. */
	struct list_head devices;
	struct list_head node;
};

/* Long enough for /dev names: "crypt-" and a 31-character mapping name. */
#define DEVICE_NAME_LEN	40

struct device {
	char name[DEVICE_NAME_LEN];
	struct device *parent;
	struct bus_type *bus;
	struct device_driver *driver;	/* NULL while unbound */
	struct class *class;
	int of_node;			/* DT node offset; 0 (the root) = none */
	const struct device_attribute *const *attrs;	/* NULL-terminated */
	void *driver_data;		/* the bound driver's state */
	void (*release)(struct device *dev);	/* frees the containing struct */

	/* Private to drivers/base. */
	int refcount;
	bool registered;
	bool holds_parent;		/* took a reference on @parent */
	int probe_err;			/* last probe result, for the view */
	struct list_head children;
	struct list_head sibling;	/* on parent->children */
	struct list_head bus_node;
	struct list_head class_node;
	struct list_head deferred_node;
	struct list_head devres;	/* managed resources, newest first */
};

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline const char *dev_name(const struct device *dev)
{
	return dev->name;
}

#define dev_err(dev, fmt, ...)  pr_err("%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) pr_warn("%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) pr_info("%s: " fmt, dev_name(dev), ##__VA_ARGS__)

/**
 * device_initialize() - prepare @dev for use (refcount 1, empty lists)
 * @dev: zeroed by the caller, except the fields it wants to set
 */
void device_initialize(struct device *dev);

/**
 * dev_set_name() - set the device's name (printf format, truncated to
 * DEVICE_NAME_LEN - 1)
 */
void dev_set_name(struct device *dev, const char *fmt, ...) __printf(2, 3);

/**
 * device_add() - make an initialized device visible and try to bind it
 * @dev: named, with bus/class/parent set as wanted
 *
 * Links it under its parent, on its bus and class, queues an "add" event
 * and, on a bus, looks for a driver.  A driver's probe error does not fail
 * device_add(): the device stays registered and unbound.
 * Return: 0; -EINVAL for an unnamed device; -EEXIST if already added.
 */
int device_add(struct device *dev);

/**
 * device_register() - device_initialize() and device_add()
 * Return: as device_add().  On error, drop the reference with put_device().
 */
int device_register(struct device *dev);

/**
 * device_del() - unbind @dev, unregister its children, unlink it
 * The reference taken by device_initialize() is still held.
 */
void device_del(struct device *dev);

/** device_unregister() - device_del() and put_device() */
void device_unregister(struct device *dev);

/**
 * get_device() - take a reference on @dev
 * @dev: may be NULL
 * Return: @dev.
 */
struct device *get_device(struct device *dev);

/**
 * put_device() - drop a reference; the release callback runs at zero
 * @dev: may be NULL
 */
void put_device(struct device *dev);

/**
 * device_path() - "/parent/.../name" of @dev into @buf
 * Return: the length written (truncated to @len - 1).
 */
int device_path(const struct device *dev, char *buf, size_t len);

/**
 * device_for_each_child() - call @fn on each child until it returns non-zero
 * Return: the first non-zero value, or 0.
 */
int device_for_each_child(struct device *dev, void *data,
			  int (*fn)(struct device *dev, void *data));

/** device_for_each_root() - as device_for_each_child(), over parentless devices */
int device_for_each_root(void *data, int (*fn)(struct device *dev, void *data));

/**
 * device_attr_show() - the text of attribute @name of @dev
 * Every device has "bus", "class", "driver", "of_node", "state"; drivers
 * add theirs through dev->attrs.
 * Return: the length written to @buf, -ENOENT for an unknown attribute,
 * or the attribute's own error.
 */
int device_attr_show(struct device *dev, const char *name, char *buf, size_t len);

/* --- buses and drivers -------------------------------------------------- */

/** bus_register() - make a bus known.  Return: 0 or -EEXIST. */
int bus_register(struct bus_type *bus);

/** bus_unregister() - forget @bus; it must have no devices or drivers left. */
void bus_unregister(struct bus_type *bus);

/**
 * driver_register() - add @drv to its bus and bind every matching device
 * Return: 0; -EINVAL without a bus; -EEXIST if registered.
 */
int driver_register(struct device_driver *drv);

/** driver_unregister() - unbind every device of @drv, then remove it. */
void driver_unregister(struct device_driver *drv);

/**
 * device_bind_driver_to() - bind @dev to @drv at run time
 * Return: 0; -EBUSY if already bound; -ENODEV if @drv does not match;
 * else the probe's error (-EPROBE_DEFER leaves it queued for retry).
 */
int device_bind_driver_to(struct device *dev, struct device_driver *drv);

/**
 * device_attach() - find a driver for @dev on its bus
 * Return: 1 bound, 0 no driver matched, or the probe's error.
 */
int device_attach(struct device *dev);

/** device_release_driver() - unbind @dev (remove + devres), if bound. */
void device_release_driver(struct device *dev);

/**
 * device_bind_early() - record a bind made before the model existed
 * (interrupt controller, console, timers): @dev is shown bound to @drv and
 * its probe is never called.  Return: 0 or -EBUSY.
 */
int device_bind_early(struct device *dev, struct device_driver *drv);

/** deferred_probe_count() - devices waiting for a supplier. */
int deferred_probe_count(void);

/** deferred_probe_trigger() - retry every deferred device now. */
void deferred_probe_trigger(void);

/** bus_find() - the registered bus called @name, or NULL. */
struct bus_type *bus_find(const char *name);
/** bus_find_device_by_name() - the first device on @bus called @name, or NULL. */
struct device *bus_find_device_by_name(struct bus_type *bus, const char *name);
/** driver_find() - the driver on @bus called @name, or NULL. */
struct device_driver *driver_find(struct bus_type *bus, const char *name);

/**
 * bus_for_each_dev() - call @fn on each device of @bus until it returns non-zero
 * @fn may unbind or remove the device it is given, no other.
 * Return: the first non-zero value, or 0.
 */
int bus_for_each_dev(struct bus_type *bus, void *data,
		     int (*fn)(struct device *dev, void *data));
/** bus_for_each_drv() - as bus_for_each_dev(), over @bus's drivers. */
int bus_for_each_drv(struct bus_type *bus, void *data,
		     int (*fn)(struct device_driver *drv, void *data));
/** buses_for_each() - as bus_for_each_dev(), over the registered buses. */
int buses_for_each(void *data, int (*fn)(struct bus_type *bus, void *data));

/* --- classes ------------------------------------------------------------ */

/** class_register() - make a class known.  Return: 0 or -EEXIST. */
int class_register(struct class *cls);
/** class_find() - the registered class called @name, or NULL. */
struct class *class_find(const char *name);
/** class_for_each_dev() - as bus_for_each_dev(), over @cls's devices. */
int class_for_each_dev(struct class *cls, void *data,
		       int (*fn)(struct device *dev, void *data));
/** classes_for_each() - as bus_for_each_dev(), over the registered classes. */
int classes_for_each(void *data, int (*fn)(struct class *cls, void *data));

/* The classes every driver can use (registered at core initcall time). */
extern struct class tty_class, block_class, mtd_class, rtc_class, uio_class;

/* --- managed resources -------------------------------------------------- */

/**
 * devres_add() - register @release(@dev, @data) to run when the driver
 * unbinds or its probe fails, newest first
 * Return: 0 or -ENOMEM (then @release has NOT been called).
 */
int devres_add(struct device *dev, void (*release)(struct device *dev, void *data),
	       void *data);

/** devres_release_all() - run and drop every managed resource of @dev. */
void devres_release_all(struct device *dev);

/** devm_kzalloc() - kzalloc() freed when the driver unbinds.  NULL on failure. */
void *devm_kzalloc(struct device *dev, size_t size);

/**
 * devm_request_irq() - request_irq() freed when the driver unbinds
 * Return: as request_irq(), or -ENOMEM.
 */
int devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
		     const char *name, void *data);

/* --- hotplug events ----------------------------------------------------- */

enum uevent_action {
	UEVENT_ADD,
	UEVENT_REMOVE,
	UEVENT_BIND,
	UEVENT_UNBIND,
};

struct uevent {
	u32 seq;			/* 1, 2, 3 ... */
	enum uevent_action action;
	char path[80];			/* device_path() at the time */
	char driver[24];		/* bind/unbind: the driver */
};

/**
 * uevent_read() - the oldest event with a sequence number > @after
 * @ev: filled in
 * Return: 0; -ENOENT when no newer event exists; -EOVERFLOW when events
 * after @after were dropped (the queue is a ring): @ev is then the oldest
 * one still kept.
 */
int uevent_read(u32 after, struct uevent *ev);
/** uevent_last_seq() - the sequence number of the newest event (0: none yet). */
u32 uevent_last_seq(void);
/** uevent_action_name() - "add", "remove", "bind" or "unbind". */
const char *uevent_action_name(enum uevent_action action);

/* Woken on every new event (for readers that sleep). */
struct wait_queue_head;
extern struct wait_queue_head uevent_wait;

/** uevent_thread_seen() - the last event the kdevd thread has read. */
u32 uevent_thread_seen(void);

/**
 * uevent_emit() - queue a hotplug event for @dev (drivers/base internal;
 * of_platform.c uses it for early-bound devices)
 */
void uevent_emit(struct device *dev, enum uevent_action action);

#endif /* KERNEL_DEVICE_H */
