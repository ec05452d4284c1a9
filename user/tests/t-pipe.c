// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes: data through, end of file once every writer is closed, a writer
 * with no reader getting SIGPIPE (default action) or EPIPE (ignored),
 * more than a pipe's buffer moving between two processes, and pipe2's
 * close-on-exec flag.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/wait4.h>
#include <unistd.h>

#include "ktap.h"

static void test_basic(void)
{
	char buf[16];
	int fds[2];

	EXPECT_EQ(pipe(fds), 0);
	EXPECT_EQ(write(fds[1], "hello", 5), 5);
	EXPECT_EQ(read(fds[0], buf, sizeof(buf)), 5);
	EXPECT_TRUE(!memcmp(buf, "hello", 5));
	EXPECT_ERR(write(fds[0], "x", 1), EBADF);	/* read end */
	EXPECT_ERR(read(fds[1], buf, 1), EBADF);	/* write end */
	close(fds[1]);
	EXPECT_EQ(read(fds[0], buf, sizeof(buf)), 0);	/* EOF */
	close(fds[0]);
	ktap_case("write_read_eof");
}

static void test_sigpipe(void)
{
	int fds[2], st;
	pid_t pid;

	EXPECT_EQ(pipe(fds), 0);
	close(fds[0]);
	pid = fork();
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		write(fds[1], "x", 1);
		_exit(0);	/* not reached: SIGPIPE kills */
	}
	EXPECT_EQ(waitpid(pid, &st, 0), pid);
	EXPECT_TRUE(WIFSIGNALED(st));
	EXPECT_EQ(WTERMSIG(st), SIGPIPE);
	signal(SIGPIPE, SIG_IGN);
	EXPECT_ERR(write(fds[1], "x", 1), EPIPE);
	signal(SIGPIPE, SIG_DFL);
	close(fds[1]);
	ktap_case("sigpipe_epipe");
}

static void test_bulk(void)
{
	static char buf[4096];
	long total = 0, expect = 256 * 1024, sum = 0, want_sum = 0;
	int fds[2], st, i;
	ssize_t n;
	pid_t pid;

	EXPECT_EQ(pipe(fds), 0);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		for (i = 0; i < (int)sizeof(buf); i++)
			buf[i] = (char)i;
		for (i = 0; i < expect / (int)sizeof(buf); i++)
			if (write(fds[1], buf, sizeof(buf)) != sizeof(buf))
				_exit(1);
		_exit(0);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++)
			sum += (unsigned char)buf[i];
		total += n;
	}
	for (i = 0; i < 4096; i++)
		want_sum += (unsigned char)i;
	EXPECT_EQ(total, expect);
	EXPECT_EQ(sum, want_sum * (expect / 4096));
	EXPECT_EQ(waitpid(pid, &st, 0), pid);
	EXPECT_EQ(st, 0);
	close(fds[0]);
	ktap_case("bulk_between_processes");
}

static void test_pipe2(void)
{
	int fds[2];

	EXPECT_EQ(pipe2(fds, O_CLOEXEC), 0);
	EXPECT_EQ(fcntl(fds[0], F_GETFD), FD_CLOEXEC);
	EXPECT_EQ(fcntl(fds[1], F_GETFD), FD_CLOEXEC);
	close(fds[0]);
	close(fds[1]);
	EXPECT_EQ(pipe2(fds, 0), 0);
	EXPECT_EQ(fcntl(fds[0], F_GETFD), 0);
	close(fds[0]);
	close(fds[1]);
	ktap_case("pipe2_cloexec");
}

int main(void)
{
	ktap_begin("pipe", 4);
	test_basic();
	test_sigpipe();
	test_bulk();
	test_pipe2();
	return ktap_end();
}
