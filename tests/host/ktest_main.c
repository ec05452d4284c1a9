// SPDX-License-Identifier: GPL-2.0
/*
 * Host test binary: runs every ktest suite linked into it (the portable
 * code's suites) and prints KTAP on stdout, like `selftest` does on the
 * target.  Usage: ktest-host [suite1,suite2,...]
 * Exit status: 0 when no case failed.
 *
 * Interop suites run e2fsprogs and cryptsetup by name (mke2fs, debugfs,
 * cryptsetup); Debian installs them in /usr/sbin, which is not on a
 * normal user's PATH, so /usr/sbin and /sbin are appended to it here.
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <stdarg.h>

void ktest_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
}

/* Append @dir to PATH unless it is already one of its entries. */
static void path_append(const char *dir)
{
	const char *path = getenv("PATH") ? getenv("PATH") : "";
	char *wrapped, *entry, *s;
	bool found;

	if (asprintf(&wrapped, ":%s:", path) < 0)
		return;
	if (asprintf(&entry, ":%s:", dir) < 0) {
		free(wrapped);
		return;
	}
	found = strstr(wrapped, entry);
	free(wrapped);
	free(entry);
	if (found || asprintf(&s, "%s%s%s", path, *path ? ":" : "", dir) < 0)
		return;
	setenv("PATH", s, 1);
	free(s);
}

int main(int argc, char **argv)
{
	const char *filter = argc > 1 ? argv[1] : NULL;
	const char *lvl = getenv("KTEST_LOGLEVEL");

	if (lvl)
		port_loglevel = atoi(lvl);
	path_append("/usr/sbin");
	path_append("/sbin");
	return ktest_run_suites(filter) ? 1 : 0;
}
