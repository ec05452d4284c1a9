// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: mount + fsck + reads on damaged LogFS images.
 *
 * The input is a list of patches applied to one of two real images built
 * at start-up (an in-memory block store with files, directories, links;
 * one cleanly unmounted, one cut off with transactions still to replay):
 *   byte 0: which image; then records { u32 offset; u8 len; len bytes }.
 * Whatever the damage, mount, fsck, readdir and reads must return errors,
 * never crash, hang or leak (ASan/UBSan watch).
 */
#include <stdint.h>
#include "logfs_test_util.h"

#define FZ_SIZE		(512 * 1024)
#define FZ_SEG		(16 * 1024)

static u8 *fz_base[2];
static u8 *fz_img;

static int fz_ram_read(struct blkio *b, u64 sec, void *buf, u32 n)
{
	if (blkio_check_range(b, sec, n))
		return -EINVAL;
	memcpy(buf, (u8 *)b->priv + sec * 512, (size_t)n * 512);
	return 0;
}

static int fz_ram_write(struct blkio *b, u64 sec, const void *buf, u32 n)
{
	if (blkio_check_range(b, sec, n))
		return -EINVAL;
	memcpy((u8 *)b->priv + sec * 512, buf, (size_t)n * 512);
	return 0;
}

static void fz_bio(struct blkio *b, u8 *mem)
{
	memset(b, 0, sizeof(*b));
	b->sector_size = 512;
	b->nr_sectors = FZ_SIZE / 512;
	b->priv = mem;
	b->read = fz_ram_read;
	b->write = fz_ram_write;
}

static void fz_build(int which)
{
	static u8 data[20000];
	struct logfs_dev dev;
	struct blkio b;
	struct logfs *fs;
	struct logfs_file *f;

	fz_base[which] = calloc(1, FZ_SIZE);
	fz_bio(&b, fz_base[which]);
	if (logfs_dev_blkio(&dev, &b, FZ_SEG) || logfs_format(&dev))
		abort();
	fs = logfs_mount(&dev, NULL);
	if (IS_ERR(fs))
		abort();
	lt_pattern(data, sizeof(data), 7);
	logfs_mkdir(fs, "/d", 0755);
	logfs_mkdir(fs, "/d/e", 0700);
	lt_put(fs, "/d/file", data, sizeof(data));
	lt_put(fs, "/small", "tiny", 4);
	logfs_symlink(fs, "/d/file", "/sym");
	logfs_link(fs, "/small", "/d/hard");
	logfs_truncate(fs, "/d/file", 9000);
	if (which) {
		logfs_sync(fs);
		lt_put(fs, "/late", data, 5000);
		logfs_rename(fs, "/small", "/d/e/moved");
		f = logfs_open(fs, "/late", LOGFS_O_RDONLY, 0);
		logfs_fsync(f);
		logfs_close(f);
		/* keep the medium as it is now (needs replay), then let go */
		memcpy(data, data, 0);
		{
			u8 *snap = malloc(FZ_SIZE);

			memcpy(snap, fz_base[which], FZ_SIZE);
			logfs_unmount(fs);
			free(fz_base[which]);
			fz_base[which] = snap;
		}
	} else {
		logfs_unmount(fs);
	}
	dev.release(&dev);
}

static int fz_fill(void *ctx, const char *name, u32 len, u32 ino, u32 type)
{
	return ++*(int *)ctx > 1000;
}

int LLVMFuzzerTestOneInput(const uint8_t *in, size_t size)
{
	struct logfs_dev dev;
	struct logfs *fs;
	struct blkio b;
	static u8 buf[8192];
	size_t i = 1;
	int n = 0;

	port_loglevel = 0;
	if (!fz_base[0]) {
		fz_build(0);
		fz_build(1);
		fz_img = malloc(FZ_SIZE);
	}
	if (!size)
		return 0;
	memcpy(fz_img, fz_base[in[0] & 1], FZ_SIZE);
	while (i + 5 <= size) {
		u32 ofs, len;

		memcpy(&ofs, in + i, 4);
		len = in[i + 4];
		i += 5;
		ofs %= FZ_SIZE;
		len = (u32)min((size_t)len, size - i);
		len = min(len, (u32)(FZ_SIZE - ofs));
		memcpy(fz_img + ofs, in + i, len);
		i += len;
	}
	fz_bio(&b, fz_img);
	if (logfs_dev_blkio(&dev, &b, FZ_SEG))
		return 0;
	fs = logfs_mount(&dev, NULL);
	if (!IS_ERR(fs)) {
		logfs_fsck(fs, false, NULL, NULL);
		logfs_readdir(fs, "/", fz_fill, &n);
		logfs_readdir(fs, "/d", fz_fill, &n);
		lt_get(fs, "/d/file", buf, sizeof(buf));
		lt_get(fs, "/sym", buf, sizeof(buf));
		lt_get(fs, "/late", buf, sizeof(buf));
		lt_put(fs, "/new", buf, 5000);
		logfs_rename(fs, "/d/hard", "/d/e/x");
		logfs_unmount(fs);
	}
	dev.release(&dev);
	return 0;
}
