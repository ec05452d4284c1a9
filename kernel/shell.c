// SPDX-License-Identifier: GPL-2.0
/*
 * A minimal in-kernel shell on the console: a line editor (backspace,
 * Ctrl-U, Ctrl-C) and a table of commands from the "shell_cmds" linker
 * section.  It waits for input with WFI: the console's receive interrupt
 * wakes it.  The user-space /bin/sh replaces it once processes exist.
 */
#include <kernel/shell.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <asm/barrier.h>

#define LINE_MAX	128
#define ARGV_MAX	8

extern const struct shell_cmd *const __shell_cmds_start[] __weak;
extern const struct shell_cmd *const __shell_cmds_end[] __weak;

static int split_args(char *line, char **argv)
{
	int argc = 0;

	while (*line && argc < ARGV_MAX) {
		while (*line == ' ' || *line == '\t')
			*line++ = '\0';
		if (!*line)
			break;
		argv[argc++] = line;
		while (*line && *line != ' ' && *line != '\t')
			line++;
	}
	return argc;
}

int shell_exec(char *line)
{
	char *argv[ARGV_MAX];
	int argc = split_args(line, argv);

	if (!argc)
		return 0;
	for (const struct shell_cmd *const *c = __shell_cmds_start; c < __shell_cmds_end; c++)
		if (!strcmp((*c)->name, argv[0]))
			return (*c)->fn(argc, argv);
	console_printf("%s: command not found (try 'help')\n", argv[0]);
	return -ENOENT;
}

static int console_wait_char(struct console *con)
{
	int c;

	while ((c = con->getc(con)) < 0)
		wfi();
	return c;
}

static size_t read_line(struct console *con, char *buf, size_t size)
{
	size_t n = 0;

	for (;;) {
		int c = console_wait_char(con);

		if (c == '\r' || c == '\n') {
			console_write("\n", 1);
			buf[n] = '\0';
			return n;
		}
		if ((c == 0x7f || c == '\b') && n) {
			n--;
			console_write("\b \b", 3);
		} else if (c == 0x15) {		/* Ctrl-U: kill the line */
			while (n) {
				n--;
				console_write("\b \b", 3);
			}
		} else if (c == 0x03) {		/* Ctrl-C: abandon the line */
			console_write("^C\n", 3);
			n = 0;
			buf[0] = '\0';
			return 0;
		} else if (c >= ' ' && c < 0x7f && n < size - 1) {
			char ch = (char)c;

			buf[n++] = ch;
			console_write(&ch, 1);
		}
	}
}

void shell_run(void)
{
	struct console *con = console_get();
	char line[LINE_MAX];

	if (!con || !con->getc) {
		pr_err("shell: no console with input; nothing to do");
		return;
	}
	console_printf("\nType 'help' for the list of commands.\n");
	for (;;) {
		console_write("# ", 2);
		read_line(con, line, sizeof(line));
		shell_exec(line);
	}
}

static int cmd_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	for (const struct shell_cmd *const *c = __shell_cmds_start; c < __shell_cmds_end; c++)
		console_printf("  %-10s %s\n", (*c)->name, (*c)->help);
	return 0;
}
SHELL_COMMAND("help", "list the commands", cmd_help);
