// SPDX-License-Identifier: GPL-2.0
/*
 * C start-up: called by _start (crt0.S) with a pointer to the initial
 * stack.  Finds argv, envp and the auxiliary vector, sets environ, runs
 * newlib's constructors and main(), and exits with main's result.
 * Knows nothing about the kernel beyond the initial stack layout.
 */
#include <stdlib.h>
#include <unistd.h>

#include "sys.h"

extern char **environ;
extern int main(int argc, char **argv, char **envp);
extern void __libc_init_array(void);
extern void __libc_fini_array(void);

/* The page size the kernel reported in AT_PAGESZ (4096 if it said none). */
unsigned long __page_size = 4096;

static void scan_auxv(unsigned long *auxv)
{
	for (; auxv[0] != ABI_AT_NULL; auxv += 2) {
		if (auxv[0] == ABI_AT_PAGESZ && auxv[1])
			__page_size = auxv[1];
	}
}

void __libc_start(long *sp) __attribute__((noreturn));
void __libc_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)
		p++;
	scan_auxv((unsigned long *)(p + 1));
	environ = envp;
	__libc_init_array();
	atexit(__libc_fini_array);
	exit(main(argc, argv, envp));
}

int getpagesize(void)
{
	return (int)__page_size;
}
