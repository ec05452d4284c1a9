// SPDX-License-Identifier: GPL-2.0
/*
 * mkfs.logfs: write an empty LogFS (on an FTL volume of a NOR image, or
 * on a block image), optionally populated from a host directory.
 */
#include <stdio.h>
#include <string.h>
#include "logfs_image.h"

static void usage(FILE *out)
{
	fprintf(out, "usage: mkfs.logfs [options] IMAGE [HOSTDIR]\n"
		"Format IMAGE with an FTL and LogFS; copy HOSTDIR into it.\n%s"
		"  --help              this text\n", img_common_help());
}

int main(int argc, char **argv)
{
	struct img_opts o = { 0 };
	const char *dir = NULL;
	struct img im;
	int i, n, ret;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		}
		n = img_common_opt(&o, argc, argv, i);
		if (n) {
			i += n - 1;
		} else if (argv[i][0] == '-') {
			usage(stderr);
			return 2;
		} else if (!o.path) {
			o.path = argv[i];
		} else {
			dir = argv[i];
		}
	}
	if (!o.path) {
		usage(stderr);
		return 2;
	}
	ret = img_format(&im, &o);
	if (!ret && dir)
		ret = img_populate(&im, dir, "/");
	if (img_close(&im) && !ret)
		ret = -EIO;
	if (ret) {
		fprintf(stderr, "mkfs.logfs: %s: %s\n", o.path, strerror(-ret));
		return 1;
	}
	return 0;
}
