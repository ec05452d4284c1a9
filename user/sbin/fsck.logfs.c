// SPDX-License-Identifier: GPL-2.0
/*
 * fsck.logfs [-b SECTOR] DEVICE: check the unmounted LogFS on DEVICE (a
 * block node or a regular file) without changing it.
 *
 *   -b SECTOR  the device's sector size in bytes (default 512), as given
 *              to mkfs.logfs
 *
 * DEVICE is opened read-only and mounted read-only by the kernel's own
 * code (fs/logfs: the newest anchor, the log replayed in memory), then
 * logfs_fsck() checks directories, link counts, unreachable inodes, every
 * block's CRC and the segment usage table; each problem it reports is
 * printed on a line of its own.  Nothing is repaired.
 *
 * Exit status: 0 clean; 1 problems found, or DEVICE holds no LogFS that
 * mounts (corrupt, or not a LogFS); 2 usage, DEVICE cannot be opened or
 * is mounted, or the check could not run (out of memory).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <port/port.h>
#include "../logfs/logfs_user.h"

static const char *prog = "fsck.logfs";

static int usage(FILE *out, int status)
{
	fprintf(out, "usage: %s [-b SECTOR] DEVICE\n"
		"Check the LogFS on DEVICE (unmounted; nothing is changed).\n"
		"  -b SECTOR  sector size of DEVICE in bytes (default %u)\n"
		"Exit status: 0 clean, 1 problems found, 2 could not check.\n",
		prog, FD_MEDIUM_SECTOR);
	return status;
}

static void say(void *ctx, const char *line)
{
	printf("%s: %s\n", (const char *)ctx, line);
}

/* Mount @m read-only and check it; returns the exit status. */
static int check(struct fd_medium *m, const char *path)
{
	struct logfs_config cfg = { .read_only = true };
	struct logfs *fs;
	int problems;

	fs = logfs_mount(&m->dev, &cfg);
	if (IS_ERR(fs)) {
		int err = (int)-PTR_ERR(fs);

		printf("%s: no LogFS that mounts: %s\n", path, port_strerror(err));
		return err == ENOMEM ? 2 : 1;
	}
	problems = logfs_fsck(fs, false, say, (void *)path);
	logfs_unmount(fs);	/* read-only: nothing to commit */
	if (problems < 0) {
		printf("%s: the check could not run: %s\n", path,
		       port_strerror(-problems));
		return problems == -ENOMEM ? 2 : 1;
	}
	if (problems) {
		printf("%s: %d problem%s found\n", path, problems,
		       problems == 1 ? "" : "s");
		return 1;
	}
	printf("%s: clean\n", path);
	return 0;
}

int main(int argc, char **argv)
{
	u32 sector = FD_MEDIUM_SECTOR;
	struct fd_medium m;
	const char *path;
	int c, ret;

	while ((c = getopt(argc, argv, "b:h")) != -1) {
		switch (c) {
		case 'b':
			if (fd_medium_parse_sector(prog, optarg, &sector))
				return 2;
			break;
		case 'h':
			return usage(stdout, 0);
		default:
			return usage(stderr, 2);
		}
	}
	if (optind != argc - 1)
		return usage(stderr, 2);
	path = argv[optind];
	/* our lines and fs/logfs's (stderr) in the order they happen */
	setvbuf(stdout, NULL, _IOLBF, 0);
	port_setup_from_env();
	if (fd_medium_mounted(path)) {
		fprintf(stderr, "%s: %s is mounted: unmount it first\n", prog, path);
		return 2;
	}
	ret = fd_medium_open(&m, path, true, sector);
	if (ret) {
		if (ret == -ENOTBLK)
			fprintf(stderr, "%s: %s: not a block device or a regular "
				"file\n", prog, path);
		else
			fprintf(stderr, "%s: %s: %s\n", prog, path,
				port_strerror(-ret));
		return 2;
	}
	ret = check(&m, path);
	fd_medium_close(&m);
	return ret;
}
