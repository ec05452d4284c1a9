/* SPDX-License-Identifier: GPL-2.0 */
/*
 * newlib's <time.h> plus the POSIX clocks it declares only for targets
 * with _POSIX_TIMERS (user/lib/time.c implements them).
 */
#ifndef USER_TIME_H
#define USER_TIME_H

#include_next <time.h>

#ifndef CLOCK_MONOTONIC
#define CLOCK_MONOTONIC		((clockid_t)4)
#endif

#ifndef _POSIX_TIMERS
int clock_gettime(clockid_t id, struct timespec *ts);
int nanosleep(const struct timespec *req, struct timespec *rem);
#endif

#endif /* USER_TIME_H */
