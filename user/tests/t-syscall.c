// SPDX-License-Identifier: GPL-2.0
/*
 * System-call semantics through the C library: files (open, read, write,
 * lseek, stat, truncate), directories, links, descriptors, errno values,
 * bad pointers giving EFAULT (never a crash), and the misc calls (uname,
 * getcwd, clock_gettime, mmap, brk).  Works in a fresh directory under
 * argv[1] (default /tmp), removed at the end.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define KERNEL_ADDR	((void *)0xc0000000)
#define BAD_ADDR	((void *)1)

static char base[256];

static void path(char *buf, const char *name)
{
	snprintf(buf, 256, "%s/%s", base, name);
}

static void test_file_rw(void)
{
	char p[256], buf[64];
	struct stat st;
	int fd;

	path(p, "f");
	fd = open(p, O_RDWR | O_CREAT | O_TRUNC, 0644);
	EXPECT_TRUE(fd >= 0);
	EXPECT_EQ(write(fd, "hello world", 11), 11);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 11);
	EXPECT_EQ(lseek(fd, 6, SEEK_SET), 6);
	memset(buf, 0, sizeof(buf));
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 5);
	EXPECT_TRUE(!strcmp(buf, "world"));
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 0);	/* end of file */
	EXPECT_EQ(lseek(fd, -5, SEEK_END), 6);
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 11);
	EXPECT_TRUE(S_ISREG(st.st_mode));
	EXPECT_EQ(st.st_nlink, 1);
	/* a hole: seek past the end and write */
	EXPECT_EQ(lseek(fd, 100, SEEK_SET), 100);
	EXPECT_EQ(write(fd, "x", 1), 1);
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 101);
	EXPECT_EQ(lseek(fd, 50, SEEK_SET), 50);
	EXPECT_EQ(read(fd, buf, 1), 1);
	EXPECT_EQ(buf[0], 0);
	EXPECT_EQ(ftruncate(fd, 3), 0);
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 3);
	EXPECT_EQ(close(fd), 0);
	EXPECT_EQ(stat(p, &st), 0);
	EXPECT_EQ(st.st_size, 3);
	EXPECT_EQ(truncate(p, 0), 0);
	EXPECT_EQ(stat(p, &st), 0);
	EXPECT_EQ(st.st_size, 0);
	ktap_case("file_read_write_seek");
}

static void test_errno_values(void)
{
	char p[256], d[256], buf[8];
	int fd, fds[2];

	path(p, "f");
	path(d, "dir");
	EXPECT_ERR(open("/nonexistent/x", O_RDONLY), ENOENT);
	EXPECT_ERR(open(p, O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST);
	EXPECT_EQ(mkdir(d, 0755), 0);
	EXPECT_ERR(mkdir(d, 0755), EEXIST);
	EXPECT_ERR(open(d, O_WRONLY), EISDIR);
	strcat(p, "/below");
	EXPECT_ERR(open(p, O_RDONLY), ENOTDIR);
	EXPECT_ERR(read(-1, buf, 1), EBADF);
	EXPECT_ERR(write(12345, buf, 1), EBADF);
	EXPECT_ERR(close(-1), EBADF);
	path(p, "f");
	fd = open(p, O_RDONLY);
	EXPECT_ERR(write(fd, "x", 1), EBADF);
	EXPECT_ERR(lseek(fd, 0, 99), EINVAL);
	EXPECT_ERR(lseek(fd, -1, SEEK_SET), EINVAL);
	close(fd);
	EXPECT_ERR(read(fd, buf, 1), EBADF);	/* closed */
	EXPECT_EQ(pipe(fds), 0);
	EXPECT_ERR(lseek(fds[0], 0, SEEK_SET), ESPIPE);
	close(fds[0]);
	close(fds[1]);
	snprintf(p, sizeof(p), "%s/inner", d);
	EXPECT_EQ(mkdir(p, 0755), 0);
	EXPECT_ERR(rmdir(d), ENOTEMPTY);
	EXPECT_EQ(rmdir(p), 0);
	EXPECT_EQ(rmdir(d), 0);
	EXPECT_ERR(rmdir(d), ENOENT);
	path(p, "f");
	EXPECT_ERR(rmdir(p), ENOTDIR);
	EXPECT_ERR(unlink(base), EISDIR);
	ktap_case("errno_values");
}

static void test_efault(void)
{
	char p[256];
	int fd;

	path(p, "f");
	fd = open(p, O_RDWR | O_TRUNC);
	EXPECT_EQ(write(fd, "0123456789", 10), 10);
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	EXPECT_ERR(read(fd, BAD_ADDR, 10), EFAULT);
	EXPECT_ERR(read(fd, KERNEL_ADDR, 10), EFAULT);
	EXPECT_ERR(write(fd, KERNEL_ADDR, 10), EFAULT);
	EXPECT_ERR(write(fd, BAD_ADDR, 10), EFAULT);
	close(fd);
	EXPECT_ERR(open(BAD_ADDR, O_RDONLY), EFAULT);
	EXPECT_ERR(open(KERNEL_ADDR, O_RDONLY), EFAULT);
	EXPECT_ERR(stat(BAD_ADDR, (struct stat *)p), EFAULT);
	EXPECT_ERR(pipe(KERNEL_ADDR), EFAULT);
	EXPECT_ERR(uname(BAD_ADDR), EFAULT);
	EXPECT_ERR(getcwd(KERNEL_ADDR, 100) ? 0 : -1, EFAULT);
	/*
	 * raw calls where the library would itself touch the pointer (it
	 * converts struct stat and timespec to newlib's layouts)
	 */
	EXPECT_EQ(syscall(__NR_stat64, base, BAD_ADDR), -EFAULT);
	EXPECT_EQ(syscall(__NR_clock_gettime, 1, KERNEL_ADDR), -EFAULT);
	EXPECT_EQ(syscall(__NR_fstat64, 0, KERNEL_ADDR), -EFAULT);
	EXPECT_EQ(syscall(__NR_mkdir, BAD_ADDR, 0755), -EFAULT);
	EXPECT_EQ(syscall(__NR_execve, KERNEL_ADDR, NULL, NULL), -EFAULT);
	ktap_case("bad_pointers_efault");
}

static void test_links(void)
{
	char p[256], l[256], s[256], buf[256];
	struct stat st, st2;
	ssize_t n;

	path(p, "f");
	path(l, "hard");
	path(s, "soft");
	EXPECT_EQ(link(p, l), 0);
	EXPECT_EQ(stat(p, &st), 0);
	EXPECT_EQ(st.st_nlink, 2);
	EXPECT_EQ(stat(l, &st2), 0);
	EXPECT_EQ(st2.st_ino, st.st_ino);
	EXPECT_EQ(symlink("f", s), 0);
	n = readlink(s, buf, sizeof(buf));
	EXPECT_EQ(n, 1);
	EXPECT_TRUE(n == 1 && buf[0] == 'f');
	EXPECT_EQ(lstat(s, &st2), 0);
	EXPECT_TRUE(S_ISLNK(st2.st_mode));
	EXPECT_EQ(stat(s, &st2), 0);	/* follows the link */
	EXPECT_EQ(st2.st_ino, st.st_ino);
	EXPECT_ERR(readlink(p, buf, sizeof(buf)), EINVAL);
	EXPECT_EQ(unlink(l), 0);
	EXPECT_EQ(stat(p, &st), 0);
	EXPECT_EQ(st.st_nlink, 1);
	EXPECT_EQ(rename(s, l), 0);
	EXPECT_ERR(lstat(s, &st), ENOENT);
	EXPECT_EQ(lstat(l, &st), 0);
	EXPECT_EQ(unlink(l), 0);
	/* rename() is the system call, not link + unlink: it moves a directory */
	EXPECT_EQ(mkdir(s, 0755), 0);
	EXPECT_EQ(rename(s, l), 0);
	EXPECT_EQ(stat(l, &st), 0);
	EXPECT_TRUE(S_ISDIR(st.st_mode));
	EXPECT_EQ(rmdir(l), 0);
	/* ... and replaces the name it moves to */
	EXPECT_EQ(link(p, l), 0);
	EXPECT_EQ(symlink("f", s), 0);
	EXPECT_EQ(rename(s, l), 0);
	EXPECT_EQ(lstat(l, &st), 0);
	EXPECT_TRUE(S_ISLNK(st.st_mode));
	EXPECT_EQ(stat(p, &st), 0);
	EXPECT_EQ(st.st_nlink, 1);
	EXPECT_EQ(unlink(l), 0);
	ktap_case("links_rename");
}

static void test_readdir(void)
{
	char p[256];
	int seen_f = 0, seen_dot = 0, seen_sub = 0, n = 0;
	struct dirent *d;
	DIR *dp;

	path(p, "sub");
	EXPECT_EQ(mkdir(p, 0755), 0);
	dp = opendir(base);
	EXPECT_TRUE(dp != NULL);
	while (dp && (d = readdir(dp))) {
		n++;
		if (!strcmp(d->d_name, "f"))
			seen_f = d->d_type == DT_REG || d->d_type == DT_UNKNOWN;
		if (!strcmp(d->d_name, "sub"))
			seen_sub = d->d_type == DT_DIR || d->d_type == DT_UNKNOWN;
		if (!strcmp(d->d_name, "."))
			seen_dot = 1;
	}
	if (dp)
		closedir(dp);
	EXPECT_TRUE(seen_f);
	EXPECT_TRUE(seen_sub);
	EXPECT_TRUE(seen_dot);
	EXPECT_EQ(n, 4);	/* . .. f sub */
	EXPECT_EQ(rmdir(p), 0);
	EXPECT_TRUE(opendir("/nonexistent") == NULL);
	ktap_case("readdir");
}

static void test_descriptors(void)
{
	char p[256], buf[4];
	int fd, fd2, fl;

	path(p, "f");
	fd = open(p, O_RDWR | O_TRUNC);
	EXPECT_EQ(write(fd, "abcd", 4), 4);
	fd2 = dup(fd);
	EXPECT_TRUE(fd2 > fd);
	EXPECT_EQ(lseek(fd2, 0, SEEK_CUR), 4);	/* shared offset */
	EXPECT_EQ(lseek(fd, 1, SEEK_SET), 1);
	EXPECT_EQ(read(fd2, buf, 1), 1);
	EXPECT_EQ(buf[0], 'b');
	EXPECT_EQ(dup2(fd, 20), 20);
	EXPECT_EQ(fcntl(20, F_GETFD), 0);
	EXPECT_EQ(fcntl(20, F_SETFD, FD_CLOEXEC), 0);
	EXPECT_EQ(fcntl(20, F_GETFD), FD_CLOEXEC);
	fl = fcntl(fd, F_GETFL);
	EXPECT_EQ(fl & O_ACCMODE, O_RDWR);
	EXPECT_EQ(fcntl(fd, F_SETFL, fl | O_APPEND), 0);
	EXPECT_TRUE(fcntl(fd, F_GETFL) & O_APPEND);
	EXPECT_EQ(write(fd, "e", 1), 1);	/* appends */
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 5);
	EXPECT_ERR(dup2(fd, -1), EBADF);
	EXPECT_ERR(dup(999), EBADF);
	close(20);
	close(fd2);
	close(fd);
	ktap_case("dup_fcntl");
}

static void test_misc(void)
{
	struct timespec a, b;
	struct utsname u;
	char cwd[256], *m;
	void *brk0;

	EXPECT_EQ(uname(&u), 0);
	EXPECT_TRUE(u.sysname[0] != '\0');
	EXPECT_TRUE(getcwd(cwd, sizeof(cwd)) != NULL);
	EXPECT_EQ(chdir(base), 0);
	EXPECT_TRUE(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, base));
	EXPECT_ERR(getcwd(cwd, 1) ? 0 : -1, ERANGE);
	EXPECT_EQ(chdir("/"), 0);
	EXPECT_ERR(chdir("/nonexistent"), ENOENT);
	EXPECT_EQ(clock_gettime(CLOCK_MONOTONIC, &a), 0);
	EXPECT_EQ(usleep(20000), 0);
	EXPECT_EQ(clock_gettime(CLOCK_MONOTONIC, &b), 0);
	EXPECT_TRUE((b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec) >= 20000000LL);
	EXPECT_TRUE(getpid() > 0);
	EXPECT_TRUE(getppid() > 0);
	m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT_TRUE(m != MAP_FAILED);
	if (m != MAP_FAILED) {
		EXPECT_EQ(m[100], 0);
		m[8191] = 1;
		EXPECT_EQ(munmap(m, 8192), 0);
	}
	brk0 = sbrk(0);
	m = malloc(1 << 20);	/* the heap grows through brk */
	EXPECT_TRUE(m != NULL);
	if (m) {
		memset(m, 0x5a, 1 << 20);
		EXPECT_EQ(m[(1 << 20) - 1], 0x5a);
	}
	EXPECT_TRUE(sbrk(0) > brk0);
	free(m);
	EXPECT_EQ(syscall(9999), -38);	/* raw: the ABI's ENOSYS */
	ktap_case("misc_calls");
}

int main(int argc, char **argv)
{
	char f[256];

	snprintf(base, sizeof(base), "%s/t-syscall.%d", argc > 1 ? argv[1] : "/tmp",
		 (int)getpid());
	ktap_begin("syscall", 7);
	if (mkdir(base, 0755) < 0) {
		printf("# mkdir %s: %s\n", base, strerror(errno));
		return 1;
	}
	test_file_rw();
	test_errno_values();
	test_efault();
	test_links();
	test_readdir();
	test_descriptors();
	test_misc();
	path(f, "f");
	unlink(f);
	rmdir(base);
	return ktap_end();
}
