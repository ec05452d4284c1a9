// SPDX-License-Identifier: GPL-2.0
/*
 * norimage: build a NOR flash bank image for the vexpress boards (64 MiB,
 * 256 KiB erase blocks by default): erased (0xff) everywhere, with an FTL
 * and LogFS in the partition given by --offset/--part-size (take them from
 * the board DTS), optionally populated from a host directory.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "../logfs/logfs_image.h"
#include "../lib/cli.h"

#define PROG "norimage"

static void usage(void)
{
	printf("usage: norimage [options] -o OUT [HOSTDIR]\n"
	       "Build a fully erased (0xff) NOR bank image with an FTL and LogFS in one\n"
	       "partition, and copy the files, directories and symlinks of HOSTDIR\n"
	       "into it.  Take the partition's offset and size from the board DTS.\n"
	       "\n"
	       "  -o OUT              output image (required; replaced if it exists)\n"
	       "  --size N            bank size (K/M/G suffixes; default 64M)\n"
	       "  --erase-size N      erase block, a power of 2 (default 256K)\n"
	       "  --offset N          partition start, a multiple of the erase size\n"
	       "                      (default 0)\n"
	       "  --part-size N       partition size (default: to the end)\n"
	       "  --volume NAME       FTL volume (default \"data\")\n"
	       "  --compress          LZ4-compress file blocks when it helps (default off)\n"
	       "  -h, --help          this text\n"
	       "\n"
	       "Exit status: 0 done, 1 failed, 2 bad command line.\n");
}

int main(int argc, char **argv)
{
	struct img_opts o = { .size = 64ull << 20, .erase_size = 256 * 1024 };
	const char *dir = NULL;
	struct img im;
	int i, n, ret;

	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			usage();
			return 0;
		}
		if (!strcmp(argv[i], "-o")) {
			if (i + 1 >= argc)
				return cli_usage_error(PROG, "option '-o' needs a value");
			o.path = argv[++i];
			continue;
		}
		if (!strcmp(argv[i], "--blkio") || !strcmp(argv[i], "--seg-size"))
			return cli_usage_error(PROG, "%s is for block images "
					       "(mkfs.logfs); norimage makes NOR "
					       "images", argv[i]);
		n = img_common_opt(&o, PROG, true, argc, argv, i);
		if (n < 0)
			return -n;
		if (n)
			i += n - 1;
		else if (argv[i][0] == '-')
			return cli_usage_error(PROG, "unknown option '%s'", argv[i]);
		else if (!dir)
			dir = argv[i];
		else
			return cli_usage_error(PROG, "too many arguments: '%s'", argv[i]);
	}
	if (!o.path)
		return cli_usage_error(PROG, "expected -o OUT");
	unlink(o.path);		/* a fresh, fully erased bank */
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
