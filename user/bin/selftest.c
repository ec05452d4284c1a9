// SPDX-License-Identifier: GPL-2.0
/*
 * selftest [-d DIR] [-t SECONDS] [name...]: run the user-space test
 * programs in DIR (default /usr/lib/selftest, or $SELFTEST_DIR) and
 * report them as one KTAP version 1 document: each program is a subtest
 * whose own KTAP lines are indented by four spaces, followed by
 * "ok N name" if it exited 0, else "not ok N name".  A program killed by
 * a signal or still running after the time limit (default 120 s) fails.
 * Exits 0 if every program passed, 1 otherwise.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct test {
	const char *name;	/* reported name */
	const char *prog;	/* file in DIR, or "sh" for a script */
	const char *args[6];
	const char *needs_mount;	/* SKIP unless this is a mount point */
};

static const struct test tests[] = {
	{ "syscall", "t-syscall", { NULL }, NULL },
	{ "proc", "t-proc", { NULL }, NULL },
	{ "pipe", "t-pipe", { NULL }, NULL },
	{ "poll", "t-poll", { NULL }, NULL },
	{ "signal", "t-signal", { NULL }, NULL },
	{ "thread", "t-thread", { NULL }, NULL },
	{ "fault", "t-fault", { NULL }, NULL },
	{ "fileops_root", "t-fileops", { "/", NULL }, NULL },
	{ "fileops_tmp", "t-fileops", { "/tmp", NULL }, NULL },
	{ "fileops_data", "t-fileops", { "/data", NULL }, NULL },
	/* /secure as /etc/rc would open it (rc does not run in selftest mode). */
	{ "secure_setup", "sh", { "secure-setup.sh", NULL }, "/data" },
	{ "fileops_secure", "t-fileops", { "/secure", NULL }, NULL },
	{ "crypt", "t-crypt", { NULL }, NULL },
	{ "mkfs", "t-mkfs", { NULL }, NULL },
	{ "sh", "sh", { "sh-tests.sh", NULL }, NULL },
	/* A fixed seed keeps CI reproducible; `sysfuzz -s N` explores others. */
	{ "sysfuzz", "sysfuzz", { "-t", "10", "-s", "108", NULL }, NULL },
};

#define NTESTS (int)(sizeof(tests) / sizeof(tests[0]))

static const char *dir = "/usr/lib/selftest";
static int limit_s = 120;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static pid_t start(const struct test *t, int out)
{
	char path[256], script[256];
	char *argv[8];
	int n = 0, i;
	pid_t pid;

	if (!strcmp(t->prog, "sh")) {
		argv[n++] = "sh";
		snprintf(script, sizeof(script), "%s/%s", dir, t->args[0]);
		argv[n++] = script;
		i = 1;
	} else {
		snprintf(path, sizeof(path), "%s/%s", dir, t->prog);
		argv[n++] = path;
		i = 0;
	}
	for (; t->args[i] && n < 7; i++)
		argv[n++] = (char *)t->args[i];
	argv[n] = NULL;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		setenv("KTAP_SUITE", t->name, 1);
		dup2(out, 1);
		dup2(out, 2);
		close(out);
		execvp(argv[0], argv);
		printf("# exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	return pid;
}

/* Copy the child's output indented; returns its wait status. */
static int relay(pid_t pid, int in)
{
	double deadline = now() + limit_s;
	char buf[512];
	int at_line_start = 1, st, i, killed = 0;
	struct pollfd p = { .fd = in, .events = POLLIN };
	ssize_t n;

	for (;;) {
		int left = (int)((deadline - now()) * 1000);

		if (left <= 0 || poll(&p, 1, left) == 0) {
			if (!killed)
				printf("    # timed out after %d s: killed\n", limit_s);
			kill(pid, SIGKILL);
			killed = 1;
			deadline = now() + 5;
			continue;
		}
		n = read(in, buf, sizeof(buf));
		if (n <= 0)
			break;
		for (i = 0; i < n; i++) {
			if (at_line_start)
				fputs("    ", stdout);
			putchar(buf[i]);
			at_line_start = buf[i] == '\n';
		}
	}
	if (!at_line_start)
		putchar('\n');
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return killed ? -1 : st;
}

/* Is @dir the root of a mount (another device than its parent)? */
static int is_mount_point(const char *dir)
{
	struct stat d, up;
	char parent[256];

	snprintf(parent, sizeof(parent), "%s/..", dir);
	return stat(dir, &d) == 0 && stat(parent, &up) == 0 && d.st_dev != up.st_dev;
}

static int selected(const struct test *t, int argc, char **argv, int first)
{
	int i;

	if (first >= argc)
		return 1;
	for (i = first; i < argc; i++)
		if (!strcmp(argv[i], t->name))
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	int i = 1, n = 0, no = 0, failed = 0, st, fds[2];
	pid_t pid;

	if (getenv("SELFTEST_DIR"))
		dir = getenv("SELFTEST_DIR");
	for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (!strcmp(argv[i], "-d"))
			dir = argv[i + 1];
		else if (!strcmp(argv[i], "-t"))
			limit_s = atoi(argv[i + 1]);
		else
			break;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (n = 0, st = 0; st < NTESTS; st++)
		n += selected(&tests[st], argc, argv, i);
	printf("KTAP version 1\n1..%d\n", n);
	for (st = 0; st < NTESTS; st++) {
		const struct test *t = &tests[st];
		int ws;

		if (!selected(t, argc, argv, i))
			continue;
		no++;
		if (t->needs_mount && !is_mount_point(t->needs_mount)) {
			/* e.g. a board without the flash that /data lives on */
			printf("ok %d %s # SKIP %s is not mounted\n", no, t->name,
			       t->needs_mount);
			continue;
		}
		if (pipe(fds) < 0) {
			printf("not ok %d %s # pipe: %s\n", no, t->name, strerror(errno));
			failed++;
			continue;
		}
		/* Our end is not the test's: it could read or re-flag it (sysfuzz). */
		fcntl(fds[0], F_SETFD, FD_CLOEXEC);
		pid = start(t, fds[1]);
		close(fds[1]);
		ws = pid < 0 ? -1 : relay(pid, fds[0]);
		close(fds[0]);
		if (ws != -1 && WIFEXITED(ws) && WEXITSTATUS(ws) == 0) {
			printf("ok %d %s\n", no, t->name);
			continue;
		}
		if (ws != -1 && WIFSIGNALED(ws))
			printf("# %s: killed by signal %d\n", t->name, WTERMSIG(ws));
		else if (ws != -1)
			printf("# %s: exit status %d\n", t->name, WEXITSTATUS(ws));
		printf("not ok %d %s\n", no, t->name);
		failed++;
	}
	printf("# selftest: %d passed, %d failed\n", no - failed, failed);
	return failed ? 1 : 0;
}
