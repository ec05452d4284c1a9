// SPDX-License-Identifier: GPL-2.0
/*
 * Host-only: image files as LogFS media for mkfs.logfs, fsck.logfs,
 * logfs-tool and norimage.  A NOR image is read whole into memory, served
 * by the flash simulator (no faults), cut to the partition window, and
 * written back on close; a block image goes through blkio_file_open().
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "logfs_image.h"
#include "../lib/cli.h"

static s64 img_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (s64)ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

const char *img_common_help(bool make)
{
	return make ?
	"  --blkio             plain block image (default: raw NOR flash image)\n"
	"  --size N            image size (K/M/G suffixes): the file is created or\n"
	"                      resized to it (default: the existing file's size)\n"
	"  --erase-size N      NOR erase block size, a power of 2 (default 256K)\n"
	"  --offset N          partition start in the image, a multiple of the\n"
	"                      erase size (default 0)\n"
	"  --part-size N       partition size (default: to the end of the image)\n"
	"  --volume NAME       FTL volume (default \"data\")\n"
	"  --seg-size N        block image: segment size (default 128K)\n"
	"  --compress          LZ4-compress file blocks when it helps (default off)\n" :
	"  --blkio             plain block image (default: raw NOR flash image)\n"
	"  --erase-size N      NOR erase block size, a power of 2 (default 256K)\n"
	"  --offset N          partition start in the image (default 0)\n"
	"  --part-size N       partition size (default: to the end of the image)\n"
	"  --volume NAME       FTL volume (default \"data\")\n"
	"  --seg-size N        block image: segment size (default 128K)\n"
	"  --compress          LZ4-compress blocks this tool writes (default off)\n";
}

/* Store the value of a common option that takes one; 0 or CLI_EXIT_USAGE. */
static int img_opt_value(struct img_opts *o, const char *prog, const char *a,
			 const char *v)
{
	uint64_t n;

	if (!strcmp(a, "--volume")) {
		o->volume = v;
		return *v ? 0 : cli_usage_error(prog, "--volume: expected a name");
	}
	if (cli_number(prog, a, v, 1, !strcmp(a, "--size") ||
		       !strcmp(a, "--offset") || !strcmp(a, "--part-size") ?
		       UINT64_MAX : UINT32_MAX, "a size in bytes, e.g. 8M (K/M/G "
		       "suffixes)", &n))
		return CLI_EXIT_USAGE;
	if (!strcmp(a, "--size"))
		o->size = n;
	else if (!strcmp(a, "--offset"))
		o->offset = n;
	else if (!strcmp(a, "--part-size"))
		o->part_size = n;
	else if (!strcmp(a, "--seg-size"))
		o->seg_size = (uint32_t)n;
	else if (n & (n - 1))
		return cli_usage_error(prog, "%s %s: expected a power of 2 (e.g. "
				       "64K, 256K)", a, v);
	else
		o->erase_size = (uint32_t)n;
	return 0;
}

int img_common_opt(struct img_opts *o, const char *prog, bool make, int argc,
		   char **argv, int i)
{
	static const char *const with_value[] = { "--size", "--erase-size",
		"--offset", "--part-size", "--volume", "--seg-size" };
	const char *a = argv[i];
	size_t k;

	if (!strcmp(a, "--blkio")) {
		o->blkio = true;
		return 1;
	}
	if (!strcmp(a, "--compress")) {
		o->compress = true;
		return 1;
	}
	for (k = 0; k < ARRAY_SIZE(with_value); k++)
		if (!strcmp(a, with_value[k]))
			break;
	if (k == ARRAY_SIZE(with_value))
		return 0;
	if (!make && !strcmp(a, "--size"))
		return -cli_usage_error(prog, "--size is for making an image "
					"(mkfs.logfs)");
	if (i + 1 >= argc)
		return -cli_usage_error(prog, "option '%s' needs a value", a);
	return img_opt_value(o, prog, a, argv[i + 1]) ? -CLI_EXIT_USAGE : 2;
}

static int img_load(struct img *im, bool create)
{
	struct stat st;
	FILE *f;

	if (stat(im->o.path, &st) == 0 && !im->o.size)
		im->mem_size = (uint64_t)st.st_size;
	else
		im->mem_size = im->o.size;
	if (!im->mem_size) {
		fprintf(stderr, "%s: %s\n", im->o.path, create ?
			"no such image: give --size to create it" :
			"no such image");
		return -ENOENT;
	}
	im->mem = malloc(im->mem_size);
	if (!im->mem)
		return -ENOMEM;
	memset(im->mem, 0xff, im->mem_size);
	f = fopen(im->o.path, "rb");
	if (f) {
		size_t n = fread(im->mem, 1, im->mem_size, f);

		(void)n;
		fclose(f);
	} else if (!create) {
		perror(im->o.path);
		return -errno;
	}
	return 0;
}

static int img_save(struct img *im)
{
	FILE *f = fopen(im->o.path, "wb");

	if (!f || fwrite(im->mem, 1, im->mem_size, f) != im->mem_size) {
		perror(im->o.path);
		if (f)
			fclose(f);
		return -EIO;
	}
	return fclose(f) ? -EIO : 0;
}

static int img_blk_create(struct img *im)
{
	int fd;

	if (!im->o.size)
		return 0;
	fd = open(im->o.path, O_RDWR | O_CREAT, 0644);
	if (fd < 0 || ftruncate(fd, (off_t)im->o.size)) {
		perror(im->o.path);
		if (fd >= 0)
			close(fd);
		return -EIO;
	}
	close(fd);
	return 0;
}

/* Bring up the medium (sim + partition + FTL, or blkio). */
static int img_medium(struct img *im, bool format)
{
	struct mtdsim_config c = { .type = MTD_NORFLASH, .name = "nor" };
	int ret;

	if (im->o.blkio) {
		ret = format ? img_blk_create(im) : 0;
		if (!ret)
			ret = blkio_file_open(&im->bio, im->o.path, 512,
					      im->o.read_only);
		if (!ret)
			ret = logfs_dev_blkio(&im->dev, &im->bio, im->o.seg_size);
		return ret;
	}
	ret = img_load(im, format);
	if (ret)
		return ret;
	c.size = im->mem_size;
	c.erasesize = im->o.erase_size;
	c.storage = im->mem;
	im->sim = mtdsim_create(&c);
	if (IS_ERR(im->sim)) {
		ret = (int)PTR_ERR(im->sim);
		im->sim = NULL;
		fprintf(stderr, "%s: the image size (%llu) is not a multiple of "
			"the erase size (%u)\n", im->o.path,
			(unsigned long long)im->mem_size, im->o.erase_size);
		return ret;
	}
	ret = mtd_part_init(&im->part, &im->sim->mtd, im->o.volume, im->o.offset,
			    im->o.part_size);
	if (ret)
		return ret;
	if (format) {
		ret = ftl_format(&im->part, NULL);
		if (ret)
			return ret;
		im->dirty = true;
	}
	im->ftl = ftl_attach(&im->part, NULL);
	if (IS_ERR(im->ftl)) {
		ret = (int)PTR_ERR(im->ftl);
		im->ftl = NULL;
		return ret;
	}
	if (format)
		im->vol = ftl_vol_create(im->ftl, im->o.volume, 0);
	else
		im->vol = ftl_vol_find(im->ftl, im->o.volume);
	if (im->vol < 0) {
		fprintf(stderr, "volume %s: %s\n", im->o.volume, strerror(-im->vol));
		return im->vol;
	}
	return logfs_dev_ftl(&im->dev, im->ftl, im->vol);
}

static void img_defaults(struct img *im, const struct img_opts *o)
{
	memset(im, 0, sizeof(*im));
	im->o = *o;
	if (!im->o.erase_size)
		im->o.erase_size = 256 * 1024;
	if (!im->o.volume)
		im->o.volume = "data";
}

int img_format(struct img *im, const struct img_opts *o)
{
	struct logfs_config cfg = { .compress = o->compress, .now = img_now };
	int ret;

	img_defaults(im, o);
	ret = img_medium(im, true);
	if (!ret)
		ret = logfs_format(&im->dev);
	if (!ret) {
		im->fs = logfs_mount(&im->dev, &cfg);
		if (IS_ERR(im->fs)) {
			ret = (int)PTR_ERR(im->fs);
			im->fs = NULL;
		}
	}
	im->dirty = true;
	return ret;
}

int img_open(struct img *im, const struct img_opts *o)
{
	struct logfs_config cfg = { .compress = o->compress,
				    .read_only = o->read_only, .now = img_now };
	int ret;

	img_defaults(im, o);
	ret = img_medium(im, false);
	if (ret)
		return ret;
	im->fs = logfs_mount(&im->dev, &cfg);
	if (IS_ERR(im->fs)) {
		ret = (int)PTR_ERR(im->fs);
		im->fs = NULL;
		return ret;
	}
	im->dirty = !o->read_only;
	return 0;
}

int img_close(struct img *im)
{
	int ret = 0;

	if (im->fs)
		ret = logfs_unmount(im->fs);
	if (im->dev.release)
		im->dev.release(&im->dev);
	if (im->ftl && ftl_detach(im->ftl) && !ret)
		ret = -EIO;
	if (im->o.blkio && im->bio.priv)
		blkio_file_close(&im->bio);
	if (im->mem && im->dirty && !ret)
		ret = img_save(im);
	mtdsim_destroy(im->sim);
	free(im->mem);
	memset(im, 0, sizeof(*im));
	return ret;
}

int img_put_file(struct img *im, const char *host, const char *dst,
		 uint32_t mode)
{
	struct logfs_file *f;
	char buf[65536];
	uint64_t off = 0;
	ssize_t n;
	int fd = open(host, O_RDONLY), ret = 0;

	if (fd < 0) {
		perror(host);
		return -errno;
	}
	f = logfs_open(im->fs, dst, LOGFS_O_WRONLY | LOGFS_O_CREAT |
		       LOGFS_O_TRUNC, mode & 07777);
	if (IS_ERR(f)) {
		close(fd);
		return (int)PTR_ERR(f);
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		int64_t w = logfs_pwrite(f, buf, (uint64_t)n, off);

		if (w != n) {
			ret = w < 0 ? (int)w : -EIO;
			break;
		}
		off += (uint64_t)n;
	}
	logfs_close(f);
	close(fd);
	return ret;
}

int img_populate(struct img *im, const char *hostdir, const char *dst)
{
	char hp[4096], lp[4096], target[4096];
	struct dirent *e;
	struct stat st;
	DIR *d = opendir(hostdir);
	int ret = 0;

	if (!d) {
		perror(hostdir);
		return -errno;
	}
	while (!ret && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(hp, sizeof(hp), "%s/%s", hostdir, e->d_name);
		snprintf(lp, sizeof(lp), "%s/%s", strcmp(dst, "/") ? dst : "",
			 e->d_name);
		if (lstat(hp, &st))
			continue;
		if (S_ISDIR(st.st_mode)) {
			ret = logfs_mkdir(im->fs, lp, st.st_mode & 07777);
			if (!ret)
				ret = img_populate(im, hp, lp);
		} else if (S_ISREG(st.st_mode)) {
			ret = img_put_file(im, hp, lp, st.st_mode);
		} else if (S_ISLNK(st.st_mode)) {
			ssize_t n = readlink(hp, target, sizeof(target) - 1);

			if (n > 0) {
				target[n] = 0;
				ret = logfs_symlink(im->fs, target, lp);
			}
		}
		if (ret)
			fprintf(stderr, "%s: %s\n", lp, strerror(-ret));
	}
	closedir(d);
	return ret;
}
