// SPDX-License-Identifier: GPL-2.0
/*
 * Processes: fork and the exit statuses wait4 reports, WNOHANG, ECHILD,
 * execve with argv and envp (the program re-executes itself as a child
 * with "--child"), exec errors, and a parent's memory staying its own
 * after fork.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/wait4.h>
#include <unistd.h>

#include "ktap.h"

static const char *self;

/* The re-executed child: check what execve passed, exit with a code. */
static int child_main(int argc, char **argv)
{
	const char *v = getenv("T_PROC_VAR");

	if (argc != 4 || strcmp(argv[2], "two words") || !v || strcmp(v, "value"))
		return 99;
	return atoi(argv[3]);
}

static int run_child_exit(int code)
{
	int st = -1;
	pid_t pid = fork();

	if (pid == 0)
		_exit(code);
	if (waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

static void test_fork_status(void)
{
	static const int codes[] = { 0, 1, 42, 255, 256 };
	unsigned int i;
	int st;

	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		st = run_child_exit(codes[i]);
		EXPECT_TRUE(WIFEXITED(st));
		EXPECT_EQ(WEXITSTATUS(st), codes[i] & 0xff);
	}
	ktap_case("fork_exit_status");
}

static void test_fork_memory(void)
{
	volatile int x = 1;
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		x = 2;
		_exit(x == 2 ? 0 : 1);
	}
	EXPECT_TRUE(pid > 0);
	EXPECT_EQ(waitpid(pid, &st, 0), pid);
	EXPECT_EQ(WEXITSTATUS(st), 0);
	EXPECT_EQ(x, 1);	/* the child's write was its own */
	ktap_case("fork_copies_memory");
}

static void test_wait_variants(void)
{
	int st, fds[2];
	char c;
	pid_t pid;

	EXPECT_ERR(waitpid(-1, &st, 0), ECHILD);
	EXPECT_ERR(waitpid(getpid(), &st, WNOHANG), ECHILD);
	EXPECT_EQ(pipe(fds), 0);
	pid = fork();
	if (pid == 0) {
		read(fds[0], &c, 1);	/* wait until told */
		_exit(7);
	}
	EXPECT_EQ(waitpid(pid, &st, WNOHANG), 0);	/* still running */
	EXPECT_EQ(write(fds[1], "x", 1), 1);
	EXPECT_EQ(wait4(pid, &st, 0, NULL), pid);
	EXPECT_EQ(WEXITSTATUS(st), 7);
	EXPECT_ERR(waitpid(pid, &st, 0), ECHILD);	/* reaped once only */
	close(fds[0]);
	close(fds[1]);
	ktap_case("wait_nohang_echild");
}

static void test_exec(void)
{
	char *argv[] = { (char *)self, "--child", "two words", "42", NULL };
	char *envp[] = { "T_PROC_VAR=value", NULL };
	char *bad_envp[] = { "T_PROC_VAR=other", NULL };
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		execve(self, argv, envp);
		_exit(98);
	}
	EXPECT_EQ(waitpid(pid, &st, 0), pid);
	EXPECT_TRUE(WIFEXITED(st));
	EXPECT_EQ(WEXITSTATUS(st), 42);
	pid = fork();
	if (pid == 0) {
		execve(self, argv, bad_envp);
		_exit(98);
	}
	EXPECT_EQ(waitpid(pid, &st, 0), pid);
	EXPECT_EQ(WEXITSTATUS(st), 99);
	ktap_case("execve_argv_envp");
}

static void test_exec_errors(void)
{
	char *argv[] = { "x", NULL };
	char junk[] = "/tmp/t-proc-junk";
	int fd;

	EXPECT_ERR(execve("/nonexistent/prog", argv, NULL), ENOENT);
	EXPECT_ERR(execve("/", argv, NULL), EACCES);
	fd = open(junk, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	EXPECT_TRUE(fd >= 0);
	EXPECT_EQ(write(fd, "\001\002\003 not an executable\n", 22), 22);
	close(fd);
	EXPECT_ERR(execve(junk, argv, NULL), ENOEXEC);
	unlink(junk);
	/* not executable: mode 0644 (there is no chmod call to change it) */
	fd = open(junk, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	EXPECT_TRUE(fd >= 0);
	EXPECT_EQ(write(fd, "#!/bin/sh\n", 10), 10);
	close(fd);
	EXPECT_ERR(execve(junk, argv, NULL), EACCES);
	unlink(junk);
	ktap_case("execve_errors");
}

static void test_many_children(void)
{
	int i, st, reaped = 0, sum = 0;
	pid_t pid;

	for (i = 0; i < 16; i++) {
		pid = fork();
		if (pid == 0)
			_exit(i);
		EXPECT_TRUE(pid > 0);
	}
	while ((pid = waitpid(-1, &st, 0)) > 0) {
		reaped++;
		sum += WEXITSTATUS(st);
	}
	EXPECT_EQ(reaped, 16);
	EXPECT_EQ(sum, 120);
	ktap_case("many_children");
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--child"))
		return child_main(argc, argv);
	self = argv[0];
	ktap_begin("proc", 6);
	test_fork_status();
	test_fork_memory();
	test_wait_variants();
	test_exec();
	test_exec_errors();
	test_many_children();
	return ktap_end();
}
