// SPDX-License-Identifier: GPL-2.0
/*
 * t-fileops DIR: file operations on the filesystem that holds DIR, so
 * that init can run it on each mount point (/, /tmp, /data, /secure).
 * On a writable filesystem: create, write, read back, append, overwrite
 * in the middle, a 1 MiB file with a pattern, rename, directories,
 * unlink, statfs counts.  On a read-only one (statfs ST_RDONLY): reads
 * work and every change fails with EROFS.  DIR not a mount point (nothing
 * mounted there): all cases SKIP.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "ktap.h"

#define NCASES		5
#define BIG		(1024 * 1024)

static char base[256];

static void path(char *buf, const char *name)
{
	snprintf(buf, 256, "%s/%s", base, name);
}

static int write_all(int fd, const void *buf, size_t n)
{
	return write(fd, buf, n) == (ssize_t)n ? 0 : -1;
}

static void test_small_file(void)
{
	char p[256], buf[64];
	int fd;

	path(p, "small");
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	EXPECT_TRUE(fd >= 0);
	EXPECT_EQ(write_all(fd, "first line\n", 11), 0);
	EXPECT_EQ(fsync(fd), 0);
	EXPECT_EQ(close(fd), 0);
	fd = open(p, O_WRONLY | O_APPEND);
	EXPECT_EQ(write_all(fd, "second\n", 7), 0);
	close(fd);
	fd = open(p, O_RDWR);
	EXPECT_EQ(lseek(fd, 6, SEEK_SET), 6);
	EXPECT_EQ(write_all(fd, "LINE", 4), 0);
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	memset(buf, 0, sizeof(buf));
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 18);
	EXPECT_TRUE(!strcmp(buf, "first LINE\nsecond\n"));
	close(fd);
	ktap_case("create_write_append_read");
}

static void test_big_file(void)
{
	unsigned int *buf = malloc(BIG);
	char p[256];
	int fd, i, bad = 0;
	struct stat st;

	EXPECT_TRUE(buf != NULL);
	if (!buf) {
		ktap_case("big_file_pattern");
		return;
	}
	for (i = 0; i < BIG / 4; i++)
		buf[i] = i * 2654435761u;
	path(p, "big");
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	EXPECT_TRUE(fd >= 0);
	for (i = 0; i < BIG; i += 65536)
		EXPECT_EQ(write_all(fd, (char *)buf + i, 65536), 0);
	EXPECT_EQ(close(fd), 0);
	EXPECT_EQ(stat(p, &st), 0);
	EXPECT_EQ(st.st_size, BIG);
	memset(buf, 0, BIG);
	fd = open(p, O_RDONLY);
	for (i = 0; i < BIG; ) {
		ssize_t n = read(fd, (char *)buf + i, BIG - i);

		if (n <= 0)
			break;
		i += n;
	}
	close(fd);
	EXPECT_EQ(i, BIG);
	for (i = 0; i < BIG / 4; i++)
		bad += buf[i] != i * 2654435761u;
	EXPECT_EQ(bad, 0);
	EXPECT_EQ(unlink(p), 0);
	free(buf);
	ktap_case("big_file_pattern");
}

static void test_dirs(void)
{
	char d[256], f[256], g[256];
	struct dirent *e;
	int found = 0;
	DIR *dp;

	path(d, "dir");
	EXPECT_EQ(mkdir(d, 0755), 0);
	snprintf(f, sizeof(f), "%s/inside", d);
	EXPECT_EQ(close(open(f, O_WRONLY | O_CREAT, 0644)), 0);
	dp = opendir(d);
	while (dp && (e = readdir(dp)))
		found += !strcmp(e->d_name, "inside");
	if (dp)
		closedir(dp);
	EXPECT_EQ(found, 1);
	path(g, "moved");
	EXPECT_EQ(rename(f, g), 0);
	EXPECT_ERR(unlink(f), ENOENT);
	EXPECT_EQ(unlink(g), 0);
	EXPECT_EQ(rmdir(d), 0);
	ktap_case("directories_rename_unlink");
}

static void test_statfs_counts(void)
{
	struct statfs before, after;
	char p[256];
	char *buf = malloc(256 * 1024);
	int fd, i;

	/* Not zeros: a filesystem may keep zero blocks as holes (LogFS does). */
	for (i = 0; i < 256 * 1024; i++)
		buf[i] = (char)(i * 7 + i / 4096);
	EXPECT_EQ(statfs(base, &before), 0);
	EXPECT_TRUE(before.f_blocks > 0);
	EXPECT_TRUE(before.f_bfree <= before.f_blocks);
	path(p, "fill");
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	EXPECT_EQ(write_all(fd, buf, 256 * 1024), 0);
	fsync(fd);
	close(fd);
	sync();
	EXPECT_EQ(statfs(base, &after), 0);
	EXPECT_TRUE(after.f_bfree < before.f_bfree);
	EXPECT_EQ(unlink(p), 0);
	free(buf);
	ktap_case("statfs_counts_space");
}

static void test_readonly(void)
{
	char p[256];
	struct dirent *e;
	int n = 0;
	DIR *dp = opendir(base);

	while (dp && (e = readdir(dp)))
		n++;
	if (dp)
		closedir(dp);
	EXPECT_TRUE(n >= 2);
	path(p, "new");
	EXPECT_ERR(open(p, O_WRONLY | O_CREAT, 0644), EROFS);
	EXPECT_ERR(mkdir(p, 0755), EROFS);
	ktap_case("readonly_refuses_changes");
}

static int is_mount_point(const char *dir)
{
	struct stat d, up;
	char parent[256];

	if (!strcmp(dir, "/"))
		return 1;
	snprintf(parent, sizeof(parent), "%s/..", dir);
	return stat(dir, &d) == 0 && stat(parent, &up) == 0 && d.st_dev != up.st_dev;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	char small[256];
	struct statfs sf;
	int i;

	ktap_begin("fileops", NCASES);
	if (!is_mount_point(dir) && !getenv("FILEOPS_ANY_DIR")) {
		for (i = 0; i < NCASES; i++)
			ktap_skip("fileops", "nothing mounted there");
		return ktap_end();
	}
	if (statfs(dir, &sf) < 0) {
		printf("# statfs %s: %s\n", dir, strerror(errno));
		return 1;
	}
	printf("# %s: type %08x%s\n", dir, sf.f_type,
	       (sf.f_flags & ST_RDONLY) ? ", read-only" : "");
	if (sf.f_flags & ST_RDONLY) {
		snprintf(base, sizeof(base), "%s", dir);
		test_readonly();
		for (i = 1; i < NCASES; i++)
			ktap_skip("writes", "read-only filesystem");
		return ktap_end();
	}
	snprintf(base, sizeof(base), "%s/t-fileops.%d", strcmp(dir, "/") ? dir : "",
		 (int)getpid());
	if (mkdir(base, 0755) < 0) {
		printf("# mkdir %s: %s\n", base, strerror(errno));
		return 1;
	}
	test_small_file();
	test_big_file();
	test_dirs();
	test_statfs_counts();
	ktap_skip("readonly_refuses_changes", "filesystem is writable");
	path(small, "small");
	unlink(small);
	rmdir(base);
	return ktap_end();
}
