/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk: leveled kernel log with timestamps, kept in a ring buffer (dmesg)
 * and written to every registered console.  Safe from any context.
 */
#ifndef KERNEL_PRINTK_H
#define KERNEL_PRINTK_H

#include <kernel/compiler.h>
#include <kernel/list.h>
#include <stdarg.h>

#define LOGLEVEL_EMERG		0
#define LOGLEVEL_ALERT		1
#define LOGLEVEL_CRIT		2
#define LOGLEVEL_ERR		3
#define LOGLEVEL_WARNING	4
#define LOGLEVEL_NOTICE		5
#define LOGLEVEL_INFO		6
#define LOGLEVEL_DEBUG		7

void printk_level(int level, const char *fmt, ...) __printf(2, 3);
void vprintk_level(int level, const char *fmt, va_list ap);
#define printk(fmt, ...) printk_level(LOGLEVEL_INFO, fmt, ##__VA_ARGS__)

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#define pr_emerg(fmt, ...)  printk_level(LOGLEVEL_EMERG, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)   printk_level(LOGLEVEL_CRIT, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)    printk_level(LOGLEVEL_ERR, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)   printk_level(LOGLEVEL_WARNING, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk_level(LOGLEVEL_NOTICE, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)   printk_level(LOGLEVEL_INFO, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)  printk_level(LOGLEVEL_DEBUG, pr_fmt(fmt), ##__VA_ARGS__)

struct wait_queue_head;

/* A console: where log lines (and the shell) go. */
struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, size_t len);
	int (*getc)(struct console *con);	/* -1 when nothing waits; may be NULL */
	/*
	 * Optional, both or neither: input_ready() says whether getc() has
	 * a byte, without taking it; input_wait is woken (wake_up_all())
	 * whenever input arrives.  Without them readers poll getc().
	 */
	bool (*input_ready)(struct console *con);
	struct wait_queue_head *input_wait;
	/*
	 * Optional, all four or none: terminal output by interrupt.  queue()
	 * takes what fits in the driver's buffer without waiting for the
	 * wire and returns how much it took; output_wait is woken when room
	 * appears (write_room() says how much); flush() sends everything
	 * queued, polled.  write() (log lines) sends what is queued first,
	 * so that output stays in order.
	 */
	size_t (*queue)(struct console *con, const char *s, size_t len);
	size_t (*write_room)(struct console *con);
	struct wait_queue_head *output_wait;
	void (*flush)(struct console *con);
	void *priv;
	struct list_head node;
};

void register_console(struct console *con);
struct console *console_get(void);	/* the first registered, or NULL */
/* Send what consoles hold queued, polled (before power off or exit). */
void console_flush(void);

/* Raw console output, no timestamp, not logged (ktest's KTAP lines). */
void console_write(const char *s, size_t len);
void console_printf(const char *fmt, ...) __printf(1, 2);

extern int console_loglevel;

/*
 * Console output of one thread diverted into a buffer, for tests of the
 * console commands: console_write()/console_printf() from the thread that
 * started the capture land in @buf (NUL-terminated, without the CRs a
 * terminal gets) instead of the consoles; everything else (other
 * threads, log lines) goes on as before.  One capture at a time.
 */
struct console_capture {
	char *buf;
	size_t size;		/* of @buf, the NUL included */
	size_t len;		/* bytes kept */
	bool truncated;		/* output that did not fit was dropped */
	const void *owner;	/* the capturing thread */
};

/**
 * console_capture_start() - divert this thread's console output to @buf
 * @cap: the capture, owned by the caller until console_capture_stop()
 * Return: 0; -EBUSY while another capture runs; -EINVAL without a
 * buffer or before the scheduler runs (no thread to tell apart).
 */
int console_capture_start(struct console_capture *cap, char *buf, size_t size);
/** console_capture_stop() - end @cap; its buffer keeps what was written. */
void console_capture_stop(struct console_capture *cap);

/**
 * log_buf_read() - copy the log ring's lines, oldest first
 * @fn: called with each chunk of text (lines without level markers)
 */
void log_buf_for_each(void (*fn)(const char *s, size_t len, void *arg), void *arg);

/* Emergency output when no console exists (panic before the DT console). */
void early_emergency_write(const char *s);

#endif /* KERNEL_PRINTK_H */
