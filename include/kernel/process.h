/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User processes.  A process owns an address space (struct mm), a VFS
 * context (open files, cwd) and signal dispositions; its threads are
 * scheduler threads that run in user mode and enter the kernel through
 * SVC, interrupts and aborts.  As in Linux, a process is a group of tasks
 * sharing those resources: clone(CLONE_THREAD) adds one, and the process
 * ends when its last thread does (or all at once with exit_group).
 */
#ifndef KERNEL_PROCESS_H
#define KERNEL_PROCESS_H

#include <kernel/types.h>
#include <kernel/list.h>
#include <kernel/wait.h>
#include <kernel/sched.h>

struct mm;
struct vfs_ctx;
struct pt_regs;

#define NSIG		64
#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGURG		23
#define SIGWINCH	28

#define SIG_DFL		0u
#define SIG_IGN		1u
#define SA_RESTORER	0x04000000u
#define SA_RESTART	0x10000000u
#define SA_NODEFER	0x40000000u
#define SA_RESETHAND	0x80000000u

struct k_sigaction {
	u32 handler;		/* user address, SIG_DFL or SIG_IGN */
	u32 flags;
	u32 restorer;
	u64 mask;
};

struct process {
	int pid, pgid, sid;
	char name[THREAD_NAME_LEN];
	struct process *parent;
	struct list_head children;	/* struct process.sibling */
	struct list_head sibling;
	struct list_head all_node;
	struct mm *mm;
	struct vfs_ctx *vfs;
	struct list_head threads;	/* struct thread.proc_node, under proc_lock */
	int nr_threads;			/* live ones, under proc_lock */
	/*
	 * Set by exit_group (and a fatal signal) and by execve while it ends
	 * the other threads: a thread that dies then leaves only itself.
	 */
	bool group_exiting;
	struct wait_queue_head thread_exit_wait;	/* a thread left */
	bool zombie;
	int exit_status;		/* wait(2) encoding */
	struct wait_queue_head child_wait;	/* the parent's wait4() sleeps here */
	struct k_sigaction sigaction[NSIG + 1];
	u64 start_ns;
};

/* The process of the running thread, or NULL for a kernel thread. */
static inline struct process *current_process(void)
{
	return current->proc;
}

struct pt_regs *task_user_regs(struct thread *t);

/**
 * process_spawn() - start a process running the ELF file at @path
 * The kernel's first process (init) is started this way.
 * Return: the pid, or -errno (-ENOENT, -ENOEXEC for a malformed file...).
 */
int process_spawn(const char *path, const char *const argv[], const char *const envp[]);

/**
 * process_next_is_init() - the next process created gets pid 1
 *
 * Once per boot: /sbin/init is pid 1 even when the self-tests started
 * processes before it (pids otherwise start at 2).
 */
void process_next_is_init(void);

/* Exec from an image in kernel memory (self-tests, no filesystem needed). */
int process_spawn_image(const char *name, const void *elf, u32 size,
			const char *const argv[]);

/* Waits for process @pid to end (from kernel code); returns its wait status. */
int process_wait(int pid, int *status);

/* A process-directed signal: taken by a thread that does not block it. */
int send_signal(int pid, int sig);
/* A thread-directed signal (tgkill): @tgid 0 matches any process. */
int send_signal_thread(int tgid, int tid, int sig);
int force_signal(struct thread *t, int sig);	/* a fault in the thread */

/* A signal the calling thread does not block is pending (its own process). */
static inline bool signal_pending_current(void)
{
	struct thread *t = current;

	return t->proc && (READ_ONCE(t->sig_pending) & ~t->sig_blocked);
}

/* Return-to-user work: pending signals. IRQs off. */
void do_notify_resume(struct pt_regs *regs);

/* Counts for /proc and the tests. */
int process_count(void);

/* What /proc shows of a process: a copy taken under the process lock. */
struct process_info {
	int pid, ppid, pgid, sid;
	char state;			/* 'R' runnable, 'S' asleep, 'Z' zombie */
	char name[THREAD_NAME_LEN];
	u32 rss_pages;			/* resident user pages; 0 for a zombie */
	u64 start_ns;			/* since boot */
	u64 run_ns;			/* CPU time of its live threads */
	int nr_threads;			/* 0 for a zombie */
};

/**
 * process_info_get() - a snapshot of process @pid (zombies included)
 * Return: 0, or -ESRCH when there is no such process.
 */
int process_info_get(int pid, struct process_info *info);

/**
 * process_next_pid() - the smallest pid >= @from in use (zombies included),
 * for walking the process list without holding its lock
 * Return: the pid, or -ESRCH when there is none.
 */
int process_next_pid(int from);

#endif /* KERNEL_PROCESS_H */
