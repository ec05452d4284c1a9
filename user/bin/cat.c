// SPDX-License-Identifier: GPL-2.0
/* cat [file...]: copy each file (or stdin, or "-") to stdout. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int copy_fd(int fd, const char *name)
{
	char buf[4096];
	ssize_t n, w, off;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (off = 0; off < n; off += w) {
			w = write(1, buf + off, n - off);
			if (w <= 0) {
				fprintf(stderr, "cat: write: %s\n", strerror(errno));
				return 1;
			}
		}
	}
	if (n < 0) {
		fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int i, fd, st = 0;

	if (argc < 2)
		return copy_fd(0, "stdin");
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-")) {
			st |= copy_fd(0, "stdin");
			continue;
		}
		fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
			st = 1;
			continue;
		}
		st |= copy_fd(fd, argv[i]);
		close(fd);
	}
	return st;
}
