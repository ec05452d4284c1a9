// SPDX-License-Identifier: GPL-2.0
/*
 * /sbin/init: the first user process.  Mounts what /etc/fstab lists (or
 * proc, dev, sys and a ramfs /tmp without it), makes sure fds 0-2 are the
 * console, then either
 *   - selftest mode ("selftest" in argv or in /proc/cmdline): runs
 *     /bin/selftest, which prints KTAP, and exits with its status; the
 *     kernel turns "init exited with N in selftest mode" into power-off
 *     with exit status N (QEMU's exit status);
 *   - benchmark mode ("ubench" or "ubench=name,..." in /proc/cmdline, for
 *     `make bench-user`): runs /bin/ubench [names] and exits with its
 *     status, which the kernel turns into the exit status the same way;
 *   - normal mode: runs /etc/rc (sh script: opens /secure) once, then
 *     "/bin/sh -l" on the console, again whenever it exits, and reaps
 *     every orphan the kernel gives it.
 * Run as any pid other than 1 (tests on a host) it mounts nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int is_pid1;

static int mounted(const char *dir)
{
	struct stat d, parent;
	char up[256];

	snprintf(up, sizeof(up), "%s/..", dir);
	if (stat(dir, &d) < 0 || stat(up, &parent) < 0)
		return 0;
	return d.st_dev != parent.st_dev;
}

static void mount_one(const char *src, const char *dir, const char *type,
		      const char *opts)
{
	if (mounted(dir))
		return;
	if (mount(src, dir, type, mount_options_flags(opts), opts) < 0)
		fprintf(stderr, "init: mount %s on %s: %s\n", type, dir,
			strerror(errno));
}

static void mount_all(void)
{
	char line[256], src[64], dir[64], type[32], opts[32];
	FILE *f = fopen("/etc/fstab", "r");

	if (!f) {
		mount_one("none", "/proc", "procfs", "rw");
		mount_one("none", "/dev", "devfs", "rw");
		mount_one("none", "/sys", "sysfs", "rw");
		mount_one("none", "/tmp", "ramfs", "rw");
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		if (line[0] == '#')
			continue;
		if (sscanf(line, "%63s %63s %31s %31s", src, dir, type, opts) == 4)
			mount_one(src, dir, type, opts);
	}
	fclose(f);
}

/* The kernel should start us with the console open; if not, open it. */
static void setup_console(void)
{
	int fd;

	if (fcntl(0, F_GETFD) >= 0)
		return;
	fd = open("/dev/console", O_RDWR);
	if (fd < 0)
		return;
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
}

/*
 * @word or "@word=value" on the kernel command line (pid 1 only): the
 * value ("" for the bare word, in a static buffer), or NULL.
 */
static const char *cmdline_word(const char *word)
{
	static char buf[512];
	size_t len = strlen(word);
	char *tok;
	ssize_t n;
	int fd;

	if (!is_pid1)
		return NULL;
	fd = open("/proc/cmdline", O_RDONLY);
	if (fd < 0)
		return NULL;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	for (tok = strtok(buf, " \t\n"); tok; tok = strtok(NULL, " \t\n"))
		if (!strncmp(tok, word, len) && (!tok[len] || tok[len] == '='))
			return tok[len] ? tok + len + 1 : tok + len;
	return NULL;
}

static int want_selftest(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (!strncmp(argv[i], "selftest", 8))
			return 1;
	return cmdline_word("selftest") != NULL;
}

static pid_t spawn(char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		/* What init ignores must not stay ignored in its children
		 * (ignored signals survive exec). */
		signal(SIGINT, SIG_DFL);
		setsid();
		execvp(argv[0], argv);
		fprintf(stderr, "init: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
	return pid;
}

/* Wait for pid, reaping any other child (orphans) on the way. */
static int wait_reaping(pid_t pid)
{
	int st;
	pid_t got;

	for (;;) {
		got = waitpid(-1, &st, 0);
		if (got == pid)
			return st;
		if (got < 0 && errno == ECHILD)
			return -1;
	}
}

/* Run @argv once and return its exit status (1 if it did not exit). */
static int run_once(char *const argv[])
{
	pid_t pid = spawn(argv);
	int st;

	if (pid < 0)
		return 1;
	st = wait_reaping(pid);
	sync();
	if (st < 0 || !WIFEXITED(st))
		return 1;
	return WEXITSTATUS(st);
}

static void run_console(void)
{
	static char *const argv[] = { "/bin/sh", "-l", NULL };

	for (;;) {
		pid_t pid = spawn(argv);

		if (pid > 0)
			wait_reaping(pid);
		sleep(1);	/* a shell that dies at once must not spin */
	}
}

/*
 * /etc/rc, once, before the console shell: site setup that wants the
 * console (opening /secure asks for its passphrase).  Not in selftest or
 * benchmark mode, and only as pid 1.
 */
static void run_rc(void)
{
	static char *const argv[] = { "/bin/sh", "/etc/rc", NULL };
	pid_t pid;

	if (!is_pid1 || access("/etc/rc", R_OK) < 0)
		return;
	pid = spawn(argv);
	if (pid > 0)
		wait_reaping(pid);
}

int main(int argc, char **argv)
{
	const char *bench;

	is_pid1 = getpid() == 1;
	if (is_pid1) {
		mount_all();
		setup_console();
		setenv("PATH", "/bin:/sbin", 1);
		signal(SIGINT, SIG_IGN);
	} else if (!getenv("PATH")) {
		setenv("PATH", "/bin:/sbin", 1);
	}
	if (want_selftest(argc, argv)) {
		static char *const selftest_argv[] = { "selftest", NULL };

		return run_once(selftest_argv);
	}
	bench = cmdline_word("ubench");
	if (bench) {
		char *bench_argv[] = { "ubench", *bench ? (char *)bench : NULL, NULL };

		return run_once(bench_argv);
	}
	run_rc();
	run_console();
	return 0;
}
