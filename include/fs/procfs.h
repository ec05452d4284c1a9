/* SPDX-License-Identifier: GPL-2.0 */
/*
 * procfs: read-only text files under /proc, generated when opened.
 *
 *	static int show_foo(struct seq_buf *s)
 *	{
 *		seq_printf(s, "foo: %d\n", foo);
 *		return 0;
 *	}
 *	static struct proc_entry foo_entry = { .name = "foo", .show = show_foo };
 *	proc_register(&foo_entry);            // /proc/foo
 *
 * show() writes the whole file into a buffer at open; a reader sees that
 * snapshot (consistent even across several reads).  If the text does not
 * fit, the open retries with a bigger buffer (up to PROC_MAX_SIZE).
 * Locking: an internal mutex; any thread may register.
 */
#ifndef FS_PROCFS_H
#define FS_PROCFS_H

#include <kernel/types.h>
#include <kernel/list.h>
#include <kernel/compiler.h>

#define PROC_MAX_SIZE (64 * 1024)

struct seq_buf {
	char *buf;
	size_t size;
	size_t len;
	bool overflow;
};

/** seq_printf() - append formatted text (sets overflow when it does not fit) */
void seq_printf(struct seq_buf *s, const char *fmt, ...) __printf(2, 3);

struct proc_entry {
	const char *name;
	/* Fill @s; 0 or -errno (the open fails with it). */
	int (*show)(struct seq_buf *s);
	/* private to procfs */
	u32 ino;
	struct list_head node;
};

/**
 * proc_register() - make @e appear as /proc/<name>
 * Return: 0, -EINVAL (bad name or no show), -EEXIST.
 */
int proc_register(struct proc_entry *e);
void proc_unregister(struct proc_entry *e);

#endif /* FS_PROCFS_H */
