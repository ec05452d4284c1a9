// SPDX-License-Identifier: GPL-2.0
/*
 * System-call entry: the Linux ARM EABI convention (SVC #0, number in r7,
 * arguments in r0-r5, result in r0, -errno on failure), dispatched through
 * a table indexed by number.  Every handler validates its arguments and
 * copies user memory through include/kernel/uaccess.h before acting.
 *
 * Runs in the calling thread, interrupts on; on the way out pending
 * signals are delivered (do_notify_resume) with interrupts off again.
 */
#define pr_fmt(fmt) "syscall: " fmt
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <asm/ptrace.h>
#include <asm/irqflags.h>
#include <uapi/asm/unistd.h>
#include "proc_internal.h"
#include "syscalls.h"

#define NR_SYSCALLS 400

typedef long (*syscall_fn)(u32, u32, u32, u32, u32, u32);

/* Through void (*)(void): the one cast GCC accepts between arities. */
#define SC(nr, fn) [nr] = (syscall_fn)(void (*)(void))(fn)

static const syscall_fn syscall_table[NR_SYSCALLS] = {
	SC(__NR_exit, sys_exit), SC(__NR_exit_group, sys_exit_group),
	SC(__NR_read, sys_read), SC(__NR_write, sys_write),
	SC(__NR_open, sys_open), SC(__NR_openat, sys_openat), SC(__NR_close, sys_close),
	SC(__NR_lseek, sys_lseek), SC(__NR__llseek, sys_llseek),
	SC(__NR_link, sys_link), SC(__NR_unlink, sys_unlink), SC(__NR_rename, sys_rename),
	SC(__NR_mkdir, sys_mkdir), SC(__NR_rmdir, sys_rmdir), SC(__NR_symlink, sys_symlink),
	SC(__NR_readlink, sys_readlink), SC(__NR_chdir, sys_chdir), SC(__NR_fchdir, sys_fchdir),
	SC(__NR_getcwd, sys_getcwd), SC(__NR_truncate, sys_truncate),
	SC(__NR_ftruncate, sys_ftruncate), SC(__NR_fsync, sys_fsync), SC(__NR_sync, sys_sync),
	SC(__NR_stat64, sys_stat64), SC(__NR_lstat64, sys_lstat64), SC(__NR_fstat64, sys_fstat64),
	SC(__NR_fstatat64, sys_fstatat64), SC(__NR_getdents64, sys_getdents64),
	SC(__NR_dup, sys_dup), SC(__NR_dup2, sys_dup2), SC(__NR_dup3, sys_dup3),
	SC(__NR_fcntl, sys_fcntl), SC(__NR_fcntl64, sys_fcntl), SC(__NR_ioctl, sys_ioctl),
	SC(__NR_access, sys_access), SC(__NR_mount, sys_mount), SC(__NR_umount2, sys_umount2),
	SC(__NR_statfs64, sys_statfs64), SC(__NR_writev, sys_writev),
	SC(__NR_pipe, sys_pipe), SC(__NR_pipe2, sys_pipe2),
	SC(__NR_poll, sys_poll), SC(__NR_ppoll, sys_ppoll),
	SC(__NR__newselect, sys_select), SC(__NR_pselect6, sys_pselect6),
	SC(__NR_fork, sys_fork), SC(__NR_vfork, sys_fork), SC(__NR_clone, sys_clone),
	SC(__NR_execve, sys_execve), SC(__NR_wait4, sys_wait4),
	SC(__NR_kill, sys_kill), SC(__NR_tgkill, sys_tgkill), SC(__NR_tkill, sys_tkill),
	SC(__NR_getpid, sys_getpid), SC(__NR_gettid, sys_gettid), SC(__NR_getppid, sys_getppid),
	SC(__NR_getuid32, sys_zero), SC(__NR_getgid32, sys_zero),
	SC(__NR_geteuid32, sys_zero), SC(__NR_getegid32, sys_zero),
	SC(__NR_setpgid, sys_setpgid), SC(__NR_getpgid, sys_getpgid),
	SC(__NR_getpgrp, sys_getpgrp), SC(__NR_setsid, sys_setsid), SC(__NR_getsid, sys_getsid),
	SC(__NR_umask, sys_umask), SC(__NR_set_tid_address, sys_set_tid_address),
	SC(__NR_futex, sys_futex),
	SC(__NR_sched_yield, sys_sched_yield), SC(__NR_nanosleep, sys_nanosleep),
	SC(__NR_clock_gettime, sys_clock_gettime), SC(__NR_clock_nanosleep, sys_clock_nanosleep),
	SC(__NR_gettimeofday, sys_gettimeofday), SC(__NR_times, sys_times),
	SC(__NR_uname, sys_uname), SC(__NR_sysinfo, sys_sysinfo), SC(__NR_reboot, sys_reboot),
	SC(__NR_brk, sys_brk), SC(__NR_mmap2, sys_mmap2), SC(__NR_munmap, sys_munmap),
	SC(__NR_mprotect, sys_mprotect),
	SC(__NR_rt_sigaction, sys_rt_sigaction), SC(__NR_rt_sigprocmask, sys_rt_sigprocmask),
	SC(__NR_rt_sigpending, sys_rt_sigpending), SC(__NR_rt_sigsuspend, sys_rt_sigsuspend),
};

/* Entry from the SVC vector (entry.S) for a user-mode caller. */
void syscall_entry(struct pt_regs *regs)
{
	u32 nr = regs->r[7];
	long ret;

	local_irq_enable();
	if (nr == __NR_rt_sigreturn) {
		ret = sys_rt_sigreturn(regs);	/* restores the whole frame */
	} else if (nr < NR_SYSCALLS && syscall_table[nr]) {
		ret = syscall_table[nr](regs->r[0], regs->r[1], regs->r[2], regs->r[3],
					regs->r[4], regs->r[5]);
	} else if (nr == __ARM_NR_set_tls) {
		ret = sys_set_tls(regs->r[0]);
	} else {
		ret = -ENOSYS;
	}
	if (nr != __NR_rt_sigreturn || ret != -EFAULT)
		regs->r[0] = (u32)ret;
	local_irq_disable();
	/* Almost every return has no signal to deliver: look before calling. */
	if (unlikely(READ_ONCE(current->sig_pending) & ~current->sig_blocked))
		do_notify_resume(regs);
}
