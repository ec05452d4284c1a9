// SPDX-License-Identifier: GPL-2.0
/*
 * Threads of a process: clone(), exit and exit_group, thread ids, the
 * user thread pointer (TLS) and thread-directed signals.
 *
 * As on Linux, a thread is a task that shares its process's address
 * space, open files, cwd and signal dispositions: clone() with
 * CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD.  Those
 * resources hang off struct process here, so a thread cannot take some
 * of them and not others: clone() refuses the mixed requests (CLONE_VM
 * without CLONE_THREAD, say) with -EINVAL instead of half-honouring them.
 *
 * What a thread library needs beyond that, with Linux's ABI:
 * - CLONE_SETTLS and the ARM set_tls call: TPIDRURO, the register user
 *   code reads (mrc p15, 0, rN, c13, c0, 3) to find its thread;
 * - CLONE_PARENT_SETTID / CLONE_CHILD_SETTID: the new tid stored before
 *   the thread runs, so it can never be read unset;
 * - CLONE_CHILD_CLEARTID and set_tid_address: at exit the word is zeroed
 *   and a futex waiter on it woken, which is how join works (futex.c).
 *
 * Lifetime and exit are process.c's (thread_exit()).
 */
#include <kernel/uaccess.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <fs/vfs.h>
#include <mm/vm.h>
#include <asm/ptrace.h>
#include "proc_internal.h"
#include "syscalls.h"

#define CLONE_THREAD_SET	(ABI_CLONE_VM | ABI_CLONE_FS | ABI_CLONE_FILES | ABI_CLONE_SIGHAND | ABI_CLONE_THREAD)
#define CLONE_KNOWN		(CLONE_THREAD_SET | ABI_CLONE_SYSVSEM | ABI_CLONE_SETTLS | \
				 ABI_CLONE_PARENT_SETTID | ABI_CLONE_CHILD_CLEARTID | \
				 ABI_CLONE_DETACHED | ABI_CLONE_CHILD_SETTID | ABI_CSIGNAL)

static void set_tls_register(u32 tls)
{
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 3" :: "r"(tls));
}

/*
 * The tid stores clone() promises, done before the new thread runs.  A
 * bad address is ignored, as on Linux: the caller asked for it.
 */
void clone_set_tids(const struct clone_req *req, struct thread *t, struct mm *child_mm)
{
	u32 tid = (u32)t->tid;

	if (req->flags & ABI_CLONE_PARENT_SETTID)
		(void)copy_to_user(req->ptid, &tid, 4);
	if (req->flags & ABI_CLONE_CHILD_SETTID)
		(void)vm_write(child_mm, req->ctid, &tid, 4);
	if (req->flags & ABI_CLONE_CHILD_CLEARTID)
		t->clear_child_tid = req->ctid;
}

/* execve: the new program starts with no thread pointer and no exit word. */
void thread_reset_on_exec(struct thread *t)
{
	t->clear_child_tid = 0;
	t->tls = 0;
	set_tls_register(0);
}

/* A new thread in the caller's process, starting at @regs with stack @req->stack. */
static long clone_thread(struct pt_regs *regs, const struct clone_req *req)
{
	struct process *p = current_process();
	struct pt_regs child_regs = *regs;
	struct thread *t;
	int tid;

	child_regs.r[0] = 0;		/* clone() returns 0 in the new thread */
	if (req->stack)
		child_regs.sp = req->stack;
	/* From now on the descriptor table has more than one user. */
	if (p->vfs)
		WRITE_ONCE(p->vfs->files->single_user, false);
	t = process_add_thread(p, &child_regs,
			       (req->flags & ABI_CLONE_SETTLS) ? req->tls : current->tls);
	if (IS_ERR(t))
		return PTR_ERR(t);
	t->sig_blocked = current->sig_blocked;
	clone_set_tids(req, t, p->mm);
	tid = t->tid;
	kthread_start(t);	/* from here it may run, end and be freed */
	return tid;
}

/* ARM EABI order: clone(flags, newsp, parent_tidptr, tls, child_tidptr). */
long sys_clone(u32 flags, u32 stack, u32 ptid, u32 tls, u32 ctid)
{
	struct clone_req req = { flags, stack, ptid, tls, ctid };

	if (flags & ~CLONE_KNOWN)
		return -EINVAL;
	if (flags & ABI_CLONE_THREAD) {
		if ((flags & CLONE_THREAD_SET) != CLONE_THREAD_SET)
			return -EINVAL;
		return clone_thread(task_user_regs(current), &req);
	}
	/* A new process: it shares nothing but what fork() shares. */
	if ((flags & CLONE_THREAD_SET) || (flags & ABI_CSIGNAL) != SIGCHLD)
		return -EINVAL;
	return process_fork(task_user_regs(current), &req);
}

long sys_fork(void)
{
	return process_fork(task_user_regs(current), NULL);
}

/* exit(): this thread only; the process ends with its last thread. */
long sys_exit(u32 status)
{
	thread_exit((int)((status & 0xff) << 8), false);
}

long sys_exit_group(u32 status)
{
	thread_exit((int)((status & 0xff) << 8), true);
}

long sys_gettid(void)
{
	return current->tid;
}

long sys_set_tid_address(u32 tidptr)
{
	current->clear_child_tid = tidptr;
	return current->tid;
}

/* ARM private call 0xf0005: the user thread pointer. */
long sys_set_tls(u32 tls)
{
	current->tls = tls;
	set_tls_register(tls);
	return 0;
}

long sys_tgkill(u32 tgid, u32 tid, u32 sig)
{
	if ((int)tgid <= 0)
		return -EINVAL;
	return send_signal_thread((int)tgid, (int)tid, (int)sig);
}

long sys_tkill(u32 tid, u32 sig)
{
	return send_signal_thread(0, (int)tid, (int)sig);
}
