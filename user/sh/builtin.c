// SPDX-License-Identifier: GPL-2.0
/*
 * Commands the shell runs itself, because they change the shell's own
 * state (cd, export, exit, read, wait...) or are used in every condition
 * (test, [, true, false).  Each takes argc/argv and returns a status.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

static int bi_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : var_get("HOME");
	char buf[1024];

	if (!dir)
		dir = "/";
	if (chdir(dir) < 0) {
		fprintf(stderr, "cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if (getcwd(buf, sizeof(buf)))
		var_set("PWD", buf, 1);
	return 0;
}

static int bi_pwd(int argc, char **argv)
{
	char buf[1024];

	if (!getcwd(buf, sizeof(buf))) {
		perror("pwd");
		return 1;
	}
	puts(buf);
	return 0;
}

static int bi_exit(int argc, char **argv)
{
	exit(argc > 1 ? atoi(argv[1]) & 0xff : last_status);
}

static int bi_true(int argc, char **argv)
{
	return 0;
}

static int bi_false(int argc, char **argv)
{
	return 1;
}

static int bi_echo(int argc, char **argv)
{
	int i = 1, nl = 1;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		nl = 0;
		i++;
	}
	for (; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	if (nl)
		putchar('\n');
	return 0;
}

static int set_assignment(const char *arg, int export)
{
	const char *eq = strchr(arg, '=');
	char name[256];

	if (!eq) {
		if (!var_valid_name(arg, strlen(arg)))
			goto bad;
		if (export)
			var_export(arg);
		return 0;
	}
	if (eq - arg >= (int)sizeof(name) || !var_valid_name(arg, eq - arg))
		goto bad;
	memcpy(name, arg, eq - arg);
	name[eq - arg] = '\0';
	return var_set(name, eq + 1, export) ? 1 : 0;
bad:
	fprintf(stderr, "sh: %s: bad variable name\n", arg);
	return 1;
}

static int bi_export(int argc, char **argv)
{
	int i, st = 0;

	if (argc == 1)
		var_print(1);
	for (i = 1; i < argc; i++)
		st |= set_assignment(argv[i], 1);
	return st;
}

/* set: list variables; set -- args: replace the positional parameters */
static int bi_set(int argc, char **argv)
{
	int i;

	if (argc == 1) {
		var_print(0);
		return 0;
	}
	if (!strcmp(argv[1], "--")) {
		char **nv = calloc(argc, sizeof(char *));

		if (!nv)
			return 1;
		nv[0] = sh_argv[0];
		for (i = 2; i < argc; i++)
			nv[i - 1] = strdup(argv[i]);
		sh_argv = nv;	/* the old array may be main's argv: kept */
		sh_argc = argc - 1;
		return 0;
	}
	fprintf(stderr, "set: unsupported option %s\n", argv[1]);
	return 2;
}

static int bi_shift(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;

	if (n < 0 || n >= sh_argc)
		return 1;
	sh_argv[n] = sh_argv[0];
	sh_argv += n;
	sh_argc -= n;
	return 0;
}

static int bi_unset(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		var_unset(argv[i]);
	return 0;
}

/* read NAME...: one line from stdin, split on blanks, rest to the last */
static int bi_read(int argc, char **argv)
{
	char line[1024], *p = line, *word;
	size_t len = 0;
	int i, got = 0;
	char c;

	while (len + 1 < sizeof(line) && read(0, &c, 1) == 1) {
		got = 1;
		if (c == '\n')
			break;
		line[len++] = c;
	}
	line[len] = '\0';
	for (i = 1; i < argc; i++) {
		while (*p == ' ' || *p == '\t')
			p++;
		word = p;
		if (i + 1 < argc) {
			while (*p && *p != ' ' && *p != '\t')
				p++;
			if (*p)
				*p++ = '\0';
		}
		var_set(argv[i], word, 0);
	}
	return got ? 0 : 1;
}

static int bi_wait(int argc, char **argv)
{
	int st, ret = 0;
	pid_t pid;

	if (argc > 1) {
		pid = atoi(argv[1]);
		while (waitpid(pid, &st, 0) < 0)
			if (errno != EINTR)
				return 127;
		return status_of(st);
	}
	while ((pid = waitpid(-1, &st, 0)) > 0 || errno == EINTR)
		if (pid > 0)
			ret = 0;
	return ret;
}

static int bi_source(int argc, char **argv)
{
	struct stat st;
	char *text;
	int fd, r;
	ssize_t n;

	if (argc < 2) {
		fprintf(stderr, "source: file name expected\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY);
	if (fd < 0 || fstat(fd, &st) < 0) {
		fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
		if (fd >= 0)
			close(fd);
		return 1;
	}
	text = malloc(st.st_size + 1);
	n = text ? read(fd, text, st.st_size) : -1;
	close(fd);
	if (n < 0) {
		free(text);
		return 1;
	}
	text[n] = '\0';
	r = run_text(text);
	free(text);
	return r;
}

static int bi_break(int argc, char **argv)
{
	loop_break = argc > 1 ? atoi(argv[1]) : 1;
	return 0;
}

static int bi_continue(int argc, char **argv)
{
	loop_continue = 1;
	return 0;
}

static int bi_history(int argc, char **argv)
{
	history_print();
	return 0;
}

static int test_unary(const char *op, const char *arg)
{
	struct stat st;

	switch (op[1]) {
	case 'n': return strlen(arg) != 0;
	case 'z': return strlen(arg) == 0;
	case 'e': return stat(arg, &st) == 0;
	case 'f': return stat(arg, &st) == 0 && S_ISREG(st.st_mode);
	case 'd': return stat(arg, &st) == 0 && S_ISDIR(st.st_mode);
	case 'L':
	case 'h': return lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
	case 's': return stat(arg, &st) == 0 && st.st_size > 0;
	case 'r': return access(arg, R_OK) == 0;
	case 'w': return access(arg, W_OK) == 0;
	case 'x': return access(arg, X_OK) == 0;
	}
	return -1;
}

static int test_binary(const char *a, const char *op, const char *b)
{
	long x = strtol(a, NULL, 10), y = strtol(b, NULL, 10);

	if (!strcmp(op, "=") || !strcmp(op, "=="))
		return !strcmp(a, b);
	if (!strcmp(op, "!="))
		return strcmp(a, b) != 0;
	if (!strcmp(op, "-eq")) return x == y;
	if (!strcmp(op, "-ne")) return x != y;
	if (!strcmp(op, "-lt")) return x < y;
	if (!strcmp(op, "-le")) return x <= y;
	if (!strcmp(op, "-gt")) return x > y;
	if (!strcmp(op, "-ge")) return x >= y;
	return -1;
}

/* test EXPR / [ EXPR ]: one- to three-argument forms, with leading ! */
static int bi_test(int argc, char **argv)
{
	int neg = 0, r;

	if (!strcmp(argv[0], "[")) {
		if (strcmp(argv[argc - 1], "]")) {
			fprintf(stderr, "[: missing ]\n");
			return 2;
		}
		argc--;
	}
	argv++;
	argc--;
	if (argc && !strcmp(argv[0], "!")) {
		neg = 1;
		argv++;
		argc--;
	}
	if (argc == 0)
		r = 0;
	else if (argc == 1)
		r = argv[0][0] != '\0';
	else if (argc == 2 && argv[0][0] == '-')
		r = test_unary(argv[0], argv[1]);
	else if (argc == 3)
		r = test_binary(argv[0], argv[1], argv[2]);
	else
		r = -1;
	if (r < 0) {
		fprintf(stderr, "test: bad expression\n");
		return 2;
	}
	return neg ? r : !r;
}

static const struct {
	const char *name;
	builtin_fn fn;
} builtins[] = {
	{ "cd", bi_cd },	{ "pwd", bi_pwd },	{ "exit", bi_exit },
	{ "true", bi_true },	{ ":", bi_true },	{ "false", bi_false },
	{ "echo", bi_echo },	{ "export", bi_export }, { "set", bi_set },
	{ "unset", bi_unset },	{ "read", bi_read },	{ "wait", bi_wait },
	{ "source", bi_source }, { ".", bi_source },	{ "break", bi_break },
	{ "continue", bi_continue }, { "history", bi_history },
	{ "test", bi_test },	{ "[", bi_test },	{ "shift", bi_shift },
};

builtin_fn builtin_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (!strcmp(builtins[i].name, name))
			return builtins[i].fn;
	return NULL;
}
