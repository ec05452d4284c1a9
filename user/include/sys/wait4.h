/* SPDX-License-Identifier: GPL-2.0 */
/* Process calls newlib's headers do not declare (user/lib/proc.c, fs.c). */
#ifndef USER_SYS_WAIT4_H
#define USER_SYS_WAIT4_H

#include <sys/types.h>

pid_t wait4(pid_t pid, int *status, int options, void *rusage);
int pipe2(int fds[2], int flags);
pid_t getsid(pid_t pid);
int getpagesize(void);

#endif /* USER_SYS_WAIT4_H */
