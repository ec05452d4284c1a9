/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copying to and from user memory.  Every system call validates user
 * pointers through these: an address outside user space, or one that
 * cannot be paged in, gives -EFAULT and never a kernel fault.  They may
 * sleep (paging in).
 */
#ifndef KERNEL_UACCESS_H
#define KERNEL_UACCESS_H

#include <kernel/types.h>
#include <mm/vm.h>

unsigned long __copy_from_user(void *to, const void *from, unsigned long n);
unsigned long __copy_to_user(void *to, const void *from, unsigned long n);
unsigned long __clear_user(void *to, unsigned long n);
long __strncpy_from_user(char *dst, const char *src, long n);

static inline bool access_ok(u32 addr, u32 len)
{
	return addr < USER_END && len <= USER_END - addr;
}

/* Return: 0, or -EFAULT (nothing is guaranteed about a partial copy). */
static inline int copy_from_user(void *to, u32 from, u32 n)
{
	if (!access_ok(from, n))
		return -14;
	return __copy_from_user(to, (const void *)(unsigned long)from, n) ? -14 : 0;
}

static inline int copy_to_user(u32 to, const void *from, u32 n)
{
	if (!access_ok(to, n))
		return -14;
	return __copy_to_user((void *)(unsigned long)to, from, n) ? -14 : 0;
}

static inline int clear_user(u32 to, u32 n)
{
	if (!access_ok(to, n))
		return -14;
	return __clear_user((void *)(unsigned long)to, n) ? -14 : 0;
}

/**
 * strncpy_from_user() - copy a NUL-terminated string of at most @n - 1 bytes
 * Return: its length; -ENAMETOOLONG when no NUL within @n; -EFAULT.
 */
long strncpy_from_user(char *dst, u32 src, long n);

/* The __ex_table lookup for the data-abort handler: fixup address or 0. */
unsigned long search_exception_table(unsigned long pc);

#endif
