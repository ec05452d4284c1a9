/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

#include <kernel/compiler.h>

/**
 * panic() - stop the system on a broken kernel invariant
 * Prints the reason and a backtrace; never returns.  Not for bad input or
 * bad media: those return errors.
 */
__noreturn void panic(const char *fmt, ...) __printf(1, 2);

/* True from the start of a panic: drivers skip locks a dead CPU may hold. */
bool panic_in_progress(void);

/* Broken-invariant check: panics with file:line when @cond is false. */
#define BUG_ON(cond) do {						\
	if (unlikely(cond))						\
		panic("BUG at %s:%d: %s", __FILE__, __LINE__, #cond);	\
} while (0)

#define WARN_ON(cond) ({						\
	bool __w = !!(cond);						\
	if (unlikely(__w))						\
		warn_slowpath(__FILE__, __LINE__, #cond);		\
	__w;								\
})

void warn_slowpath(const char *file, int line, const char *cond);

#endif /* KERNEL_PANIC_H */
