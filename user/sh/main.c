// SPDX-License-Identifier: GPL-2.0
/*
 * sh: a small POSIX-like shell.  `sh` reads commands from a terminal with
 * line editing and history; `sh FILE [args]` runs a script; `sh -c CMD`
 * runs one string; `sh -l` first sources /etc/profile.  Text is parsed in
 * whole units: an interactive line that leaves an if/while/quote open
 * reads more lines (with PS2) before anything runs.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

static char *read_file(const char *path)
{
	struct stat st;
	char *text;
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st) < 0) {
		fprintf(stderr, "sh: %s: %s\n", path, strerror(errno));
		exit(127);
	}
	text = malloc(st.st_size + 1);
	n = text ? read(fd, text, st.st_size) : -1;
	close(fd);
	if (n < 0)
		exit(2);
	text[n] = '\0';
	return text;
}

/* Report background children that finished, as an interactive shell does. */
static void reap_jobs(void)
{
	int st;
	pid_t pid;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
		fprintf(stderr, "[%d] done, status %d\n", (int)pid, status_of(st));
}

static int interactive_loop(void)
{
	char *text = NULL, *line;
	int incomplete, error;
	struct node *n;

	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	for (;;) {
		const char *ps = var_get(text ? "PS2" : "PS1");

		reap_jobs();
		line = line_read(ps ? ps : (text ? "> " : "$ "));
		if (!line) {
			if (text)
				fprintf(stderr, "sh: unexpected end of input\n");
			return last_status;
		}
		if (text) {
			text = realloc(text, strlen(text) + strlen(line) + 2);
			strcat(strcat(text, "\n"), line);
			free(line);
		} else {
			text = line;
		}
		n = parse_text(text, &incomplete, &error);
		if (!n && incomplete && !error)
			continue;	/* read the rest of the construct */
		history_add(text);
		free(text);
		text = NULL;
		if (n) {
			exec_node(n);
			node_free(n);
		} else if (error) {
			last_status = 2;
		}
	}
}

int main(int argc, char **argv, char **envp)
{
	int i = 1, login = 0;
	char buf[32];

	var_import(envp);
	if (!var_get("PATH"))
		var_set("PATH", "/bin:/sbin", 1);
	snprintf(buf, sizeof(buf), "%d", (int)getppid());
	var_set("PPID", buf, 0);
	sh_argc = argc;
	sh_argv = argv;
	if (i < argc && !strcmp(argv[i], "-l")) {
		login = 1;
		i++;
	}
	if (i + 1 < argc && !strcmp(argv[i], "-c")) {
		/* sh -c CMD [$0 [$1...]] */
		if (i + 2 < argc) {
			sh_argv = argv + i + 2;
			sh_argc = argc - i - 2;
		} else {
			sh_argc = 1;
		}
		return run_text(argv[i + 1]);
	}
	if (i < argc) {
		sh_argv = argv + i;
		sh_argc = argc - i;
		return run_text(read_file(argv[i]));
	}
	if (login && access("/etc/profile", R_OK) == 0)
		run_text(read_file("/etc/profile"));
	interactive = isatty(0);
	return interactive_loop();
}
