// SPDX-License-Identifier: GPL-2.0
/*
 * execve and process start-up from a file or an in-memory image.  The new
 * address space is built completely (elf.c) before anything of the caller
 * changes, so a bad executable is an error for the caller, not its death.
 */
#define pr_fmt(fmt) "exec: " fmt
#include <kernel/uaccess.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/printk.h>
#include <fs/vfs.h>
#include <mm/vm.h>
#include <asm/ptrace.h>
#include <asm/irqflags.h>
#include "proc_internal.h"
#include "syscalls.h"

#define MAX_ARGS	256
#define ARG_MAX_LEN	4096

/* --- sources: a VFS file or kernel memory ------------------------------- */

static int file_read_at(void *ctx, u32 off, void *buf, u32 len)
{
	u64 pos = off;
	ssize_t n = kernel_read(ctx, buf, len, &pos);

	return n == (ssize_t)len ? 0 : n < 0 ? (int)n : -ENOEXEC;
}

static int mem_read_at(void *ctx, u32 off, void *buf, u32 len)
{
	struct elf_source *src = ctx;

	if (off > src->size || len > src->size - off)
		return -ENOEXEC;
	memcpy(buf, (const char *)src->ctx + off, len);
	return 0;
}

static void start_regs(struct pt_regs *regs, const struct exec_image *img)
{
	memset(regs, 0, sizeof(*regs));
	regs->pc = img->entry & ~1u;
	regs->sp = img->sp;
	regs->psr = USR_MODE | ((img->entry & 1) ? PSR_T_BIT : 0);
}

static const char *basename_of(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* --- kernel-started processes ------------------------------------------- */

static int spawn(const char *name, const struct elf_source *src,
		 const char *const argv[], const char *const envp[])
{
	struct exec_image img;
	struct process *p;
	struct thread *t;
	struct pt_regs regs;
	int err, pid;

	err = elf_load(src, argv, envp, &img);
	if (err)
		return err;
	p = process_alloc(name, NULL);
	if (!p) {
		mm_put(img.mm);
		return -EAGAIN;
	}
	p->mm = img.mm;
	p->vfs = proc_vfs_new();
	start_regs(&regs, &img);
	t = process_add_thread(p, &regs, 0);
	if (IS_ERR(t)) {
		proc_vfs_put(p->vfs);
		mm_put(p->mm);
		process_abort(p);
		return PTR_ERR(t);
	}
	pid = p->pid;
	kthread_start(t);
	return pid;
}

int process_spawn(const char *path, const char *const argv[], const char *const envp[])
{
	struct file *f = filp_open(vfs_kernel_ctx(), path, O_RDONLY, 0);
	struct elf_source src;
	struct stat st;
	int ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	ret = vfs_stat(vfs_kernel_ctx(), path, &st);
	if (!ret && !S_ISREG(st.st_mode))
		ret = -EACCES;
	if (!ret) {
		src = (struct elf_source){ .ctx = f, .size = (u32)st.st_size,
					   .read = file_read_at };
		ret = spawn(basename_of(path), &src, argv, envp);
	}
	fput(f);
	return ret;
}

int process_spawn_image(const char *name, const void *elf, u32 size,
			const char *const argv[])
{
	struct elf_source inner = { .ctx = (void *)elf, .size = size };
	struct elf_source src = { .ctx = &inner, .size = size, .read = mem_read_at };
	static const char *const no_env[] = { NULL };

	return spawn(name, &src, argv, no_env);
}

int process_wait(int pid, int *status)
{
	return process_wait4(pid, status, false);
}

/* --- execve -------------------------------------------------------------- */

static void free_strings(char **v)
{
	for (int i = 0; v && v[i]; i++)
		kfree(v[i]);
	kfree(v);
}

/* A user array of string pointers into kernel copies (NULL-terminated). */
static char **get_strings(u32 uvec, int *err)
{
	char **v = kcalloc(MAX_ARGS + 1, sizeof(char *), GFP_KERNEL);
	u32 total = 0;

	if (!v) {
		*err = -ENOMEM;
		return NULL;
	}
	for (int i = 0; uvec; i++) {
		u32 up;
		long len;

		if (i == MAX_ARGS) {
			*err = -E2BIG;
			goto out_free;
		}
		if (copy_from_user(&up, uvec + i * 4, 4)) {
			*err = -EFAULT;
			goto out_free;
		}
		if (!up)
			break;
		v[i] = kmalloc(ARG_MAX_LEN, GFP_KERNEL);
		if (!v[i]) {
			*err = -ENOMEM;
			goto out_free;
		}
		len = strncpy_from_user(v[i], up, ARG_MAX_LEN);
		if (len < 0) {
			*err = len == -ENAMETOOLONG ? -E2BIG : (int)len;
			goto out_free;
		}
		total += (u32)len + 1;
		if (total > 64 * 1024) {
			*err = -E2BIG;
			goto out_free;
		}
	}
	return v;

out_free:
	free_strings(v);
	return NULL;
}

long sys_execve(u32 upath, u32 uargv, u32 uenvp)
{
	struct process *p = current_process();
	struct pt_regs *regs = task_user_regs(current);
	char *path = kmalloc(256, GFP_KERNEL), **argv = NULL, **envp = NULL;
	struct exec_image img;
	struct elf_source src;
	struct mm *old;
	struct file *f = NULL;
	struct stat st;
	long err;

	if (!path)
		return -ENOMEM;
	err = strncpy_from_user(path, upath, 256);
	if (err >= 0)
		argv = get_strings(uargv, (int *)&err);
	if (err >= 0 && argv)
		envp = get_strings(uenvp, (int *)&err);
	if (err < 0 || !argv || !envp)
		goto out_free;
	err = vfs_stat(p->vfs, path, &st);
	if (!err && (!S_ISREG(st.st_mode) || !(st.st_mode & 0111)))
		err = -EACCES;		/* even root needs an execute bit */
	if (!err) {
		f = filp_open(p->vfs, path, O_RDONLY, 0);
		if (IS_ERR(f)) {
			err = PTR_ERR(f);
			f = NULL;
		}
	}
	if (err)
		goto out_free;
	src = (struct elf_source){ .ctx = f, .size = (u32)st.st_size, .read = file_read_at };
	err = elf_load(&src, (const char *const *)argv, (const char *const *)envp, &img);
	if (err)
		goto out_free;
	/* The new program starts with one thread: the others end first. */
	err = process_single_thread();
	if (err) {
		mm_put(img.mm);
		goto out_free;
	}
	/* Point of no return: the process becomes the new program. */
	old = p->mm;
	local_irq_disable();
	p->mm = current->mm = img.mm;
	mm_activate(img.mm);
	local_irq_enable();
	mm_put(old);
	strlcpy(p->name, basename_of(path), sizeof(p->name));
	strlcpy(current->name, p->name, sizeof(current->name));
	signal_reset_on_exec(p);
	thread_reset_on_exec(current);
	proc_vfs_exec(p->vfs);
	start_regs(regs, &img);
	err = 0;
out_free:
	if (f)
		fput(f);
	free_strings(argv);
	free_strings(envp);
	kfree(path);
	return err ? err : 0;	/* r0 of the new program: 0 */
}
