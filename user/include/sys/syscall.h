/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The raw system call (user/lib/syscall.S): returns what the kernel
 * returned, -errno on error, and leaves errno alone.
 */
#ifndef USER_SYS_SYSCALL_H
#define USER_SYS_SYSCALL_H

#include <uapi/asm/unistd.h>

long syscall(long nr, ...);

#endif /* USER_SYS_SYSCALL_H */
