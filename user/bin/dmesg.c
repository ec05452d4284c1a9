// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg: print the kernel log.  Reads /proc/kmsg to its end: on this
 * kernel that file is a snapshot of the log buffer as text lines, and
 * reading does not consume it (unlike Linux's /proc/kmsg).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char buf[4096];
	ssize_t n;
	int fd = open("/proc/kmsg", O_RDONLY);

	if (fd < 0) {
		fprintf(stderr, "dmesg: /proc/kmsg: %s\n", strerror(errno));
		return 1;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write(1, buf, n) != n)
			return 1;
	close(fd);
	return n < 0;
}
