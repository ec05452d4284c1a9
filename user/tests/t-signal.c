// SPDX-License-Identifier: GPL-2.0
/*
 * Signals: handlers run with the right number, blocked signals stay
 * pending until unblocked, SIGCHLD arrives when a child exits, default
 * actions kill (and report the signal in the wait status), ignored
 * signals do not, sleeps are interrupted with EINTR, sigsuspend waits with
 * its own mask and gives the caller's back after the handler, and kill's
 * errors.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

static volatile int got_sig, got_count, got_chld;

static void handler(int sig)
{
	got_sig = sig;
	got_count++;
}

static void chld_handler(int sig)
{
	got_chld++;
}

static void test_handler(void)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	EXPECT_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	got_sig = got_count = 0;
	EXPECT_EQ(kill(getpid(), SIGUSR1), 0);
	EXPECT_EQ(got_sig, SIGUSR1);
	EXPECT_EQ(got_count, 1);
	EXPECT_EQ(sigaction(SIGUSR1, NULL, &old), 0);
	EXPECT_TRUE(old.sa_handler == handler);
	EXPECT_TRUE(signal(SIGUSR1, SIG_DFL) == handler);
	ktap_case("handler_runs");
}

static void test_mask_pending(void)
{
	sigset_t set, pend, old;

	signal(SIGUSR1, handler);
	got_count = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	EXPECT_EQ(sigprocmask(SIG_BLOCK, &set, &old), 0);
	EXPECT_EQ(kill(getpid(), SIGUSR1), 0);
	EXPECT_EQ(got_count, 0);
	EXPECT_EQ(sigpending(&pend), 0);
	EXPECT_TRUE(sigismember(&pend, SIGUSR1));
	EXPECT_EQ(sigprocmask(SIG_SETMASK, &old, NULL), 0);
	EXPECT_EQ(got_count, 1);	/* delivered on unblock */
	EXPECT_EQ(sigpending(&pend), 0);
	EXPECT_TRUE(!sigismember(&pend, SIGUSR1));
	signal(SIGUSR1, SIG_DFL);
	ktap_case("block_pending_unblock");
}

static void test_sigchld(void)
{
	int st, i;
	pid_t pid;

	got_chld = 0;
	signal(SIGCHLD, chld_handler);
	pid = fork();
	if (pid == 0)
		_exit(3);
	for (i = 0; i < 200 && !got_chld; i++)
		usleep(10000);
	EXPECT_EQ(got_chld, 1);
	EXPECT_EQ(waitpid(pid, &st, 0), pid);
	EXPECT_EQ(WEXITSTATUS(st), 3);
	signal(SIGCHLD, SIG_DFL);
	ktap_case("sigchld");
}

static int child_killed_by(int sig, int ignore)
{
	int st, fds[2];
	char c;
	pid_t pid;

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		if (ignore)
			signal(sig, SIG_IGN);
		write(fds[1], "r", 1);	/* ready */
		for (;;)
			pause();
	}
	read(fds[0], &c, 1);
	kill(pid, sig);
	if (ignore) {
		usleep(50000);
		EXPECT_EQ(waitpid(pid, &st, WNOHANG), 0);	/* still alive */
		kill(pid, SIGKILL);
	}
	waitpid(pid, &st, 0);
	close(fds[0]);
	close(fds[1]);
	return WIFSIGNALED(st) ? WTERMSIG(st) : -1;
}

static void test_default_actions(void)
{
	EXPECT_EQ(child_killed_by(SIGTERM, 0), SIGTERM);
	EXPECT_EQ(child_killed_by(SIGKILL, 0), SIGKILL);
	EXPECT_EQ(child_killed_by(SIGINT, 0), SIGINT);
	EXPECT_EQ(child_killed_by(SIGUSR1, 0), SIGUSR1);
	EXPECT_EQ(child_killed_by(SIGTERM, 1), SIGKILL);	/* ignored TERM */
	ktap_case("default_and_ignored");
}

static void test_eintr(void)
{
	struct timespec ts = { .tv_sec = 5 }, rem;
	pid_t parent = getpid(), pid;
	int st;

	signal(SIGUSR1, handler);
	pid = fork();
	if (pid == 0) {
		usleep(100000);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	EXPECT_ERR(nanosleep(&ts, &rem), EINTR);
	EXPECT_TRUE(rem.tv_sec <= 5 && rem.tv_sec >= 3);
	waitpid(pid, &st, 0);
	signal(SIGUSR1, SIG_DFL);
	ktap_case("sleep_interrupted_eintr");
}

static void test_sigsuspend(void)
{
	sigset_t usr1, none, cur;
	pid_t parent = getpid(), pid;
	int st;

	signal(SIGUSR1, handler);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigemptyset(&none);
	sigprocmask(SIG_BLOCK, &usr1, NULL);	/* no race: it waits for sigsuspend */
	got_count = 0;
	pid = fork();
	if (pid == 0) {
		usleep(50000);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	EXPECT_ERR(sigsuspend(&none), EINTR);
	EXPECT_EQ(got_count, 1);		/* the handler ran under sigsuspend's mask */
	sigprocmask(SIG_BLOCK, NULL, &cur);
	EXPECT_TRUE(sigismember(&cur, SIGUSR1));	/* and the caller's is back */
	waitpid(pid, &st, 0);
	EXPECT_EQ(syscall(__NR_rt_sigsuspend, (void *)0xc0000000, 8), -14);
	EXPECT_EQ(syscall(__NR_rt_sigsuspend, &none, 4), -22);
	sigprocmask(SIG_UNBLOCK, &usr1, NULL);
	signal(SIGUSR1, SIG_DFL);
	ktap_case("sigsuspend");
}

static void test_kill_errors(void)
{
	int st;
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, &st, 0);
	EXPECT_ERR(kill(pid, SIGTERM), ESRCH);	/* reaped: gone */
	EXPECT_EQ(kill(getpid(), 0), 0);	/* existence check */
	EXPECT_EQ(syscall(__NR_kill, getpid(), 200), -22);	/* raw EINVAL */
	EXPECT_EQ(syscall(__NR_rt_sigaction, 9, (void *)0xc0000000, 0, 8), -14);
	ktap_case("kill_errors");
}

int main(void)
{
	ktap_begin("signal", 7);
	test_handler();
	test_mask_pending();
	test_sigchld();
	test_default_actions();
	test_eintr();
	test_sigsuspend();
	test_kill_errors();
	return ktap_end();
}
