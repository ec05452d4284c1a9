// SPDX-License-Identifier: GPL-2.0
/*
 * Command-line helpers for the host tools: usage errors that say what is
 * wrong and point at --help (exit status 2), and number parsing that
 * refuses junk instead of reading it as 0.  Host-only, plain libc; knows
 * nothing about the tools' formats.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

bool cli_is_help(const char *arg)
{
	return !strcmp(arg, "--help") || !strcmp(arg, "-h");
}

int cli_usage_error(const char *prog, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", prog);
	return CLI_EXIT_USAGE;
}

/* The long option that @arg ("--name[=value]", maybe abbreviated) names. */
static const struct option *long_option(const char *arg,
					const struct option *longopts)
{
	size_t n = strcspn(arg + 2, "=");

	for (; longopts->name; longopts++)
		if (n && !strncmp(longopts->name, arg + 2, n))
			return longopts;
	return NULL;
}

int cli_getopt_error(const char *prog, int c, char **argv,
		     const struct option *longopts)
{
	const char *arg = argv[optind - 1];
	const struct option *lo = NULL;

	/*
	 * getopt_long() has stepped over a long option (optind points past
	 * it), but a short one may sit inside a cluster ("-xi") after a long
	 * option: a long option is at fault only if optopt is its value.
	 */
	if (!strncmp(arg, "--", 2))
		lo = long_option(arg, longopts);
	if (lo && lo->val == optopt)
		return cli_usage_error(prog, c == ':' ? "option '--%s' needs a value" :
				       "option '--%s' takes no value", lo->name);
	if (c == ':')
		return cli_usage_error(prog, "option '-%c' needs a value", optopt);
	if (optopt)
		return cli_usage_error(prog, "unknown option '-%c'", optopt);
	return cli_usage_error(prog, "unknown option '%.*s'",
			       (int)strcspn(arg, "="), arg);
}

int cli_parse_size(const char *s, uint64_t *out)
{
	unsigned int shift = 0;
	unsigned long long v;
	char *end;

	if (!*s || *s == '-' || *s == '+' || *s == ' ')
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (end == s)
		return -EINVAL;
	if (errno)
		return -ERANGE;
	switch (*end) {
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	}
	if (*end)
		return -EINVAL;
	if (shift && v > (UINT64_MAX >> shift))
		return -ERANGE;
	*out = (uint64_t)v << shift;
	return 0;
}

int cli_number(const char *prog, const char *opt, const char *s, uint64_t min,
	       uint64_t max, const char *valid, uint64_t *out)
{
	uint64_t v = 0;
	int ret = cli_parse_size(s, &v);

	if (!ret && v >= min && v <= max) {
		*out = v;
		return 0;
	}
	if (valid)
		return cli_usage_error(prog, "%s %s: expected %s", opt, s, valid);
	return cli_usage_error(prog, "%s %s: expected a number from %llu to %llu",
			       opt, s, (unsigned long long)min,
			       (unsigned long long)max);
}

const void *cli_find(const void *table, size_t n, size_t size, const char *name)
{
	const char *entry = table;

	for (; n; n--, entry += size)
		if (!strcmp(*(const char *const *)entry, name))
			return entry;
	return NULL;
}
