// SPDX-License-Identifier: GPL-2.0
/*
 * Line input for the interactive shell.  On a terminal: raw mode (no
 * ICANON/ECHO) through the termios ioctls, and editing keys: left/right,
 * Home/End, backspace, Delete, Ctrl-A/E/U/K/L, Ctrl-C (drop the line),
 * Ctrl-D (end on an empty line), up/down through the history, Tab to
 * complete a file name.  Elsewhere: plain reads up to a newline.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "sh.h"

#define LINE_MAX_LEN	1024
#define HISTORY_MAX	64

static char *history[HISTORY_MAX];
static int history_len;

void history_add(const char *line)
{
	if (!*line || (history_len && !strcmp(history[history_len - 1], line)))
		return;
	if (history_len == HISTORY_MAX) {
		free(history[0]);
		memmove(history, history + 1, (HISTORY_MAX - 1) * sizeof(char *));
		history_len--;
	}
	history[history_len] = strdup(line);
	if (history[history_len])
		history_len++;
}

void history_print(void)
{
	int i;

	for (i = 0; i < history_len; i++)
		printf("%4d  %s\n", i + 1, history[i]);
}

struct edit {
	char buf[LINE_MAX_LEN];
	int len, pos;
	const char *prompt;
};

static void out(const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(1, s, n);

		if (w <= 0)
			return;
		s += w;
		n -= w;
	}
}

static void refresh(struct edit *e)
{
	char tmp[32];

	out("\r", 1);
	out(e->prompt, strlen(e->prompt));
	out(e->buf, e->len);
	out("\x1b[K", 3);
	if (e->len > e->pos) {
		snprintf(tmp, sizeof(tmp), "\x1b[%dD", e->len - e->pos);
		out(tmp, strlen(tmp));
	}
}

static void set_line(struct edit *e, const char *s)
{
	e->len = e->pos = snprintf(e->buf, sizeof(e->buf), "%s", s);
	if (e->len >= (int)sizeof(e->buf))
		e->len = e->pos = sizeof(e->buf) - 1;
}

static void insert(struct edit *e, const char *s, int n)
{
	if (e->len + n >= (int)sizeof(e->buf))
		return;
	memmove(e->buf + e->pos + n, e->buf + e->pos, e->len - e->pos);
	memcpy(e->buf + e->pos, s, n);
	e->len += n;
	e->pos += n;
}

/* Tab: complete the word before the cursor as a file name. */
static void complete(struct edit *e)
{
	char dir[LINE_MAX_LEN], base[256], match[256] = "";
	int start = e->pos, nmatch = 0, plen, common = 0;
	const char *slash;
	struct dirent *d;
	DIR *dp;

	while (start > 0 && e->buf[start - 1] != ' ')
		start--;
	snprintf(dir, sizeof(dir), "%.*s", e->pos - start, e->buf + start);
	slash = strrchr(dir, '/');
	snprintf(base, sizeof(base), "%s", slash ? slash + 1 : dir);
	plen = strlen(base);
	if (slash)
		dir[slash - dir + 1] = '\0';
	dp = opendir(slash ? (slash == dir ? "/" : dir) : ".");
	if (!dp)
		return;
	while ((d = readdir(dp))) {
		if (strncmp(d->d_name, base, plen) ||
		    (d->d_name[0] == '.' && !plen))
			continue;
		if (!nmatch++) {
			snprintf(match, sizeof(match), "%s", d->d_name);
			common = strlen(match);
		} else {
			int i = 0;

			while (i < common && match[i] == d->d_name[i])
				i++;
			common = i;
		}
	}
	closedir(dp);
	if (nmatch && common > plen)
		insert(e, match + plen, common - plen);
	if (nmatch == 1)
		insert(e, " ", 1);
}

static int read_key(void)
{
	unsigned char c;

	return read(0, &c, 1) == 1 ? c : -1;
}

/* ESC [ x, ESC [ n ~: returns a letter code, or 0 */
static int read_escape(void)
{
	int a = read_key(), b;

	if (a != '[' && a != 'O')
		return 0;
	b = read_key();
	if (b >= '0' && b <= '9') {
		if (read_key() != '~')
			return 0;
		return b == '3' ? 'X' : b == '1' || b == '7' ? 'H' :
		       b == '4' || b == '8' ? 'F' : 0;
	}
	return b;
}

/* Returns 1 when the line is done, 0 to go on, -1 at end of input. */
static int edit_key(struct edit *e, int c, int *hist)
{
	char ch = (char)c;

	switch (c) {
	case -1:
		return -1;
	case '\r':
	case '\n':
		return 1;
	case 4:			/* Ctrl-D */
		return e->len ? 0 : -1;
	case 3:			/* Ctrl-C */
		out("^C\r\n", 4);
		e->len = e->pos = 0;
		return 1;
	case 1: e->pos = 0; break;
	case 5: e->pos = e->len; break;
	case 11: e->len = e->pos; break;
	case 21:
		memmove(e->buf, e->buf + e->pos, e->len - e->pos);
		e->len -= e->pos;
		e->pos = 0;
		break;
	case 12: out("\x1b[H\x1b[2J", 7); break;
	case 9: complete(e); break;
	case 8:
	case 127:
		if (e->pos) {
			memmove(e->buf + e->pos - 1, e->buf + e->pos, e->len - e->pos);
			e->pos--;
			e->len--;
		}
		break;
	case 27:
		switch (read_escape()) {
		case 'A':
			if (*hist > 0)
				set_line(e, history[--*hist]);
			break;
		case 'B':
			if (*hist < history_len)
				++*hist;
			set_line(e, *hist < history_len ? history[*hist] : "");
			break;
		case 'C': if (e->pos < e->len) e->pos++; break;
		case 'D': if (e->pos) e->pos--; break;
		case 'H': e->pos = 0; break;
		case 'F': e->pos = e->len; break;
		case 'X':
			if (e->pos < e->len) {
				memmove(e->buf + e->pos, e->buf + e->pos + 1,
					e->len - e->pos - 1);
				e->len--;
			}
			break;
		}
		break;
	default:
		if (c >= 32)
			insert(e, &ch, 1);
		break;
	}
	return 0;
}

static char *read_edited(const char *prompt)
{
	struct termios old, raw;
	struct edit e = { .prompt = prompt };
	int hist = history_len, r;

	tcgetattr(0, &old);
	raw = old;
	raw.c_lflag &= ~(ICANON | ECHO | IEXTEN | ISIG);
	raw.c_iflag &= ~(ICRNL | IXON);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(0, TCSADRAIN, &raw);	/* keep type-ahead */
	refresh(&e);
	for (;;) {
		int len = e.len, pos = e.pos, c = read_key();

		r = edit_key(&e, c, &hist);
		if (r)
			break;
		/*
		 * A character typed at the end of the line is just echoed: a
		 * whole redraw per key costs a serial console O(line) bytes.
		 */
		if (pos == len && e.pos == len + 1 && e.len == len + 1 && c >= 32)
			out(&e.buf[len], 1);
		else
			refresh(&e);
	}
	tcsetattr(0, TCSADRAIN, &old);
	out("\r\n", 2);
	if (r < 0)
		return NULL;
	e.buf[e.len] = '\0';
	return strdup(e.buf);
}

static char *read_plain(const char *prompt)
{
	char buf[LINE_MAX_LEN];
	size_t len = 0;
	char c;
	ssize_t n;

	if (prompt)
		out(prompt, strlen(prompt));
	while ((n = read(0, &c, 1)) == 1 && c != '\n')
		if (len + 1 < sizeof(buf))
			buf[len++] = c;
	if (n != 1 && !len)
		return NULL;
	buf[len] = '\0';
	return strdup(buf);
}

char *line_read(const char *prompt)
{
	struct termios t;

	if (isatty(0) && tcgetattr(0, &t) == 0)
		return read_edited(prompt);
	return read_plain(prompt);
}
