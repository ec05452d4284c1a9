// SPDX-License-Identifier: GPL-2.0
/*
 * ubench [-n N] [-d DIR] [name,...]: system-call microbenchmarks measured
 * from user space, for `make bench-user` (init runs it when the kernel
 * command line has "ubench"; see scripts/bench.py).  Under QEMU with
 * -icount shift=0 the monotonic clock is virtual (1 ns per instruction),
 * so the figures are instruction counts and repeat from run to run.
 *
 *   getpid            the raw system call (svc in a loop, no libc)
 *   pipe_round_trip   1 byte to a child process through one pipe and back
 *                     through another (raw read/write on both sides)
 *   fork_exec_wait    fork, execve("/bin/true"), waitpid
 *   thread_create_join  pthread_create + pthread_join of a thread that returns
 *   futex_round_trip  two threads of one process take turns on a futex word
 *                     (FUTEX_WAKE the other, FUTEX_WAIT for it): a thread
 *                     switch each way, as pipe_round_trip is between processes
 *   file_write_fsync  open(O_CREAT) + write 4 KiB + fsync + close of a new
 *                     file in DIR (default /data); "skip" when DIR is not a
 *                     mount point (its st_dev is /'s)
 *
 * Each is run N times (default 20) after one untimed warm-up: N batches
 * of many operations for the first two (each batch timed as a whole, the
 * loop included), N single operations for the others.  One line each:
 *
 *   UBENCH name=getpid mean=139.2 min=139.0 unit=ns_per_op count=20000 target=150
 *   UBENCH name=file_write_fsync skip reason=/data is not a mount point
 *   UBENCH name=x error=-2
 *   UBENCH done cases=4 failed=0 skipped=0
 *
 * mean is the total time over the total count; min is the fastest batch
 * (per operation) or the fastest single operation.  Targets are upper
 * bounds in ns from the issue.  Exit status 0 when no case failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SKIP	1	/* a run() result: not measurable here, reason given */

struct stats {
	uint64_t total_ns;
	uint64_t count;		/* operations measured */
	uint64_t min_x10;	/* fastest per-operation time, in tenths of ns */
	char reason[96];	/* why the case was skipped */
};

struct ubench {
	const char *name;
	unsigned int target_ns;	/* 0: none */
	int (*run)(struct stats *st);	/* 0, SKIP or -errno */
};

static int rounds = 20;
static const char *file_dir = "/data";

/* A system call straight to the kernel: the cost measured is the kernel's. */
static inline long raw_syscall3(long nr, long a, long b, long c)
{
	register long r0 __asm__("r0") = a;
	register long r1 __asm__("r1") = b;
	register long r2 __asm__("r2") = c;
	register long r7 __asm__("r7") = nr;

	__asm__ volatile("svc #0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r7) : "memory");
	return r0;
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
}

/* Account @ns spent on @ops operations. */
static void record(struct stats *st, uint64_t ns, uint64_t ops)
{
	uint64_t per_x10 = (ns * 10 + ops / 2) / ops;

	if (!st->count || per_x10 < st->min_x10)
		st->min_x10 = per_x10;
	st->total_ns += ns;
	st->count += ops;
}

/* --- getpid ---------------------------------------------------------- */

#define GETPID_BATCH	1000

static void getpid_batch(void)
{
	for (int i = 0; i < GETPID_BATCH; i++)
		raw_syscall3(__NR_getpid, 0, 0, 0);
}

static int run_getpid(struct stats *st)
{
	getpid_batch();
	for (int r = 0; r < rounds; r++) {
		uint64_t t0 = now_ns();

		getpid_batch();
		record(st, now_ns() - t0, GETPID_BATCH);
	}
	return 0;
}

/* --- pipe round trip ------------------------------------------------- */

#define PIPE_BATCH	100

/* The child: echo every byte from @in to @out until EOF. */
static void pipe_echo(int in, int out)
{
	char c;

	for (;;) {
		long n = raw_syscall3(__NR_read, in, (long)&c, 1);

		if (n != 1)
			_exit(n == 0 ? 0 : 1);
		if (raw_syscall3(__NR_write, out, (long)&c, 1) != 1)
			_exit(1);
	}
}

/* @n round trips; -EIO if a byte did not come back. */
static int pipe_batch(int to, int from, int n)
{
	char c = 'x';

	for (int i = 0; i < n; i++) {
		if (raw_syscall3(__NR_write, to, (long)&c, 1) != 1 ||
		    raw_syscall3(__NR_read, from, (long)&c, 1) != 1)
			return -EIO;
	}
	return 0;
}

static int run_pipe(struct stats *st)
{
	int to[2], from[2], status, err;
	pid_t pid = -1;

	if (pipe(to) < 0)
		return -errno;
	if (pipe(from) < 0) {
		err = -errno;
		goto out_close_to;
	}
	pid = fork();
	if (pid == 0) {
		close(to[1]);
		close(from[0]);
		pipe_echo(to[0], from[1]);
	}
	if (pid < 0) {
		err = -errno;
		goto out_close_from;
	}
	err = pipe_batch(to[1], from[0], PIPE_BATCH);
	for (int r = 0; r < rounds && !err; r++) {
		uint64_t t0 = now_ns();

		err = pipe_batch(to[1], from[0], PIPE_BATCH);
		if (!err)
			record(st, now_ns() - t0, PIPE_BATCH);
	}
out_close_from:
	close(from[0]);
	close(from[1]);
out_close_to:
	close(to[0]);
	close(to[1]);		/* the child sees EOF and exits */
	if (pid <= 0)
		return err;
	if (waitpid(pid, &status, 0) != pid)
		return err ? err : -errno;
	if (!err && (!WIFEXITED(status) || WEXITSTATUS(status)))
		err = -EIO;
	return err;
}

/* --- fork + exec + wait ---------------------------------------------- */

static int fork_exec_wait(void)
{
	static char *const argv[] = { "true", NULL };
	static char *const envp[] = { NULL };
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -errno;
	if (pid == 0) {
		execve("/bin/true", argv, envp);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -errno;
	if (!WIFEXITED(status))
		return -EINTR;
	return WEXITSTATUS(status) == 127 ? -ENOENT : WEXITSTATUS(status) ? -EIO : 0;
}

static int run_fork_exec(struct stats *st)
{
	int err = fork_exec_wait();

	for (int r = 0; r < rounds && !err; r++) {
		uint64_t t0 = now_ns();

		err = fork_exec_wait();
		if (!err)
			record(st, now_ns() - t0, 1);
	}
	return err;
}

/* --- file create + write + fsync + close ----------------------------- */

#define FILE_BYTES	4096

static unsigned char file_buf[FILE_BYTES];

/* One new file of FILE_BYTES; *@ns gets the time, the unlink is not timed. */
static int write_one(const char *path, uint64_t *ns)
{
	uint64_t t0 = now_ns();
	int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	int err = 0;

	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, file_buf, FILE_BYTES);
	if (n != FILE_BYTES)
		err = n < 0 ? -errno : -EIO;
	else if (fsync(fd) < 0)
		err = -errno;
	if (close(fd) < 0 && !err)
		err = -errno;
	*ns = now_ns() - t0;
	unlink(path);
	return err;
}

static int run_file(struct stats *st)
{
	struct stat d, root;
	uint32_t x = 2463534242u;
	char path[256];
	uint64_t ns;
	int err;

	if (stat(file_dir, &d) < 0) {
		snprintf(st->reason, sizeof(st->reason), "%s: %s", file_dir, strerror(errno));
		return SKIP;
	}
	if (stat("/", &root) < 0)
		return -errno;
	if (d.st_dev == root.st_dev) {
		snprintf(st->reason, sizeof(st->reason), "%s is not a mount point", file_dir);
		return SKIP;
	}
	/* Incompressible data: LogFS compresses, and zeroes would cost nothing. */
	for (int i = 0; i < FILE_BYTES; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		file_buf[i] = (unsigned char)x;
	}
	snprintf(path, sizeof(path), "%s/ubench.warmup", file_dir);
	err = write_one(path, &ns);
	for (int r = 0; r < rounds && !err; r++) {
		snprintf(path, sizeof(path), "%s/ubench.%d", file_dir, r);
		err = write_one(path, &ns);
		if (!err)
			record(st, ns, 1);
	}
	return err;
}

/* --- threads -------------------------------------------------------- */

static void *thread_returns(void *arg)
{
	return arg;
}

static int run_thread_create(struct stats *st)
{
	pthread_t t;
	int err;

	for (int r = -1; r < rounds; r++) {		/* -1: the warm-up */
		uint64_t t0 = now_ns();

		err = pthread_create(&t, NULL, thread_returns, NULL);
		if (err)
			return -err;
		pthread_join(t, NULL);
		if (r >= 0)
			record(st, now_ns() - t0, 1);
	}
	return 0;
}

#define FUTEX_BATCH	100

/* Whose turn it is: 0 the main thread's, 1 the partner's, 2 stop. */
static volatile int turn;

static void pass_turn(int to)
{
	__atomic_store_n(&turn, to, __ATOMIC_RELEASE);
	syscall(__NR_futex, &turn, 1 | 128, 1);			/* FUTEX_WAKE_PRIVATE */
}

static void wait_turn(int mine)
{
	int t;

	while ((t = __atomic_load_n(&turn, __ATOMIC_ACQUIRE)) != mine && t != 2)
		syscall(__NR_futex, &turn, 0 | 128, t, NULL);	/* FUTEX_WAIT_PRIVATE */
}

static void *futex_partner(void *arg)
{
	(void)arg;
	for (;;) {
		wait_turn(1);
		if (turn == 2)
			return NULL;
		pass_turn(0);
	}
}

static int run_futex(struct stats *st)
{
	pthread_t t;
	int err;

	turn = 0;
	err = pthread_create(&t, NULL, futex_partner, NULL);
	if (err)
		return -err;
	for (int r = -1; r < rounds; r++) {
		uint64_t t0 = now_ns();

		for (int i = 0; i < FUTEX_BATCH; i++) {
			pass_turn(1);
			wait_turn(0);
		}
		if (r >= 0)
			record(st, now_ns() - t0, FUTEX_BATCH);
	}
	pass_turn(2);
	pthread_join(t, NULL);
	return 0;
}

/* --- runner ---------------------------------------------------------- */

static const struct ubench cases[] = {
	{ "getpid", 150, run_getpid },
	{ "pipe_round_trip", 2000, run_pipe },
	{ "fork_exec_wait", 0, run_fork_exec },
	{ "thread_create_join", 0, run_thread_create },
	{ "futex_round_trip", 0, run_futex },
	{ "file_write_fsync", 0, run_file },
};

#define NCASES (int)(sizeof(cases) / sizeof(cases[0]))

/* Is @name in the comma-separated @filter (NULL selects everything)? */
static int selected(const char *filter, const char *name)
{
	size_t len = strlen(name);
	const char *p = filter;

	if (!filter)
		return 1;
	while (p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == len && !strncmp(p, name, n))
			return 1;
		p = end ? end + 1 : NULL;
	}
	return 0;
}

static void report(const struct ubench *c, const struct stats *st)
{
	uint64_t mean_x10 = (st->total_ns * 10 + st->count / 2) / st->count;

	printf("UBENCH name=%s mean=%llu.%llu min=%llu.%llu unit=ns_per_op count=%llu",
	       c->name, (unsigned long long)(mean_x10 / 10), (unsigned long long)(mean_x10 % 10),
	       (unsigned long long)(st->min_x10 / 10), (unsigned long long)(st->min_x10 % 10),
	       (unsigned long long)st->count);
	if (c->target_ns)
		printf(" target=%u", c->target_ns);
	printf("\n");
}

static void usage(void)
{
	fprintf(stderr, "usage: ubench [-n N] [-d DIR] [name,...]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *filter = NULL;
	int opt, ran = 0, failed = 0, skipped = 0;

	while ((opt = getopt(argc, argv, "n:d:")) != -1) {
		if (opt == 'n' && atoi(optarg) > 0)
			rounds = atoi(optarg);
		else if (opt == 'd')
			file_dir = optarg;
		else
			usage();
	}
	if (optind < argc)
		filter = argv[optind];
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("# ubench: %d rounds each; file case in %s\n", rounds, file_dir);
	for (int i = 0; i < NCASES; i++) {
		const struct ubench *c = &cases[i];
		struct stats st = { 0 };
		int ret;

		if (!selected(filter, c->name))
			continue;
		ran++;
		ret = c->run(&st);
		if (ret == SKIP) {
			printf("UBENCH name=%s skip reason=%s\n", c->name, st.reason);
			skipped++;
		} else if (ret < 0 || !st.count) {
			printf("UBENCH name=%s error=%d\n", c->name, ret < 0 ? ret : -EIO);
			failed++;
		} else {
			report(c, &st);
		}
	}
	printf("UBENCH done cases=%d failed=%d skipped=%d\n", ran, failed, skipped);
	if (!ran)
		fprintf(stderr, "ubench: no case matches '%s'\n", filter);
	return failed || !ran ? 1 : 0;
}
