/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test fixtures shared by the LogFS suites: a LogFS on an FTL volume on a
 * simulated flash, or on an in-memory struct blkio; remount; power cuts.
 * Portable (runs on the target too): no file I/O.
 */
#ifndef LOGFS_TEST_UTIL_H
#define LOGFS_TEST_UTIL_H

#include <port/port.h>
#include <kernel/ktest.h>
#include <mtd/mtdsim.h>
#include <mtd/ftl.h>
#include <lib/blkio.h>
#include <fs/logfs.h>

struct lt_fix {
	struct mtdsim *sim;
	struct ftl_device *ftl;
	struct logfs_dev dev;
	struct logfs *fs;
	int vol;
	/* blkio backend */
	struct blkio bio;
	u8 *ram;
	bool on_blkio;
	struct logfs_config cfg;
};

static s64 lt_clock_ns;
static inline s64 lt_now(void)
{
	return lt_clock_ns += 1000;
}

static inline int lt_ram_read(struct blkio *b, u64 sec, void *buf, u32 n)
{
	if (blkio_check_range(b, sec, n))
		return -EINVAL;
	memcpy(buf, (u8 *)b->priv + sec * b->sector_size, (size_t)n * b->sector_size);
	return 0;
}

static inline int lt_ram_write(struct blkio *b, u64 sec, const void *buf, u32 n)
{
	if (blkio_check_range(b, sec, n))
		return -EINVAL;
	memcpy((u8 *)b->priv + sec * b->sector_size, buf, (size_t)n * b->sector_size);
	return 0;
}

/* Bring the FTL + LogFS (or blkio + LogFS) up on existing storage. */
static inline int lt_attach(struct lt_fix *f)
{
	int ret;

	if (!f->on_blkio) {
		f->ftl = ftl_attach(&f->sim->mtd, NULL);
		if (IS_ERR(f->ftl)) {
			ret = PTR_ERR(f->ftl);
			f->ftl = NULL;
			return ret;
		}
		f->vol = ftl_vol_find(f->ftl, "data");
		ret = logfs_dev_ftl(&f->dev, f->ftl, f->vol);
	} else {
		ret = logfs_dev_blkio(&f->dev, &f->bio, 64 * 1024);
	}
	return ret;
}

static inline void lt_detach(struct lt_fix *f)
{
	if (f->dev.release)
		f->dev.release(&f->dev);
	memset(&f->dev, 0, sizeof(f->dev));
	if (f->ftl)
		ftl_detach(f->ftl);
	f->ftl = NULL;
}

static inline int lt_mount(struct lt_fix *f)
{
	int ret = lt_attach(f);

	if (ret)
		return ret;
	f->fs = logfs_mount(&f->dev, &f->cfg);
	if (IS_ERR(f->fs)) {
		ret = PTR_ERR(f->fs);
		f->fs = NULL;
		lt_detach(f);
		return ret;
	}
	return 0;
}

static inline int lt_unmount(struct lt_fix *f)
{
	int ret = 0;

	if (f->fs)
		ret = logfs_unmount(f->fs);
	f->fs = NULL;
	lt_detach(f);
	return ret;
}

static inline int lt_remount(struct lt_fix *f)
{
	int ret = lt_unmount(f);

	return ret ? ret : lt_mount(f);
}

/*
 * A fresh filesystem: NOR flash of @nblocks x @es (FTL, volume "data"),
 * or with @blkio_bytes != 0 an in-memory block store of that size.
 */
static inline void lt_teardown(struct lt_fix *f);

static inline int lt_setup(struct lt_fix *f, u32 nblocks, u32 es,
			   u32 blkio_bytes, u64 seed)
{
	struct mtdsim_config c = {
		.type = MTD_NORFLASH, .size = (u64)nblocks * es, .erasesize = es,
		.seed = seed,
	};
	int ret;

	memset(f, 0, sizeof(*f));
	f->cfg.now = lt_now;
	if (blkio_bytes) {
		f->on_blkio = true;
		f->ram = kzalloc(blkio_bytes, GFP_KERNEL);
		if (!f->ram)
			return -ENOMEM;
		f->bio.sector_size = 512;
		f->bio.nr_sectors = blkio_bytes / 512;
		f->bio.priv = f->ram;
		f->bio.read = lt_ram_read;
		f->bio.write = lt_ram_write;
	} else {
		f->sim = mtdsim_create(&c);
		if (IS_ERR(f->sim)) {
			ret = PTR_ERR(f->sim);
			f->sim = NULL;
			return ret;
		}
		ret = ftl_format(&f->sim->mtd, NULL);
		if (ret)
			goto fail;
		f->ftl = ftl_attach(&f->sim->mtd, NULL);
		if (IS_ERR(f->ftl)) {
			ret = PTR_ERR(f->ftl);
			f->ftl = NULL;
			goto fail;
		}
		ret = ftl_vol_create(f->ftl, "data", 0);
		if (ret < 0)
			goto fail;
		ftl_detach(f->ftl);
		f->ftl = NULL;
	}
	ret = lt_attach(f);
	if (!ret)
		ret = logfs_format(&f->dev);
	lt_detach(f);
	if (!ret)
		ret = lt_mount(f);
	if (!ret)
		return 0;
fail:
	lt_teardown(f);	/* a failed setup leaves nothing behind */
	return ret;
}

static inline void lt_teardown(struct lt_fix *f)
{
	if (f->fs)
		logfs_unmount(f->fs);
	f->fs = NULL;
	lt_detach(f);
	if (f->sim)
		mtdsim_destroy(f->sim);
	kfree(f->ram);
	memset(f, 0, sizeof(*f));
}

/* Whole-file helpers. */
static inline int lt_put(struct logfs *fs, const char *path, const void *data,
			 u64 len)
{
	struct logfs_file *fl = logfs_open(fs, path, LOGFS_O_WRONLY |
					   LOGFS_O_CREAT | LOGFS_O_TRUNC, 0644);
	s64 n;

	if (IS_ERR(fl))
		return PTR_ERR(fl);
	n = len ? logfs_pwrite(fl, data, len, 0) : 0;
	logfs_close(fl);
	if (n < 0)
		return (int)n;
	return n == (s64)len ? 0 : -EIO;
}

static inline s64 lt_get(struct logfs *fs, const char *path, void *buf,
			 u64 len)
{
	struct logfs_file *fl = logfs_open(fs, path, LOGFS_O_RDONLY, 0);
	s64 n;

	if (IS_ERR(fl))
		return PTR_ERR(fl);
	n = logfs_pread(fl, buf, len, 0);
	logfs_close(fl);
	return n;
}

static inline void lt_pattern(u8 *b, u64 len, u32 seed)
{
	u64 i;
	u32 x = seed * 2654435761u + 12345;

	for (i = 0; i < len; i++) {
		x = x * 1103515245u + 12345;
		b[i] = (u8)(x >> 16);
	}
}

#endif /* LOGFS_TEST_UTIL_H */
