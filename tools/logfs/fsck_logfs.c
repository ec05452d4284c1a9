// SPDX-License-Identifier: GPL-2.0
/*
 * fsck.logfs: check a LogFS image; with --repair fix what is safe.
 * Exit status (as e2fsck): 0 clean, 1 problems fixed, 4 problems left,
 * 8 could not check (not a LogFS, unreadable); 2 for a bad command line.
 */
#include <stdio.h>
#include <string.h>
#include "logfs_image.h"
#include "../lib/cli.h"

#define PROG "fsck.logfs"

static void usage(void)
{
	printf("usage: fsck.logfs [options] IMAGE\n"
	       "Check the LogFS on IMAGE (a raw NOR flash image with an FTL unless\n"
	       "--blkio) and print one line per problem, then a summary.\n"
	       "\n"
	       "  --repair            fix link counts, lost inodes and the usage\n"
	       "                      table (default: only check, read-only)\n%s"
	       "  -h, --help          this text\n"
	       "\n"
	       "Exit status: 0 clean, 1 problems repaired, 2 bad command line,\n"
	       "4 problems left, 8 could not check (not a LogFS, unreadable).\n",
	       img_common_help(false));
}

static void say(void *ctx, const char *line)
{
	printf("%s\n", line);
}

int main(int argc, char **argv)
{
	struct img_opts o = { .read_only = true };
	bool repair = false;
	struct img im;
	int i, n, ret;

	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			usage();
			return 0;
		}
		if (!strcmp(argv[i], "--repair")) {
			repair = true;
			o.read_only = false;
			continue;
		}
		n = img_common_opt(&o, PROG, false, argc, argv, i);
		if (n < 0)
			return -n;
		if (n)
			i += n - 1;
		else if (argv[i][0] == '-')
			return cli_usage_error(PROG, "unknown option '%s'", argv[i]);
		else if (o.path)
			return cli_usage_error(PROG, "too many arguments: '%s'", argv[i]);
		else
			o.path = argv[i];
	}
	if (!o.path)
		return cli_usage_error(PROG, "expected IMAGE");
	ret = img_open(&im, &o);
	if (ret) {
		fprintf(stderr, PROG ": %s: cannot mount: %s\n", o.path,
			strerror(-ret));
		img_close(&im);
		return 8;
	}
	ret = logfs_fsck(im.fs, repair, say, NULL);
	if (img_close(&im) && ret >= 0 && repair)
		ret = -EIO;
	if (ret < 0) {
		fprintf(stderr, PROG ": check failed: %s\n", strerror(-ret));
		return 8;
	}
	printf("%s: %d problem%s%s\n", o.path, ret, ret == 1 ? "" : "s",
	       ret && repair ? " (repaired)" : "");
	return !ret ? 0 : repair ? 1 : 4;
}
