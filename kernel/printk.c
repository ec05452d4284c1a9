// SPDX-License-Identifier: GPL-2.0
/*
 * printk: the kernel log.
 *
 * Each message becomes one or more lines "[    1.234567] text" kept in a
 * ring of bytes (log_buf, CONFIG_LOG_BUF_SHIFT) for dmesg, and written to
 * the registered consoles when its level is at most console_loglevel.
 * Lines logged before any console exists are replayed when the first one
 * registers, so early boot messages are not lost.
 *
 * Locking: log_lock (irqsave) protects the ring, the console list and the
 * capture; the console write happens under it too, so lines from
 * different CPUs never interleave.  Knows nothing about UARTs.
 */
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/compiler.h>
#include <kernel/sched.h>
#include <kernel/errno.h>

#ifndef CONFIG_LOG_BUF_SHIFT
#define CONFIG_LOG_BUF_SHIFT 15
#endif
#ifndef CONFIG_CONSOLE_LOGLEVEL
#define CONFIG_CONSOLE_LOGLEVEL 6
#endif

#define LOG_BUF_SIZE (1u << CONFIG_LOG_BUF_SHIFT)

int console_loglevel = CONFIG_CONSOLE_LOGLEVEL;

static char log_buf[LOG_BUF_SIZE];
static u32 log_head;	/* next byte to write (monotonic, wraps by mask) */
static u32 log_tail;	/* oldest byte kept */
static DEFINE_SPINLOCK(log_lock);
static LIST_HEAD(consoles);
static struct console_capture *capture;	/* console_capture_start() */

static void log_putc(char c)
{
	log_buf[log_head & (LOG_BUF_SIZE - 1)] = c;
	log_head++;
	if (log_head - log_tail > LOG_BUF_SIZE) {
		/* Drop the oldest line whole. */
		while (log_head - log_tail > LOG_BUF_SIZE - 1 ||
		       log_buf[(log_tail - 1) & (LOG_BUF_SIZE - 1)] != '\n')
			log_tail++;
	}
}

static void consoles_write(const char *s, size_t len)
{
	struct console *con;

	list_for_each_entry(con, &consoles, node)
		con->write(con, s, len);
}

static size_t format_line_prefix(char *buf, size_t size)
{
	u64 ns = ktime_get_ns();
	u32 sec = (u32)(ns / NSEC_PER_SEC);
	u32 usec = (u32)((ns % NSEC_PER_SEC) / NSEC_PER_USEC);

	return scnprintf(buf, size, "[%5u.%06u] ", sec, usec);
}

void vprintk_level(int level, const char *fmt, va_list ap)
{
	char text[512];
	char prefix[24];
	size_t plen, tlen;
	unsigned long flags;
	const char *p, *line;
	va_list aq;

	va_copy(aq, ap);
	tlen = vsnprintf(text, sizeof(text), fmt, aq);
	va_end(aq);
	if (tlen >= sizeof(text))
		tlen = sizeof(text) - 1;
	plen = format_line_prefix(prefix, sizeof(prefix));

	spin_lock_irqsave(&log_lock, flags);
	for (line = text; line < text + tlen; line = p + 1) {
		p = memchr(line, '\n', text + tlen - line);
		if (!p)
			p = text + tlen;
		log_putc('0' + (level & 7));	/* level marker, stripped by readers */
		for (size_t i = 0; i < plen; i++)
			log_putc(prefix[i]);
		for (const char *c = line; c < p; c++)
			log_putc(*c);
		log_putc('\n');
		if (level <= console_loglevel) {
			consoles_write(prefix, plen);
			consoles_write(line, p - line);
			consoles_write("\r\n", 2);
		}
	}
	spin_unlock_irqrestore(&log_lock, flags);
}

void printk_level(int level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk_level(level, fmt, ap);
	va_end(ap);
}

/* Walk the ring line by line; @fn gets each line without its level marker. */
static void log_walk(void (*fn)(const char *s, size_t len, int level, void *arg),
		     void *arg)
{
	char line[600];
	size_t n = 0;
	int level = 0;
	bool at_start = true;

	for (u32 i = log_tail; i != log_head; i++) {
		char c = log_buf[i & (LOG_BUF_SIZE - 1)];

		if (at_start) {
			level = c - '0';
			at_start = false;
			continue;
		}
		if (n < sizeof(line) - 1)
			line[n++] = c;
		if (c == '\n') {
			fn(line, n, level, arg);
			n = 0;
			at_start = true;
		}
	}
}

struct walk_ctx {
	void (*fn)(const char *s, size_t len, void *arg);
	void *arg;
};

static void walk_plain(const char *s, size_t len, int level, void *arg)
{
	struct walk_ctx *w = arg;

	(void)level;
	w->fn(s, len, w->arg);
}

void log_buf_for_each(void (*fn)(const char *s, size_t len, void *arg), void *arg)
{
	struct walk_ctx w = { fn, arg };
	unsigned long flags;

	spin_lock_irqsave(&log_lock, flags);
	log_walk(walk_plain, &w);
	spin_unlock_irqrestore(&log_lock, flags);
}

static void replay_line(const char *s, size_t len, int level, void *arg)
{
	struct console *con = arg;

	if (level > console_loglevel)
		return;
	con->write(con, s, len - 1);
	con->write(con, "\r\n", 2);
}

void register_console(struct console *con)
{
	unsigned long flags;

	spin_lock_irqsave(&log_lock, flags);
	log_walk(replay_line, con);
	list_add_tail(&con->node, &consoles);
	spin_unlock_irqrestore(&log_lock, flags);
}

struct console *console_get(void)
{
	return list_empty(&consoles) ? NULL :
	       list_first_entry(&consoles, struct console, node);
}

void console_flush(void)
{
	struct console *con;

	list_for_each_entry(con, &consoles, node)
		if (con->flush)
			con->flush(con);
}

/* Called with log_lock held: is this output the capture's? */
static bool capture_write(const char *s, size_t len)
{
	struct console_capture *cap = capture;
	size_t room;

	if (!cap || !sched_running() || cap->owner != current)
		return false;
	room = cap->size - 1 - cap->len;
	if (len > room) {
		cap->truncated = true;
		len = room;
	}
	memcpy(cap->buf + cap->len, s, len);
	cap->len += len;
	cap->buf[cap->len] = '\0';
	return true;
}

int console_capture_start(struct console_capture *cap, char *buf, size_t size)
{
	unsigned long flags;
	int err = 0;

	if (!buf || !size || !sched_running())
		return -EINVAL;
	*cap = (struct console_capture){ .buf = buf, .size = size, .owner = current };
	buf[0] = '\0';
	spin_lock_irqsave(&log_lock, flags);
	if (capture)
		err = -EBUSY;
	else
		capture = cap;
	spin_unlock_irqrestore(&log_lock, flags);
	return err;
}

void console_capture_stop(struct console_capture *cap)
{
	unsigned long flags;

	spin_lock_irqsave(&log_lock, flags);
	if (capture == cap)
		capture = NULL;
	spin_unlock_irqrestore(&log_lock, flags);
}

void console_write(const char *s, size_t len)
{
	const char *p, *end = s + len;
	unsigned long flags;

	spin_lock_irqsave(&log_lock, flags);
	if (capture_write(s, len) || list_empty(&consoles)) {
		spin_unlock_irqrestore(&log_lock, flags);
		return;
	}
	/* Terminals want CR LF. */
	for (p = s; p < end; p++) {
		if (*p == '\n') {
			consoles_write(s, p - s);
			consoles_write("\r\n", 2);
			s = p + 1;
		}
	}
	consoles_write(s, p - s);
	spin_unlock_irqrestore(&log_lock, flags);
}

void console_printf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}
