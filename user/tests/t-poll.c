// SPDX-License-Identifier: GPL-2.0
/*
 * poll, ppoll, select and pselect on pipes: a timeout that really waits
 * (measured with CLOCK_MONOTONIC, with slack for a loaded machine), a
 * read end that becomes readable when a child writes and reports POLLHUP
 * once the last writer is gone, a write end that is writable while there
 * is room, blocks when full and reports POLLERR without readers, POLLNVAL
 * for a closed descriptor and nothing for a negative one, EFAULT/EINVAL/
 * EBADF for bad arguments, EINTR when a signal handler runs during a wait
 * without timeout, and the signal masks of ppoll and pselect.  Runs on
 * this kernel and under qemu-arm (Linux), which must agree.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define BAD_PTR		((void *)0xc0000000)	/* kernel memory: EFAULT */
#define SLOW_MS		4000	/* a wake-up later than this is a failure */

static volatile int got_usr1;

static void on_usr1(int sig)
{
	got_usr1++;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

enum act { ACT_WRITE, ACT_EXIT, ACT_SIGNAL, ACT_DRAIN };

/*
 * A child that sleeps @ms and then writes a byte to @fd, just exits
 * (dropping its copies of the parent's descriptors), sends SIGUSR1 to
 * the parent, or reads @fd until @n bytes came.  After a signal it
 * writes to @fd 3 s later, so that a wait the signal failed to end ends
 * anyway (and the case fails instead of hanging).
 */
static pid_t after(int ms, enum act what, int fd, int n)
{
	pid_t parent = getpid(), pid = fork();
	char buf[512];

	if (pid)
		return pid;
	usleep(ms * 1000);
	switch (what) {
	case ACT_WRITE:
		write(fd, "x", 1);
		break;
	case ACT_SIGNAL:
		kill(parent, SIGUSR1);
		sleep(3);
		write(fd, "x", 1);
		break;
	case ACT_DRAIN:
		while (n > 0) {
			ssize_t r = read(fd, buf, sizeof(buf));

			if (r <= 0)
				break;
			n -= r;
		}
		break;
	case ACT_EXIT:
		break;
	}
	_exit(0);
}

static void reap(pid_t pid)
{
	int st;

	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
}

/* Fill the pipe's write end @wfd (made non-blocking); returns the bytes in it. */
static int fill(int wfd)
{
	static char buf[512];
	int total = 0;
	ssize_t n;

	fcntl(wfd, F_SETFL, O_NONBLOCK);
	while ((n = write(wfd, buf, sizeof(buf))) > 0)
		total += n;
	while ((n = write(wfd, buf, 1)) > 0)	/* the last few bytes */
		total += n;
	fcntl(wfd, F_SETFL, 0);
	return total;
}

/* --- poll --------------------------------------------------------------- */

static void test_poll_timeout(void)
{
	struct pollfd p;
	long t0, ms;
	int fds[2];

	EXPECT_EQ(pipe(fds), 0);
	p = (struct pollfd){ .fd = fds[0], .events = POLLIN, .revents = 0x7777 };
	t0 = now_ms();
	EXPECT_EQ(poll(&p, 1, 200), 0);
	ms = now_ms() - t0;
	printf("# poll: 200 ms timeout on an empty pipe took %ld ms\n", ms);
	EXPECT_TRUE(ms >= 195 && ms < SLOW_MS);
	EXPECT_EQ(p.revents, 0);
	t0 = now_ms();
	EXPECT_EQ(poll(&p, 1, 0), 0);		/* only looks */
	EXPECT_TRUE(now_ms() - t0 < 100);
	t0 = now_ms();
	EXPECT_EQ(poll(NULL, 0, 100), 0);	/* nothing to watch: a sleep */
	ms = now_ms() - t0;
	EXPECT_TRUE(ms >= 95 && ms < SLOW_MS);
	close(fds[0]);
	close(fds[1]);
	ktap_case("poll_empty_pipe_times_out");
}

static void test_poll_readable(void)
{
	struct pollfd p;
	long t0, ms;
	int fds[2];
	pid_t pid;

	EXPECT_EQ(pipe(fds), 0);
	p = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	t0 = now_ms();
	pid = after(100, ACT_WRITE, fds[1], 0);
	EXPECT_EQ(poll(&p, 1, 5000), 1);
	ms = now_ms() - t0;
	printf("# poll: woken by a child's write after %ld ms (it slept 100 ms)\n", ms);
	EXPECT_EQ(p.revents, POLLIN);
	EXPECT_TRUE(ms >= 90 && ms < SLOW_MS);
	reap(pid);
	close(fds[0]);
	close(fds[1]);
	ktap_case("poll_readable_after_child_write");
}

static void test_poll_hup(void)
{
	struct pollfd p;
	int fds[2];
	pid_t pid;

	EXPECT_EQ(pipe(fds), 0);
	pid = after(100, ACT_EXIT, fds[1], 0);	/* the last writer then */
	close(fds[1]);
	p = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	EXPECT_EQ(poll(&p, 1, 5000), 1);
	EXPECT_EQ(p.revents, POLLHUP);		/* reported unasked; no data */
	reap(pid);
	close(fds[0]);

	EXPECT_EQ(pipe(fds), 0);
	EXPECT_EQ(write(fds[1], "ab", 2), 2);
	close(fds[1]);
	p = (struct pollfd){ .fd = fds[0], .events = POLLIN | POLLOUT };
	EXPECT_EQ(poll(&p, 1, 0), 1);
	EXPECT_EQ(p.revents, POLLIN | POLLHUP);	/* data left to read */
	close(fds[0]);
	ktap_case("poll_hup_after_writer_closes");
}

static void test_poll_out(void)
{
	struct pollfd p;
	int fds[2], n;
	long t0, ms;
	pid_t pid;

	EXPECT_EQ(pipe(fds), 0);
	p = (struct pollfd){ .fd = fds[1], .events = POLLOUT | POLLIN };
	EXPECT_EQ(poll(&p, 1, 0), 1);
	EXPECT_EQ(p.revents, POLLOUT);		/* a write end is never readable */
	n = fill(fds[1]);
	EXPECT_TRUE(n >= 4096);
	EXPECT_EQ(poll(&p, 1, 50), 0);		/* full */
	t0 = now_ms();
	pid = after(100, ACT_DRAIN, fds[0], n);
	EXPECT_EQ(poll(&p, 1, 5000), 1);
	ms = now_ms() - t0;
	EXPECT_EQ(p.revents, POLLOUT);
	EXPECT_TRUE(ms >= 90 && ms < SLOW_MS);
	reap(pid);
	close(fds[0]);				/* no reader left */
	EXPECT_EQ(poll(&p, 1, 0), 1);
	EXPECT_EQ(p.revents, POLLOUT | POLLERR);
	close(fds[1]);
	ktap_case("poll_out_full_and_err");
}

static void test_poll_nval(void)
{
	struct pollfd p[3];
	int fds[2], closed;

	EXPECT_EQ(pipe(fds), 0);
	closed = dup(fds[0]);
	EXPECT_TRUE(closed > fds[1]);
	close(closed);
	EXPECT_EQ(write(fds[1], "x", 1), 1);
	p[0] = (struct pollfd){ .fd = -1, .events = POLLIN, .revents = 0x7777 };
	p[1] = (struct pollfd){ .fd = closed, .events = 0 };
	p[2] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	EXPECT_EQ(poll(p, 3, 1000), 2);
	EXPECT_EQ(p[0].revents, 0);		/* ignored */
	EXPECT_EQ(p[1].revents, POLLNVAL);	/* even with no events asked */
	EXPECT_EQ(p[2].revents, POLLIN);
	EXPECT_EQ(poll(p, 1, 0), 0);		/* only the negative one */
	close(fds[0]);
	close(fds[1]);
	ktap_case("poll_nval_and_negative_fd");
}

static void test_poll_errors(void)
{
	static const struct pollfd ro = { .fd = 0, .events = POLLIN };
	struct pollfd p = { .fd = 0, .events = POLLIN };

	EXPECT_ERR(poll(BAD_PTR, 1, 0), EFAULT);
	EXPECT_ERR(poll(NULL, 1, 0), EFAULT);
	EXPECT_ERR(poll((struct pollfd *)&ro, 1, 0), EFAULT);	/* revents unwritable */
	EXPECT_ERR(poll(&p, 0x7fffffff, 0), EINVAL);		/* above the fd limit */
	EXPECT_EQ(syscall(__NR_poll, BAD_PTR, 1, 0), -14);	/* raw: the ABI's EFAULT */
	ktap_case("poll_efault_einval");
}

static void test_poll_eintr(void)
{
	struct pollfd p;
	int fds[2];
	pid_t pid;

	signal(SIGUSR1, on_usr1);
	got_usr1 = 0;
	EXPECT_EQ(pipe(fds), 0);
	p = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	pid = after(100, ACT_SIGNAL, fds[1], 0);
	EXPECT_ERR(poll(&p, 1, -1), EINTR);
	EXPECT_EQ(got_usr1, 1);
	EXPECT_EQ(p.revents, 0);
	reap(pid);
	signal(SIGUSR1, SIG_DFL);
	close(fds[0]);
	close(fds[1]);
	ktap_case("poll_eintr_from_handler");
}

/* --- ppoll -------------------------------------------------------------- */

static void test_ppoll(void)
{
	struct timespec ts = { 0, 150 * 1000000L }, bad = { 0, 1000000000L };
	struct pollfd p;
	sigset_t set, cur;
	unsigned long abi_set[2] = { 0, 0 };
	int fds[2];
	long t0, ms;
	pid_t pid;

	EXPECT_EQ(pipe(fds), 0);
	p = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	t0 = now_ms();
	EXPECT_EQ(ppoll(&p, 1, &ts, NULL), 0);
	ms = now_ms() - t0;
	EXPECT_TRUE(ms >= 145 && ms < SLOW_MS);
	EXPECT_ERR(ppoll(&p, 1, &bad, NULL), EINVAL);
	EXPECT_EQ(syscall(__NR_ppoll, &p, 1, &ts, abi_set, 4), -22);	/* sigsetsize */
	EXPECT_EQ(syscall(__NR_ppoll, &p, 1, BAD_PTR, NULL, 8), -14);

	/* SIGUSR1 blocked here, unblocked during ppoll: it ends the wait */
	signal(SIGUSR1, on_usr1);
	got_usr1 = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigemptyset(&cur);
	ts.tv_sec = 3;
	pid = after(100, ACT_SIGNAL, fds[1], 0);
	EXPECT_ERR(ppoll(&p, 1, &ts, &cur), EINTR);
	EXPECT_EQ(got_usr1, 1);		/* its handler ran before the return, as Linux */
	reap(pid);
	sigprocmask(SIG_BLOCK, NULL, &cur);
	EXPECT_TRUE(sigismember(&cur, SIGUSR1));	/* the caller's mask is back */
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	EXPECT_EQ(got_usr1, 1);				/* delivered once */

	/* SIGUSR1 blocked only during ppoll: the wait runs to its timeout */
	got_usr1 = 0;
	ts = (struct timespec){ 0, 300 * 1000000L };
	t0 = now_ms();
	pid = after(100, ACT_SIGNAL, fds[1], 0);
	EXPECT_EQ(ppoll(&p, 1, &ts, &set), 0);
	ms = now_ms() - t0;
	EXPECT_TRUE(ms >= 295 && ms < SLOW_MS);
	/*
	 * Delivered once the mask is the caller's again; qemu-arm (make
	 * check-host) only gets to it at the next change of mask.
	 */
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	EXPECT_EQ(got_usr1, 1);
	reap(pid);
	signal(SIGUSR1, SIG_DFL);
	close(fds[0]);
	close(fds[1]);
	ktap_case("ppoll_timeout_and_sigmask");
}

/* --- select and pselect ------------------------------------------------- */

static void test_select_timeout(void)
{
	struct timeval tv = { 0, 200000 };
	fd_set rd;
	long t0, ms;
	int fds[2];

	EXPECT_EQ(pipe(fds), 0);
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	t0 = now_ms();
	EXPECT_EQ(select(fds[0] + 1, &rd, NULL, NULL, &tv), 0);
	ms = now_ms() - t0;
	printf("# select: 200 ms timeout on an empty pipe took %ld ms\n", ms);
	EXPECT_TRUE(ms >= 195 && ms < SLOW_MS);
	EXPECT_TRUE(!FD_ISSET(fds[0], &rd));	/* cleared */
	EXPECT_EQ(tv.tv_sec, 0);		/* no time left */
	EXPECT_EQ(tv.tv_usec, 0);
	tv = (struct timeval){ 0, 100000 };
	t0 = now_ms();
	EXPECT_EQ(select(0, NULL, NULL, NULL, &tv), 0);	/* a sleep */
	ms = now_ms() - t0;
	EXPECT_TRUE(ms >= 95 && ms < SLOW_MS);
	close(fds[0]);
	close(fds[1]);
	ktap_case("select_empty_pipe_times_out");
}

static void test_select_ready(void)
{
	struct timeval tv = { 5, 0 };
	fd_set rd, wr;
	long t0, ms;
	int fds[2];
	pid_t pid;
	char c;

	EXPECT_EQ(pipe(fds), 0);
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	t0 = now_ms();
	pid = after(100, ACT_WRITE, fds[1], 0);
	EXPECT_EQ(select(FD_SETSIZE, &rd, NULL, NULL, &tv), 1);
	ms = now_ms() - t0;
	EXPECT_TRUE(FD_ISSET(fds[0], &rd));
	EXPECT_TRUE(ms >= 90 && ms < SLOW_MS);
	EXPECT_TRUE(tv.tv_sec <= 4);		/* the time left */
	reap(pid);

	/* data to read and room to write: one bit in each set */
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(fds[0], &rd);
	FD_SET(fds[1], &rd);			/* a write end: never readable */
	FD_SET(fds[1], &wr);
	EXPECT_EQ(select(fds[1] + 1, &rd, &wr, NULL, NULL), 2);
	EXPECT_TRUE(FD_ISSET(fds[0], &rd));
	EXPECT_TRUE(!FD_ISSET(fds[1], &rd));
	EXPECT_TRUE(FD_ISSET(fds[1], &wr));

	/* no writer left: readable (end of file) */
	close(fds[1]);
	EXPECT_EQ(read(fds[0], &c, 1), 1);
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	EXPECT_EQ(select(fds[0] + 1, &rd, NULL, NULL, NULL), 1);
	EXPECT_TRUE(FD_ISSET(fds[0], &rd));
	close(fds[0]);
	ktap_case("select_readable_writable_eof");
}

static void test_select_errors(void)
{
	struct timeval tv = { 0, 0 }, neg = { -1, 0 };
	fd_set rd;
	int fds[2], closed;

	EXPECT_EQ(pipe(fds), 0);
	closed = dup(fds[0]);
	close(closed);
	FD_ZERO(&rd);
	FD_SET(closed, &rd);
	EXPECT_ERR(select(closed + 1, &rd, NULL, NULL, &tv), EBADF);
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	EXPECT_ERR(select(fds[0] + 1, BAD_PTR, NULL, NULL, &tv), EFAULT);
	EXPECT_ERR(select(-1, &rd, NULL, NULL, &tv), EINVAL);
	EXPECT_ERR(select(fds[0] + 1, &rd, NULL, NULL, &neg), EINVAL);
	EXPECT_EQ(syscall(__NR__newselect, fds[0] + 1, &rd, NULL, NULL, BAD_PTR), -14);
	close(fds[0]);
	close(fds[1]);
	ktap_case("select_ebadf_efault_einval");
}

static void test_select_eintr(void)
{
	struct timespec ts = { 3, 0 };
	sigset_t set, none;
	fd_set rd;
	int fds[2];
	pid_t pid;

	signal(SIGUSR1, on_usr1);
	got_usr1 = 0;
	EXPECT_EQ(pipe(fds), 0);
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	pid = after(100, ACT_SIGNAL, fds[1], 0);
	EXPECT_ERR(select(fds[0] + 1, &rd, NULL, NULL, NULL), EINTR);
	EXPECT_EQ(got_usr1, 1);
	reap(pid);

	/* pselect: blocked here, unblocked for the wait */
	got_usr1 = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigemptyset(&none);
	sigprocmask(SIG_BLOCK, &set, NULL);
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	pid = after(100, ACT_SIGNAL, fds[1], 0);
	EXPECT_ERR(pselect(fds[0] + 1, &rd, NULL, NULL, &ts, &none), EINTR);
	EXPECT_EQ(got_usr1, 1);		/* its handler ran before the return */
	reap(pid);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	EXPECT_EQ(got_usr1, 1);

	ts = (struct timespec){ 0, 100 * 1000000L };
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	EXPECT_EQ(pselect(fds[0] + 1, &rd, NULL, NULL, &ts, NULL), 0);
	signal(SIGUSR1, SIG_DFL);
	close(fds[0]);
	close(fds[1]);
	ktap_case("select_pselect_eintr");
}

int main(void)
{
	ktap_begin("poll", 12);
	test_poll_timeout();
	test_poll_readable();
	test_poll_hup();
	test_poll_out();
	test_poll_nval();
	test_poll_errors();
	test_poll_eintr();
	test_ppoll();
	test_select_timeout();
	test_select_ready();
	test_select_errors();
	test_select_eintr();
	return ktap_end();
}
