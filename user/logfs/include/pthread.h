/* SPDX-License-Identifier: GPL-2.0 */
/*
 * newlib's <pthread.h> plus the four mutex calls include/port/port.h uses.
 * newlib for arm-none-eabi declares them only with _POSIX_THREADS, which it
 * leaves off (there are no threads); user/logfs/port.c implements them for
 * the single-threaded LogFS programs.  Only those programs see this header.
 */
#ifndef USER_LOGFS_PTHREAD_H
#define USER_LOGFS_PTHREAD_H

#include_next <pthread.h>

#ifndef _POSIX_THREADS
int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);
#endif

#endif /* USER_LOGFS_PTHREAD_H */
