/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The shell's shared structures: tokens, the syntax tree the parser
 * builds and the executor walks, variables, and the entry points of each
 * file (lex.c, parse.c, expand.c, exec.c, builtin.c, var.c, lineedit.c).
 */
#ifndef USER_SH_H
#define USER_SH_H

#include <stddef.h>

enum tok {
	T_WORD, T_NEWLINE, T_SEMI, T_AMP, T_PIPE, T_AND, T_OR,
	T_LPAREN, T_RPAREN, T_REDIR, T_EOF, T_ERROR,
};

enum redir_type { R_IN, R_OUT, R_APPEND, R_DUP_OUT, R_DUP_IN };

struct redir {
	enum redir_type type;
	int fd;			/* the descriptor redirected */
	char *word;		/* file name, or the fd for R_DUP_* */
	struct redir *next;
};

enum node_type {
	N_CMD, N_PIPE, N_AND, N_OR, N_SEQ, N_BG, N_NOT,
	N_IF, N_WHILE, N_UNTIL, N_FOR, N_SUBSHELL, N_GROUP,
};

struct node {
	enum node_type type;
	int argc;
	char **argv;		/* N_CMD: raw words; N_FOR: the list */
	struct redir *redirs;	/* N_CMD and compound commands */
	char *var;		/* N_FOR */
	struct node *a, *b, *c;	/* operands; N_IF: cond, then, else */
};

/* lex.c: a scanner over one buffer of shell text */
struct lexer {
	const char *s;
	size_t pos;
	char *word;		/* T_WORD / T_REDIR target text (malloc'd) */
	int redir_fd;		/* T_REDIR: fd before the operator, or -1 */
	enum redir_type redir;	/* T_REDIR */
	int incomplete;		/* hit the end inside quotes or $( ) */
};
enum tok lex_next(struct lexer *lx);

/* parse.c: a whole buffer; NULL with *incomplete set means "read more" */
struct node *parse_text(const char *text, int *incomplete, int *error);
void node_free(struct node *n);

/* expand.c: words to fields (variables, $(...), quotes removed) */
char **expand_words(char **words, int n, int *count);
char *expand_one(const char *word);	/* no field splitting */
void free_fields(char **f);

/* exec.c */
int exec_node(struct node *n);
int run_text(const char *text);		/* parse and run; returns status */
extern int last_status;
extern int last_bg_pid;
extern int interactive;
extern int loop_break, loop_continue;	/* set by break/continue */
extern int want_exit;
extern int exit_code;

/* builtin.c */
typedef int (*builtin_fn)(int argc, char **argv);
builtin_fn builtin_find(const char *name);

/* var.c */
const char *var_get(const char *name);
int var_set(const char *name, const char *value, int export);
int var_unset(const char *name);
void var_export(const char *name);
void var_import(char **envp);
char **var_environ(void);		/* exported vars, for execve */
void var_print(int exported_only);
int var_valid_name(const char *s, size_t len);
extern int sh_argc;
extern char **sh_argv;

/* lineedit.c: read a line with editing on a terminal; NULL on end */
char *line_read(const char *prompt);
void history_add(const char *line);
void history_print(void);

/* wait for one child, reaping; returns the shell status of it */
int status_of(int wstatus);

#endif /* USER_SH_H */
