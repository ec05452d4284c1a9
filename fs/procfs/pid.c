// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/ (stat, status, cmdline) for every process, and /proc/self,
 * a symlink to the reader's own directory.
 *
 * The directories are not registered anywhere: a lookup of a number asks
 * kernel/proc (process_info_get()) whether that process exists, a listing
 * walks the pids with process_next_pid(), and cached entries of a process
 * that has gone are dropped by revalidate().  Inode numbers encode the pid
 * and the file (PROC_PID_INO), so an inode needs no private data.  Each
 * open takes a snapshot (proc_seq_open()) of struct process_info.
 *
 * Layer: procfs entries over kernel/proc.  Locking: none of its own;
 * process_info_get() copies under the process lock.  Knows nothing of
 * struct process itself.
 */
#include "internal.h"
#include <fs/vfs.h>
#include <kernel/errno.h>
#include <kernel/process.h>
#include <kernel/string.h>
#include <kernel/time.h>

#define USER_HZ		100		/* clock ticks of /proc/<pid>/stat */
#define PROC_PID_MAX	0xffffff	/* fits PROC_PID_INO */
/* VmRSS counts 4 KiB pages (the MMU page size). */

enum pid_file { PID_DIR, PID_STAT, PID_STATUS, PID_CMDLINE, PID_NR_FILES };

static const char *const pid_file_names[PID_NR_FILES] = {
	[PID_STAT] = "stat", [PID_STATUS] = "status", [PID_CMDLINE] = "cmdline",
};

static bool is_pid_ino(u32 ino)
{
	return (ino & 0xf0000000u) == 0x50000000u;
}

static int ino_pid(u32 ino)
{
	return (int)((ino & 0x0ffffff0u) >> 4);
}

static enum pid_file ino_file(u32 ino)
{
	return (enum pid_file)(ino & 0xf);
}

static bool pid_exists(int pid)
{
	struct process_info info;

	return process_info_get(pid, &info) == 0;
}

static u64 ns_to_ticks(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

/* Linux's first 24 fields; those this kernel has no notion of are 0. */
static void stat_show(struct seq_buf *s, const struct process_info *pi)
{
	seq_printf(s, "%d (%s) %c %d %d %d 0 -1 0 0 0 0 0 %llu 0 0 0 20 0 %d 0 %llu 0 %u\n",
		   pi->pid, pi->name, pi->state, pi->ppid, pi->pgid, pi->sid,
		   ns_to_ticks(pi->run_ns), pi->nr_threads, ns_to_ticks(pi->start_ns),
		   pi->rss_pages);
}

static const char *state_name(char state)
{
	return state == 'R' ? "running" : state == 'S' ? "sleeping" : "zombie";
}

static void status_show(struct seq_buf *s, const struct process_info *pi)
{
	seq_printf(s, "Name:\t%s\nState:\t%c (%s)\nTgid:\t%d\nPid:\t%d\nPPid:\t%d\n",
		   pi->name, pi->state, state_name(pi->state), pi->pid, pi->pid, pi->ppid);
	if (pi->state != 'Z')
		seq_printf(s, "VmRSS:\t%u kB\n", pi->rss_pages * 4);
	seq_printf(s, "Threads:\t%d\n", pi->nr_threads);
}

static int pid_show(struct seq_buf *s, void *arg)
{
	struct inode *inode = arg;
	struct process_info pi;

	if (process_info_get(ino_pid(inode->ino), &pi))
		return -ESRCH;
	switch (ino_file(inode->ino)) {
	case PID_STAT:
		stat_show(s, &pi);
		break;
	case PID_STATUS:
		status_show(s, &pi);
		break;
	default:
		break;		/* cmdline: arguments are not kept; empty */
	}
	return 0;
}

static int pid_file_open(struct inode *inode, struct file *file)
{
	return proc_seq_open(file, pid_show, inode);
}

static const struct file_operations pid_file_fops = {
	.open = pid_file_open,
	.release = proc_seq_release,
	.read = proc_seq_read,
};

/**
 * proc_pid_revalidate() - is the process of cached @inode still there?
 * @dir: the directory holding it (root or a pid directory)
 * Return: false for a pid directory or file whose process has gone.
 */
bool proc_pid_revalidate(struct inode *dir, struct inode *inode)
{
	(void)dir;
	return !is_pid_ino(inode->ino) || pid_exists(ino_pid(inode->ino));
}

static const struct inode_operations pid_dir_iops;
static const struct file_operations pid_dir_fops;

/* The inode numbered @ino, set up on first use by @init. */
static int get_inode(struct super_block *sb, u32 ino, void (*init)(struct inode *),
		     struct inode **out)
{
	bool is_new;
	struct inode *inode = iget(sb, ino, &is_new);

	if (!inode)
		return -ENOMEM;
	if (is_new) {
		init(inode);
		unlock_new_inode(inode);
	}
	*out = inode;
	return 0;
}

static void init_pid_dir(struct inode *inode)
{
	inode->mode = S_IFDIR | 0555;
	inode->nlink = 2;
	inode->i_op = &pid_dir_iops;
	inode->i_fop = &pid_dir_fops;
}

static void init_pid_file(struct inode *inode)
{
	inode->mode = S_IFREG | 0444;
	inode->i_fop = &pid_file_fops;
}

static int pid_dir_lookup(struct inode *dir, const struct qstr *name, struct inode **out)
{
	int pid = ino_pid(dir->ino);

	for (int f = PID_STAT; f < PID_NR_FILES; f++) {
		if (!qstr_eq(name, pid_file_names[f], strlen(pid_file_names[f])))
			continue;
		if (!pid_exists(pid))
			return -ENOENT;
		return get_inode(dir->sb, PROC_PID_INO(pid, f), init_pid_file, out);
	}
	return -ENOENT;
}

static int pid_dir_iterate(struct file *file, struct dir_context *ctx)
{
	u32 ino = file->inode->ino;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, PROC_ROOT_INO, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	/* cookie 2 + i: file PID_STAT + i */
	for (; ctx->pos < PID_NR_FILES + 1; ctx->pos++) {
		u32 f = (u32)ctx->pos - 2 + PID_STAT;
		const char *n = pid_file_names[f];

		if (!dir_emit(ctx, n, strlen(n), PROC_PID_INO(ino_pid(ino), f), DT_REG))
			return 0;
	}
	return 0;
}

static const struct inode_operations pid_dir_iops = {
	.lookup = pid_dir_lookup,
	.revalidate = proc_pid_revalidate,
};

static const struct file_operations pid_dir_fops = {
	.iterate = pid_dir_iterate,
};

/* "self" -> the reader's pid; a kernel thread has none. */
static int self_readlink(struct inode *inode, char *buf, size_t len)
{
	struct process *p = current_process();
	char num[12];
	int n;

	(void)inode;
	if (!p)
		return -ENOENT;
	n = snprintf(num, sizeof(num), "%d", p->pid);
	memcpy(buf, num, min((size_t)n, len));
	return n;
}

static const struct inode_operations self_iops = {
	.readlink = self_readlink,
};

static void init_self(struct inode *inode)
{
	inode->mode = S_IFLNK | 0777;
	inode->i_op = &self_iops;
}

/* A pid spelled in decimal without leading zeros, or -1. */
static int parse_pid(const struct qstr *name)
{
	int pid = 0;

	if (!name->len || name->len > 8 || name->name[0] == '0')
		return -1;
	for (u32 i = 0; i < name->len; i++) {
		if (name->name[i] < '0' || name->name[i] > '9')
			return -1;
		pid = pid * 10 + (name->name[i] - '0');
	}
	return pid <= PROC_PID_MAX ? pid : -1;
}

/**
 * proc_pid_lookup() - "self" or "<pid>" in the procfs root
 * @dir: the root   @name: the component   @out: the referenced inode
 * Return: 0, -ENOENT (neither, or no such process), -ENOMEM.
 */
int proc_pid_lookup(struct inode *dir, const struct qstr *name, struct inode **out)
{
	int pid;

	if (qstr_eq(name, "self", 4))
		return get_inode(dir->sb, PROC_SELF_INO, init_self, out);
	pid = parse_pid(name);
	if (pid <= 0 || !pid_exists(pid))
		return -ENOENT;
	return get_inode(dir->sb, PROC_PID_INO(pid, PID_DIR), init_pid_dir, out);
}

/**
 * proc_pid_iterate() - emit "self" and one directory per process, after
 * the registered entries (cookies from PROC_SELF_POS up)
 * Return: 0.
 */
int proc_pid_iterate(struct dir_context *ctx)
{
	char num[12];
	int pid, n;

	if (ctx->pos <= PROC_SELF_POS) {
		if (!dir_emit(ctx, "self", 4, PROC_SELF_INO, DT_LNK))
			return 0;
		ctx->pos = PROC_SELF_POS + 1;
	}
	while ((pid = process_next_pid((int)(ctx->pos - PROC_SELF_POS))) > 0) {
		n = snprintf(num, sizeof(num), "%d", pid);
		if (!dir_emit(ctx, num, n, PROC_PID_INO(pid, PID_DIR), DT_DIR))
			return 0;
		ctx->pos = PROC_SELF_POS + pid + 1;
	}
	return 0;
}
