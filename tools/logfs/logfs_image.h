/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host-only helper for the LogFS tools: an image file opened as a LogFS
 * medium — either a raw NOR flash image (simulated NOR, one partition
 * window, FTL, volume) or a plain block image (struct blkio).
 */
#ifndef TOOLS_LOGFS_IMAGE_H
#define TOOLS_LOGFS_IMAGE_H

#include <stdbool.h>
#include <stdint.h>
#include <errno.h>
#include <kernel/err.h>
#include <mtd/mtdsim.h>
#include <mtd/ftl.h>
#include <lib/blkio.h>
#include <fs/logfs.h>

struct img_opts {
	const char *path;
	bool blkio;		/* plain block image instead of NOR */
	uint64_t size;		/* create/resize the image to this (0: keep) */
	uint32_t erase_size;	/* NOR erase block (default 256 KiB) */
	uint64_t offset;	/* partition start in the image */
	uint64_t part_size;	/* partition size (0: to the end) */
	const char *volume;	/* FTL volume name (default "data") */
	uint32_t seg_size;	/* blkio segment size (default 128 KiB) */
	bool compress;
	bool read_only;
};

struct img {
	struct img_opts o;
	uint8_t *mem;		/* NOR: the whole image */
	uint64_t mem_size;
	struct mtdsim *sim;
	struct mtd_info part;
	struct ftl_device *ftl;
	int vol;
	struct blkio bio;
	struct logfs_dev dev;
	struct logfs *fs;
	bool dirty;
};

/*
 * Handle the common option argv[i] of tool @prog (@make: one that makes
 * images, which takes --size).  Returns 0 if it is not one, 1 if consumed,
 * 2 if it took the next argument too, or -CLI_EXIT_USAGE after a message
 * (a bad or missing value).
 */
int img_common_opt(struct img_opts *o, const char *prog, bool make, int argc,
		   char **argv, int i);
/* The --help lines of the common options, with their defaults. */
const char *img_common_help(bool make);

/* Create an empty FTL + LogFS on the image (creating the file if needed). */
int img_format(struct img *im, const struct img_opts *o);
/* Attach and mount an existing image. */
int img_open(struct img *im, const struct img_opts *o);
/* Unmount, detach, write the image back if changed. */
int img_close(struct img *im);
/* Copy the host file @host to @dst (created or truncated, @mode). */
int img_put_file(struct img *im, const char *host, const char *dst,
		 uint32_t mode);
/* Copy a host directory tree into @dst (a LogFS path). */
int img_populate(struct img *im, const char *hostdir, const char *dst);

#endif
