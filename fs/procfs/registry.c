// SPDX-License-Identifier: GPL-2.0
/*
 * The procfs entry registry and seq_buf, the text buffer show() writes.
 *
 * Layer: procfs, below its inodes.  Locking: proc_lock (mutex) protects
 * the list.  Entries are static objects of built-in code: an unregistered
 * entry must stay valid (it may still be open).  Knows nothing of the VFS.
 */
#include "internal.h"
#include <kernel/mutex.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <stdarg.h>

static LIST_HEAD(entries);
static DEFINE_MUTEX(proc_lock);
static u32 next_ino = PROC_ROOT_INO + 1;

/**
 * seq_printf() - append formatted text to @s
 * Sets s->overflow (and keeps what fitted) when the buffer is full.
 */
void seq_printf(struct seq_buf *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (s->overflow)
		return;
	va_start(ap, fmt);
	n = vsnprintf(s->buf + s->len, s->size - s->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= s->size - s->len) {
		s->overflow = true;
		return;
	}
	s->len += n;
}

static struct proc_entry *find_locked(const char *name, u32 len)
{
	struct proc_entry *e;

	list_for_each_entry(e, &entries, node)
		if (strlen(e->name) == len && !memcmp(e->name, name, len))
			return e;
	return NULL;
}

/**
 * proc_register() - make @e appear as /proc/<name>
 * Return: 0, -EINVAL (bad name or no show), -EEXIST.
 */
int proc_register(struct proc_entry *e)
{
	int ret = 0;

	if (!e->name || !*e->name || strchr(e->name, '/') || !e->show ||
	    strlen(e->name) > NAME_MAX)
		return -EINVAL;
	mutex_lock(&proc_lock);
	if (find_locked(e->name, strlen(e->name))) {
		ret = -EEXIST;
	} else {
		e->ino = next_ino++;
		list_add_tail(&e->node, &entries);
	}
	mutex_unlock(&proc_lock);
	return ret;
}

/**
 * proc_unregister() - remove @e from /proc (open files keep working)
 */
void proc_unregister(struct proc_entry *e)
{
	mutex_lock(&proc_lock);
	list_del(&e->node);
	mutex_unlock(&proc_lock);
}

/** proc_find() - the entry called @name, or NULL */
struct proc_entry *proc_find(const char *name, u32 len)
{
	struct proc_entry *e;

	mutex_lock(&proc_lock);
	e = find_locked(name, len);
	mutex_unlock(&proc_lock);
	return e;
}

/** proc_next() - the first entry with ino >= @from_ino, or NULL */
struct proc_entry *proc_next(u64 from_ino)
{
	struct proc_entry *e, *found = NULL;

	mutex_lock(&proc_lock);
	list_for_each_entry(e, &entries, node) {
		if (e->ino >= from_ino) {
			found = e;
			break;
		}
	}
	mutex_unlock(&proc_lock);
	return found;
}
