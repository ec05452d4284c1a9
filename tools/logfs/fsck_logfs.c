// SPDX-License-Identifier: GPL-2.0
/*
 * fsck.logfs: check a LogFS image; with --repair fix what is safe.
 * Exit status (as e2fsck): 0 clean, 1 problems fixed, 4 problems left,
 * 8 could not check (not a LogFS, unreadable).
 */
#include <stdio.h>
#include <string.h>
#include "logfs_image.h"

static void usage(FILE *out)
{
	fprintf(out, "usage: fsck.logfs [options] IMAGE\n"
		"Check the LogFS on IMAGE.\n%s"
		"  --repair            fix link counts, lost inodes, usage table\n"
		"  --help              this text\n", img_common_help());
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
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		}
		if (!strcmp(argv[i], "--repair")) {
			repair = true;
			o.read_only = false;
			continue;
		}
		n = img_common_opt(&o, argc, argv, i);
		if (n)
			i += n - 1;
		else if (argv[i][0] == '-' || o.path) {
			usage(stderr);
			return 8;
		} else
			o.path = argv[i];
	}
	if (!o.path) {
		usage(stderr);
		return 8;
	}
	ret = img_open(&im, &o);
	if (ret) {
		fprintf(stderr, "fsck.logfs: %s: cannot mount: %s\n", o.path,
			strerror(-ret));
		img_close(&im);
		return 8;
	}
	ret = logfs_fsck(im.fs, repair, say, NULL);
	if (img_close(&im) && ret >= 0 && repair)
		ret = -EIO;
	if (ret < 0) {
		fprintf(stderr, "fsck.logfs: check failed: %s\n", strerror(-ret));
		return 8;
	}
	printf("%s: %d problem%s%s\n", o.path, ret, ret == 1 ? "" : "s",
	       ret && repair ? " (repaired)" : "");
	return !ret ? 0 : repair ? 1 : 4;
}
