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

static void usage(FILE *out)
{
	fprintf(out, "usage: norimage [options] -o OUT [HOSTDIR]\n"
		"Build a NOR bank image with FTL + LogFS in one partition.\n"
		"  -o OUT              output image (rewritten)\n"
		"  --size N            bank size (default 64M)\n"
		"  --erase-size N      erase block (default 256K)\n"
		"  --offset N          partition start (default 0)\n"
		"  --part-size N       partition size (default: to the end)\n"
		"  --volume NAME       FTL volume (default \"data\")\n"
		"  --compress          LZ4-compress file blocks\n"
		"  --help              this text\n");
}

int main(int argc, char **argv)
{
	struct img_opts o = { .size = 64ull << 20, .erase_size = 256 * 1024 };
	const char *dir = NULL;
	struct img im;
	int i, n, ret;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		}
		if (!strcmp(argv[i], "-o") && i + 1 < argc) {
			o.path = argv[++i];
			continue;
		}
		n = strcmp(argv[i], "--blkio") ? img_common_opt(&o, argc, argv, i) : 0;
		if (n)
			i += n - 1;
		else if (argv[i][0] == '-') {
			usage(stderr);
			return 2;
		} else
			dir = argv[i];
	}
	if (!o.path) {
		usage(stderr);
		return 2;
	}
	unlink(o.path);		/* a fresh, fully erased bank */
	ret = img_format(&im, &o);
	if (!ret && dir)
		ret = img_populate(&im, dir, "/");
	if (img_close(&im) && !ret)
		ret = -5;
	if (ret) {
		fprintf(stderr, "norimage: %s\n", strerror(-ret));
		return 1;
	}
	return 0;
}
