// SPDX-License-Identifier: GPL-2.0
/*
 * Threads: pthread create/join/detach, mutexes (normal, recursive,
 * error-checking) under contention, condition variables, once, keys,
 * errno per thread, malloc from many threads (and fork meanwhile),
 * signals to one thread, and what ends a whole process: exit from any
 * thread, a fault in one, SIGKILL, execve from a second thread.  Also the raw calls: futex
 * errors and timeouts, clone flag checks, gettid.
 *
 * Cases that end a process run in a forked child, so this program
 * survives to report them.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <uapi/asm/unistd.h>
#include <uapi/linux-abi.h>

#include "ktap.h"
#include "meminfo_util.h"

long syscall(long nr, ...);

/* Linux's numbers, for the raw syscall() results (newlib's differ). */
#define L_ESRCH		3
#define L_EAGAIN	11
#define L_EFAULT	14
#define L_EINVAL	22
#define L_ENOSYS	38
#define L_ETIMEDOUT	110
#define L_SIGCHLD	17

static const char *self;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* This kernel, not a host's Linux under qemu-arm. */
static int on_our_kernel(void)
{
	struct utsname u;

	return uname(&u) == 0 && !strcmp(u.sysname, "Kernel");
}

/* Run @fn in a child process; return its wait status. */
static int in_child(void (*fn)(void))
{
	int st = -1;
	pid_t pid = fork();

	if (pid == 0) {
		close(2);	/* an emulator may report the expected fault there */
		fn();
		_exit(100);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

/* --- create and join -------------------------------------------------- */

static void *report_ids(void *arg)
{
	int *ids = arg;

	ids[0] = getpid();
	ids[1] = (int)syscall(__NR_gettid);
	return (void *)(intptr_t)(ids[1] + 1);
}

static void test_create_join(void)
{
	int ids[2] = { 0, 0 };
	pthread_t t;
	void *ret = NULL;

	EXPECT_EQ(pthread_create(&t, NULL, report_ids, ids), 0);
	EXPECT_EQ(pthread_join(t, &ret), 0);
	EXPECT_EQ(ids[0], getpid());			/* one process */
	EXPECT_TRUE(ids[1] > 0 && ids[1] != getpid());	/* its own thread id */
	EXPECT_EQ((intptr_t)ret, ids[1] + 1);
	EXPECT_EQ(pthread_gettid_np(pthread_self()), syscall(__NR_gettid));
	EXPECT_EQ(syscall(__NR_gettid), getpid());	/* the first thread's tid is the pid */
	EXPECT_EQ(pthread_join(pthread_self(), NULL), EDEADLK);
	ktap_case("create_join");
}

/* --- mutexes ---------------------------------------------------------- */

#define WORKERS 4
#define ROUNDS 20000

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile long counter;

static void *add_locked(void *arg)
{
	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&counter_lock);
		long v = counter;

		if ((i & 255) == 0)
			sched_yield();		/* hold it across a switch now and then */
		counter = v + 1;
		pthread_mutex_unlock(&counter_lock);
	}
	return NULL;
}

static void test_mutex_contention(void)
{
	pthread_t t[WORKERS];

	counter = 0;
	for (int i = 0; i < WORKERS; i++)
		EXPECT_EQ(pthread_create(&t[i], NULL, add_locked, NULL), 0);
	for (int i = 0; i < WORKERS; i++)
		EXPECT_EQ(pthread_join(t[i], NULL), 0);
	EXPECT_EQ(counter, (long)WORKERS * ROUNDS);	/* no update lost */
	ktap_case("mutex_contention");
}

static void *try_other(void *arg)
{
	return (void *)(intptr_t)pthread_mutex_trylock(arg);
}

static void test_mutex_types(void)
{
	pthread_mutexattr_t a;
	pthread_mutex_t rec, chk, plain = PTHREAD_MUTEX_INITIALIZER;
	pthread_t t;
	void *r;

	pthread_mutexattr_init(&a);
	EXPECT_EQ(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE), 0);
	pthread_mutex_init(&rec, &a);
	EXPECT_EQ(pthread_mutex_lock(&rec), 0);
	EXPECT_EQ(pthread_mutex_lock(&rec), 0);
	EXPECT_EQ(pthread_mutex_trylock(&rec), 0);
	pthread_create(&t, NULL, try_other, &rec);
	pthread_join(t, &r);
	EXPECT_EQ((intptr_t)r, EBUSY);			/* another thread may not */
	EXPECT_EQ(pthread_mutex_unlock(&rec), 0);
	EXPECT_EQ(pthread_mutex_unlock(&rec), 0);
	EXPECT_EQ(pthread_mutex_destroy(&rec), EBUSY);	/* still held once */
	EXPECT_EQ(pthread_mutex_unlock(&rec), 0);
	EXPECT_EQ(pthread_mutex_unlock(&rec), EPERM);	/* not held */
	EXPECT_EQ(pthread_mutex_destroy(&rec), 0);

	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&chk, &a);
	EXPECT_EQ(pthread_mutex_lock(&chk), 0);
	EXPECT_EQ(pthread_mutex_lock(&chk), EDEADLK);
	pthread_create(&t, NULL, try_other, &chk);
	pthread_join(t, &r);
	EXPECT_EQ((intptr_t)r, EBUSY);
	EXPECT_EQ(pthread_mutex_unlock(&chk), 0);
	EXPECT_EQ(pthread_mutex_unlock(&chk), EPERM);

	EXPECT_EQ(pthread_mutex_trylock(&plain), 0);
	EXPECT_EQ(pthread_mutex_trylock(&plain), EBUSY);
	EXPECT_EQ(pthread_mutex_unlock(&plain), 0);
	EXPECT_EQ(pthread_mutexattr_settype(&a, 42), EINVAL);
	ktap_case("mutex_types");
}

/* --- condition variables ---------------------------------------------- */

#define ITEMS 2000

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_nonempty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t q_nonfull = PTHREAD_COND_INITIALIZER;
static int queue[8], q_head, q_len;

static void *producer(void *arg)
{
	(void)arg;
	for (int i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&q_lock);
		while (q_len == 8)
			pthread_cond_wait(&q_nonfull, &q_lock);
		queue[(q_head + q_len++) % 8] = i;
		pthread_cond_signal(&q_nonempty);
		pthread_mutex_unlock(&q_lock);
	}
	return NULL;
}

static void test_cond_queue(void)
{
	long sum = 0, expect = (long)ITEMS * (ITEMS + 1) / 2;
	int last = 0, in_order = 1;
	pthread_t t;

	pthread_create(&t, NULL, producer, NULL);
	for (int n = 0; n < ITEMS; n++) {
		int v;

		pthread_mutex_lock(&q_lock);
		while (q_len == 0)
			pthread_cond_wait(&q_nonempty, &q_lock);
		v = queue[q_head];
		q_head = (q_head + 1) % 8;
		q_len--;
		pthread_cond_signal(&q_nonfull);
		pthread_mutex_unlock(&q_lock);
		in_order &= v == last + 1;
		last = v;
		sum += v;
	}
	pthread_join(t, NULL);
	EXPECT_EQ(sum, expect);
	EXPECT_TRUE(in_order);
	ktap_case("cond_queue");
}

static void test_cond_timedwait(void)
{
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	struct timespec abs;
	double t0, dt;

	clock_gettime(CLOCK_REALTIME, &abs);
	abs.tv_nsec += 100 * 1000000;
	if (abs.tv_nsec >= 1000000000) {
		abs.tv_sec++;
		abs.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&m);
	t0 = now();
	EXPECT_EQ(pthread_cond_timedwait(&c, &m, &abs), ETIMEDOUT);
	dt = now() - t0;
	EXPECT_TRUE(dt >= 0.09 && dt < 2.0);
	EXPECT_EQ(pthread_mutex_unlock(&m), 0);		/* held again on return */
	ktap_case("cond_timedwait");
}

/* --- once, keys, errno ------------------------------------------------ */

static pthread_once_t once = PTHREAD_ONCE_INIT;
static volatile int once_runs;

static void once_fn(void)
{
	once_runs++;
	usleep(20000);			/* the others must wait, not run it too */
}

static pthread_key_t key;
static volatile int destructed;

static void key_dtor(void *v)
{
	__atomic_add_fetch(&destructed, (int)(intptr_t)v, __ATOMIC_SEQ_CST);
}

static void *once_key_errno(void *arg)
{
	int *out = arg;

	pthread_once(&once, once_fn);
	out[0] = once_runs;
	pthread_setspecific(key, (void *)(intptr_t)10);
	out[1] = (int)(intptr_t)pthread_getspecific(key);
	errno = 0;
	close(-1);
	out[2] = errno;			/* EBADF, in this thread */
	usleep(10000);
	out[3] = errno;			/* still its own after the main thread's error */
	return NULL;
}

static void test_once_keys_errno(void)
{
	int out[3][4];
	pthread_t t[3];

	EXPECT_EQ(pthread_key_create(&key, key_dtor), 0);
	pthread_setspecific(key, (void *)(intptr_t)1000);
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, once_key_errno, out[i]);
	errno = 0;
	EXPECT_EQ(open("/nonexistent/x", 0), -1);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	EXPECT_EQ(errno, ENOENT);		/* the threads' EBADF did not land here */
	EXPECT_EQ(once_runs, 1);
	for (int i = 0; i < 3; i++) {
		EXPECT_EQ(out[i][0], 1);
		EXPECT_EQ(out[i][1], 10);
		EXPECT_EQ(out[i][2], EBADF);
		EXPECT_EQ(out[i][3], EBADF);
	}
	EXPECT_EQ(destructed, 30);		/* each thread's value, not main's */
	EXPECT_EQ((intptr_t)pthread_getspecific(key), 1000);
	EXPECT_EQ(pthread_key_delete(key), 0);
	ktap_case("once_keys_errno");
}

/* --- malloc from many threads, detached threads, memory --------------- */

static void *malloc_churn(void *arg)
{
	unsigned seed = (unsigned)(intptr_t)arg;
	void *held[32] = { 0 };
	int bad = 0;

	for (int i = 0; i < 3000; i++) {
		int k = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 32;
		size_t n = 1 + ((seed >> 8) % 700);

		if (held[k]) {
			unsigned char *p = held[k];
			size_t len = p[0] | (size_t)p[1] << 8;

			for (size_t j = 2; j < len; j++)
				bad |= p[j] != (unsigned char)(k + j);
			free(held[k]);
		}
		held[k] = malloc(n + 2);
		if (held[k]) {
			unsigned char *p = held[k];

			p[0] = (unsigned char)(n + 2);
			p[1] = (unsigned char)((n + 2) >> 8);
			for (size_t j = 2; j < n + 2; j++)
				p[j] = (unsigned char)(k + j);
		}
	}
	for (int k = 0; k < 32; k++)
		free(held[k]);
	return (void *)(intptr_t)bad;
}

/* A child that mallocs; its wait status, or -1 if it hung for 5 s. */
static int fork_and_malloc(void)
{
	pid_t pid = fork();
	int st = -1;

	if (pid == 0) {
		for (int i = 0; i < 100; i++)
			free(malloc(64 + i * 16));
		_exit(0);
	}
	for (int waited = 0; waited < 500; waited++) {
		if (waitpid(pid, &st, WNOHANG) == pid)
			return st;
		usleep(10000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return -1;
}

static void test_malloc_threads(void)
{
	pthread_t t[WORKERS];
	void *bad;
	int any = 0;

	for (int i = 0; i < WORKERS; i++)
		pthread_create(&t[i], NULL, malloc_churn, (void *)(intptr_t)(i * 7919 + 1));
	/* fork() while they allocate: the child's malloc must not find the lock held. */
	for (int i = 0; i < 5; i++)
		EXPECT_EQ(fork_and_malloc(), 0);
	for (int i = 0; i < WORKERS; i++) {
		pthread_join(t[i], &bad);
		any |= (int)(intptr_t)bad;
	}
	EXPECT_EQ(any, 0);			/* no block was handed out twice */
	ktap_case("malloc_threads");
}

static volatile int detached_done;

static void *detached_body(void *arg)
{
	(void)arg;
	__atomic_add_fetch(&detached_done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

/* Free memory (kB), or -1 on a host (qemu-arm): meminfo_util.h */
static long mem_free_kb(void)
{
	struct mem_snapshot m;

	return mem_snapshot(&m) < 0 ? -1 : m.free_kb;
}

static void test_detached_no_leak(void)
{
	pthread_attr_t a;
	long before, after;
	pthread_t t;
	int n = 0;

	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	for (int i = 0; i < 20; i++)		/* warm up caches and the heap */
		if (pthread_create(&t, &a, detached_body, NULL) == 0)
			n++;
	while (detached_done < n)
		usleep(1000);
	usleep(50000);				/* the kernel frees dead threads when idle */
	before = mem_free_kb();
	for (int i = 0; i < 200; i++) {
		if (pthread_create(&t, &a, detached_body, NULL) == 0)
			n++;
		if (i % 2 == 0) {		/* and joinable ones too */
			pthread_t j;

			pthread_create(&j, NULL, detached_body, NULL);
			pthread_join(j, NULL);
			n++;
		}
	}
	EXPECT_EQ(n, 320);
	while (detached_done < n)
		usleep(1000);
	usleep(100000);
	after = mem_free_kb();
	if (before >= 0 && before - after >= 64)
		ktap_fail(__FILE__, __LINE__, "MemFree fell by %ld kB over 300 threads",
			  before - after);	/* 300 thread stacks would be >19 MB */
	ktap_case("detached_no_leak");
}

/* --- signals ---------------------------------------------------------- */

static volatile int handled_tid;

static void on_usr1(int sig)
{
	(void)sig;
	handled_tid = (int)syscall(__NR_gettid);
}

static volatile int stop_spin;

static void *spin_until_stopped(void *arg)
{
	(void)arg;
	while (!stop_spin && !handled_tid)
		usleep(1000);
	return NULL;
}

static void test_thread_signal(void)
{
	pthread_t t;
	sigset_t set, old;
	int tid;

	signal(SIGUSR1, on_usr1);
	handled_tid = 0;
	pthread_create(&t, NULL, spin_until_stopped, NULL);
	tid = pthread_gettid_np(t);
	EXPECT_EQ(kill(tid, 0), 0);		/* a thread's id names its process */
	EXPECT_EQ(pthread_kill(t, SIGUSR1), 0);
	pthread_join(t, NULL);
	EXPECT_EQ(handled_tid, tid);		/* that thread ran the handler */

	/* kill() to the process while main blocks it: another thread takes it. */
	handled_tid = 0;
	pthread_create(&t, NULL, spin_until_stopped, NULL);
	tid = pthread_gettid_np(t);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);	/* after the create: the thread does not */
	usleep(10000);
	kill(getpid(), SIGUSR1);
	pthread_join(t, NULL);
	EXPECT_EQ(handled_tid, tid);
	sigprocmask(SIG_SETMASK, &old, NULL);
	signal(SIGUSR1, SIG_DFL);
	EXPECT_EQ(pthread_kill(pthread_self(), 0), 0);
	ktap_case("thread_signal");
}

/* --- what ends the whole process -------------------------------------- */

static void *sleep_forever(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

static void *exit_five(void *arg)
{
	(void)arg;
	usleep(10000);
	exit(5);
}

static void child_exit_from_thread(void)
{
	pthread_t t;

	pthread_create(&t, NULL, sleep_forever, NULL);
	pthread_create(&t, NULL, exit_five, NULL);
	for (;;)
		pause();		/* ended by the other thread's exit() */
}

static volatile int *volatile bad_ptr = (volatile int *)16;

static void *fault(void *arg)
{
	(void)arg;
	usleep(10000);
	*bad_ptr = 1;
	return NULL;
}

static void child_fault_in_thread(void)
{
	pthread_t t;

	pthread_create(&t, NULL, sleep_forever, NULL);
	pthread_create(&t, NULL, fault, NULL);
	pthread_join(t, NULL);
}

static volatile int depth_limit = 1 << 30;	/* never reached: the guard page is */

static int deep(int n)
{
	volatile char pad[256];

	pad[0] = (char)n;
	if (n > depth_limit)
		return 0;
	return deep(n + 1) + pad[0];
}

static void *overflow(void *arg)
{
	return (void *)(intptr_t)deep((int)(intptr_t)arg);
}

static void child_stack_overflow(void)
{
	pthread_t t;

	pthread_create(&t, NULL, overflow, NULL);
	pthread_join(t, NULL);
}

static void child_main_exits_thread_runs(void)
{
	pthread_t t;

	pthread_create(&t, NULL, exit_five, NULL);
	pthread_exit(NULL);	/* the process lives on in the other thread */
}

static void *exec_from_thread(void *arg)
{
	char *argv[] = { (char *)self, "--exit7", NULL };

	(void)arg;
	usleep(10000);
	execv(self, argv);
	_exit(99);
}

static void child_exec_in_thread(void)
{
	pthread_t t;

	pthread_create(&t, NULL, sleep_forever, NULL);
	pthread_create(&t, NULL, exec_from_thread, NULL);
	for (;;)
		pause();		/* ended by the exec */
}

static void test_process_end(void)
{
	int st;
	pid_t pid;
	pthread_t t;

	st = in_child(child_exit_from_thread);
	EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 5);
	st = in_child(child_fault_in_thread);
	EXPECT_TRUE(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
	st = in_child(child_stack_overflow);
	EXPECT_TRUE(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);	/* the guard page */
	st = in_child(child_main_exits_thread_runs);
	EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 5);
	st = in_child(child_exec_in_thread);
	EXPECT_EQ(st, 7 << 8);			/* exited with 7 */

	pid = fork();
	if (pid == 0) {
		pthread_create(&t, NULL, sleep_forever, NULL);
		pthread_create(&t, NULL, sleep_forever, NULL);
		sleep_forever(NULL);
	}
	usleep(50000);
	kill(pid, SIGKILL);
	EXPECT_EQ(waitpid(pid, &st, 0), pid);
	EXPECT_TRUE(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	ktap_case("process_end");
}

/* --- the raw calls ---------------------------------------------------- */

static void test_raw_calls(void)
{
	static int word = 7;
	struct abi_timespec ts = { 0, 50 * 1000000 };
	double t0;

	/* syscall() is raw: -errno with Linux's numbers. */
	EXPECT_EQ(syscall(__NR_futex, &word, ABI_FUTEX_WAIT, 8, NULL), -L_EAGAIN);
	t0 = now();
	EXPECT_EQ(syscall(__NR_futex, &word, ABI_FUTEX_WAIT, 7, &ts), -L_ETIMEDOUT);
	EXPECT_TRUE(now() - t0 >= 0.045);
	EXPECT_EQ(syscall(__NR_futex, (char *)&word + 1, ABI_FUTEX_WAIT, 7, NULL), -L_EINVAL);
	EXPECT_EQ(syscall(__NR_futex, (void *)0xc0000000, ABI_FUTEX_WAIT, 0, NULL), -L_EFAULT);
	EXPECT_EQ(syscall(__NR_futex, (void *)16, ABI_FUTEX_WAIT, 0, NULL), -L_EFAULT);
	EXPECT_EQ(syscall(__NR_futex, &word, ABI_FUTEX_WAIT, 7, (void *)16), -L_EFAULT);
	EXPECT_EQ(syscall(__NR_futex, &word, ABI_FUTEX_WAKE, 1), 0);	/* nobody waits */
	EXPECT_EQ(syscall(__NR_futex, &word, 99, 0), -L_ENOSYS);
	EXPECT_EQ(syscall(__NR_clone, ABI_CLONE_THREAD | ABI_CLONE_VM, 0, 0, 0, 0), -L_EINVAL);
	/*
	 * Shared memory without shared everything else: refused here, not
	 * half done (Linux makes such a process; so qemu-arm on a host would).
	 */
	if (on_our_kernel()) {
		EXPECT_EQ(syscall(__NR_clone, ABI_CLONE_VM | L_SIGCHLD, 0, 0, 0, 0), -L_EINVAL);
		EXPECT_EQ(syscall(__NR_clone, 0x80000000 | L_SIGCHLD, 0, 0, 0, 0), -L_EINVAL);
	}
	EXPECT_EQ(syscall(__NR_tgkill, getpid(), 999999, 0), -L_ESRCH);
	ktap_case("raw_calls");
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc > 1 && !strcmp(argv[1], "--exit7"))
		return 7;
	ktap_begin("thread", 12);
	test_create_join();
	test_mutex_contention();
	test_mutex_types();
	test_cond_queue();
	test_cond_timedwait();
	test_once_keys_errno();
	test_malloc_threads();
	test_detached_no_leak();
	test_thread_signal();
	test_process_end();
	test_raw_calls();
	/* On a host, qemu-arm has threads of its own in the count. */
	if (on_our_kernel()) {
		pthread_t t[3];
		char buf[512];
		FILE *f;
		int threads = -1;

		stop_spin = 0;
		handled_tid = 0;
		for (int i = 0; i < 3; i++)
			pthread_create(&t[i], NULL, spin_until_stopped, NULL);
		f = fopen("/proc/self/status", "r");
		while (f && fgets(buf, sizeof(buf), f))
			sscanf(buf, "Threads: %d", &threads);
		if (f)
			fclose(f);
		stop_spin = 1;
		for (int i = 0; i < 3; i++)
			pthread_join(t[i], NULL);
		EXPECT_EQ(threads, 4);
		ktap_case("proc_status_threads");
	} else {
		ktap_skip("proc_status_threads", "not this kernel (qemu-arm on a host)");
	}
	return ktap_end();
}
