// SPDX-License-Identifier: GPL-2.0
/*
 * Processes: creation (spawn, fork), exit, reaping (wait4), the pid table,
 * and the start of a user thread.
 *
 * A user thread is a scheduler thread whose kernel stack top holds its
 * user register frame (struct pt_regs): the exception entry pushes it
 * there on every entry from user mode, and ret_to_user() returns through it.
 *
 * Lifetime: a process is freed by the parent's wait4() once it is a
 * zombie; an orphan is adopted by pid 1 (or freed at once if there is no
 * pid 1).  Its thread is detached and frees itself.
 *
 * Locking: proc_lock (irqsave) protects the process list, the parent/child
 * links and the zombie state.  Knows nothing of ELF (elf.c) or signals'
 * delivery (signal.c).
 */
#define pr_fmt(fmt) "proc: " fmt
#include <kernel/process.h>
#include <kernel/slab.h>
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

static bool pid_used(int pid)
{
	struct process *p;

	list_for_each_entry(p, &processes, all_node)
		if (p->pid == pid)
			return true;
	return false;
}

/* Caller holds proc_lock. */
static int alloc_pid(void)
{
	if (next_is_init) {
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
	init_waitqueue_head(&p->child_wait);
	p->start_ns = ktime_get_ns();
	spin_lock_irqsave(&proc_lock, flags);
	p->pid = alloc_pid();
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
	/* The thread lives until the process is a zombie (set under proc_lock). */
	info->state = thread_state_char(p->main);
	info->run_ns = p->main ? p->main->run_ns : 0;
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

	(void)arg;
	local_irq_disable();
	mm_activate(t->mm);
	if (unlikely(!READ_ONCE(first_user_entry_seen)))
		log_first_user_entry(t->proc);
	ret_to_user(task_user_regs(t));
	return 0;	/* not reached */
}

/**
 * process_start_thread() - create @p's main thread with user registers @regs
 * Return: 0 or -ENOMEM; the thread runs once started with kthread_start().
 */
int process_start_thread(struct process *p, const struct pt_regs *regs)
{
	struct thread *t = kthread_create(user_thread_start, NULL, PRIO_DEFAULT, p->name);

	if (IS_ERR(t))
		return PTR_ERR(t);
	t->proc = p;
	t->mm = p->mm;
	*task_user_regs(t) = *regs;
	/* Its kernel code runs below the user frame, which it must not touch. */
	t->ctx.sp = (u32)(unsigned long)task_user_regs(t);
	p->main = t;
	kthread_detach(t);
	return 0;
}

/* --- fork ------------------------------------------------------------- */

int process_fork(struct pt_regs *regs)
{
	struct process *parent = current_process(), *child;
	struct pt_regs child_regs = *regs;
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
	err = process_start_thread(child, &child_regs);
	if (err)
		goto out_put_vfs;
	child->main->sig_blocked = current->sig_blocked;
	pid = child->pid;
	kthread_start(child->main);
	return pid;

out_put_vfs:
	proc_vfs_put(child->vfs);
out_put_mm:
	mm_put(child->mm);
out_free:
	{
		unsigned long flags;

		spin_lock_irqsave(&proc_lock, flags);
		list_del(&child->sibling);
		spin_unlock_irqrestore(&proc_lock, flags);
	}
	process_free(child);
	return err;
}

/* --- exit and wait ---------------------------------------------------- */

/**
 * process_exit() - end the current process with wait status @status
 * Releases its memory and files, hands its children to pid 1, wakes its
 * parent; the thread ends.  Never returns.
 */
__noreturn void process_exit(int status)
{
	struct process *p = current_process(), *child, *n, *init, *parent;
	unsigned long flags;
	struct mm *mm = p->mm;
	bool reap_now;

	local_irq_disable();
	mm_activate(NULL);		/* off this address space before freeing it */
	current->mm = NULL;
	local_irq_enable();
	p->mm = NULL;
	mm_put(mm);
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
	p->exit_status = status;
	p->zombie = true;
	parent = p->parent;
	reap_now = false;
	spin_unlock_irqrestore(&proc_lock, flags);
	if (parent->pid)
		send_signal(parent->pid, SIGCHLD);
	wake_up_all(&parent->child_wait);
	(void)reap_now;
	current->proc = NULL;
	kthread_exit(status);
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
