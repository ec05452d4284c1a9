// SPDX-License-Identifier: GPL-2.0
/*
 * Symbol lookup for backtraces and %pS.  The table (sorted addresses and
 * names of text symbols) is generated from the first link by
 * scripts/kallsyms.py and linked in the second (see scripts/Makefile.kernel).
 */
#include <kernel/types.h>
#include <kernel/compiler.h>
#include <kernel/string.h>

extern const u32 kallsyms_num __weak;
extern const u32 kallsyms_addrs[] __weak;
extern const u32 kallsyms_name_offsets[] __weak;
extern const char kallsyms_names[] __weak;
extern int (*vsprintf_symbol_hook)(char *buf, size_t size, unsigned long addr);

/**
 * kallsyms_lookup() - the text symbol containing @addr
 * @offset: set to addr - symbol start; @size: to the symbol's extent
 * Return: the name, or NULL when unknown.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset,
			    unsigned long *size)
{
	u32 lo = 0, hi;

	if (!&kallsyms_num || kallsyms_num < 2)
		return NULL;
	hi = kallsyms_num - 1;	/* the last entry marks the end of text */
	if (addr < kallsyms_addrs[0] || addr >= kallsyms_addrs[hi])
		return NULL;
	while (hi - lo > 1) {
		u32 mid = (lo + hi) / 2;

		if (kallsyms_addrs[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offset = addr - kallsyms_addrs[lo];
	*size = kallsyms_addrs[lo + 1] - kallsyms_addrs[lo];
	return kallsyms_names + kallsyms_name_offsets[lo];
}

static int kallsyms_format(char *buf, size_t size, unsigned long addr)
{
	unsigned long off, len;
	const char *name = kallsyms_lookup(addr, &off, &len);

	if (!name)
		return snprintf(buf, size, "0x%08lx", addr);
	return snprintf(buf, size, "%s+0x%lx/0x%lx", name, off, len);
}

/* Called first thing at boot, so that even early oopses name functions. */
void kallsyms_setup(void)
{
	vsprintf_symbol_hook = kallsyms_format;
}
