/* SPDX-License-Identifier: GPL-2.0 */
/* Shared between the process code's files; not for the rest of the kernel. */
#ifndef PROC_INTERNAL_H
#define PROC_INTERNAL_H

#include <kernel/process.h>
#include <uapi/linux-abi.h>

struct pt_regs;

extern struct process kernel_process;

/* What clone() asked for beyond a plain copy (thread.c checks it). */
struct clone_req {
	u32 flags, stack, ptid, tls, ctid;
};

struct process *process_alloc(const char *name, struct process *parent);
void process_abort(struct process *p);
struct process *process_find(int pid);
int process_for_each(int (*fn)(struct process *p, void *arg), void *arg);
struct thread *process_add_thread(struct process *p, const struct pt_regs *regs, u32 tls);
int process_fork(struct pt_regs *regs, const struct clone_req *req);
__noreturn void process_exit(int status);
__noreturn void thread_exit(int status, bool group);
int process_single_thread(void);
int process_signal(int pid, int tid, int sig);
int process_wait4(int pid, int *status, bool nohang);

/* Threads of a process (thread.c). */
void clone_set_tids(const struct clone_req *req, struct thread *t, struct mm *child_mm);
void thread_reset_on_exec(struct thread *t);

/* A struct timespec at @uaddr in ns: 0, -EFAULT or -EINVAL (sys_proc.c). */
int timespec_from_user(u32 uaddr, u64 *ns);

/* Futexes (futex.c): wake up to @n waiters on @uaddr in @mm. */
int futex_wake(struct mm *mm, u32 uaddr, int n);

/* Signals (signal.c): make @sig pending on @t and interrupt its sleep. */
void signal_raise(struct thread *t, int sig);
/*
 * A signal mask for one call (ppoll, pselect6, rt_sigsuspend); the end
 * restores the caller's, or leaves that to the delivery of the signal
 * that made the call return -EINTR (signal.c).
 */
void sigmask_set_temporary(u64 mask);
void sigmask_end_temporary(long ret);

/* @sig would be discarded on delivery to @t (ignored, not blocked). */
bool signal_ignored(struct thread *t, int sig);

/* VFS context of a process (fs/ provides them; NULL without a VFS). */
struct vfs_ctx *proc_vfs_new(void);
struct vfs_ctx *proc_vfs_dup(struct vfs_ctx *ctx);
void proc_vfs_put(struct vfs_ctx *ctx);
void proc_vfs_exec(struct vfs_ctx *ctx);

/* ELF loading (elf.c). */
struct elf_source {
	void *ctx;
	u32 size;
	int (*read)(void *ctx, u32 offset, void *buf, u32 len);
};

struct exec_image {
	struct mm *mm;
	u32 entry, sp;
};

/**
 * elf_load() - build a new address space from a static ELF executable
 * Nothing of the caller's process changes: on success the caller switches
 * to @img->mm; on failure nothing is left behind.
 * Return: 0, -ENOEXEC (not a valid ARM executable), -ENOMEM, -E2BIG, -EFAULT.
 */
int elf_load(const struct elf_source *src, const char *const argv[],
	     const char *const envp[], struct exec_image *img);

void signal_reset_on_exec(struct process *p);

#endif
