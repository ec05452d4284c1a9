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

static s64 img_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (s64)ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

uint64_t img_parse_size(const char *s)
{
	char *end;
	uint64_t v = strtoull(s, &end, 0);

	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	}
	return *end ? 0 : v;
}

const char *img_common_help(void)
{
	return
	"  --blkio             plain block image (default: raw NOR flash image)\n"
	"  --size N            image size (K/M/G suffixes); created if missing\n"
	"  --erase-size N      NOR erase block size (default 256K)\n"
	"  --offset N          partition start in the image (default 0)\n"
	"  --part-size N       partition size (default: to the end)\n"
	"  --volume NAME       FTL volume (default \"data\")\n"
	"  --seg-size N        block image: segment size (default 128K)\n"
	"  --compress          LZ4-compress file blocks when it helps\n";
}

int img_common_opt(struct img_opts *o, int argc, char **argv, int i)
{
	const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

	if (!strcmp(a, "--blkio")) {
		o->blkio = true;
		return 1;
	}
	if (!strcmp(a, "--compress")) {
		o->compress = true;
		return 1;
	}
	if (!v)
		return 0;
	if (!strcmp(a, "--size"))
		o->size = img_parse_size(v);
	else if (!strcmp(a, "--erase-size"))
		o->erase_size = (uint32_t)img_parse_size(v);
	else if (!strcmp(a, "--offset"))
		o->offset = img_parse_size(v);
	else if (!strcmp(a, "--part-size"))
		o->part_size = img_parse_size(v);
	else if (!strcmp(a, "--volume"))
		o->volume = v;
	else if (!strcmp(a, "--seg-size"))
		o->seg_size = (uint32_t)img_parse_size(v);
	else
		return 0;
	return 2;
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
		fprintf(stderr, "%s: no such image (give --size)\n", im->o.path);
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
		fprintf(stderr, "image size and erase size do not fit\n");
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

static int img_put_file(struct img *im, const char *host, const char *dst,
			mode_t mode)
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
