/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Console commands of the in-kernel shell, registered from anywhere with
 * SHELL_COMMAND(); `help` lists them.
 */
#ifndef KERNEL_SHELL_H
#define KERNEL_SHELL_H

#include <kernel/compiler.h>

struct shell_cmd {
	const char *name;
	const char *help;
	int (*fn)(int argc, char **argv);	/* 0 on success */
};

#define SHELL_COMMAND(cname, chelp, cfn)				\
	static const struct shell_cmd __shell_cmd_##cfn = {		\
		.name = cname, .help = chelp, .fn = cfn };		\
	static const struct shell_cmd *const __shell_ptr_##cfn		\
	__used __section("shell_cmds") __aligned(4) = &__shell_cmd_##cfn

/* Runs one command line; returns the command's status or -ENOENT. */
int shell_exec(char *line);

#endif /* KERNEL_SHELL_H */
