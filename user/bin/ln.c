// SPDX-License-Identifier: GPL-2.0
/* ln [-s] TARGET LINK: make a hard link, or with -s a symbolic link. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int sym = argc > 1 && !strcmp(argv[1], "-s");
	int i = sym ? 2 : 1;

	if (argc - i != 2) {
		fprintf(stderr, "usage: ln [-s] TARGET LINK\n");
		return 2;
	}
	if ((sym ? symlink(argv[i], argv[i + 1]) : link(argv[i], argv[i + 1])) < 0) {
		fprintf(stderr, "ln: %s: %s\n", argv[i + 1], strerror(errno));
		return 1;
	}
	return 0;
}
