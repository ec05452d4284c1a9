// SPDX-License-Identifier: GPL-2.0
/*
 * Processes: creation (spawn, fork), exit, reaping (wait4), the pid table,
 * and the start of a user thread.
 *
 * A user thread is a scheduler thread whose kernel stack top holds its
 * user register frame (struct pt_regs): the exception entry pushes it
 * there on every entry from user mode, and ret_to_user() returns through it.
 * A process has one or more of them (clone with CLONE_THREAD, thread.c);
 * thread ids and pids come from one number space, and a process's first
 * thread has the pid as its tid.
 *
 * Lifetime: each thread is detached and frees itself.  The last thread
 * to leave releases the address space and files and makes the process a
 * zombie; the parent's wait4() frees it.  exit_group (and any fatal
 * signal) first sends SIGKILL to the other threads.  An orphan is adopted
 * by pid 1 (or freed at once if there is no pid 1).
 *
 * Locking: proc_lock (irqsave) protects the process list, the parent/child
 * links, each process's thread list and the zombie state.  Knows nothing
 * of ELF (elf.c) or signals' delivery (signal.c).
 */
#define pr_fmt(fmt) "proc: " fmt
#include <kernel/process.h>
#include <kernel/slab.h>
#include <kernel/uaccess.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include <mm/vm.h>
#include <asm/ptrace.h>
#include <asm/irqflags.h>
#include "proc_internal.h"

/* The parent of processes the kernel starts (pid 0): kernel code reaps them. */
struct process kernel_process = {
	.pid = 0, .name = "kernel",
	.children = LIST_HEAD_INIT(kernel_process.children),
	.sibling = LIST_HEAD_INIT(kernel_process.sibling),
	.child_wait = WAIT_QUEUE_HEAD_INIT(kernel_process.child_wait),
};

static LIST_HEAD(processes);
static DEFINE_SPINLOCK(proc_lock);
/* pid 1 is init's, as on Linux: processes started before it (the kernel's
 * self-tests spawn some) count from 2, and user space may tell init by it. */
static int next_pid = 2;
static bool pid1_claimed;
static bool next_is_init;
static int nr_processes;

void ret_to_user(struct pt_regs *regs);

struct pt_regs *task_user_regs(struct thread *t)
{
	return (struct pt_regs *)((char *)t->stack + t->stack_size) - 1;
}

/* Pids and tids share one space: a zombie's pid stays taken until reaped. */
static bool pid_used(int pid)
{
	struct process *p;
	struct thread *t;

	list_for_each_entry(p, &processes, all_node) {
		if (p->pid == pid)
			return true;
		list_for_each_entry(t, &p->threads, proc_node)
			if (t->tid == pid)
				return true;
	}
	return false;
}

/* Caller holds proc_lock.  @process: a new process's (may be init's). */
static int alloc_pid(bool process)
{
	if (process && next_is_init) {
		next_is_init = false;
		if (!pid1_claimed && !pid_used(1)) {
			pid1_claimed = true;
			return 1;
		}
	}
	for (int tries = 0; tries < 32768; tries++) {
		int pid = next_pid++;

		if (next_pid >= 32768)
			next_pid = 2;
		if (!pid_used(pid))
			return pid;
	}
	return -EAGAIN;
}

void process_next_is_init(void)
{
	unsigned long flags;

	spin_lock_irqsave(&proc_lock, flags);
	next_is_init = true;
	spin_unlock_irqrestore(&proc_lock, flags);
}

struct process *process_alloc(const char *name, struct process *parent)
{
	struct process *p = kzalloc(sizeof(*p), GFP_KERNEL);
	unsigned long flags;

	if (!p)
		return NULL;
	strlcpy(p->name, name, sizeof(p->name));
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->threads);
	init_waitqueue_head(&p->child_wait);
	init_waitqueue_head(&p->thread_exit_wait);
	p->start_ns = ktime_get_ns();
	spin_lock_irqsave(&proc_lock, flags);
	p->pid = alloc_pid(true);
	if (p->pid < 0) {
		spin_unlock_irqrestore(&proc_lock, flags);
		kfree(p);
		return NULL;
	}
	if (!parent)
		parent = &kernel_process;
	p->parent = parent;
	p->pgid = parent->pid ? parent->pgid : p->pid;
	p->sid = parent->pid ? parent->sid : p->pid;
	list_add_tail(&p->sibling, &parent->children);
	list_add_tail(&p->all_node, &processes);
	nr_processes++;
	spin_unlock_irqrestore(&proc_lock, flags);
	return p;
}

static void process_free(struct process *p)
{
	unsigned long flags;

	spin_lock_irqsave(&proc_lock, flags);
	list_del(&p->all_node);
	nr_processes--;
	spin_unlock_irqrestore(&proc_lock, flags);
	kfree(p);
}

/* Undo process_alloc() for a process that never got a thread. */
void process_abort(struct process *p)
{
	unsigned long flags;

	spin_lock_irqsave(&proc_lock, flags);
	list_del(&p->sibling);
	spin_unlock_irqrestore(&proc_lock, flags);
	process_free(p);
}

struct process *process_find(int pid)
{
	struct process *p, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&proc_lock, flags);
	list_for_each_entry(p, &processes, all_node)
		if (p->pid == pid && !p->zombie)
			found = p;
	spin_unlock_irqrestore(&proc_lock, flags);
	return found;
}

int process_count(void)
{
	return nr_processes;
}

int process_for_each(int (*fn)(struct process *p, void *arg), void *arg)
{
	struct process *p;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&proc_lock, flags);
	list_for_each_entry(p, &processes, all_node) {
		ret = fn(p, arg);
		if (ret)
			break;
	}
	spin_unlock_irqrestore(&proc_lock, flags);
	return ret;
}

static char thread_state_char(const struct thread *t)
{
	return t && t->state == THREAD_BLOCKED ? 'S' : 'R';
}

/* Caller holds proc_lock. */
static void fill_info(const struct process *p, struct process_info *info)
{
	struct mm *mm = READ_ONCE(p->mm);
	struct thread *t;

	memset(info, 0, sizeof(*info));
	info->pid = p->pid;
	info->ppid = p->parent ? p->parent->pid : 0;
	info->pgid = p->pgid;
	info->sid = p->sid;
	strlcpy(info->name, p->name, sizeof(info->name));
	info->start_ns = p->start_ns;
	if (p->zombie) {
		info->state = 'Z';
		return;
	}
	/* Threads on the list live at least until they leave it (under proc_lock). */
	info->state = 'S';
	list_for_each_entry(t, &p->threads, proc_node) {
		if (thread_state_char(t) == 'R')
			info->state = 'R';
		info->run_ns += t->run_ns;
	}
	info->nr_threads = p->nr_threads;
	/* Read without mm->lock: a statistic, possibly a tick old. */
	info->rss_pages = mm ? READ_ONCE(mm->pages) : 0;
}

/**
 * process_info_get() - a snapshot of process @pid (zombies included)
 * @pid: the process   @info: filled in
 * Return: 0, or -ESRCH when there is no such process.
 */
int process_info_get(int pid, struct process_info *info)
{
	struct process *p;
	unsigned long flags;
	int ret = -ESRCH;

	spin_lock_irqsave(&proc_lock, flags);
	list_for_each_entry(p, &processes, all_node) {
		if (p->pid == pid) {
			fill_info(p, info);
			ret = 0;
			break;
		}
	}
	spin_unlock_irqrestore(&proc_lock, flags);
	return ret;
}

/**
 * process_next_pid() - the smallest pid >= @from in use (zombies included)
 * Return: the pid, or -ESRCH when there is none.
 */
int process_next_pid(int from)
{
	struct process *p;
	unsigned long flags;
	int best = -ESRCH;

	spin_lock_irqsave(&proc_lock, flags);
	list_for_each_entry(p, &processes, all_node)
		if (p->pid >= from && (best < 0 || p->pid < best))
			best = p->pid;
	spin_unlock_irqrestore(&proc_lock, flags);
	return best;
}

/*
 * Boot time to user space, for `make bench-user`: the monotonic clock
 * (virtual under QEMU -icount) when the first process leaves for user
 * mode.  Logged once; the line's own printing comes after the stamp.
 */
static bool first_user_entry_seen;

static void log_first_user_entry(const struct process *p)
{
	u64 ns = ktime_get_ns();

	if (__atomic_exchange_n(&first_user_entry_seen, true, __ATOMIC_RELAXED))
		return;		/* another CPU was first */
	pr_info("first user instruction: pid %d (%s) at %llu ns", p->pid, p->name, ns);
}

/* The body of every user thread: drop to user mode through its frame. */
static int user_thread_start(void *arg)
{
	struct thread *t = current;
	struct pt_regs *regs = task_user_regs(t);

	(void)arg;
	if (!t->proc)
		return -EAGAIN;		/* process_add_thread() found no tid for it */
	local_irq_disable();
	mm_activate(t->mm);
	if (unlikely(!READ_ONCE(first_user_entry_seen)))
		log_first_user_entry(t->proc);
	/* A SIGKILL from exit_group may have come before it ever ran. */
	if (unlikely(READ_ONCE(t->sig_pending) & ~t->sig_blocked))
		do_notify_resume(regs);
	ret_to_user(regs);
	return 0;	/* not reached */
}

/**
 * process_add_thread() - a new thread of @p with user registers @regs
 * @tls: its TPIDRURO
 * The first thread of a process takes the pid as its tid.  The thread
 * is on @p's list (it counts as live) but runs only once kthread_start()ed.
 * Return: the thread, or ERR_PTR(-ENOMEM / -EAGAIN: no free tid).
 */
struct thread *process_add_thread(struct process *p, const struct pt_regs *regs, u32 tls)
{
	struct thread *t = kthread_create(user_thread_start, NULL, PRIO_DEFAULT, p->name);
	unsigned long flags;
	int tid;

	if (IS_ERR(t))
		return t;
	kthread_detach(t);
	*task_user_regs(t) = *regs;
	/* Its kernel code runs below the user frame, which it must not touch. */
	t->ctx.sp = (u32)(unsigned long)task_user_regs(t);
	t->tls = tls;
	spin_lock_irqsave(&proc_lock, flags);
	tid = list_empty(&p->threads) ? p->pid : alloc_pid(false);
	if (tid > 0) {
		t->tid = tid;
		t->proc = p;
		t->mm = p->mm;
		list_add_tail(&t->proc_node, &p->threads);
		p->nr_threads++;
		/* Made while the others are being ended: it ends before user mode. */
		if (p->group_exiting)
			t->sig_pending |= 1ull << (SIGKILL - 1);
	}
	spin_unlock_irqrestore(&proc_lock, flags);
	if (tid < 0) {
		kthread_start(t);	/* it ends at once and frees itself */
		return ERR_PTR(tid);
	}
	return t;
}

/* --- fork ------------------------------------------------------------- */

/**
 * process_fork() - a copy of the calling process, with the calling thread
 * @regs: the caller's user frame; the child returns 0 from it
 * @req: clone()'s stack, tid and TLS requests (NULL for a plain fork)
 * Return: the child's pid or -errno.
 */
int process_fork(struct pt_regs *regs, const struct clone_req *req)
{
	struct process *parent = current_process(), *child;
	struct pt_regs child_regs = *regs;
	struct thread *t;
	int err = -ENOMEM, pid;

	child = process_alloc(parent->name, parent);
	if (!child)
		return -EAGAIN;
	child->mm = mm_fork(parent->mm);
	if (!child->mm)
		goto out_free;
	child->vfs = proc_vfs_dup(parent->vfs);
	if (parent->vfs && !child->vfs)
		goto out_put_mm;
	memcpy(child->sigaction, parent->sigaction, sizeof(child->sigaction));
	child_regs.r[0] = 0;		/* fork() returns 0 in the child */
	if (req && req->stack)
		child_regs.sp = req->stack;
	t = process_add_thread(child, &child_regs,
			       req && (req->flags & ABI_CLONE_SETTLS) ? req->tls : current->tls);
	if (IS_ERR(t)) {
		err = PTR_ERR(t);
		goto out_put_vfs;
	}
	t->sig_blocked = current->sig_blocked;
	pid = child->pid;
	if (req)
		clone_set_tids(req, t, child->mm);
	kthread_start(t);
	return pid;

out_put_vfs:
	proc_vfs_put(child->vfs);
out_put_mm:
	mm_put(child->mm);
out_free:
	process_abort(child);
	return err;
}

/* --- exit and wait ---------------------------------------------------- */

/* Caller holds proc_lock: SIGKILL to every thread of @p but the caller. */
static void kill_other_threads(struct process *p)
{
	struct thread *t;

	list_for_each_entry(t, &p->threads, proc_node)
		if (t != current)
			signal_raise(t, SIGKILL);
}

/*
 * The last thread has left: free the address space and the files, hand
 * the children to pid 1 and become a zombie for the parent to reap.
 */
static void process_release(struct process *p)
{
	struct process *child, *n, *init, *parent;
	unsigned long flags;

	mm_put(p->mm);
	p->mm = NULL;
	proc_vfs_put(p->vfs);
	p->vfs = NULL;

	init = process_find(1);
	if (!init || init == p)
		init = &kernel_process;
	spin_lock_irqsave(&proc_lock, flags);
	list_for_each_entry_safe(child, n, &p->children, sibling) {
		list_del(&child->sibling);
		child->parent = init;
		list_add_tail(&child->sibling, &init->children);
	}
	p->zombie = true;
	parent = p->parent;
	spin_unlock_irqrestore(&proc_lock, flags);
	if (parent->pid)
		send_signal(parent->pid, SIGCHLD);
	wake_up_all(&parent->child_wait);
}

/**
 * thread_exit() - end the calling thread
 * @status: the process's wait status if this is its last thread
 * @group: end every thread of the process (exit_group, a fatal signal);
 *	   the first such request sets the status
 * Honours CLONE_CHILD_CLEARTID (zero the word, wake a futex waiter on
 * it); the last thread out releases the process.  Never returns.
 */
__noreturn void thread_exit(int status, bool group)
{
	struct thread *t = current;
	struct process *p = t->proc;
	unsigned long flags;
	bool last;

	spin_lock_irqsave(&proc_lock, flags);
	if (group && !p->group_exiting) {
		p->group_exiting = true;
		p->exit_status = status;
		kill_other_threads(p);
	}
	spin_unlock_irqrestore(&proc_lock, flags);

	if (t->clear_child_tid) {
		u32 zero = 0;

		/* A joiner sleeps on this word; a bad address is ignored, as on Linux. */
		if (!copy_to_user(t->clear_child_tid, &zero, 4))
			futex_wake(t->mm, t->clear_child_tid, 1);
	}
	local_irq_disable();
	mm_activate(NULL);		/* off the address space before it may go */
	t->mm = NULL;
	local_irq_enable();

	spin_lock_irqsave(&proc_lock, flags);
	list_del(&t->proc_node);
	last = --p->nr_threads == 0;
	if (last && !p->group_exiting)
		p->exit_status = status;
	/* Under the lock: once it drops, another thread may free @p. */
	wake_up_all(&p->thread_exit_wait);
	if (!last)
		t->proc = NULL;		/* not to be looked at once the lock drops */
	spin_unlock_irqrestore(&proc_lock, flags);
	if (last) {
		process_release(p);
		t->proc = NULL;
	}
	kthread_exit(status);
}

/**
 * process_exit() - end the current process with wait status @status
 * Every thread ends; the last one releases the memory and files, hands
 * the children to pid 1 and wakes the parent.  Never returns.
 */
__noreturn void process_exit(int status)
{
	thread_exit(status, true);
}

static bool only_thread_left(void *arg)
{
	return READ_ONCE(((struct process *)arg)->nr_threads) == 1;
}

/**
 * process_single_thread() - end the other threads of the calling process
 * For execve: waits until they are gone (only a SIGKILL cuts that short);
 * the caller then takes the pid as its tid, as on Linux.
 * Return: 0, or -EINTR when the process is being ended anyway.
 */
int process_single_thread(void)
{
	struct thread *t = current;
	struct process *p = t->proc;
	unsigned long flags;
	u64 blocked;
	int ret;

	spin_lock_irqsave(&proc_lock, flags);
	if (p->nr_threads == 1) {
		spin_unlock_irqrestore(&proc_lock, flags);
		return 0;
	}
	if (p->group_exiting) {		/* exit_group or another execve first */
		spin_unlock_irqrestore(&proc_lock, flags);
		return -EINTR;
	}
	p->group_exiting = true;	/* the killed threads leave only themselves */
	kill_other_threads(p);
	spin_unlock_irqrestore(&proc_lock, flags);

	blocked = t->sig_blocked;
	t->sig_blocked = ~(1ull << (SIGKILL - 1));
	ret = wait_event_cond(&p->thread_exit_wait, only_thread_left, p, 0);
	t->sig_blocked = blocked;

	spin_lock_irqsave(&proc_lock, flags);
	p->group_exiting = false;
	if (!ret)
		t->tid = p->pid;	/* the first thread's tid is free now */
	spin_unlock_irqrestore(&proc_lock, flags);
	return ret;
}

/* Caller holds proc_lock. */
static struct thread *find_thread(struct process *p, int tid)
{
	struct thread *t;

	list_for_each_entry(t, &p->threads, proc_node)
		if (t->tid == tid)
			return t;
	return NULL;
}

/* Caller holds proc_lock: the thread a signal for @p goes to. */
static struct thread *signal_target(struct process *p, int sig)
{
	struct thread *t;

	list_for_each_entry(t, &p->threads, proc_node)
		if (!(t->sig_blocked & (1ull << (sig - 1))))
			return t;
	/* All block it: pending on the first until one unblocks it there. */
	return list_empty(&p->threads) ? NULL :
	       list_first_entry(&p->threads, struct thread, proc_node);
}

/**
 * process_signal() - raise @sig (1..NSIG, or 0 to probe) on process @pid
 * @tid: 0 for a process-directed signal; else that thread of @pid (any
 *	 process when @pid is 0), as tgkill/tkill
 * Return: 0 or -ESRCH.
 */
int process_signal(int pid, int tid, int sig)
{
	struct process *p;
	struct thread *target = NULL;
	unsigned long flags;
	int ret = -ESRCH;

	spin_lock_irqsave(&proc_lock, flags);
	list_for_each_entry(p, &processes, all_node) {
		if (p->zombie)
			continue;
		if (!tid) {
			/* kill() of any thread's id means its process, as on Linux. */
			if (p->pid != pid && !find_thread(p, pid))
				continue;
			target = signal_target(p, sig ? sig : 1);
			ret = 0;	/* a process with no thread left is dying: fine */
			break;
		}
		if (pid && p->pid != pid)
			continue;
		target = find_thread(p, tid);
		if (target || pid)
			break;
	}
	if (target) {
		ret = 0;
		if (sig && !signal_ignored(target, sig))
			signal_raise(target, sig);
	}
	spin_unlock_irqrestore(&proc_lock, flags);
	return ret;
}

struct wait_ctx {
	struct process *parent;
	int pid;
	struct process *found;
	bool has_child;
};

static bool child_ready(void *arg)
{
	struct wait_ctx *w = arg;
	struct process *c;
	unsigned long flags;

	spin_lock_irqsave(&proc_lock, flags);
	w->has_child = false;
	list_for_each_entry(c, &w->parent->children, sibling) {
		if (w->pid > 0 && c->pid != w->pid)
			continue;
		if (w->pid < -1 && c->pgid != -w->pid)
			continue;
		w->has_child = true;
		if (c->zombie) {
			w->found = c;
			list_del(&c->sibling);
			break;
		}
	}
	spin_unlock_irqrestore(&proc_lock, flags);
	return w->found || !w->has_child || signal_pending_current();
}

/**
 * process_wait4() - reap a child of the current process
 * @pid: > 0 that child, -1 any, < -1 any in process group -pid
 * @nohang: return 0 at once if none has exited
 * Return: the child's pid (status in *@status), 0, -ECHILD, or -EINTR.
 */
int process_wait4(int pid, int *status, bool nohang)
{
	struct wait_ctx w = { .parent = current_process(), .pid = pid };
	int ret;

	if (!w.parent)
		w.parent = &kernel_process;	/* kernel code waiting for what it spawned */
	if (nohang) {
		child_ready(&w);
	} else {
		ret = wait_event_cond(&w.parent->child_wait, child_ready, &w, 0);
		if (ret && !w.found)
			return -EINTR;
	}
	if (!w.found)
		return w.has_child ? (nohang ? 0 : -EINTR) : -ECHILD;
	if (status)
		*status = w.found->exit_status;
	ret = w.found->pid;
	process_free(w.found);
	return ret;
}
