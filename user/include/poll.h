/* SPDX-License-Identifier: GPL-2.0 */
/*
 * poll(2) and ppoll(2); struct pollfd and the event bits are the kernel
 * ABI's (user/lib/select.c).
 */
#ifndef USER_POLL_H
#define USER_POLL_H

#include <signal.h>
#include <time.h>
#include <uapi/linux-abi.h>

struct pollfd {
	int fd;
	short events;
	short revents;
};

typedef unsigned int nfds_t;

#define POLLIN		ABI_POLLIN
#define POLLPRI		ABI_POLLPRI
#define POLLOUT		ABI_POLLOUT
#define POLLERR		ABI_POLLERR
#define POLLHUP		ABI_POLLHUP
#define POLLNVAL	ABI_POLLNVAL
#define POLLRDNORM	ABI_POLLRDNORM
#define POLLRDBAND	ABI_POLLRDBAND
#define POLLWRNORM	ABI_POLLWRNORM
#define POLLWRBAND	ABI_POLLWRBAND

int poll(struct pollfd *fds, nfds_t n, int timeout_ms);
/* @ts NULL: no timeout; @mask NULL: the signal mask stays as it is. */
int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *ts, const sigset_t *mask);

#endif /* USER_POLL_H */
