/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System-call numbers: the Linux ARM EABI numbering (svc #0, number in r7,
 * arguments in r0-r6, result or -errno in r0).  Only the calls the kernel
 * implements are listed; the user-space C runtime (user/lib) uses nothing
 * else.  The user-space tests under qemu-arm check these numbers against a
 * real Linux ABI.  Pure header: shared by the kernel and user space.
 */
#ifndef UAPI_ASM_UNISTD_H
#define UAPI_ASM_UNISTD_H

#define __NR_exit		1
#define __NR_fork		2
#define __NR_read		3
#define __NR_write		4
#define __NR_open		5
#define __NR_close		6
#define __NR_link		9
#define __NR_unlink		10
#define __NR_execve		11
#define __NR_chdir		12
#define __NR_lseek		19
#define __NR_getpid		20
#define __NR_mount		21
#define __NR_access		33
#define __NR_sync		36
#define __NR_kill		37
#define __NR_rename		38
#define __NR_mkdir		39
#define __NR_rmdir		40
#define __NR_dup		41
#define __NR_pipe		42
#define __NR_times		43
#define __NR_brk		45
#define __NR_umount2		52
#define __NR_ioctl		54
#define __NR_fcntl		55
#define __NR_setpgid		57
#define __NR_umask		60
#define __NR_dup2		63
#define __NR_getppid		64
#define __NR_getpgrp		65
#define __NR_setsid		66
#define __NR_gettimeofday	78
#define __NR_symlink		83
#define __NR_readlink		85
#define __NR_reboot		88
#define __NR_munmap		91
#define __NR_truncate		92
#define __NR_ftruncate		93
#define __NR_statfs		99
#define __NR_fstatfs		100
#define __NR_wait4		114
#define __NR_sysinfo		116
#define __NR_fsync		118
#define __NR_clone		120
#define __NR_uname		122
#define __NR_mprotect		125
#define __NR_getpgid		132
#define __NR_fchdir		133
#define __NR__llseek		140
#define __NR__newselect		142
#define __NR_writev		146
#define __NR_getsid		147
#define __NR_sched_yield	158
#define __NR_nanosleep		162
#define __NR_poll		168
#define __NR_rt_sigreturn	173
#define __NR_rt_sigaction	174
#define __NR_rt_sigprocmask	175
#define __NR_rt_sigpending	176
#define __NR_rt_sigsuspend	179
#define __NR_getcwd		183
#define __NR_vfork		190
#define __NR_mmap2		192
#define __NR_stat64		195
#define __NR_lstat64		196
#define __NR_fstat64		197
#define __NR_getuid32		199
#define __NR_getgid32		200
#define __NR_geteuid32		201
#define __NR_getegid32		202
#define __NR_getdents64		217
#define __NR_fcntl64		221
#define __NR_gettid		224
#define __NR_tkill		238
#define __NR_futex		240
#define __NR_exit_group		248
#define __NR_set_tid_address	256
#define __NR_clock_gettime	263
#define __NR_clock_nanosleep	265
#define __NR_statfs64		266
#define __NR_tgkill		268
#define __NR_openat		322
#define __NR_fstatat64		327
#define __NR_pselect6		335
#define __NR_ppoll		336
#define __NR_dup3		358
#define __NR_pipe2		359

/* ARM-private calls, above the table (Linux: __ARM_NR_BASE + n). */
#define __ARM_NR_BASE		0x0f0000
#define __ARM_NR_set_tls	(__ARM_NR_BASE + 5)

/* One past the highest number above: the syscall table's size. */
#define __NR_syscalls		360

#endif /* UAPI_ASM_UNISTD_H */
