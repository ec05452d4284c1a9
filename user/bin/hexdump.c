// SPDX-License-Identifier: GPL-2.0
/*
 * hexdump [-n LEN] [-s OFFSET] [file]: canonical dump, 16 bytes a line:
 * offset, hex bytes, and the printable characters.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void line(unsigned long off, const unsigned char *b, int n)
{
	int i;

	printf("%08lx ", off);
	for (i = 0; i < 16; i++) {
		if (i == 8)
			putchar(' ');
		if (i < n)
			printf(" %02x", b[i]);
		else
			printf("   ");
	}
	printf("  |");
	for (i = 0; i < n; i++)
		putchar(isprint(b[i]) ? b[i] : '.');
	printf("|\n");
}

int main(int argc, char **argv)
{
	unsigned long off = 0, limit = (unsigned long)-1, done = 0;
	unsigned char b[16];
	int fd = 0, i, n;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			limit = strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "-s") && i + 1 < argc)
			off = strtoul(argv[++i], NULL, 0);
		else if (argv[i][0] == '-') {
			fprintf(stderr, "usage: hexdump [-n LEN] [-s OFFSET] [file]\n");
			return 2;
		} else if ((fd = open(argv[i], O_RDONLY)) < 0) {
			fprintf(stderr, "hexdump: %s: %s\n", argv[i], strerror(errno));
			return 1;
		}
	}
	if (off && lseek(fd, off, SEEK_SET) < 0) {
		fprintf(stderr, "hexdump: seek: %s\n", strerror(errno));
		return 1;
	}
	while (done < limit) {
		int want = limit - done < 16 ? (int)(limit - done) : 16;
		int got = 0;

		while (got < want && (n = read(fd, b + got, want - got)) > 0)
			got += n;
		if (!got)
			break;
		line(off + done, b, got);
		done += got;
		if (got < want)
			break;
	}
	printf("%08lx\n", off + done);
	return 0;
}
