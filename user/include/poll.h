/* SPDX-License-Identifier: GPL-2.0 */
/* poll(2); struct pollfd and the event bits are the kernel ABI's. */
#ifndef USER_POLL_H
#define USER_POLL_H

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

int poll(struct pollfd *fds, nfds_t n, int timeout_ms);

#endif /* USER_POLL_H */
