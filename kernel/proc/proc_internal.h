/* SPDX-License-Identifier: GPL-2.0 */
/* Shared between the process code's files; not for the rest of the kernel. */
#ifndef PROC_INTERNAL_H
#define PROC_INTERNAL_H

#include <kernel/process.h>

struct pt_regs;

extern struct process kernel_process;

struct process *process_alloc(const char *name, struct process *parent);
struct process *process_find(int pid);
int process_for_each(int (*fn)(struct process *p, void *arg), void *arg);
int process_start_thread(struct process *p, const struct pt_regs *regs);
int process_fork(struct pt_regs *regs);
__noreturn void process_exit(int status);
int process_wait4(int pid, int *status, bool nohang);

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
