// SPDX-License-Identifier: GPL-2.0
/*
 * truncate -s SIZE FILE...: set each file's size, creating it if needed
 * (what grows is a hole: no blocks are written).  SIZE is bytes, or
 * with a K, M or G suffix (powers of 1024).  Used to make container files
 * (cryptsetup luksFormat, mkfs.logfs) and by tests.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long long parse_size(const char *s)
{
	char *end;
	long long n = strtoll(s, &end, 10);

	if (end == s || n < 0)
		return -1;
	switch (*end) {
	case 'K': case 'k': n <<= 10; end++; break;
	case 'M': case 'm': n <<= 20; end++; break;
	case 'G': case 'g': n <<= 30; end++; break;
	}
	return *end ? -1 : n;
}

int main(int argc, char **argv)
{
	long long size;
	int i, fd, ret = 0;

	if (argc < 4 || strcmp(argv[1], "-s") || (size = parse_size(argv[2])) < 0 ||
	    size > 0x7fffffffLL) {
		fprintf(stderr, "usage: truncate -s SIZE[K|M|G] FILE... (SIZE < 2 GiB)\n");
		return 2;
	}
	for (i = 3; i < argc; i++) {
		fd = open(argv[i], O_WRONLY | O_CREAT, 0644);
		if (fd < 0 || ftruncate(fd, (off_t)size) < 0) {
			fprintf(stderr, "truncate: %s: %s\n", argv[i], strerror(errno));
			ret = 1;
		}
		if (fd >= 0)
			close(fd);
	}
	return ret;
}
