// SPDX-License-Identifier: GPL-2.0
/* mv SRC DST, mv SRC... DIR: rename (same filesystem only). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
	struct stat st;
	char path[1024];
	const char *base;
	int i, ret = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: mv SRC DST | mv SRC... DIR\n");
		return 2;
	}
	if (stat(argv[argc - 1], &st) == 0 && S_ISDIR(st.st_mode)) {
		for (i = 1; i < argc - 1; i++) {
			base = strrchr(argv[i], '/');
			base = base ? base + 1 : argv[i];
			snprintf(path, sizeof(path), "%s/%s", argv[argc - 1], base);
			if (rename(argv[i], path) < 0) {
				fprintf(stderr, "mv: %s: %s\n", argv[i], strerror(errno));
				ret = 1;
			}
		}
		return ret;
	}
	if (argc != 3 || rename(argv[1], argv[2]) < 0) {
		fprintf(stderr, "mv: %s: %s\n", argv[1],
			argc != 3 ? "target is not a directory" : strerror(errno));
		return 1;
	}
	return 0;
}
