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

#endif
