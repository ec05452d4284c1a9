/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command-line helpers shared by the host tools (tools/, bench-block):
 * the "--help" test, the one-line usage error with its exit status, and
 * strict parsing of numbers (K/M/G suffixes, range checked, no silent 0
 * for junk).  Host-only; knows nothing about what the tools do.
 */
#ifndef TOOLS_LIB_CLI_H
#define TOOLS_LIB_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Exit status of every host tool for a command-line mistake. */
#define CLI_EXIT_USAGE	2

/** cli_is_help() - is @arg "--help" or "-h"? */
bool cli_is_help(const char *arg);

/**
 * cli_usage_error() - report a command-line mistake
 * @prog: the tool's name
 * @fmt: what is wrong, one line without the newline
 *
 * Prints "PROG: what is wrong" and "Try 'PROG --help' for more
 * information." on stderr.
 * Return: CLI_EXIT_USAGE, to be the tool's exit status.
 */
int cli_usage_error(const char *prog, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/**
 * cli_getopt_error() - report what getopt_long() returned '?' or ':' for
 * @prog: the tool's name
 * @c: getopt_long()'s return value
 * @argv: the argument vector given to getopt_long()
 * @longopts: the long options given to it
 *
 * For getopt_long() called with opterr = 0 and an optstring that starts
 * with ':' (so that a missing value returns ':'), and long options whose
 * values are their short option letters.
 * Return: CLI_EXIT_USAGE.
 */
int cli_getopt_error(const char *prog, int c, char **argv,
		     const struct option *longopts);

/**
 * cli_parse_size() - parse a number with an optional K, M or G suffix
 * @s: decimal, or hex with 0x; the suffix multiplies by 2^10, 2^20, 2^30
 * @out: the value
 * Return: 0, -EINVAL (empty, not a number, junk after it), -ERANGE (too big).
 */
int cli_parse_size(const char *s, uint64_t *out);

/**
 * cli_number() - parse an option's value and check its range
 * @prog: the tool's name, for the message
 * @opt: the option as the user wrote it ("-l", "--size"), for the message
 * @s: the value (see cli_parse_size())
 * @min: smallest valid value
 * @max: largest valid value
 * @valid: what is valid, in words ("0 (LZ4) or 1..12 (LZ4HC)"); NULL: "MIN..MAX"
 * @out: the value
 *
 * On a bad value prints "PROG: OPT S: expected VALID" and the --help hint.
 * Return: 0 or CLI_EXIT_USAGE.
 */
int cli_number(const char *prog, const char *opt, const char *s, uint64_t min,
	       uint64_t max, const char *valid, uint64_t *out);

/**
 * cli_find() - look up a command (or any name) in a table
 * @table: the first entry; every entry starts with its name (const char *)
 * @n: number of entries
 * @size: size of one entry
 * @name: the name to find
 * Return: the entry, or NULL.
 */
const void *cli_find(const void *table, size_t n, size_t size, const char *name);

#endif /* TOOLS_LIB_CLI_H */
