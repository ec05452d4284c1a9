// SPDX-License-Identifier: GPL-2.0
/* cp SRC DST, cp SRC... DIR: copy regular files (no recursion). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int copy(const char *src, const char *dst)
{
	char buf[4096];
	ssize_t n = 0, w, off;
	int in, out, st = 0;

	in = open(src, O_RDONLY);
	if (in < 0) {
		fprintf(stderr, "cp: %s: %s\n", src, strerror(errno));
		return 1;
	}
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (out < 0) {
		fprintf(stderr, "cp: %s: %s\n", dst, strerror(errno));
		close(in);
		return 1;
	}
	while (!st && (n = read(in, buf, sizeof(buf))) > 0) {
		for (off = 0; off < n; off += w) {
			w = write(out, buf + off, n - off);
			if (w <= 0) {
				fprintf(stderr, "cp: %s: %s\n", dst, strerror(errno));
				st = 1;
				break;
			}
		}
	}
	if (n < 0) {
		fprintf(stderr, "cp: %s: %s\n", src, strerror(errno));
		st = 1;
	}
	close(in);
	if (close(out) < 0)
		st = 1;
	return st;
}

int main(int argc, char **argv)
{
	struct stat st;
	char path[1024];
	const char *base;
	int i, ret = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: cp SRC DST | cp SRC... DIR\n");
		return 2;
	}
	if (stat(argv[argc - 1], &st) == 0 && S_ISDIR(st.st_mode)) {
		for (i = 1; i < argc - 1; i++) {
			base = strrchr(argv[i], '/');
			base = base ? base + 1 : argv[i];
			snprintf(path, sizeof(path), "%s/%s", argv[argc - 1], base);
			ret |= copy(argv[i], path);
		}
		return ret;
	}
	if (argc != 3) {
		fprintf(stderr, "cp: %s: not a directory\n", argv[argc - 1]);
		return 1;
	}
	return copy(argv[1], argv[2]);
}
