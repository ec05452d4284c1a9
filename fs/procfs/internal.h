/* SPDX-License-Identifier: GPL-2.0 */
/* Private to procfs: the entry registry. */
#ifndef FS_PROCFS_INTERNAL_H
#define FS_PROCFS_INTERNAL_H

#include <fs/procfs.h>
#include <fs/fs.h>

#define PROC_ROOT_INO 1

/* A referenced entry is never unregistered under a reader: entries are
 * static and unregistering waits for no one, so entries must outlive
 * their use (they are built-in). */
struct proc_entry *proc_find(const char *name, u32 len);
struct proc_entry *proc_next(u64 from_ino);

extern const struct file_operations proc_file_fops;

/* super.c: snapshot files (show() at open, reads copy from it). */
int proc_seq_open(struct file *file, int (*show)(struct seq_buf *s, void *arg),
		  void *arg);
void proc_seq_release(struct inode *inode, struct file *file);
ssize_t proc_seq_read(struct file *file, void *buf, size_t len, u64 *pos);

/*
 * pid.c: /proc/self and /proc/<pid>/.  Their inode numbers and root
 * directory cookies lie above every registered entry's.
 */
#define PROC_SELF_POS	0x40000000u	/* root cookie of "self"; pids follow */
#define PROC_SELF_INO	0x40000000u
#define PROC_PID_INO(pid, kind)	(0x50000000u | ((u32)(pid) << 4) | (kind))
int proc_pid_lookup(struct inode *dir, const struct qstr *name, struct inode **out);
int proc_pid_iterate(struct dir_context *ctx);
bool proc_pid_revalidate(struct inode *dir, struct inode *inode);

#endif
