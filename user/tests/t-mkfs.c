// SPDX-License-Identifier: GPL-2.0
/*
 * t-mkfs [DIR]: mkfs.logfs and fsck.logfs, run as programs on images in
 * DIR (default $TMPDIR, else /tmp).  The programs are taken from the sbin/
 * of the root tree this test is installed in (/usr/lib/selftest/../../../
 * sbin: /sbin on the target, $(O)/rootfs/sbin on a host).
 *
 * Cases: format a new file (-s) and an existing one of an odd size, fsck
 * clean; a device too small (clear error, exit 1, the size it needs);
 * fsck of random bytes, of an image whose anchors or log are damaged, and
 * with the wrong sector size (exit 1, no crash); bad arguments (exit 2);
 * out of memory at every allocation of mkfs and of fsck (a clean exit,
 * never a crash); a device in /proc/mounts is refused; and, on our kernel
 * with loop devices, the whole path: mkfs.logfs on /dev/loopN, mount -t
 * logfs, write, umount, fsck clean.
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include <uapi/loop-crypt.h>

#include "ktap.h"
#include "loop_util.h"

#define NCASES		9
#define SEG		(128 * 1024)
#define OUT_MAX		4096

static char dir[200], img[256], mkfs[256], fsck[256];
static char out[OUT_MAX];	/* the last run's stdout + stderr */

/* The last run's output as KTAP diagnostics. */
static void show_output(void)
{
	const char *p = out;
	size_t n;

	while (*p) {
		n = strcspn(p, "\n");
		printf("#   %.*s\n", (int)n, p);
		p += n + (p[n] == '\n');
	}
}

/* Run @prog with @args (NULL-terminated); LOGFS_FAIL_ALLOC=@fail if >= 0. */
static int run(const char *prog, long fail, const char *const *args)
{
	char *argv[8], fails[24];
	int fds[2], st, n = 0, len = 0;
	ssize_t r;
	pid_t pid;

	argv[n++] = (char *)prog;
	while (*args && n < 7)
		argv[n++] = (char *)*args++;
	argv[n] = NULL;
	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		if (fail >= 0) {
			snprintf(fails, sizeof(fails), "%ld", fail);
			setenv("LOGFS_FAIL_ALLOC", fails, 1);
		}
		execv(prog, argv);
		printf("exec %s: %s\n", prog, strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	while ((r = read(fds[0], out + len, OUT_MAX - 1 - len)) > 0)
		len += r;
	out[len] = '\0';
	close(fds[0]);
	if (pid < 0) {
		printf("# fork: %s\n", strerror(errno));
		return -1;
	}
	if (waitpid(pid, &st, 0) != pid) {
		printf("# waitpid %d: %s\n", (int)pid, strerror(errno));
		return -1;
	}
	if (!WIFEXITED(st)) {
		printf("# %s killed by signal %d\n", prog, WTERMSIG(st));
		show_output();
		return -1;
	}
	return WEXITSTATUS(st);
}

#define RUN(prog, ...) run((prog), -1, (const char *const[]){ __VA_ARGS__, NULL })

/* A run must exit with @want and print @text (NULL: anything). */
#define EXPECT_RUN(want, call, text) do { \
	int _st = (call); \
	const char *_t = (text); \
	if (_st != (want) || (_t && !strstr(out, _t))) { \
		ktap_fail(__FILE__, __LINE__, "%s: exit %d, expected %d%s%s", \
			  #call, _st, (want), _t ? " and output with " : "", \
			  _t ? _t : ""); \
		show_output(); \
	} \
} while (0)

/* A file of @size bytes: zeros, or a fixed pseudo-random sequence. */
static int make_file(const char *path, size_t size, bool random)
{
	static unsigned char buf[4096];
	unsigned int x = 0x2545f491, i;
	size_t done = 0, n;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		return -1;
	while (done < size) {
		for (i = 0; i < sizeof(buf); i++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			buf[i] = random ? (unsigned char)x : 0;
		}
		n = size - done < sizeof(buf) ? size - done : sizeof(buf);
		if (write(fd, buf, n) != (ssize_t)n)
			break;
		done += n;
	}
	close(fd);
	return done == size ? 0 : -1;
}

/* Overwrite @len bytes at @pos with @byte. */
static int patch(const char *path, long pos, int byte, size_t len)
{
	char buf[512];
	int fd = open(path, O_WRONLY), ret;

	memset(buf, byte, sizeof(buf));
	if (fd < 0 || len > sizeof(buf))
		return -1;
	ret = lseek(fd, pos, SEEK_SET) == pos &&
	      write(fd, buf, len) == (ssize_t)len ? 0 : -1;
	close(fd);
	return ret;
}

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : (long)st.st_size;
}

static void test_format_new_file(void)
{
	unlink(img);
	EXPECT_RUN(0, RUN(mkfs, "-s", "4M", img), "32 segments of 128 KiB");
	EXPECT_EQ(file_size(img), 4 << 20);
	EXPECT_RUN(0, RUN(fsck, img), "clean");
	ktap_case("format_new_file");
}

/* An existing file of any content and an odd size: whole segments used. */
static void test_format_existing_file(void)
{
	EXPECT_EQ(make_file(img, 3 * 1024 * 1024 + 1000, true), 0);
	EXPECT_RUN(0, RUN(mkfs, img), "24 segments");
	EXPECT_EQ(file_size(img), 3 * 1024 * 1024 + 1000);
	EXPECT_RUN(0, RUN(fsck, img), "clean");
	/* formatting again over a filesystem gives a fresh one */
	EXPECT_RUN(0, RUN(mkfs, img), NULL);
	EXPECT_RUN(0, RUN(fsck, img), "clean");
	ktap_case("format_existing_file");
}

static void test_too_small(void)
{
	EXPECT_EQ(make_file(img, 15 * SEG, false), 0);
	EXPECT_RUN(1, RUN(mkfs, img), "too small for LogFS");
	EXPECT_TRUE(strstr(out, "needs at least 16") != NULL);
	EXPECT_RUN(1, RUN(mkfs, "-s", "100", img), "too small for LogFS");
	EXPECT_RUN(0, RUN(mkfs, "-s", "2M", img), NULL);	/* the minimum */
	ktap_case("too_small");
}

static void test_fsck_garbage(void)
{
	EXPECT_EQ(make_file(img, 4 << 20, true), 0);
	EXPECT_RUN(1, RUN(fsck, img), "no LogFS");
	EXPECT_EQ(make_file(img, 4 << 20, false), 0);	/* blank */
	EXPECT_RUN(1, RUN(fsck, img), "no LogFS");
	EXPECT_EQ(make_file(img, 1000, true), 0);	/* not one segment */
	EXPECT_RUN(1, RUN(fsck, img), "no LogFS");
	ktap_case("fsck_garbage");
}

static void test_fsck_damaged(void)
{
	EXPECT_RUN(0, RUN(mkfs, "-s", "4M", img), NULL);
	/* the anchor (journal segment 0, slot 0) gone: not a LogFS */
	EXPECT_EQ(patch(img, 0, 0, 512), 0);
	EXPECT_RUN(1, RUN(fsck, img), "no LogFS");
	/* the log's first objects (segment 2: the root directory) broken */
	EXPECT_RUN(0, RUN(mkfs, img), NULL);
	EXPECT_EQ(patch(img, 2 * SEG + 16, 0x5a, 64), 0);
	EXPECT_RUN(1, RUN(fsck, img), NULL);
	/* formatted with 512-byte sectors, checked as 4096: no match */
	EXPECT_RUN(0, RUN(mkfs, img), NULL);
	EXPECT_RUN(1, RUN(fsck, "-b", "4096", img), "no LogFS");
	EXPECT_RUN(0, RUN(fsck, "-b", "512", img), "clean");
	ktap_case("fsck_damaged");
}

static void test_bad_arguments(void)
{
	EXPECT_RUN(2, RUN(mkfs, "-x", img), "usage");
	EXPECT_RUN(2, run(mkfs, -1, (const char *const[]){ NULL }), "usage");
	EXPECT_RUN(2, RUN(mkfs, "-b", "1000", img), "power of two");
	EXPECT_RUN(2, RUN(mkfs, "-s", "lots", img), "not a size");
	EXPECT_RUN(0, RUN(mkfs, "-h"), "usage");
	EXPECT_RUN(2, RUN(fsck, img, img), "usage");
	EXPECT_RUN(1, RUN(mkfs, dir), NULL);			/* a directory */
	EXPECT_RUN(2, RUN(fsck, dir), "not a block device or a regular file");
	EXPECT_RUN(2, RUN(fsck, "/nonexistent/x"), "No such file");
	EXPECT_RUN(1, RUN(mkfs, "/nonexistent/x"), "No such file");
	ktap_case("bad_arguments");
}

/*
 * Allocation n + 1 of LogFS fails, for n = 0, 1, ... until the program
 * gets through: each earlier run must end cleanly (never a crash) with an
 * error, and the last one must have done the whole job.
 */
static void oom_sweep(const char *prog, const char *const *args,
		      int fail_status, const char *name)
{
	int n, st = -1;

	for (n = 0; n < 200; n++) {
		st = run(prog, n, args);
		if (st == 0)
			break;
		if (st != fail_status) {
			ktap_fail(__FILE__, __LINE__, "%s: allocation %d failing: "
				  "exit %d, expected %d", name, n + 1, st,
				  fail_status);
			show_output();
			return;
		}
	}
	EXPECT_EQ(st, 0);
	EXPECT_TRUE(n > 2);	/* the hook works: early allocations failed */
	printf("# %s: %d allocations made to fail\n", name, n);
}

static void test_out_of_memory(void)
{
	EXPECT_EQ(make_file(img, 4 << 20, false), 0);
	oom_sweep(mkfs, (const char *const[]){ img, NULL }, 1, "mkfs");
	EXPECT_RUN(0, RUN(fsck, img), "clean");
	oom_sweep(fsck, (const char *const[]){ img, NULL }, 2, "fsck");
	ktap_case("out_of_memory");
}

/* Some source in /proc/mounts that is a node we can name: fsck refuses it. */
static void test_refuses_mounted(void)
{
	char line[512], src[256] = "";
	struct stat st;
	FILE *f = fopen("/proc/mounts", "r");

	while (f && fgets(line, sizeof(line), f)) {
		size_t n = strcspn(line, " ");

		if (line[0] == '/' && n < sizeof(src)) {
			memcpy(src, line, n);
			src[n] = '\0';
			if (!stat(src, &st) && (S_ISBLK(st.st_mode) ||
						S_ISREG(st.st_mode)))
				break;
		}
		src[0] = '\0';
	}
	if (f)
		fclose(f);
	if (!src[0]) {
		ktap_skip("refuses_mounted", "no device source in /proc/mounts");
		return;
	}
	/* fsck only: it cannot harm the mounted filesystem if this failed */
	EXPECT_RUN(2, RUN(fsck, src), "is mounted");
	ktap_case("refuses_mounted");
}

static bool our_kernel(void)
{
	struct utsname u;

	return !uname(&u) && strcmp(u.sysname, "Linux");
}

/* On a block node: mkfs.logfs, mount -t logfs, write, umount, fsck. */
static void test_loop_device(void)
{
	char dev[32], mnt[256], file[300];
	int fd;

	if (!our_kernel() || access("/dev/loop-control", F_OK)) {
		ktap_skip("loop_device", "needs this kernel's loop devices");
		return;
	}
	EXPECT_EQ(make_file(img, 4 << 20, false), 0);
	if (loop_attach(img, O_RDWR, dev, sizeof(dev))) {
		ktap_fail(__FILE__, __LINE__, "loop attach: %s", strerror(errno));
		ktap_case("loop_device");
		return;
	}
	snprintf(mnt, sizeof(mnt), "%s/t-mkfs-mnt", dir);
	snprintf(file, sizeof(file), "%s/hello", mnt);
	mkdir(mnt, 0755);
	EXPECT_RUN(0, RUN(mkfs, dev), "32 segments");
	EXPECT_EQ(mount(dev, mnt, "logfs", 0, NULL), 0);
	fd = open(file, O_WRONLY | O_CREAT, 0644);
	EXPECT_EQ(write(fd, "hello\n", 6), 6);
	EXPECT_EQ(close(fd), 0);
	EXPECT_RUN(2, RUN(fsck, dev), "is mounted");
	EXPECT_RUN(1, RUN(mkfs, dev), "is mounted");
	EXPECT_EQ(umount(mnt), 0);
	EXPECT_RUN(0, RUN(fsck, dev), "clean");
	EXPECT_EQ(mount(dev, mnt, "logfs", MS_RDONLY, NULL), 0);
	EXPECT_EQ(file_size(file), 6);
	EXPECT_EQ(umount(mnt), 0);
	rmdir(mnt);
	loop_detach(dev);
	ktap_case("loop_device");
}

/* Our programs in the sbin/ of the tree that holds @self. */
static void find_programs(const char *self)
{
	const char *slash = strrchr(self, '/');
	int n = slash ? (int)(slash - self) : 1;

	snprintf(mkfs, sizeof(mkfs), "%.*s/../../../sbin/mkfs.logfs", n,
		 slash ? self : ".");
	snprintf(fsck, sizeof(fsck), "%.*s/../../../sbin/fsck.logfs", n,
		 slash ? self : ".");
	if (access(mkfs, X_OK) || access(fsck, X_OK)) {
		strcpy(mkfs, "/sbin/mkfs.logfs");
		strcpy(fsck, "/sbin/fsck.logfs");
	}
}

int main(int argc, char **argv)
{
	const char *d = argc > 1 ? argv[1] : getenv("TMPDIR");

	snprintf(dir, sizeof(dir), "%s", d && *d ? d : "/tmp");
	snprintf(img, sizeof(img), "%s/t-mkfs-%d.img", dir, (int)getpid());
	find_programs(argv[0]);
	ktap_begin("mkfs", NCASES);
	printf("# programs: %s, %s; images: %s\n", mkfs, fsck, img);
	test_format_new_file();
	test_format_existing_file();
	test_too_small();
	test_fsck_garbage();
	test_fsck_damaged();
	test_bad_arguments();
	test_out_of_memory();
	test_refuses_mounted();
	test_loop_device();
	unlink(img);
	return ktap_end();
}
