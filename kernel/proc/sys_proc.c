// SPDX-License-Identifier: GPL-2.0
/*
 * Process, time and system-information system calls.  Each validates its
 * arguments before acting and reports bad user pointers as -EFAULT.
 */
#include <kernel/uaccess.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/time.h>
#include <kernel/reboot.h>
#include <kernel/version.h>
#include <kernel/slab.h>
#include <kernel/printk.h>
#include <mm/page_alloc.h>
#include <asm/ptrace.h>
#include <uapi/linux-abi.h>
#include "proc_internal.h"
#include "syscalls.h"

long sys_wait4(u32 pid, u32 ustatus, u32 options, u32 rusage)
{
	int status = 0;
	long ret;

	if (options & ~(u32)ABI_WNOHANG)
		return -EINVAL;
	if (ustatus && !access_ok(ustatus, 4))
		return -EFAULT;
	ret = process_wait4((int)pid, &status, options & ABI_WNOHANG);
	if (ret > 0 && ustatus && copy_to_user(ustatus, &status, 4))
		return -EFAULT;
	if (ret > 0 && rusage && clear_user(rusage, 72))
		return -EFAULT;
	return ret;
}

long sys_kill(u32 pid, u32 sig)
{
	if ((int)pid <= 0)
		return -EINVAL;	/* process groups: not yet */
	return send_signal((int)pid, (int)sig);
}

long sys_getpid(void)
{
	return current_process()->pid;
}

long sys_getppid(void)
{
	struct process *p = current_process();

	return p->parent ? p->parent->pid : 0;
}

long sys_zero(void)
{
	return 0;	/* uid/gid: everyone is root on this system */
}

long sys_setpgid(u32 pid, u32 pgid)
{
	struct process *p = pid ? process_find((int)pid) : current_process();

	if (!p)
		return -ESRCH;
	if ((int)pgid < 0)
		return -EINVAL;
	p->pgid = pgid ? (int)pgid : p->pid;
	return 0;
}

long sys_getpgid(u32 pid)
{
	struct process *p = pid ? process_find((int)pid) : current_process();

	return p ? p->pgid : -ESRCH;
}

long sys_getpgrp(void)
{
	return current_process()->pgid;
}

long sys_setsid(void)
{
	struct process *p = current_process();

	if (p->pgid == p->pid)
		return -EPERM;
	p->sid = p->pgid = p->pid;
	return p->sid;
}

long sys_getsid(u32 pid)
{
	struct process *p = pid ? process_find((int)pid) : current_process();

	return p ? p->sid : -ESRCH;
}

long sys_umask(u32 mask)
{
	(void)mask;
	return 022;
}

long sys_sched_yield(void)
{
	yield();
	return 0;
}

/* A relative or absolute struct timespec from user space, in ns. */
int timespec_from_user(u32 uaddr, u64 *ns)
{
	struct abi_timespec ts;

	if (copy_from_user(&ts, uaddr, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
		return -EINVAL;
	*ns = (u64)ts.tv_sec * NSEC_PER_SEC + (u64)ts.tv_nsec;
	return 0;
}

static int put_timespec(u32 uaddr, u64 ns)
{
	struct abi_timespec ts = { (long)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC) };

	return copy_to_user(uaddr, &ts, sizeof(ts));
}

static long sleep_ns(u64 ns, u32 urem)
{
	u64 deadline = ktime_get_ns() + ns;

	if (sleep_until(deadline) == 0 && !signal_pending_current())
		return 0;
	if (urem) {
		u64 now = ktime_get_ns();

		put_timespec(urem, deadline > now ? deadline - now : 0);
	}
	return -EINTR;
}

long sys_nanosleep(u32 ureq, u32 urem)
{
	u64 ns;
	int err = timespec_from_user(ureq, &ns);

	return err ? err : sleep_ns(ns, urem);
}

/* Wall-clock time: the RTC reading at boot (if any) plus time since. */
u64 boot_wall_ns;

long sys_clock_gettime(u32 clk, u32 uts)
{
	u64 now = ktime_get_ns();

	if (clk != ABI_CLOCK_REALTIME && clk != ABI_CLOCK_MONOTONIC)
		return -EINVAL;
	return put_timespec(uts, clk == ABI_CLOCK_REALTIME ? boot_wall_ns + now : now);
}

long sys_clock_nanosleep(u32 clk, u32 flags, u32 ureq, u32 urem)
{
	u64 ns, now = ktime_get_ns();
	int err;

	if (clk != ABI_CLOCK_REALTIME && clk != ABI_CLOCK_MONOTONIC)
		return -EINVAL;
	err = timespec_from_user(ureq, &ns);
	if (err)
		return err;
	if (flags & 1) {	/* TIMER_ABSTIME */
		u64 base = clk == ABI_CLOCK_REALTIME ? boot_wall_ns : 0;

		ns = ns > base + now ? ns - base - now : 0;
	}
	return sleep_ns(ns, urem);
}

long sys_gettimeofday(u32 utv, u32 utz)
{
	u64 ns = boot_wall_ns + ktime_get_ns();
	struct abi_timeval tv = { (long)(ns / NSEC_PER_SEC), (long)((ns % NSEC_PER_SEC) / 1000) };

	if (utz && clear_user(utz, 8))
		return -EFAULT;
	return utv ? copy_to_user(utv, &tv, sizeof(tv)) : 0;
}

long sys_times(u32 utms)
{
	u64 ticks = jiffies;
	struct abi_tms t = { 0 };

	t.tms_utime = (long)(current->run_ns / (NSEC_PER_SEC / HZ));
	if (utms && copy_to_user(utms, &t, sizeof(t)))
		return -EFAULT;
	return (long)ticks;
}

long sys_uname(u32 ubuf)
{
	struct abi_utsname *u = kzalloc(sizeof(*u), GFP_KERNEL);
	long ret;

	if (!u)
		return -ENOMEM;
	strlcpy(u->sysname, "Kernel", sizeof(u->sysname));
	strlcpy(u->nodename, "board", sizeof(u->nodename));
	strlcpy(u->release, kernel_release, sizeof(u->release));
	strlcpy(u->version, kernel_banner, sizeof(u->version));
	strlcpy(u->machine, "armv7l", sizeof(u->machine));
	ret = copy_to_user(ubuf, u, sizeof(*u));
	kfree(u);
	return ret;
}

long sys_sysinfo(u32 ubuf)
{
	struct abi_sysinfo si = { 0 };
	struct page_stats ps;

	page_alloc_get_stats(&ps);
	si.uptime = (long)(ktime_get_ns() / NSEC_PER_SEC);
	si.totalram = ps.total_pages;
	si.freeram = ps.free_pages;
	si.procs = (unsigned short)process_count();
	si.mem_unit = PAGE_SIZE;
	return copy_to_user(ubuf, &si, sizeof(si));
}

#define REBOOT_MAGIC1		0xfee1deadu
#define REBOOT_CMD_RESTART	0x01234567u
#define REBOOT_CMD_HALT		0xcdef0123u
#define REBOOT_CMD_POWER_OFF	0x4321fedcu

long sys_reboot(u32 magic1, u32 magic2, u32 cmd)
{
	if (magic1 != REBOOT_MAGIC1 || (magic2 != 672274793u && magic2 != 85072278u &&
					 magic2 != 369367448u && magic2 != 537993216u))
		return -EINVAL;
	switch (cmd) {
	case REBOOT_CMD_RESTART:
		machine_restart();
	case REBOOT_CMD_HALT:
	case REBOOT_CMD_POWER_OFF:
		machine_poweroff();
	default:
		return -EINVAL;
	}
}
