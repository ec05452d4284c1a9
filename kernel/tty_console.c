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
 * Input is taken from the console's receive ring when a reader (or a
 * poller) comes, and edited then: a reader holds tty_lock only while it
 * takes what is there, and sleeps without it, on the console's
 * input_wait (woken by the driver's receive interrupt), or a tick at a
 * time for a console without one.  A poller (poll, select) takes input
 * the same way, so that it can say whether a read would return at once
 * (a whole line in canonical mode); what it takes waits in the line or
 * in a one-byte lookahead for the next read.  Locking: tty_lock (a
 * mutex) protects the termios, the line and the lookahead; writes go
 * to the console's output queue when it has one (the transmit interrupt
 * sends it; a full queue puts the writer to sleep), else straight to the
 * console; either serialises itself.
 */
#include <kernel/tty_console.h>
#include <kernel/printk.h>
#include <kernel/mutex.h>
#include <kernel/sched.h>
#include <kernel/process.h>
#include <kernel/uaccess.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/time.h>
#include <kernel/wait.h>
#include <fs/poll.h>
#include <uapi/linux-abi.h>

#define LINE_MAX	256
#define TTY_POLL_MS	10	/* a console without input_wait: look this often */

static DEFINE_MUTEX(tty_lock);
static struct abi_termios termios = {
	.c_iflag = ABI_ICRNL,
	.c_oflag = ABI_OPOST | ABI_ONLCR,
	.c_cflag = ABI_CS8 | ABI_CREAD,
	.c_lflag = ABI_ISIG | ABI_ICANON | ABI_ECHO | ABI_ECHOE,
	.c_cc = { [ABI_VINTR] = 3, [ABI_VQUIT] = 28, [ABI_VERASE] = 127, [ABI_VKILL] = 21,
		  [ABI_VEOF] = 4, [ABI_VMIN] = 1 },
};
/* tty_lock; read without it only by a reader's wait condition. */
static char line[LINE_MAX];
static u32 line_len;		/* bytes in line: being edited, or finished */
static u32 line_ready;		/* of a finished line: bytes not yet read */
static bool eof_ready;		/* ^D on an empty line: the next read returns 0 */
static int lookahead = -1;	/* a byte taken from the console, not yet used */
static u32 bytes_taken;		/* from the console, ever: did a poll take some? */
static int fg_pgrp;

static int poll_char(void)
{
	struct console *con = console_get();
	int c = con && con->getc ? con->getc(con) : -1;

	if (c >= 0)
		bytes_taken++;
	return c;
}

/* The next input byte (the lookahead first), or -1 when none is there. */
static int next_char(void)
{
	int c = lookahead;

	if (c >= 0)
		lookahead = -1;
	else
		c = poll_char();
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

static void erase_one(void)
{
	line_len--;
	echo("\b \b", 3);
}

/* Canonical mode: edit the line with @c; true once a line (or EOF) is finished. */
static bool canon_input(int c)
{
	if ((termios.c_lflag & ABI_ISIG) && c == termios.c_cc[ABI_VINTR]) {
		echo("^C\n", 3);
		line_len = 0;
		send_fg_signal(SIGINT);
		return false;
	}
	if (c == termios.c_cc[ABI_VERASE] || c == '\b') {
		if (line_len)
			erase_one();
		return false;
	}
	if (c == termios.c_cc[ABI_VKILL]) {
		while (line_len)
			erase_one();
		return false;
	}
	if (c == termios.c_cc[ABI_VEOF]) {
		if (line_len)
			line_ready = line_len;	/* the line so far, without newline */
		else
			eof_ready = true;
		return true;
	}
	if (line_len < LINE_MAX - 1 || c == '\n') {
		char ch = (char)c;

		line[line_len++] = ch;
		echo(&ch, 1);
	}
	if (c != '\n')
		return false;
	line_ready = line_len;
	return true;
}

/* Canonical mode: edit what input there is; true once a line or EOF waits. */
static bool canon_fill(void)
{
	int c;

	while (!line_ready && !eof_ready && (c = next_char()) >= 0)
		if (canon_input(c))
			break;
	return line_ready || eof_ready;
}

/*
 * Hand out the finished line (or the end of file) there is; -EAGAIN
 * when there is none.  Also in raw mode: what canonical mode finished
 * before a switch is read first.
 */
static ssize_t take_line(u8 *buf, size_t len)
{
	u32 n;

	if (eof_ready) {
		eof_ready = false;
		return 0;
	}
	if (!line_ready)
		return -EAGAIN;
	n = min((u32)len, line_ready);
	memcpy(buf, line + (line_len - line_ready), n);
	line_ready -= n;
	if (!line_ready)
		line_len = 0;		/* the next line starts */
	return n;
}

/* Raw mode: the bytes there are, at most @len; -EAGAIN for none. */
static ssize_t take_raw(u8 *buf, size_t len)
{
	size_t n = 0;
	int c;

	while (n < len && (c = next_char()) >= 0)
		buf[n++] = (u8)c;
	return n ? (ssize_t)n : -EAGAIN;
}

/* What a read returns now, or -EAGAIN if it would wait (tty_lock held). */
static ssize_t take_input(u8 *buf, size_t len)
{
	ssize_t n;

	if (termios.c_lflag & ABI_ICANON)
		canon_fill();
	n = take_line(buf, len);
	if (n == -EAGAIN && !(termios.c_lflag & ABI_ICANON))
		n = take_raw(buf, len);
	return n;
}

/* A reader's wait condition, without tty_lock: it re-checks under it. */
static bool input_waiting(void *arg)
{
	struct console *con = arg;

	return READ_ONCE(lookahead) >= 0 || READ_ONCE(line_ready) || READ_ONCE(eof_ready) ||
	       con->input_ready(con);
}

/* Until there may be input: 0, or -EINTR for a signal (or a kthread stop). */
static int wait_input(void)
{
	struct console *con = console_get();

	if (con && con->input_wait)
		return wait_event_cond(con->input_wait, input_waiting, con, 0);
	if (signal_pending_current() || kthread_should_stop())
		return -EINTR;
	msleep(TTY_POLL_MS);
	return 0;
}

ssize_t tty_console_read(void *buf, size_t len)
{
	ssize_t n;
	int ret;

	if (!len)
		return 0;
	for (;;) {
		mutex_lock(&tty_lock);
		n = take_input(buf, len);
		mutex_unlock(&tty_lock);
		if (n != -EAGAIN)
			return n;
		ret = wait_input();
		if (ret)
			return ret;
	}
}

/* Would a read return at once?  May take input into the line or lookahead. */
static bool input_ready(void)
{
	if (eof_ready || line_ready)
		return true;
	if (termios.c_lflag & ABI_ICANON)
		return canon_fill();
	if (lookahead < 0)
		lookahead = poll_char();
	return lookahead >= 0;
}

u32 tty_console_poll(struct file *file, struct poll_table *pt)
{
	struct console *con = console_get();
	u32 mask = POLLOUT | POLLWRNORM;	/* output never waits */
	u32 taken;
	bool ready;

	if (con && con->input_wait)
		poll_wait(file, con->input_wait, pt);
	else
		poll_retry(pt, TTY_POLL_MS * NSEC_PER_MSEC);
	mutex_lock(&tty_lock);
	taken = bytes_taken;
	ready = input_ready();
	taken = bytes_taken - taken;
	mutex_unlock(&tty_lock);
	/*
	 * Bytes moved from the console into the line or the lookahead while
	 * a reader was between its look and its sleep: wake it, its wait
	 * condition is true now.  (Only then: this poller is on the queue
	 * too, and an unconditional wake-up would spin it.)
	 */
	if (taken && ready && con && con->input_wait)
		wake_up_all(con->input_wait);
	if (ready)
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

static bool output_room(void *arg)
{
	struct console *con = arg;

	return con->write_room(con) >= 2;
}

/*
 * Output by the console's interrupt-driven queue: NL becomes CR NL
 * (ONLCR), and a full queue puts the writer to sleep until the transmit
 * interrupt makes room, instead of spinning on the UART with interrupts
 * off.  Return: bytes of @buf taken (fewer only when a signal came), or
 * -EINTR when a signal came before any.
 */
static ssize_t tty_queue_output(struct console *con, const char *s, size_t len)
{
	bool cr_queued = false;	/* the CR of a NL is out, the LF not yet */
	size_t i = 0, n, got;

	while (i < len) {
		if (s[i] == '\n') {
			const char *eol = cr_queued ? "\n" : "\r\n";

			n = cr_queued ? 1 : 2;
			got = con->queue(con, eol, n);
			if (got == n) {
				i++;
				cr_queued = false;
				continue;
			}
			cr_queued |= got == 1;
		} else {
			const char *nl = memchr(s + i, '\n', len - i);

			n = nl ? (size_t)(nl - (s + i)) : len - i;
			got = con->queue(con, s + i, n);
			i += got;
			if (got == n)
				continue;
		}
		if (wait_event_cond(con->output_wait, output_room, con, 0))
			return i ? (ssize_t)i : -EINTR;
	}
	return (ssize_t)len;
}

ssize_t tty_console_write(const void *buf, size_t len)
{
	struct console *con = console_get();

	if (con && con->queue)
		return tty_queue_output(con, buf, len);
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
		if (cmd == ABI_TCSETSF) {	/* and drop the input not yet read */
			line_len = line_ready = 0;
			eof_ready = false;
			lookahead = -1;
		}
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
