// SPDX-License-Identifier: GPL-2.0
/*
 * sysfuzz [-t SECONDS] [-n CALLS] [-s SEED]: random system calls with
 * random and hostile arguments (bad and kernel pointers, huge lengths,
 * negative descriptors) for a bounded time.  The calls run in a child
 * process that is replaced whenever it dies (a signal from a call that
 * really may kill, such as a fault in our own code, counts as the end of
 * that child, not a failure) or blocks (a read from a pipe it made
 * itself: killed after 2 s without progress).  The test fails if no
 * child ran or the system cannot fork, exit and wait afterwards.
 * A denylist keeps out calls that would end the test itself: exit,
 * exit_group, kill/tgkill (could hit init or us), reboot, execve, fork
 * family (unbounded processes), rt_sigreturn, sigsuspend, blocking
 * sleeps, chdir/fchdir.  Path arguments are bad pointers or names from a
 * fixed list inside the child's own directory (the one absolute name too,
 * so that a symlink made there resolves inside it), never other memory (a
 * directory entry read into the scratch buffer, or bytes of our own
 * image, must not become an unlink or rename of a real file); mount and
 * umount2 get only bad pointers.  So it is safe to run on a development
 * host as root too.
 * Afterwards the kernel must not have leaked memory: /proc/meminfo's
 * live allocations (HeapObjects) and the memory not in use outside the
 * slabs (MemFree + Slab) are compared before and after, once every child
 * is reaped and the directory removed (see LEAK_MAX_OBJECTS for why the
 * comparison is exact).  Without /proc/meminfo (a host) that case is
 * skipped.
 * The seed is printed so that a failure can be replayed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"
#include "meminfo_util.h"

static const int allowed[] = {
	__NR_read, __NR_write, __NR_open, __NR_close, __NR_link, __NR_unlink,
	__NR_lseek, __NR_getpid, __NR_mount, __NR_access,
	__NR_sync, __NR_rename, __NR_mkdir, __NR_rmdir, __NR_dup, __NR_pipe,
	__NR_times, __NR_brk, __NR_umount2, __NR_ioctl, __NR_fcntl,
	__NR_setpgid, __NR_umask, __NR_dup2, __NR_getppid, __NR_getpgrp,
	__NR_gettimeofday, __NR_symlink, __NR_readlink, __NR_munmap,
	__NR_truncate, __NR_ftruncate, __NR_statfs, __NR_fstatfs,
	__NR_wait4, __NR_sysinfo, __NR_fsync, __NR_uname, __NR_mprotect,
	__NR_getpgid, __NR__llseek, __NR_writev, __NR_getsid,
	__NR_sched_yield, __NR_poll, __NR_rt_sigaction, __NR_rt_sigprocmask,
	__NR_rt_sigpending, __NR_getcwd, __NR_mmap2, __NR_stat64,
	__NR_lstat64, __NR_fstat64, __NR_getuid32, __NR_getgid32,
	__NR_geteuid32, __NR_getegid32, __NR_getdents64, __NR_fcntl64,
	__NR_gettid, __NR_set_tid_address, __NR_clock_gettime,
	__NR_statfs64, __NR_openat, __NR_fstatat64, __NR_dup3, __NR_pipe2,
	__NR_futex,
	__NR__newselect, __NR_pselect6, __NR_ppoll,
	/*
	 * not implemented or unknown numbers must give ENOSYS, not crash
	 * (numbers past 0x0fffff raise SIGILL on ARM Linux: left out)
	 */
	0, 7, 500, 1000, 4095, 0x0f0100,
};

#define NALLOWED (int)(sizeof(allowed) / sizeof(allowed[0]))

static unsigned long long rng;

static unsigned long rnd(void)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned long)(rng >> 33);
}

static char scratch[4096];
/* A zero timeout (timespec or timeval) for the poll family; written back as 0. */
static long zero_time[2];

/*
 * The only names a path argument may be: relative ones in the child's own
 * directory, and one absolute name in it (set by main(), "<dir>/abs").
 */
static char abs_path[80];
static const char *const safe_paths[] = {
	abs_path, "f1", "f2", "d1", "d1/f3", "d1/d2", "",
	"/nonexistent/x",
};

/* bit i set: argument i of the call is a path (or a string) */
static unsigned int path_args(int nr)
{
	switch (nr) {
	case __NR_open: case __NR_unlink: case __NR_access: case __NR_mkdir:
	case __NR_rmdir: case __NR_truncate: case __NR_statfs:
	case __NR_stat64: case __NR_lstat64: case __NR_readlink:
	case __NR_statfs64:
		return 1;
	case __NR_link: case __NR_rename: case __NR_symlink:
		return 3;
	case __NR_openat: case __NR_fstatat64:
		return 2;
	default:
		return 0;
	}
}

/*
 * Addresses that can never be user memory: the first page and the kernel
 * half below the vectors page (0xffff0000 is readable on ARM Linux, so
 * a name could be read from there).  Any other pointer might read a name
 * from our own image or heap, which could start with '/'.
 */
static int surely_bad(long v)
{
	unsigned long u = (unsigned long)v;

	return u < 4096 || (u >= 0xc0000000UL && u < 0xffff0000UL);
}

static int is_safe_path(long v)
{
	for (size_t i = 0; i < sizeof(safe_paths) / sizeof(safe_paths[0]); i++)
		if (v == (long)safe_paths[i])
			return 1;
	return 0;
}

static void sanitize(int nr, long a[6])
{
	unsigned int mask = path_args(nr);
	int k;

	for (k = 0; k < 6; k++) {
		if (nr == __NR_mount || nr == __NR_umount2) {
			if (!surely_bad(a[k]) && (k < 3 || nr == __NR_umount2))
				a[k] = 0xc0000000;
		} else if ((mask & (1u << k)) && !surely_bad(a[k])) {
			a[k] = (long)safe_paths[rnd() % (sizeof(safe_paths) /
							sizeof(safe_paths[0]))];
		} else if (!(mask & (1u << k)) && is_safe_path(a[k])) {
			/*
			 * A name only where a path goes: a call that writes
			 * through a buffer argument (read, poll's revents...)
			 * would rewrite abs_path, and later calls would make
			 * names outside the directory.
			 */
			a[k] = (long)(scratch + rnd() % sizeof(scratch));
		}
	}
}

static long hostile(void)
{
	static const unsigned long vals[] = {
		0, 1, 2, 0xffffffff, 0x7fffffff, 0x80000000, 0xc0000000,
		0xc0008000, 0xffff0000, 0xfffff000, 4096, 65536, 0x10000000,
		(unsigned long)-100 /* AT_FDCWD */, (unsigned long)-1,
	};

	switch (rnd() % 6) {
	case 0:
		return vals[rnd() % (sizeof(vals) / sizeof(vals[0]))];
	case 1:
		return rnd() % 64;			/* small, fd-like */
	case 2:
		return (long)(scratch + rnd() % sizeof(scratch));
	case 3:
		return (long)safe_paths[rnd() % 4];	/* a real path */
	case 4:
		return (long)rnd() << 1 ^ rnd();
	default:
		return -(long)(rnd() % 200);		/* negative */
	}
}

/* Descriptors a child may inherit: past the kernel's 32 and the fd-like args. */
#define FUZZ_FDS	64

/* The child: make calls until the deadline; report progress via a pipe. */
static void fuzz_child(int progress_fd, long calls, double deadline,
		       const char *dir)
{
	struct timespec ts;
	long i;

	if (chdir(dir) < 0)
		_exit(3);

	signal(SIGPIPE, SIG_IGN);
	/*
	 * random writes must not reach the console: no stdin/out/err; and no
	 * descriptor we were given either (selftest's end of the pipe that
	 * carries our output): an fcntl(O_NONBLOCK) or read on it would reach
	 * the reader, whose description it shares
	 */
	for (int fd = 0; fd < FUZZ_FDS; fd++)
		if (fd != progress_fd)
			close(fd);
	for (i = 0; i < calls; i++) {
		int nr = allowed[rnd() % NALLOWED];
		long a[6];
		int k;

		for (k = 0; k < 6; k++)
			a[k] = hostile();
		sanitize(nr, a);
		/* keep our own stdout/err and progress pipe open and usable */
		/* keep the progress pipe open */
		if ((nr == __NR_close && a[0] == progress_fd) ||
		    ((nr == __NR_dup2 || nr == __NR_dup3) && a[1] == progress_fd))
			continue;
		/* no unmapping or re-protecting of our own image and stack */
		if (nr == __NR_munmap || nr == __NR_mprotect || nr == __NR_mmap2) {
			a[0] = 0x20000000 + (rnd() % 16) * 4096;
			a[1] &= 0xffff;
		}
		/*
		 * a handler at a random address only shows that a program
		 * can kill itself: pass bad pointers, never install one
		 */
		if (nr == __NR_rt_sigaction && !surely_bad(a[1]))
			a[1] = 0xc0000000;
		/* wait4 and the poll family could block: never wait */
		if (nr == __NR_wait4)
			a[2] = 1;			/* WNOHANG */
		if (nr == __NR_poll)
			a[2] = 0;
		/* a NULL timeout waits for ever; other bad pointers give EFAULT */
		if (nr == __NR_ppoll && (!a[2] || !surely_bad(a[2])))
			a[2] = (long)zero_time;
		if ((nr == __NR__newselect || nr == __NR_pselect6) &&
		    (!a[4] || !surely_bad(a[4])))
			a[4] = (long)zero_time;
		/* FUTEX_WAIT on a word that matches would sleep for ever */
		if (nr == __NR_futex && (!a[3] || !surely_bad(a[3])))
			a[3] = (long)zero_time;
		if (nr == __NR_read && a[0] == progress_fd)
			continue;
		/* a pipe we made ourselves would block a read or write forever */
		if (nr == __NR_read || nr == __NR_write || nr == __NR_writev)
			syscall(__NR_fcntl64, a[0], 4 /* F_SETFL */, 04000 /* O_NONBLOCK */);
		syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		if ((i & 255) == 0) {
			write(progress_fd, "p", 1);
			clock_gettime(CLOCK_MONOTONIC, &ts);
			if (ts.tv_sec + ts.tv_nsec / 1e9 > deadline)
				break;
		}
	}
	_exit(0);
}

/* Remove @path if it is a file, a symlink or an empty directory. */
static int remove_one(const char *path)
{
	return unlink(path) == 0 || rmdir(path) == 0;
}

/*
 * Move the entries of directory @sub up into @top under fresh names, so
 * that @sub can be removed.  Returns how many moved.
 */
static int hoist(const char *sub, const char *top)
{
	static unsigned long next;
	char from[512], to[512];
	struct dirent *d;
	int moved = 0;
	DIR *dp;

	dp = opendir(sub);
	while (dp && (d = readdir(dp))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		snprintf(from, sizeof(from), "%s/%s", sub, d->d_name);
		snprintf(to, sizeof(to), "%s/.h%lu", top, next++);
		moved += rename(from, to) == 0;
	}
	if (dp)
		closedir(dp);
	return moved;
}

/*
 * Remove the directory @top and whatever the calls left in it.  Renames
 * nest directories to any depth, so instead of recursing (and running out
 * of path length) it lifts the contents of each subdirectory up into @top
 * until everything can be removed; a pass that changes nothing ends it.
 */
static void clean_tree(const char *top)
{
	char sub[512];
	struct dirent *d;
	int progress = 1;
	DIR *dp;

	while (progress) {
		progress = 0;
		dp = opendir(top);
		if (!dp)
			break;
		while ((d = readdir(dp))) {
			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", top, d->d_name);
			progress += remove_one(sub) || hoist(sub, top);
		}
		closedir(dp);
	}
	rmdir(top);
}

/*
 * clean_tree() in a child process: its opendir() buffers (two at a time
 * when it hoists) would otherwise grow our heap between the memory
 * snapshots, and that is our memory, not the kernel's.  Returns 1 when
 * @dir is gone.
 */
static int remove_tree(const char *dir)
{
	struct stat sb;
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		clean_tree(dir);
		_exit(0);
	}
	if (pid < 0)
		clean_tree(dir);
	else
		waitpid(pid, &st, 0);
	return stat(dir, &sb) < 0 && errno == ENOENT;
}

/* Memory in use outside the slabs (pages, kernel stacks, large blocks...). */
static long unslab_free_kb(const struct mem_snapshot *m)
{
	return m->free_kb + m->slab_kb;
}

static int read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return n > 0 ? 0 : -1;
}


/*
 * A snapshot once the threads of reaped processes are gone: an idle CPU
 * frees them (and their kernel stacks) a moment after the reap, and
 * counting them as in use would hide as much.  Two equal readings 100 ms
 * apart end the wait.
 */
static int settled_snapshot(struct mem_snapshot *m)
{
	struct mem_snapshot prev;

	if (mem_snapshot(m) < 0)
		return -1;
	for (int tries = 0; tries < 10; tries++) {
		prev = *m;
		usleep(100 * 1000);
		if (mem_snapshot(m) < 0)
			return -1;
		if (m->objects == prev.objects && unslab_free_kb(m) == unslab_free_kb(&prev))
			break;
	}
	return 0;
}

/* /proc/slabinfo, kept from before the run to show what grew on a failure. */
static char slabinfo_before[2048];

/* The active count of cache @name in slabinfo text @text (0 if absent). */
static unsigned long slab_active(const char *text, const char *name)
{
	size_t len = strlen(name);
	unsigned long active;
	const char *p;

	for (p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, name, len) && p[len] == ' ' &&
		    sscanf(p + len, "%lu", &active) == 1)
			return active;
	return 0;
}

/* Print the caches whose active object count changed since the start. */
static void slab_diff(void)
{
	char after[2048], name[32], *line, *save;
	unsigned long active, was;

	if (read_file("/proc/slabinfo", after, sizeof(after)) < 0)
		return;
	for (line = strtok_r(after, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (sscanf(line, "%31s %lu", name, &active) != 2)
			continue;
		was = slab_active(slabinfo_before, name);
		if (active != was)
			printf("#   %-16s active %lu -> %lu\n", name, was, active);
	}
}

/*
 * No tolerance.  What a run may legitimately change is kept out of the two
 * snapshots instead of being allowed for:
 *  - files the calls made: the work directory is removed before each
 *    snapshot (a tree that cannot be removed fails its own case; it did
 *    when rename() could not move a directory);
 *  - what runs once and then stays (our heap, stack and page tables, the
 *    dentries of /tmp and of the /proc files read here): a warm-up round
 *    runs every path of the measured one before the first snapshot, and
 *    the tree is removed by a child (remove_tree());
 *  - threads of reaped processes, freed a moment later by an idle CPU:
 *    both snapshots wait for that (settled_snapshot(), leak_check());
 *  - free objects kept for reuse: those parked in per-CPU slab arrays are
 *    not HeapObjects, and the pages of every slab are counted apart
 *    (Slab), because how many pages the same live objects fill depends on
 *    the order of allocations and frees (a slab goes back to the page
 *    allocator only once empty).  Objects are checked exactly by
 *    HeapObjects, every other page (stacks, page tables, user pages, large
 *    blocks) exactly by MemFree + Slab.
 * One object leaked per 50 calls of one system call shows as about 80
 * HeapObjects over a 10 s run, one page per 50 calls as about 300 kB.
 */
#define LEAK_MAX_OBJECTS	0
#define LEAK_MAX_FREE_KB	0	/* of MemFree + Slab */

/* Compare kernel memory with @before; every child is reaped by now. */
static void leak_check(const struct mem_snapshot *before)
{
	struct mem_snapshot after = { 0 };
	long objects, free_kb;

	/* An exited thread's stack may be freed a moment after the reap. */
	for (int tries = 0; tries < 10; tries++) {
		if (mem_snapshot(&after) < 0)
			break;
		objects = after.objects - before->objects;
		free_kb = unslab_free_kb(before) - unslab_free_kb(&after);
		if (objects <= LEAK_MAX_OBJECTS && free_kb <= LEAK_MAX_FREE_KB)
			break;
		usleep(100 * 1000);
	}
	objects = after.objects - before->objects;
	free_kb = unslab_free_kb(before) - unslab_free_kb(&after);
	printf("# kernel memory: HeapObjects %ld -> %ld (%+ld), MemFree %ld -> %ld kB, "
	       "Slab %ld -> %ld kB, MemFree + Slab %+ld kB\n",
	       before->objects, after.objects, objects, before->free_kb, after.free_kb,
	       before->slab_kb, after.slab_kb, -free_kb);
	if (objects > LEAK_MAX_OBJECTS || free_kb > LEAK_MAX_FREE_KB)
		slab_diff();
	EXPECT_TRUE(objects <= LEAK_MAX_OBJECTS);
	EXPECT_TRUE(free_kb <= LEAK_MAX_FREE_KB);	/* MemFree + Slab */
	ktap_case("no_kernel_memory_leak");
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Read progress until the child ends; kill it if it stalls.  1 if killed. */
static int watch(pid_t pid, int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char buf[64];

	for (;;) {
		if (poll(&p, 1, 2000) == 0) {
			kill(pid, SIGKILL);
			return 1;
		}
		if (read(fd, buf, sizeof(buf)) <= 0)
			return 0;
	}
}

struct run {
	const char *dir;
	long calls;			/* per child */
	long children, killed, blocked;
	long by_signal[32];
};

/*
 * Fuzz in @r->dir for @seconds: one child after another, child n drawing
 * its calls from the stream @seed + n, until the time is up.
 */
static void fuzz_for(struct run *r, unsigned long seed, double seconds)
{
	double deadline = now() + seconds;
	int st, fds[2];
	long n = 0;
	pid_t pid;

	while (now() < deadline) {
		if (pipe(fds) < 0)
			break;
		pid = fork();
		if (pid == 0) {
			close(fds[0]);
			rng = seed + n;	/* each child its own stream */
			fuzz_child(fds[1], r->calls, deadline, r->dir);
		}
		close(fds[1]);
		if (pid < 0) {
			close(fds[0]);
			break;
		}
		n++;
		r->children++;
		r->blocked += watch(pid, fds[0]);
		close(fds[0]);
		waitpid(pid, &st, 0);
		if (WIFSIGNALED(st)) {
			r->killed++;
			if (WTERMSIG(st) < 32)
				r->by_signal[WTERMSIG(st)]++;
		}
		while (waitpid(-1, &st, WNOHANG) > 0)
			;			/* anything the calls forked */
	}
}

/* A fuzzing round in a fresh work directory, removed afterwards: 1 if it is gone. */
static int round_in_dir(struct run *r, unsigned long seed, double seconds)
{
	if (mkdir(r->dir, 0755) < 0) {
		printf("# mkdir %s: %s\n", r->dir, strerror(errno));
		return 0;
	}
	fuzz_for(r, seed, seconds);
	return remove_tree(r->dir);
}

int main(int argc, char **argv)
{
	double seconds = 10;
	unsigned long seed = (unsigned long)time(NULL) ^ (unsigned long)getpid();
	struct run warmup = { 0 }, r = { 0 };
	struct mem_snapshot mem_before;
	int i, st, have_mem, removed;
	char dir[64];
	pid_t pid;

	r.calls = 2000000;
	for (i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "-t"))
			seconds = atof(argv[i + 1]);
		else if (!strcmp(argv[i], "-n"))
			r.calls = atol(argv[i + 1]);
		else if (!strcmp(argv[i], "-s"))
			seed = strtoul(argv[i + 1], NULL, 0);
	}
	ktap_begin("sysfuzz", 4);
	printf("# seed %lu, %.0f s\n", seed, seconds);
	snprintf(dir, sizeof(dir), "/tmp/sysfuzz.%d", (int)getpid());
	snprintf(abs_path, sizeof(abs_path), "%s/abs", dir);
	r.dir = warmup.dir = dir;
	warmup.calls = r.calls;
	/*
	 * Warm-up: a short round through every path of the measured one (with
	 * other streams than the seed's) and a read of each /proc file, so
	 * that what runs once and stays is there before the first snapshot.
	 */
	removed = round_in_dir(&warmup, ~seed, seconds < 1 ? seconds : 1);
	read_file("/proc/slabinfo", slabinfo_before, sizeof(slabinfo_before));
	have_mem = settled_snapshot(&mem_before) == 0;
	removed = round_in_dir(&r, seed, seconds) && removed;
	printf("# %ld children, %ld ended by a signal, %ld blocked\n",
	       r.children, r.killed, r.blocked);
	for (i = 1; i < 32; i++)
		if (r.by_signal[i])
			printf("# signal %d: %ld\n", i, r.by_signal[i]);
	EXPECT_TRUE(r.children > 0);
	ktap_case("fuzz_children_ran");
	/* the system still works: a plain fork/exit/wait round trip */
	pid = fork();
	if (pid == 0)
		_exit(5);
	EXPECT_EQ(waitpid(pid, &st, 0), pid);
	EXPECT_EQ(WEXITSTATUS(st), 5);
	ktap_case("system_alive_after");
	/* Whatever the calls made there (any names, any depth) can be removed. */
	if (!removed)
		printf("# %s could not be removed\n", dir);
	EXPECT_TRUE(removed);
	ktap_case("work_dir_removed");
	if (!have_mem)
		ktap_skip("no_kernel_memory_leak", "no /proc/meminfo");
	else if (!removed)
		ktap_skip("no_kernel_memory_leak", "the work directory still holds files");
	else
		leak_check(&mem_before);
	return ktap_end();
}
