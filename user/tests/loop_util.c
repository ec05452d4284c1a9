// SPDX-License-Identifier: GPL-2.0
/*
 * Loop devices for the user-space tests (t-crypt, t-mkfs): bind a file to
 * a free /dev/loopN and unbind it, through include/uapi/loop-crypt.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <uapi/loop-crypt.h>

#include "loop_util.h"

/* Bind @path to a free loop device; its node's name in @dev, or -1. */
int loop_attach(const char *path, int flags, char *dev, size_t len)
{
	int c = open("/dev/loop-control", O_RDWR), n, fd, dfd, r = -1;

	if (c < 0)
		return -1;
	n = ioctl(c, LOOP_CTL_GET_FREE, 0);
	close(c);
	if (n < 0)
		return -1;
	snprintf(dev, len, "/dev/loop%d", n);
	fd = open(path, flags);
	dfd = open(dev, O_RDWR);
	if (fd >= 0 && dfd >= 0)
		r = ioctl(dfd, LOOP_SET_FD, fd);
	if (fd >= 0)
		close(fd);
	if (dfd >= 0)
		close(dfd);
	return r;
}

int loop_detach(const char *dev)
{
	int fd = open(dev, O_RDONLY), r, e;

	if (fd < 0)
		return -1;
	r = ioctl(fd, LOOP_CLR_FD, 0);
	e = errno;
	close(fd);
	errno = e;
	return r;
}
