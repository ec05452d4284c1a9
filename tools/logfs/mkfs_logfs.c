// SPDX-License-Identifier: GPL-2.0
/*
 * mkfs.logfs: write an empty LogFS (on an FTL volume of a NOR image, or
 * on a block image), optionally populated from a host directory.
 */
#include <stdio.h>
#include <string.h>
#include "logfs_image.h"
#include "../lib/cli.h"

#define PROG "mkfs.logfs"

static void usage(void)
{
	printf("usage: mkfs.logfs [options] IMAGE [HOSTDIR]\n"
	       "Format IMAGE with an FTL and LogFS (or only LogFS with --blkio), and\n"
	       "copy the files, directories and symlinks of HOSTDIR into it.  IMAGE is\n"
	       "a raw NOR flash image unless --blkio; it must exist unless --size.\n"
	       "\n%s"
	       "  -h, --help          this text\n"
	       "\n"
	       "Exit status: 0 done, 1 failed, 2 bad command line.\n",
	       img_common_help(true));
}

int main(int argc, char **argv)
{
	struct img_opts o = { 0 };
	const char *dir = NULL;
	struct img im;
	int i, n, ret;

	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			usage();
			return 0;
		}
		n = img_common_opt(&o, PROG, true, argc, argv, i);
		if (n < 0)
			return -n;
		if (n)
			i += n - 1;
		else if (argv[i][0] == '-')
			return cli_usage_error(PROG, "unknown option '%s'", argv[i]);
		else if (!o.path)
			o.path = argv[i];
		else if (!dir)
			dir = argv[i];
		else
			return cli_usage_error(PROG, "too many arguments: '%s'", argv[i]);
	}
	if (!o.path)
		return cli_usage_error(PROG, "expected IMAGE");
	ret = img_format(&im, &o);
	if (!ret && dir)
		ret = img_populate(&im, dir, "/");
	if (img_close(&im) && !ret)
		ret = -EIO;
	if (ret) {
		fprintf(stderr, PROG ": %s: %s\n", o.path, strerror(-ret));
		return 1;
	}
	return 0;
}
