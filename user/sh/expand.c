// SPDX-License-Identifier: GPL-2.0
/*
 * Word expansion: parameters ($name, ${name}, ${name:-word}, $?, $$, $!, $#, $0-$9, $@,
 * $*), command substitution $(...), quote removal, and field splitting of
 * unquoted expansion results on blanks.  No globbing, no arithmetic.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

struct buf {
	char *s;
	size_t len, cap;
};

struct fields {
	char **v;
	int n, cap;
	struct buf cur;
	int have;		/* cur is a field even if empty ("" given) */
	int nosplit;		/* assignments, redirection targets */
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		if (!b->s) {
			fprintf(stderr, "sh: out of memory\n");
			exit(2);
		}
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void field_end(struct fields *f)
{
	if (!f->have && !f->cur.len)
		return;
	if (f->n + 2 > f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		f->v = realloc(f->v, f->cap * sizeof(char *));
		if (!f->v)
			exit(2);
	}
	f->v[f->n++] = strdup(f->cur.len ? f->cur.s : "");
	f->v[f->n] = NULL;
	f->cur.len = 0;
	if (f->cur.s)
		f->cur.s[0] = '\0';
	f->have = 0;
}

/* Add expansion text; unquoted, it is split into fields on blanks. */
static void add_text(struct fields *f, const char *s, int quoted)
{
	if (quoted || f->nosplit) {
		buf_add(&f->cur, s, strlen(s));
		f->have = 1;
		return;
	}
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n')
			field_end(f);
		else
			buf_add(&f->cur, s, 1);
	}
}

static char *command_output(const char *cmd)
{
	struct buf out = { 0 };
	char tmp[256];
	int fds[2], st;
	ssize_t n;
	pid_t pid;

	if (pipe(fds) < 0)
		return strdup("");
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 1);
		close(fds[1]);
		interactive = 0;
		exit(run_text(cmd));
	}
	close(fds[1]);
	while (pid > 0 && (n = read(fds[0], tmp, sizeof(tmp))) > 0)
		buf_add(&out, tmp, n);
	close(fds[0]);
	if (pid > 0 && waitpid(pid, &st, 0) == pid)
		last_status = status_of(st);
	while (out.len && out.s[out.len - 1] == '\n')
		out.s[--out.len] = '\0';
	return out.s ? out.s : strdup("");
}

static const char *special_param(char c, char *tmp)
{
	switch (c) {
	case '?':
		sprintf(tmp, "%d", last_status);
		return tmp;
	case '$':
		sprintf(tmp, "%d", (int)getpid());
		return tmp;
	case '!':
		sprintf(tmp, "%d", last_bg_pid);
		return last_bg_pid ? tmp : "";
	case '#':
		sprintf(tmp, "%d", sh_argc > 0 ? sh_argc - 1 : 0);
		return tmp;
	}
	if (isdigit((unsigned char)c)) {
		int i = c - '0';

		return i < sh_argc ? sh_argv[i] : "";
	}
	return NULL;
}

/* $@ and $*: each positional parameter; "$@" keeps them as fields. */
static void add_positional(struct fields *f, int quoted, int at)
{
	int i;

	for (i = 1; i < sh_argc; i++) {
		if (i > 1) {
			if (quoted && at)
				field_end(f);
			else
				add_text(f, " ", quoted);
		}
		add_text(f, sh_argv[i], quoted);
	}
}

/* Expand the $ form at w[i] (w[i] == '$'); returns the index after it. */
static size_t expand_dollar(struct fields *f, const char *w, size_t i, int quoted)
{
	char tmp[32], name[128];
	const char *v;
	size_t j, n;

	i++;
	if (w[i] == '(') {
		int depth = 0;

		for (j = i; w[j]; j++) {
			if (w[j] == '(')
				depth++;
			else if (w[j] == ')' && --depth == 0)
				break;
		}
		n = j - i - 1;
		char *cmd = strndup(w + i + 1, n);
		char *out = command_output(cmd);

		add_text(f, out, quoted);
		free(cmd);
		free(out);
		return w[j] ? j + 1 : j;
	}
	if (w[i] == '@' || w[i] == '*') {
		add_positional(f, quoted, w[i] == '@');
		return i + 1;
	}
	v = special_param(w[i], tmp);
	if (v) {
		add_text(f, v, quoted);
		return i + 1;
	}
	if (w[i] == '{') {
		for (j = i + 1; w[j] && w[j] != '}'; j++)
			;
		n = j - i - 1;
		if (n < sizeof(name) && n) {
			const char *dflt = NULL;
			char *op;
			int colon = 0;

			memcpy(name, w + i + 1, n);
			name[n] = '\0';
			/* ${name:-word}: word when unset or empty; ${name-word}: when unset */
			if ((op = strstr(name, ":-"))) {
				*op = '\0';
				dflt = op + 2;
				colon = 1;
			} else if ((op = strchr(name, '-')) && op != name) {
				*op = '\0';
				dflt = op + 1;
			}
			v = strlen(name) == 1 ? special_param(name[0], tmp) : NULL;
			if (!v)
				v = var_get(name);
			if (dflt && (!v || (colon && !*v)))
				v = dflt;
			add_text(f, v ? v : "", quoted);
		}
		return w[j] ? j + 1 : j;
	}
	for (j = i; isalnum((unsigned char)w[j]) || w[j] == '_'; j++)
		;
	n = j - i;
	if (!n || n >= sizeof(name)) {
		add_text(f, "$", 1);	/* a lone $ is literal */
		return i;
	}
	memcpy(name, w + i, n);
	name[n] = '\0';
	v = var_get(name);
	if (v)
		add_text(f, v, quoted);
	return j;
}

static void expand_word(struct fields *f, const char *w)
{
	size_t i = 0;
	int dq = 0;

	while (w[i]) {
		char c = w[i];

		if (c == '\'' && !dq) {
			size_t j = i + 1;

			while (w[j] && w[j] != '\'')
				j++;
			buf_add(&f->cur, w + i + 1, j - i - 1);
			f->have = 1;
			i = w[j] ? j + 1 : j;
		} else if (c == '"') {
			dq = !dq;
			f->have = 1;
			i++;
		} else if (c == '\\' && w[i + 1]) {
			/* in "...", \ quotes only $ ` " \ */
			if (dq && !strchr("$`\"\\", w[i + 1]))
				buf_add(&f->cur, "\\", 1);
			buf_add(&f->cur, w + i + 1, 1);
			f->have = 1;
			i += 2;
		} else if (c == '$' && w[i + 1]) {
			i = expand_dollar(f, w, i, dq);
		} else {
			buf_add(&f->cur, w + i, 1);
			i++;
		}
	}
	field_end(f);
}

static char **expand_list(char **words, int n, int *count, int nosplit)
{
	struct fields f = { .nosplit = nosplit };
	int i;

	for (i = 0; i < n; i++)
		expand_word(&f, words[i]);
	free(f.cur.s);
	if (!f.v) {
		f.v = calloc(1, sizeof(char *));
		if (!f.v)
			exit(2);
	}
	*count = f.n;
	return f.v;
}

char **expand_words(char **words, int n, int *count)
{
	return expand_list(words, n, count, 0);
}

char *expand_one(const char *word)
{
	char **v;
	char *s;
	int n;

	v = expand_list((char **)&word, 1, &n, 1);
	s = strdup(n ? v[0] : "");
	free_fields(v);
	if (!s)
		exit(2);
	return s;
}

void free_fields(char **f)
{
	int i;

	for (i = 0; f && f[i]; i++)
		free(f[i]);
	free(f);
}
