/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System-call handlers (kernel/proc/sys_*.c, signal.c, exec.c).  They take
 * the raw argument registers; syscall.c calls them through one table type,
 * which the ARM calling convention makes safe for any arity up to six.
 */
#ifndef PROC_SYSCALLS_H
#define PROC_SYSCALLS_H

#include <kernel/types.h>
#include <kernel/compiler.h>

struct pt_regs;

long sys_access(u32 upath, u32 mode);
long sys_brk(u32 addr);
long sys_chdir(u32 p);
long sys_clock_gettime(u32 clk, u32 uts);
long sys_clock_nanosleep(u32 clk, u32 flags, u32 ureq, u32 urem);
long sys_clone(u32 flags, u32 stack, u32 ptid, u32 tls, u32 ctid);
long sys_close(u32 fd);
long sys_dup(u32 fd);
long sys_dup2(u32 fd, u32 newfd);
long sys_dup3(u32 fd, u32 newfd, u32 flags);
long sys_execve(u32 upath, u32 uargv, u32 uenvp);
__noreturn long sys_exit(u32 status);
__noreturn long sys_exit_group(u32 status);
long sys_fchdir(u32 fd);
long sys_fcntl(u32 fd, u32 cmd, u32 arg);
long sys_fork(void);
long sys_fstat64(u32 fd, u32 ubuf);
long sys_fstatat64(u32 dirfd, u32 upath, u32 ubuf, u32 flags);
long sys_fsync(u32 fd);
long sys_futex(u32 uaddr, u32 op, u32 val, u32 utime, u32 uaddr2, u32 val3);
long sys_ftruncate(u32 fd, u32 len);
long sys_getcwd(u32 ubuf, u32 size);
long sys_getdents64(u32 fd, u32 ubuf, u32 count);
long sys_getpgid(u32 pid);
long sys_getpgrp(void);
long sys_getpid(void);
long sys_getppid(void);
long sys_getsid(u32 pid);
long sys_gettid(void);
long sys_gettimeofday(u32 utv, u32 utz);
long sys_ioctl(u32 fd, u32 cmd, u32 arg);
long sys_kill(u32 pid, u32 sig);
long sys_link(u32 a, u32 b);
long sys_llseek(u32 fd, u32 hi, u32 lo, u32 uresult, u32 whence);
long sys_lseek(u32 fd, u32 off, u32 whence);
long sys_lstat64(u32 upath, u32 ubuf);
long sys_mkdir(u32 upath, u32 mode);
long sys_mmap2(u32 addr, u32 len, u32 prot, u32 flags, u32 fd, u32 pgoff);
long sys_mount(u32 usource, u32 utarget, u32 utype, u32 flags, u32 data);
long sys_mprotect(u32 addr, u32 len, u32 prot);
long sys_munmap(u32 addr, u32 len);
long sys_nanosleep(u32 ureq, u32 urem);
long sys_open(u32 upath, u32 flags, u32 mode);
long sys_openat(u32 dirfd, u32 upath, u32 flags, u32 mode);
long sys_pipe(u32 ufds);
long sys_pipe2(u32 ufds, u32 flags);
long sys_poll(u32 ufds, u32 nfds, u32 timeout_ms);
long sys_ppoll(u32 ufds, u32 nfds, u32 uts, u32 usigmask, u32 sigsetsize);
long sys_pselect6(u32 n, u32 inp, u32 outp, u32 exp, u32 uts, u32 usig);
long sys_read(u32 fd, u32 ubuf, u32 count);
long sys_readlink(u32 upath, u32 ubuf, u32 len);
long sys_reboot(u32 magic1, u32 magic2, u32 cmd);
long sys_rename(u32 a, u32 b);
long sys_rmdir(u32 p);
long sys_rt_sigaction(u32 sig, u32 act, u32 oldact, u32 sigsetsize);
long sys_rt_sigpending(u32 set, u32 sigsetsize);
long sys_rt_sigprocmask(u32 how, u32 set, u32 oldset, u32 sigsetsize);
long sys_rt_sigreturn(struct pt_regs *regs);
long sys_rt_sigsuspend(u32 uset, u32 sigsetsize);
long sys_sched_yield(void);
long sys_select(u32 n, u32 inp, u32 outp, u32 exp, u32 utv);
long sys_setpgid(u32 pid, u32 pgid);
long sys_set_tid_address(u32 tidptr);
long sys_set_tls(u32 tls);
long sys_setsid(void);
long sys_stat64(u32 upath, u32 ubuf);
long sys_statfs64(u32 upath, u32 size, u32 ubuf);
long sys_symlink(u32 a, u32 b);
long sys_sync(void);
long sys_sysinfo(u32 ubuf);
long sys_tgkill(u32 tgid, u32 tid, u32 sig);
long sys_tkill(u32 tid, u32 sig);
long sys_times(u32 utms);
long sys_truncate(u32 upath, u32 len);
long sys_umask(u32 mask);
long sys_umount2(u32 utarget, u32 flags);
long sys_uname(u32 ubuf);
long sys_unlink(u32 p);
long sys_wait4(u32 pid, u32 ustatus, u32 options, u32 rusage);
long sys_write(u32 fd, u32 ubuf, u32 count);
long sys_writev(u32 fd, u32 uiov, u32 iovcnt);
long sys_zero(void);

#endif
