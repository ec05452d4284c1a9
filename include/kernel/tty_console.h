/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /dev/console as a terminal: a line discipline over the kernel console
 * (canonical mode with echo and line editing, or raw mode) and the termios
 * and window-size ioctls that libc's isatty()/tcgetattr()/tcsetattr() use.
 */
#ifndef KERNEL_TTY_CONSOLE_H
#define KERNEL_TTY_CONSOLE_H

#include <kernel/types.h>

/* Blocks until input is available (a whole line in canonical mode). */
ssize_t tty_console_read(void *buf, size_t len);
ssize_t tty_console_write(const void *buf, size_t len);
/* @arg is a user address (called from the ioctl system call). */
long tty_console_ioctl(u32 cmd, u32 arg);

struct file;
struct poll_table;
/*
 * poll: always writable; readable when a read would not wait (a finished
 * line in canonical mode), for which it may take input from the console.
 */
u32 tty_console_poll(struct file *file, struct poll_table *pt);

#endif
