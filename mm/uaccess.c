// SPDX-License-Identifier: GPL-2.0
/*
 * User-access helpers that need C: the string copy wrapper and the
 * exception-table lookup used by the data-abort handler.
 */
#include <kernel/uaccess.h>
#include <kernel/errno.h>

struct exception_entry {
	unsigned long insn, fixup;
};

extern const struct exception_entry __start___ex_table[] __weak;
extern const struct exception_entry __stop___ex_table[] __weak;

unsigned long search_exception_table(unsigned long pc)
{
	for (const struct exception_entry *e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == pc)
			return e->fixup;
	return 0;
}

long strncpy_from_user(char *dst, u32 src, long n)
{
	long len;

	if (n <= 0 || src >= USER_END)
		return -EFAULT;
	if ((u32)n > USER_END - src)
		n = (long)(USER_END - src);
	len = __strncpy_from_user(dst, (const char *)(unsigned long)src, n);
	if (len < 0)
		return -EFAULT;
	if (len == n) {
		dst[n - 1] = '\0';
		return -ENAMETOOLONG;
	}
	return len;
}
