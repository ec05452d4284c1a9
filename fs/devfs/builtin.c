// SPDX-License-Identifier: GPL-2.0
/*
 * The nodes devfs provides itself: /dev/console (the console terminal,
 * kernel/tty_console.c: line discipline, termios, poll), /dev/null and
 * /dev/zero.
 *
 * Layer: devfs, a client of its own registry and of printk's consoles.
 * Locking: none (console_write is safe from any context).
 */
#include "internal.h"
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/errno.h>
#include <kernel/string.h>
#include <kernel/tty_console.h>

/* /dev/console is the console terminal (kernel/tty_console.c). */
static ssize_t console_read(void *priv, void *buf, size_t len, u64 *pos)
{
	return tty_console_read(buf, len);
}

static ssize_t console_write_op(void *priv, const void *buf, size_t len, u64 *pos)
{
	return tty_console_write(buf, len);
}

static long console_ioctl(void *priv, u32 cmd, u32 arg)
{
	return tty_console_ioctl(cmd, arg);
}

static u32 console_poll(void *priv, struct file *file, struct poll_table *pt)
{
	return tty_console_poll(file, pt);
}

static const struct devfs_char_ops console_ops = {
	.read = console_read,
	.write = console_write_op,
	.ioctl = console_ioctl,
	.poll = console_poll,
};

static ssize_t null_read(void *priv, void *buf, size_t len, u64 *pos)
{
	return 0;
}

static ssize_t null_write(void *priv, const void *buf, size_t len, u64 *pos)
{
	return len;
}

static ssize_t zero_read(void *priv, void *buf, size_t len, u64 *pos)
{
	memset(buf, 0, len);
	return len;
}

static const struct devfs_char_ops null_ops = { .read = null_read, .write = null_write };
static const struct devfs_char_ops zero_ops = { .read = zero_read, .write = null_write };

static const struct {
	const char *name;
	const struct devfs_char_ops *ops;
} builtin[] = {
	{ "console", &console_ops },
	{ "null", &null_ops },
	{ "zero", &zero_ops },
};

static void unregister_first(size_t n)
{
	while (n--)
		devfs_unregister(builtin[n].name);
}

static int devfs_builtin_init(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(builtin); i++) {
		int ret = devfs_register_char(builtin[i].name, builtin[i].ops, NULL);

		if (ret) {
			unregister_first(i);
			return ret;
		}
	}
	return 0;
}

static void devfs_builtin_exit(void)
{
	unregister_first(ARRAY_SIZE(builtin));
}
initcall_pair(subsys, devfs_builtin_init, devfs_builtin_exit);
