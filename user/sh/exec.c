// SPDX-License-Identifier: GPL-2.0
/*
 * The executor: walks the tree from parse.c.  Simple commands run as
 * builtins in the shell (with redirections undone afterwards) or as
 * programs in a forked child; pipelines fork one child per stage; & forks
 * and does not wait.  $? is last_status, set after every command.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

int last_status;
int last_bg_pid;
int interactive;
int loop_break, loop_continue;

#define SAVE_FDS	10

int status_of(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return 1;
}

static pid_t sh_fork(void)
{
	pid_t pid;

	fflush(NULL);		/* or the child would print our buffers again */
	pid = fork();
	if (pid < 0)
		perror("sh: fork");
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		interactive = 0;
	}
	return pid;
}

static int wait_for(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR)
			return 1;
	}
	return status_of(st);
}

static int open_redir(struct redir *r, const char *target)
{
	int flags;

	if (r->type == R_DUP_OUT || r->type == R_DUP_IN) {
		if (!strcmp(target, "-"))
			return -2;	/* close the descriptor */
		return dup(atoi(target));
	}
	if (r->type == R_IN)
		flags = O_RDONLY;
	else if (r->type == R_APPEND)
		flags = O_WRONLY | O_CREAT | O_APPEND;
	else
		flags = O_WRONLY | O_CREAT | O_TRUNC;
	return open(target, flags, 0666);
}

/* Apply redirections; with save, remember the old descriptors. */
static int apply_redirs(struct redir *r, int *save)
{
	for (; r; r = r->next) {
		char *target = expand_one(r->word);
		int fd = open_redir(r, target);

		if (fd == -1) {
			fprintf(stderr, "sh: %s: %s\n", target, strerror(errno));
			free(target);
			return -1;
		}
		free(target);
		if (save && r->fd < SAVE_FDS && save[r->fd] == -1) {
			fflush(NULL);
			save[r->fd] = fcntl(r->fd, F_DUPFD_CLOEXEC, SAVE_FDS);
			if (save[r->fd] < 0)
				save[r->fd] = -2;	/* was closed */
		}
		if (fd == -2) {
			close(r->fd);
		} else if (fd != r->fd) {
			dup2(fd, r->fd);
			close(fd);
		}
	}
	return 0;
}

static void restore_redirs(int *save)
{
	int fd;

	fflush(NULL);
	for (fd = 0; fd < SAVE_FDS; fd++) {
		if (save[fd] == -1)
			continue;
		if (save[fd] == -2) {
			close(fd);
		} else {
			dup2(save[fd], fd);
			close(save[fd]);
		}
	}
}

static int count_assignments(struct node *n)
{
	int i;

	for (i = 0; i < n->argc; i++) {
		const char *eq = strchr(n->argv[i], '=');

		if (!eq || !var_valid_name(n->argv[i], eq - n->argv[i]))
			break;
	}
	return i;
}

static void assign(char *word, int export)
{
	char *eq = strchr(word, '=');
	char *val;

	*eq = '\0';
	val = expand_one(eq + 1);
	var_set(word, val, export);
	*eq = '=';
	free(val);
}

static void exec_program(char **argv, struct node *n, int nassign)
{
	int i;

	for (i = 0; i < nassign; i++)
		assign(n->argv[i], 1);
	if (apply_redirs(n->redirs, NULL) < 0)
		exit(1);
	execve(argv[0], argv, var_environ());
	if (!strchr(argv[0], '/')) {
		extern char **environ;

		environ = var_environ();
		execvp(argv[0], argv);
	}
	fprintf(stderr, "sh: %s: %s\n", argv[0],
		errno == ENOENT ? "not found" : strerror(errno));
	exit(errno == ENOENT ? 127 : 126);
}

/* A simple command; in_child: we are already the forked child. */
static int run_simple(struct node *n, int in_child)
{
	int nassign = count_assignments(n), argc, i, st;
	int save[SAVE_FDS];
	char **argv;
	builtin_fn fn;
	pid_t pid;

	argv = expand_words(n->argv + nassign, n->argc - nassign, &argc);
	for (i = 0; i < SAVE_FDS; i++)
		save[i] = -1;
	if (argc == 0) {
		for (i = 0; i < nassign; i++)
			assign(n->argv[i], 0);
		st = apply_redirs(n->redirs, save) < 0 ? 1 : last_status;
		restore_redirs(save);
		free_fields(argv);
		return st;
	}
	fn = builtin_find(argv[0]);
	if (fn) {
		if (apply_redirs(n->redirs, save) < 0) {
			st = 1;
		} else {
			for (i = 0; i < nassign; i++)
				assign(n->argv[i], 0);
			st = fn(argc, argv);
		}
		fflush(NULL);
		restore_redirs(save);
		free_fields(argv);
		return st;
	}
	if (in_child)
		exec_program(argv, n, nassign);
	pid = sh_fork();
	if (pid == 0)
		exec_program(argv, n, nassign);
	free_fields(argv);
	return pid < 0 ? 1 : wait_for(pid);
}

/* Run a node in a forked child and never return. */
static void run_in_child(struct node *n)
{
	if (n->type == N_CMD)
		exit(run_simple(n, 1));
	exit(exec_node(n));
}

static int run_pipeline(struct node *n)
{
	struct node *stages[64];
	pid_t pids[64];
	int count = 0, in = -1, i, st = 0;

	/* N_PIPE is left-deep: (a | b) | c */
	while (n->type == N_PIPE && count < 63) {
		stages[count++] = n->b;
		n = n->a;
	}
	stages[count++] = n;
	for (i = 0; i < count / 2; i++) {
		struct node *t = stages[i];

		stages[i] = stages[count - 1 - i];
		stages[count - 1 - i] = t;
	}
	for (i = 0; i < count; i++) {
		int fds[2] = { -1, -1 };

		if (i + 1 < count && pipe(fds) < 0) {
			perror("sh: pipe");
			break;
		}
		pids[i] = sh_fork();
		if (pids[i] == 0) {
			if (in >= 0) {
				dup2(in, 0);
				close(in);
			}
			if (fds[1] >= 0) {
				dup2(fds[1], 1);
				close(fds[1]);
				close(fds[0]);
			}
			run_in_child(stages[i]);
		}
		if (in >= 0)
			close(in);
		if (fds[1] >= 0)
			close(fds[1]);
		in = fds[0];
	}
	if (in >= 0)
		close(in);
	count = i;
	for (i = 0; i < count; i++)
		if (pids[i] > 0)
			st = wait_for(pids[i]);
	return st;
}

static int run_for(struct node *n)
{
	char **list;
	int count, i, st = 0;

	if (n->argc < 0) {
		list = calloc(sh_argc + 1, sizeof(char *));
		for (count = 0; list && count + 1 < sh_argc; count++)
			list[count] = strdup(sh_argv[count + 1]);
	} else {
		list = expand_words(n->argv, n->argc, &count);
	}
	for (i = 0; list && i < count; i++) {
		var_set(n->var, list[i], 0);
		st = exec_node(n->b);
		if (loop_break) {
			loop_break--;
			break;
		}
		if (loop_continue)
			loop_continue--;
	}
	free_fields(list);
	return st;
}

static int run_while(struct node *n, int until)
{
	int st = 0;

	for (;;) {
		int cond = exec_node(n->a);

		if (loop_break) {
			loop_break--;
			break;
		}
		if (until ? cond == 0 : cond != 0)
			break;
		st = exec_node(n->b);
		if (loop_break) {
			loop_break--;
			break;
		}
		if (loop_continue)
			loop_continue--;
	}
	return st;
}

static int run_compound(struct node *n)
{
	pid_t pid;

	switch (n->type) {
	case N_IF:
		if (exec_node(n->a) == 0)
			return exec_node(n->b);
		return n->c ? exec_node(n->c) : 0;
	case N_WHILE:
		return run_while(n, 0);
	case N_UNTIL:
		return run_while(n, 1);
	case N_FOR:
		return run_for(n);
	case N_GROUP:
		return exec_node(n->a);
	case N_SUBSHELL:
		pid = sh_fork();
		if (pid == 0)
			exit(exec_node(n->a));
		return pid < 0 ? 1 : wait_for(pid);
	default:
		return 1;
	}
}

static int run_redirected_compound(struct node *n)
{
	int save[SAVE_FDS], i, st;

	if (!n->redirs)
		return run_compound(n);
	for (i = 0; i < SAVE_FDS; i++)
		save[i] = -1;
	st = apply_redirs(n->redirs, save) < 0 ? 1 : run_compound(n);
	restore_redirs(save);
	return st;
}

int exec_node(struct node *n)
{
	pid_t pid;
	int st;

	if (!n || loop_break || loop_continue)
		return last_status;
	switch (n->type) {
	case N_CMD:
		st = run_simple(n, 0);
		break;
	case N_PIPE:
		st = run_pipeline(n);
		break;
	case N_AND:
		st = exec_node(n->a);
		if (st == 0)
			st = exec_node(n->b);
		break;
	case N_OR:
		st = exec_node(n->a);
		if (st != 0)
			st = exec_node(n->b);
		break;
	case N_SEQ:
		exec_node(n->a);
		st = exec_node(n->b);
		break;
	case N_NOT:
		st = !exec_node(n->a);
		break;
	case N_BG:
		pid = sh_fork();
		if (pid == 0)
			run_in_child(n->a);
		if (pid > 0) {
			last_bg_pid = pid;
			if (interactive)
				fprintf(stderr, "[%d]\n", (int)pid);
		}
		st = pid < 0 ? 1 : 0;
		break;
	default:
		st = run_redirected_compound(n);
		break;
	}
	last_status = st;
	return st;
}

int run_text(const char *text)
{
	int incomplete, error;
	struct node *n = parse_text(text, &incomplete, &error);

	if (!n) {
		if (incomplete && !error)
			fprintf(stderr, "sh: syntax error: unexpected end of input\n");
		if (error || incomplete)
			last_status = 2;
		return last_status;
	}
	exec_node(n);
	node_free(n);
	return last_status;
}
