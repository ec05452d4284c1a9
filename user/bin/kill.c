// SPDX-License-Identifier: GPL-2.0
/*
 * kill [-SIGNAL] pid...: send a signal (default TERM).  SIGNAL is a name
 * (TERM, SIGKILL, ...) or a number in this C library's numbering; `kill
 * -l` lists the names with their numbers.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *name;
	int sig;
} sigs[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
	{ "ILL", SIGILL }, { "TRAP", SIGTRAP }, { "ABRT", SIGABRT },
	{ "BUS", SIGBUS }, { "FPE", SIGFPE }, { "KILL", SIGKILL },
	{ "USR1", SIGUSR1 }, { "SEGV", SIGSEGV }, { "USR2", SIGUSR2 },
	{ "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM },
	{ "CHLD", SIGCHLD }, { "CONT", SIGCONT }, { "STOP", SIGSTOP },
	{ "TSTP", SIGTSTP }, { "TTIN", SIGTTIN }, { "TTOU", SIGTTOU },
	{ "WINCH", SIGWINCH },
};

#define NSIGS (int)(sizeof(sigs) / sizeof(sigs[0]))

static int parse_sig(const char *s)
{
	char *end;
	long n;
	int i;

	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (i = 0; i < NSIGS; i++)
		if (!strcasecmp(s, sigs[i].name))
			return sigs[i].sig;
	n = strtol(s, &end, 10);
	return (*end || n < 0 || n >= NSIG) ? -1 : (int)n;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, ret = 0;
	char *end;
	long pid;

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		for (i = 0; i < NSIGS; i++)
			printf("%2d %s\n", sigs[i].sig, sigs[i].name);
		return 0;
	}
	if (argc > 1 && argv[1][0] == '-' && argv[1][1] && argv[1][1] != '-') {
		sig = parse_sig(argv[1] + 1);
		if (sig < 0) {
			fprintf(stderr, "kill: %s: unknown signal\n", argv[1] + 1);
			return 2;
		}
		i++;
	}
	if (i == argc) {
		fprintf(stderr, "usage: kill [-SIGNAL] pid...\n");
		return 2;
	}
	for (; i < argc; i++) {
		pid = strtol(argv[i], &end, 10);
		if (*end || end == argv[i]) {
			fprintf(stderr, "kill: %s: not a pid\n", argv[i]);
			ret = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			fprintf(stderr, "kill: %ld: %s\n", pid, strerror(errno));
			ret = 1;
		}
	}
	return ret;
}
