// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's scanner: splits text into operators and words.  A word keeps
 * its quotes and $ forms as written (expand.c removes them later); the
 * scanner only has to know where a word ends, which needs it to track
 * '...', "...", \x and nested $( ).  Comments run from an unquoted # at
 * the start of a word to the end of the line.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

static int is_op_char(char c)
{
	return c == ';' || c == '&' || c == '|' || c == '<' || c == '>' ||
	       c == '(' || c == ')' || c == '\n';
}

/* Skip a $( ... ) starting at s[i] == '(' ; returns the index after ')'. */
static size_t skip_paren(const char *s, size_t i, int *incomplete)
{
	int depth = 0;
	char q = 0;

	for (; s[i]; i++) {
		char c = s[i];

		if (q) {
			if (c == '\\' && q == '"' && s[i + 1])
				i++;
			else if (c == q)
				q = 0;
			continue;
		}
		if (c == '\\' && s[i + 1])
			i++;
		else if (c == '\'' || c == '"')
			q = c;
		else if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0)
			return i + 1;
	}
	*incomplete = 1;
	return i;
}

static size_t scan_word(struct lexer *lx, size_t i)
{
	const char *s = lx->s;
	char q = 0;

	while (s[i]) {
		char c = s[i];

		if (q) {
			if (c == '\\' && q == '"' && s[i + 1])
				i++;
			else if (c == q)
				q = 0;
			i++;
			continue;
		}
		if (c == ' ' || c == '\t' || is_op_char(c))
			break;
		if (c == '\\') {
			i += s[i + 1] ? 2 : 1;
		} else if (c == '\'' || c == '"') {
			q = c;
			i++;
		} else if (c == '$' && s[i + 1] == '(') {
			i = skip_paren(s, i + 1, &lx->incomplete);
		} else {
			i++;
		}
	}
	if (q)
		lx->incomplete = 1;
	return i;
}

static char *dup_range(const char *s, size_t a, size_t b)
{
	char *w = malloc(b - a + 1);

	if (w) {
		memcpy(w, s + a, b - a);
		w[b - a] = '\0';
	}
	return w;
}

static enum tok lex_redir(struct lexer *lx, size_t i, int fd)
{
	const char *s = lx->s;
	size_t start;

	if (s[i] == '<') {
		lx->redir = R_IN;
		i++;
		if (s[i] == '&') {
			lx->redir = R_DUP_IN;
			i++;
		}
		lx->redir_fd = fd < 0 ? 0 : fd;
	} else {
		lx->redir = R_OUT;
		i++;
		if (s[i] == '>') {
			lx->redir = R_APPEND;
			i++;
		} else if (s[i] == '&') {
			lx->redir = R_DUP_OUT;
			i++;
		}
		lx->redir_fd = fd < 0 ? 1 : fd;
	}
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	start = i;
	i = scan_word(lx, i);
	if (i == start) {
		lx->pos = i;
		return T_ERROR;
	}
	lx->word = dup_range(s, start, i);
	lx->pos = i;
	return T_REDIR;
}

enum tok lex_next(struct lexer *lx)
{
	const char *s = lx->s;
	size_t i = lx->pos, start;

	lx->word = NULL;
	for (;;) {
		while (s[i] == ' ' || s[i] == '\t')
			i++;
		if (s[i] == '\\' && s[i + 1] == '\n') {
			i += 2;		/* line continuation */
			continue;
		}
		if (s[i] == '#') {
			while (s[i] && s[i] != '\n')
				i++;
		}
		break;
	}
	lx->pos = i + 1;
	switch (s[i]) {
	case '\0':
		lx->pos = i;
		return T_EOF;
	case '\n':
		return T_NEWLINE;
	case ';':
		return T_SEMI;
	case '(':
		return T_LPAREN;
	case ')':
		return T_RPAREN;
	case '&':
		if (s[i + 1] == '&') {
			lx->pos = i + 2;
			return T_AND;
		}
		return T_AMP;
	case '|':
		if (s[i + 1] == '|') {
			lx->pos = i + 2;
			return T_OR;
		}
		return T_PIPE;
	case '<':
	case '>':
		return lex_redir(lx, i, -1);
	}
	/* "2>file", "2>&1": a digit right before a redirection operator */
	if (isdigit((unsigned char)s[i]) && (s[i + 1] == '<' || s[i + 1] == '>'))
		return lex_redir(lx, i + 1, s[i] - '0');
	start = i;
	i = scan_word(lx, i);
	lx->word = dup_range(s, start, i);
	lx->pos = i;
	return lx->word ? T_WORD : T_ERROR;
}
