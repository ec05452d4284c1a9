// SPDX-License-Identifier: GPL-2.0
/*
 * mkfs.logfs [-b SECTOR] [-s SIZE] DEVICE: put an empty LogFS (a root
 * directory) on DEVICE, a block node such as /dev/crypt-secure or
 * /dev/loop0, or a regular file, so that `mount -t logfs DEVICE DIR` works.
 *
 *   -b SECTOR  the device's sector size in bytes (default 512, as loop
 *              and encrypted loop devices have); the kernel mounts with
 *              the device's own sector size, so they must agree
 *   -s SIZE    DEVICE is a regular file: create it, or set its size,
 *              first (bytes, or with a K, M or G suffix; below 2 GiB)
 *
 * The filesystem is written by logfs_format(), the kernel's own code
 * (fs/logfs), on the geometry the kernel uses for block nodes
 * (user/logfs/logfs_user.h), then mounted read-only once as a check.
 * A device that is mounted is refused.  Exit status: 0 formatted,
 * 1 failed (too small, I/O error ...), 2 usage.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <port/port.h>
#include "../logfs/logfs_user.h"

static const char *prog = "mkfs.logfs";

static int usage(FILE *out, int status)
{
	fprintf(out, "usage: %s [-b SECTOR] [-s SIZE] DEVICE\n"
		"Format DEVICE (a block device or a regular file) with LogFS.\n"
		"  -b SECTOR  sector size of DEVICE in bytes (default %u)\n"
		"  -s SIZE    create or resize the regular file DEVICE first "
		"(K, M, G suffixes)\n", prog, FD_MEDIUM_SECTOR);
	return status;
}

/* A size with an optional K/M/G suffix; 0 if malformed or too large. */
static unsigned long long parse_size(const char *s)
{
	unsigned long long v;
	unsigned int shift = 0;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s || *s == '-')
		return 0;
	if (*end == 'k' || *end == 'K')
		shift = 10;
	else if (*end == 'm' || *end == 'M')
		shift = 20;
	else if (*end == 'g' || *end == 'G')
		shift = 30;
	if (shift)
		end++;
	if (*end || v > (~0ULL >> shift))
		return 0;
	return v << shift;
}

/* -s: make @path a regular file of @size bytes. */
static int set_file_size(const char *path, unsigned long long size)
{
	struct stat st;
	int fd, ret = 0;

	if (size > 0x7fffffffULL) {
		fprintf(stderr, "%s: -s %llu: too large (at most 2 GiB - 1)\n",
			prog, size);
		return -EFBIG;
	}
	fd = open(path, O_RDWR | O_CREAT, 0644);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st))
		ret = -errno;
	else if (!S_ISREG(st.st_mode))
		ret = -ENOTBLK;
	else if (ftruncate(fd, (off_t)size))
		ret = -errno;
	if (ret == -ENOTBLK)
		fprintf(stderr, "%s: %s: -s is for regular files\n", prog, path);
	close(fd);
	return ret;
}

static int unreadable(struct logfs_dev *dev, u32 seg, u32 ofs, void *buf,
		      u32 len)
{
	return -EIO;
}

/*
 * The fewest segments LogFS accepts on @dev's geometry, 0 if none up to
 * 4096: mount a medium that cannot be read.  Mount sizes itself from the
 * medium before its first read, so -EINVAL means "refused as too small".
 */
static u32 min_segments(const struct logfs_dev *dev)
{
	struct logfs_dev probe = { .seg_size = dev->seg_size,
				   .io_unit = dev->io_unit, .read = unreadable };
	struct logfs_config cfg = { .read_only = true };
	int level = port_set_loglevel(0);	/* expected errors */
	struct logfs *fs = ERR_PTR(-EINVAL);

	for (probe.nr_segs = dev->nr_segs + 1; probe.nr_segs <= 4096 &&
	     PTR_ERR(fs) == -EINVAL; probe.nr_segs++)
		fs = logfs_mount(&probe, &cfg);
	port_set_loglevel(level);
	if (!IS_ERR(fs))
		logfs_unmount(fs);	/* cannot happen: nothing to read */
	return PTR_ERR(fs) == -EINVAL ? 0 : probe.nr_segs - 1;
}

/* Say why logfs_format() on @m (opened on @path) failed with @ret. */
static void explain(const char *path, const struct fd_medium *m, int ret)
{
	u32 need;

	if (ret == -EINVAL && m->dev.nr_segs > (1u << 20)) {
		fprintf(stderr, "%s: %s: too large for LogFS (%llu bytes: "
			"at most %u segments)\n", prog, path,
			(unsigned long long)m->size, 1u << 20);
	} else if (ret == -EINVAL) {
		need = min_segments(&m->dev);
		fprintf(stderr, "%s: %s: too small for LogFS (%llu bytes: "
			"%u segments of %u KiB; it needs at least %u, %u KiB)\n",
			prog, path, (unsigned long long)m->size, m->dev.nr_segs,
			FD_MEDIUM_SEG_SIZE >> 10, need,
			need * (FD_MEDIUM_SEG_SIZE >> 10));
	} else {
		fprintf(stderr, "%s: %s: %s\n", prog, path, port_strerror(-ret));
	}
}

/* Mount what was written, read-only: the medium gives it back. */
static int verify(struct fd_medium *m, struct logfs_statfs *st)
{
	struct logfs_config cfg = { .read_only = true };
	struct logfs *fs = logfs_mount(&m->dev, &cfg);

	if (IS_ERR(fs))
		return PTR_ERR(fs);
	logfs_statfs(fs, st);
	return logfs_unmount(fs);
}

static int format(const char *path, u32 sector)
{
	struct logfs_statfs st;
	struct fd_medium m;
	int ret;

	ret = fd_medium_open(&m, path, false, sector);
	if (ret) {
		if (ret == -ENOTBLK)
			fprintf(stderr, "%s: %s: not a block device or a regular "
				"file\n", prog, path);
		else
			fprintf(stderr, "%s: %s: %s\n", prog, path,
				port_strerror(-ret));
		return 1;
	}
	ret = logfs_format(&m.dev);
	if (ret) {
		explain(path, &m, ret);
		fd_medium_close(&m);
		return 1;
	}
	ret = verify(&m, &st);
	if (ret)
		fprintf(stderr, "%s: %s: the new filesystem does not mount "
			"back: %s\n", prog, path, port_strerror(-ret));
	if (fd_medium_close(&m) && !ret) {
		fprintf(stderr, "%s: %s: flush or close failed\n", prog, path);
		ret = -EIO;
	}
	if (ret)
		return 1;
	printf("%s: LogFS, %u segments of %u KiB, sector %u, %llu KiB free\n",
	       path, m.dev.nr_segs, FD_MEDIUM_SEG_SIZE >> 10, sector,
	       (unsigned long long)st.bfree * st.block_size >> 10);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long long size = 0;
	u32 sector = FD_MEDIUM_SECTOR;
	int c, ret;

	while ((c = getopt(argc, argv, "b:s:h")) != -1) {
		switch (c) {
		case 'b':
			if (fd_medium_parse_sector(prog, optarg, &sector))
				return 2;
			break;
		case 's':
			size = parse_size(optarg);
			if (!size) {
				fprintf(stderr, "%s: -s %s: not a size\n", prog,
					optarg);
				return 2;
			}
			break;
		case 'h':
			return usage(stdout, 0);
		default:
			return usage(stderr, 2);
		}
	}
	if (optind != argc - 1)
		return usage(stderr, 2);
	/* our lines and fs/logfs's (stderr) in the order they happen */
	setvbuf(stdout, NULL, _IOLBF, 0);
	port_setup_from_env();
	if (fd_medium_mounted(argv[optind])) {
		fprintf(stderr, "%s: %s is mounted: not formatting it\n", prog,
			argv[optind]);
		return 1;
	}
	if (size) {
		ret = set_file_size(argv[optind], size);
		if (ret) {
			if (ret != -EFBIG && ret != -ENOTBLK)
				fprintf(stderr, "%s: %s: %s\n", prog,
					argv[optind], strerror(-ret));
			return 1;
		}
	}
	return format(argv[optind], sector);
}
