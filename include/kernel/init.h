/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Initcalls: start-up order from declared levels, not a hand-written main().
 *
 *	initcall_pair(device, foo_init, foo_exit);
 *
 * Levels run in this order: early, core, postcore, arch, subsys, fs,
 * device, late.  Init and exit come in pairs: when an init fails, the exits
 * of the pairs of the same group (the same source file, or module) that had
 * already succeeded run in reverse order, the group's remaining inits are
 * skipped, the failure is logged with the function's name and error, and
 * boot goes on with the other groups.  @exit may be NULL when there is
 * nothing to undo.
 */
#ifndef KERNEL_INIT_H
#define KERNEL_INIT_H

#include <kernel/compiler.h>

struct initcall {
	int (*init)(void);
	void (*exit)(void);
	const char *name;
	const char *group;
};

#define __initlevel_early	0
#define __initlevel_core	1
#define __initlevel_postcore	2
#define __initlevel_arch	3
#define __initlevel_subsys	4
#define __initlevel_fs		5
#define __initlevel_device	6
#define __initlevel_late	7

#ifndef KBUILD_BASENAME
#define KBUILD_BASENAME "unknown"
#endif

#define __initcall_section(level) \
	".initcall." __stringify(__initlevel_##level) "." #level

#define initcall_pair(level, initfn, exitfn)				\
	static const struct initcall __initcall_##initfn		\
	__used __section(__initcall_section(level)) __aligned(4) = {	\
		.init = initfn, .exit = exitfn, .name = #initfn,	\
		.group = KBUILD_BASENAME,				\
	}

struct initcall_result {
	int run;	/* inits called */
	int failed;	/* inits that returned an error */
	int undone;	/* exits run for rollback */
};

/**
 * initcalls_run() - run a table of initcalls with paired rollback
 * @start: first entry   @end: one past the last
 * @res: counters (may be NULL)
 * Return: 0 if every init succeeded, else the first error.
 */
int initcalls_run(const struct initcall *start, const struct initcall *end,
		  struct initcall_result *res);

void do_initcalls(void);

#endif /* KERNEL_INIT_H */
