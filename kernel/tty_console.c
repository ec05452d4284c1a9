// SPDX-License-Identifier: GPL-2.0
/*
 * The console terminal (include/kernel/tty_console.h).
 *
 * Canonical mode (ICANON, the default): characters are collected into a
 * line with erase (DEL/^H), kill (^U) and end-of-file (^D at the start of
 * a line); ^C sends SIGINT to the terminal's foreground process group;
 * with ECHO they are echoed.  read() returns once a line is complete.
 * Raw mode: read() returns what has arrived, blocking for the first byte.
 * Output maps NL to CR NL (ONLCR).
 *
 * The console UART is polled (it must also work in a panic), so a reader
 * waits by sleeping a tick between polls.  Locking: tty_lock (a mutex)
 * serialises readers and termios changes; writes go straight to the
 * console, which serialises itself.
 */
#include <kernel/tty_console.h>
#include <kernel/printk.h>
#include <kernel/mutex.h>
#include <kernel/sched.h>
#include <kernel/process.h>
#include <kernel/uaccess.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <uapi/linux-abi.h>

#define LINE_MAX 256

static DEFINE_MUTEX(tty_lock);
static struct abi_termios termios = {
	.c_iflag = ABI_ICRNL,
	.c_oflag = ABI_OPOST | ABI_ONLCR,
	.c_cflag = ABI_CS8 | ABI_CREAD,
	.c_lflag = ABI_ISIG | ABI_ICANON | ABI_ECHO | ABI_ECHOE,
	.c_cc = { [ABI_VINTR] = 3, [ABI_VQUIT] = 28, [ABI_VERASE] = 127, [ABI_VKILL] = 21,
		  [ABI_VEOF] = 4, [ABI_VMIN] = 1 },
};
static char line[LINE_MAX];
static u32 line_len, line_ready;	/* ready: bytes of a finished line left to hand out */
static int fg_pgrp;

static int poll_char(void)
{
	struct console *con = console_get();

	return con && con->getc ? con->getc(con) : -1;
}

/* The next input byte; sleeps a tick at a time while there is none. */
static int wait_char(void)
{
	int c;

	while ((c = poll_char()) < 0) {
		if (signal_pending_current())
			return -EINTR;
		msleep(10);
	}
	if ((termios.c_iflag & ABI_ICRNL) && c == '\r')
		c = '\n';
	return c;
}

static void echo(const char *s, size_t n)
{
	if (termios.c_lflag & ABI_ECHO)
		console_write(s, n);
}

static int send_fg_signal(int sig)
{
	if (fg_pgrp > 0)
		return send_signal(fg_pgrp, sig);	/* the group's leader */
	return 0;
}

/* Canonical input until a line (or EOF) is ready; returns bytes in it. */
static int read_line(void)
{
	line_len = 0;
	for (;;) {
		int c = wait_char();

		if (c < 0)
			return c;
		if ((termios.c_lflag & ABI_ISIG) && c == termios.c_cc[ABI_VINTR]) {
			echo("^C\n", 3);
			line_len = 0;
			send_fg_signal(SIGINT);
			continue;
		}
		if (c == termios.c_cc[ABI_VERASE] || c == '\b') {
			if (line_len) {
				line_len--;
				echo("\b \b", 3);
			}
			continue;
		}
		if (c == termios.c_cc[ABI_VKILL]) {
			while (line_len) {
				line_len--;
				echo("\b \b", 3);
			}
			continue;
		}
		if (c == termios.c_cc[ABI_VEOF]) {
			if (!line_len)
				return 0;	/* end of file */
			return (int)line_len;
		}
		if (line_len < LINE_MAX - 1 || c == '\n') {
			char ch = (char)c;

			line[line_len++] = ch;
			echo(&ch, 1);
		}
		if (c == '\n')
			return (int)line_len;
	}
}

ssize_t tty_console_read(void *buf, size_t len)
{
	u8 *p = buf;
	ssize_t n = 0;
	int c;

	if (!len)
		return 0;
	mutex_lock(&tty_lock);
	if (termios.c_lflag & ABI_ICANON) {
		if (!line_ready) {
			int got = read_line();

			if (got <= 0) {
				mutex_unlock(&tty_lock);
				return got;
			}
			line_ready = (u32)got;
		}
		n = (ssize_t)min((u32)len, line_ready);
		memcpy(p, line + (line_len - line_ready), (size_t)n);
		line_ready -= (u32)n;
	} else {
		c = wait_char();
		if (c < 0) {
			mutex_unlock(&tty_lock);
			return c;
		}
		p[n++] = (u8)c;
		while ((size_t)n < len && (c = poll_char()) >= 0)
			p[n++] = (u8)((termios.c_iflag & ABI_ICRNL) && c == '\r' ? '\n' : c);
	}
	mutex_unlock(&tty_lock);
	return n;
}

ssize_t tty_console_write(const void *buf, size_t len)
{
	console_write(buf, len);	/* the console maps NL to CR NL (ONLCR) */
	return (ssize_t)len;
}

long tty_console_ioctl(u32 cmd, u32 arg)
{
	struct abi_termios t;
	long ret = 0;

	switch (cmd) {
	case ABI_TCGETS:
		return copy_to_user(arg, &termios, sizeof(termios));
	case ABI_TCSETS:
	case ABI_TCSETSW:
	case ABI_TCSETSF:
		if (copy_from_user(&t, arg, sizeof(t)))
			return -EFAULT;
		mutex_lock(&tty_lock);
		termios = t;
		if (cmd == ABI_TCSETSF)
			line_len = line_ready = 0;
		mutex_unlock(&tty_lock);
		return 0;
	case ABI_TIOCGWINSZ: {
		u16 ws[4] = { 24, 80, 0, 0 };	/* rows, cols: a serial line does not say */

		return copy_to_user(arg, ws, sizeof(ws));
	}
	case ABI_TIOCGPGRP:
		return copy_to_user(arg, &fg_pgrp, 4);
	case ABI_TIOCSPGRP:
		if (copy_from_user(&fg_pgrp, arg, 4))
			ret = -EFAULT;
		return ret;
	case ABI_FIONREAD: {
		int n = (int)line_ready;

		return copy_to_user(arg, &n, 4);
	}
	default:
		return -ENOTTY;
	}
}
