// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's parser: recursive descent over lex.c's tokens into the tree
 * of sh.h.  Grammar (POSIX shell, reduced):
 *   list     := and_or { (';' | '&' | newline) and_or }
 *   and_or   := pipeline { ('&&' | '||') pipeline }
 *   pipeline := ['!'] command { '|' command }
 *   command  := if | while | until | for | '(' list ')' | '{' list '}'
 *               | simple, each with trailing redirections
 * Reserved words are plain words in command position.  Running out of
 * text inside a construct sets *incomplete so the caller reads more.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct parser {
	struct lexer lx;
	enum tok tok;
	char *word;		/* owned: the current token's text */
	int error;		/* stop parsing */
	int hard_error;		/* a real syntax error (reported) */
	int incomplete;		/* ran out of text: more may complete it */
};

static void advance(struct parser *p)
{
	free(p->word);
	p->tok = lex_next(&p->lx);
	p->word = p->lx.word;
	if (p->lx.incomplete)
		p->incomplete = 1;
}

static int is_kw(struct parser *p, const char *kw)
{
	return p->tok == T_WORD && !strcmp(p->word, kw);
}

static int at_list_end(struct parser *p)
{
	static const char *const stop[] = {
		"then", "elif", "else", "fi", "do", "done", "}", NULL
	};
	int i;

	if (p->tok == T_EOF || p->tok == T_RPAREN || p->tok == T_ERROR)
		return 1;
	for (i = 0; stop[i]; i++)
		if (is_kw(p, stop[i]))
			return 1;
	return 0;
}

static void syntax_error(struct parser *p, const char *what)
{
	if (p->tok == T_EOF) {
		p->incomplete = 1;	/* more input may complete it */
	} else if (!p->error) {
		p->hard_error = 1;
		fprintf(stderr, "sh: syntax error: %s near '%s'\n", what,
			p->tok == T_WORD ? p->word :
			p->tok == T_NEWLINE ? "newline" : "operator");
	}
	p->error = 1;
}

static struct node *new_node(enum node_type t, struct node *a, struct node *b)
{
	struct node *n = calloc(1, sizeof(*n));

	if (!n) {
		fprintf(stderr, "sh: out of memory\n");
		exit(2);
	}
	n->type = t;
	n->a = a;
	n->b = b;
	return n;
}

static void skip_newlines(struct parser *p)
{
	while (p->tok == T_NEWLINE)
		advance(p);
}

static void expect_kw(struct parser *p, const char *kw)
{
	if (!is_kw(p, kw)) {
		syntax_error(p, kw);
		return;
	}
	advance(p);
}

static struct node *parse_list(struct parser *p);

static void add_redir(struct parser *p, struct redir **tail)
{
	struct redir *r = calloc(1, sizeof(*r));

	if (!r)
		exit(2);
	r->type = p->lx.redir;
	r->fd = p->lx.redir_fd;
	r->word = p->word;
	p->word = NULL;
	while (*tail)
		tail = &(*tail)->next;
	*tail = r;
}

static void parse_redirs(struct parser *p, struct node *n)
{
	while (p->tok == T_REDIR) {
		add_redir(p, &n->redirs);
		advance(p);
	}
}

static struct node *parse_simple(struct parser *p)
{
	struct node *n = new_node(N_CMD, NULL, NULL);
	int cap = 0;

	while (p->tok == T_WORD || p->tok == T_REDIR) {
		if (p->tok == T_REDIR) {
			add_redir(p, &n->redirs);
		} else {
			if (n->argc + 2 > cap) {
				cap = cap ? cap * 2 : 8;
				n->argv = realloc(n->argv, cap * sizeof(char *));
				if (!n->argv)
					exit(2);
			}
			n->argv[n->argc++] = p->word;
			n->argv[n->argc] = NULL;
			p->word = NULL;
		}
		advance(p);
	}
	if (!n->argc && !n->redirs)
		syntax_error(p, "command expected");
	return n;
}

static struct node *parse_if(struct parser *p)
{
	struct node *n = new_node(N_IF, NULL, NULL);

	advance(p);			/* if / elif */
	n->a = parse_list(p);
	expect_kw(p, "then");
	n->b = parse_list(p);
	if (is_kw(p, "elif")) {
		n->c = parse_if(p);	/* consumes through the fi */
		return n;
	}
	if (is_kw(p, "else")) {
		advance(p);
		n->c = parse_list(p);
	}
	expect_kw(p, "fi");
	return n;
}

static struct node *parse_loop(struct parser *p, enum node_type t)
{
	struct node *n = new_node(t, NULL, NULL);

	advance(p);
	n->a = parse_list(p);
	expect_kw(p, "do");
	n->b = parse_list(p);
	expect_kw(p, "done");
	return n;
}

static struct node *parse_for(struct parser *p)
{
	struct node *n = new_node(N_FOR, NULL, NULL);
	int cap = 0;

	advance(p);
	if (p->tok != T_WORD || !var_valid_name(p->word, strlen(p->word))) {
		syntax_error(p, "name after for");
		return n;
	}
	n->var = p->word;
	p->word = NULL;
	advance(p);
	skip_newlines(p);
	if (is_kw(p, "in")) {
		advance(p);
		while (p->tok == T_WORD) {
			if (n->argc + 2 > cap) {
				cap = cap ? cap * 2 : 8;
				n->argv = realloc(n->argv, cap * sizeof(char *));
				if (!n->argv)
					exit(2);
			}
			n->argv[n->argc++] = p->word;
			n->argv[n->argc] = NULL;
			p->word = NULL;
			advance(p);
		}
	} else {
		n->argc = -1;		/* no "in": loop over "$@" */
	}
	if (p->tok == T_SEMI || p->tok == T_NEWLINE)
		advance(p);
	skip_newlines(p);
	expect_kw(p, "do");
	n->b = parse_list(p);
	expect_kw(p, "done");
	return n;
}

static struct node *parse_command(struct parser *p)
{
	struct node *n;

	if (is_kw(p, "if")) {
		n = parse_if(p);
	} else if (is_kw(p, "while")) {
		n = parse_loop(p, N_WHILE);
	} else if (is_kw(p, "until")) {
		n = parse_loop(p, N_UNTIL);
	} else if (is_kw(p, "for")) {
		n = parse_for(p);
	} else if (is_kw(p, "{")) {
		advance(p);
		n = new_node(N_GROUP, parse_list(p), NULL);
		expect_kw(p, "}");
	} else if (p->tok == T_LPAREN) {
		advance(p);
		n = new_node(N_SUBSHELL, parse_list(p), NULL);
		if (p->tok != T_RPAREN)
			syntax_error(p, "')' expected");
		else
			advance(p);
	} else {
		return parse_simple(p);
	}
	parse_redirs(p, n);
	return n;
}

static struct node *parse_pipeline(struct parser *p)
{
	int negate = 0;
	struct node *n;

	if (is_kw(p, "!")) {
		negate = 1;
		advance(p);
	}
	n = parse_command(p);
	while (!p->error && p->tok == T_PIPE) {
		advance(p);
		skip_newlines(p);
		n = new_node(N_PIPE, n, parse_command(p));
	}
	return negate ? new_node(N_NOT, n, NULL) : n;
}

static struct node *parse_and_or(struct parser *p)
{
	struct node *n = parse_pipeline(p);

	while (!p->error && (p->tok == T_AND || p->tok == T_OR)) {
		enum node_type t = p->tok == T_AND ? N_AND : N_OR;

		advance(p);
		skip_newlines(p);
		n = new_node(t, n, parse_pipeline(p));
	}
	return n;
}

static struct node *parse_list(struct parser *p)
{
	struct node *list = NULL, *n;

	skip_newlines(p);
	while (!p->error && !at_list_end(p)) {
		n = parse_and_or(p);
		if (p->tok == T_AMP)
			n = new_node(N_BG, n, NULL);
		list = list ? new_node(N_SEQ, list, n) : n;
		if (p->tok == T_SEMI || p->tok == T_AMP || p->tok == T_NEWLINE)
			advance(p);
		else
			break;
		skip_newlines(p);
	}
	if (!list && !p->error)
		syntax_error(p, "empty command list");
	return list;
}

struct node *parse_text(const char *text, int *incomplete, int *error)
{
	struct parser p = { .lx = { .s = text } };
	struct node *n = NULL;

	advance(&p);
	skip_newlines(&p);
	if (p.tok != T_EOF) {
		n = parse_list(&p);
		if (!p.error && p.tok != T_EOF)
			syntax_error(&p, "unexpected");
	}
	free(p.word);
	*incomplete = p.incomplete && !p.hard_error;
	*error = p.hard_error;
	if (p.error || p.incomplete) {
		node_free(n);
		return NULL;
	}
	return n;
}

void node_free(struct node *n)
{
	struct redir *r, *next;
	int i;

	if (!n)
		return;
	for (i = 0; i < n->argc; i++)
		free(n->argv[i]);
	free(n->argv);
	for (r = n->redirs; r; r = next) {
		next = r->next;
		free(r->word);
		free(r);
	}
	free(n->var);
	node_free(n->a);
	node_free(n->b);
	node_free(n->c);
	free(n);
}
