// SPDX-License-Identifier: GPL-2.0
/*
 * Clocks and sleeping.  newlib's time_t is 64-bit and its clock ids are
 * its own; the kernel ABI uses 32-bit seconds and Linux clock ids.
 */
#include <errno.h>
#include <time.h>
#include <unistd.h>

#include "sys.h"

static int clock_to_abi(clockid_t id)
{
	if (id == CLOCK_REALTIME)
		return ABI_CLOCK_REALTIME;
	if (id == CLOCK_MONOTONIC)
		return ABI_CLOCK_MONOTONIC;
	return -1;
}

int clock_gettime(clockid_t id, struct timespec *ts)
{
	struct abi_timespec k;
	int aid = clock_to_abi(id);

	if (aid < 0) {
		errno = EINVAL;
		return -1;
	}
	if (sys_ret(sys2(__NR_clock_gettime, aid, &k)) < 0)
		return -1;
	ts->tv_sec = k.tv_sec;
	ts->tv_nsec = k.tv_nsec;
	return 0;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	struct abi_timespec k, kr;
	long r;

	k.tv_sec = (long)req->tv_sec;
	k.tv_nsec = req->tv_nsec;
	r = sys_ret(sys2(__NR_nanosleep, &k, &kr));
	if (r < 0 && errno == EINTR && rem) {
		rem->tv_sec = kr.tv_sec;
		rem->tv_nsec = kr.tv_nsec;
	}
	return r;
}

unsigned int sleep(unsigned int s)
{
	struct timespec ts = { .tv_sec = s }, rem = { 0 };

	if (nanosleep(&ts, &rem) < 0)
		return (unsigned int)rem.tv_sec;
	return 0;
}

int usleep(useconds_t us)
{
	struct timespec ts = {
		.tv_sec = us / 1000000,
		.tv_nsec = (us % 1000000) * 1000L,
	};

	return nanosleep(&ts, NULL);
}
