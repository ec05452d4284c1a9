// SPDX-License-Identifier: GPL-2.0
/*
 * bench-storage: the flash stack (sim -> FTL -> LogFS) on a simulated
 * 64 MiB NOR (256 KiB blocks) and 128 MiB NAND (128 KiB blocks, 2 KiB
 * pages).  For each workload: bytes programmed / bytes the user wrote
 * (write amplification), erases, flash bytes read, RAM, host time.
 * Prints a table, writes JSON (--json FILE).  Not a test: no thresholds
 * are asserted; the targets are printed next to the figures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <port/port.h>
#include <mtd/mtdsim.h>
#include <mtd/ftl.h>
#include <fs/logfs.h>
#include "../lib/cli.h"

#define PROG "bench-storage"

struct dev {
	const char *name;
	enum mtd_type type;
	u64 size;
	u32 es, ws;
	struct mtdsim *sim;
	struct ftl_device *ftl;
	struct logfs_dev ld;
	struct logfs *fs;
};

struct row {
	char dev[16], what[40];
	double user_mb, prog_mb, wa, read_kb;
	u64 erases;
	size_t ram;
	double secs;
};

static struct row rows[64];
static int nrows;
static u64 t0_prog, t0_read, t0_erase;
static double t0;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void mark(struct dev *d)
{
	t0_prog = d->sim->stats.bytes_programmed;
	t0_read = d->sim->stats.bytes_read;
	t0_erase = d->sim->stats.erases;
	t0 = now();
}

static size_t ram(struct dev *d)
{
	struct logfs_statfs sf = { 0 };
	struct ftl_stats fst = { 0 };

	if (d->fs)
		logfs_statfs(d->fs, &sf);
	if (d->ftl)
		ftl_get_stats(d->ftl, &fst);
	return sf.ram_bytes + fst.ram_bytes;
}

static void say(void *ctx, const char *line)
{
	printf("  fsck: %s\n", line);
}

static void record(struct dev *d, const char *what, u64 user)
{
	if (getenv("BENCH_FSCK"))
		printf("  fsck -> %d\n", logfs_fsck(d->fs, false, say, NULL));
	struct row *r = &rows[nrows++];

	snprintf(r->dev, sizeof(r->dev), "%s", d->name);
	snprintf(r->what, sizeof(r->what), "%s", what);
	r->user_mb = user / 1048576.0;
	r->prog_mb = (d->sim->stats.bytes_programmed - t0_prog) / 1048576.0;
	r->wa = user ? (double)(d->sim->stats.bytes_programmed - t0_prog) / user : 0;
	r->read_kb = (d->sim->stats.bytes_read - t0_read) / 1024.0;
	r->erases = d->sim->stats.erases - t0_erase;
	r->ram = ram(d);
	r->secs = now() - t0;
	printf("%-5s %-28s %9.2f %9.2f %6.2f %10.1f %8llu %8zu %7.2f\n", r->dev,
	       r->what, r->user_mb, r->prog_mb, r->wa, r->read_kb,
	       (unsigned long long)r->erases, r->ram, r->secs);
	fflush(stdout);
}

static int up(struct dev *d)
{
	int vol, ret;

	d->ftl = ftl_attach(&d->sim->mtd, NULL);
	if (IS_ERR(d->ftl))
		return (int)PTR_ERR(d->ftl);
	vol = ftl_vol_find(d->ftl, "data");
	ret = logfs_dev_ftl(&d->ld, d->ftl, vol);
	if (ret)
		return ret;
	d->fs = logfs_mount(&d->ld, NULL);
	return IS_ERR(d->fs) ? (int)PTR_ERR(d->fs) : 0;
}

static void down(struct dev *d)
{
	logfs_unmount(d->fs);
	d->ld.release(&d->ld);
	ftl_detach(d->ftl);
	d->fs = NULL;
	d->ftl = NULL;
}

static void mount_cost(struct dev *d, const char *what)
{
	down(d);
	mark(d);
	if (up(d)) {
		fprintf(stderr, "mount failed\n");
		exit(1);
	}
	record(d, what, 0);
}

static u64 capacity(struct dev *d)
{
	struct logfs_statfs sf;

	logfs_statfs(d->fs, &sf);
	return sf.blocks * 4096;
}

static u64 seq_write(struct dev *d, const char *path, u64 bytes, u8 *buf)
{
	struct logfs_file *f = logfs_open(d->fs, path, LOGFS_O_WRONLY |
					  LOGFS_O_CREAT, 0644);
	u64 off = 0;
	s64 n;

	if (IS_ERR(f))
		return 0;
	while (off < bytes) {
		buf[0] = (u8)off;
		n = logfs_pwrite(f, buf, 65536, off);
		if (n <= 0)
			break;
		off += (u64)n;
	}
	logfs_fsync(f);
	logfs_close(f);
	return off;
}

static u64 rand_overwrite(struct dev *d, const char *path, u64 fsize, u64 ops,
			  u8 *buf)
{
	struct logfs_file *f = logfs_open(d->fs, path, LOGFS_O_WRONLY, 0);
	u64 i, x = 88172645463325252ull, done = 0;

	if (IS_ERR(f))
		return 0;
	for (i = 0; i < ops; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		buf[0] = (u8)i;
		if (logfs_pwrite(f, buf, 4096, (x % (fsize / 4096)) * 4096) != 4096)
			break;
		done += 4096;
	}
	logfs_fsync(f);
	logfs_close(f);
	logfs_sync(d->fs);
	return done;
}

static void bench(struct dev *d)
{
	struct mtdsim_config c = { .type = d->type, .size = d->size,
				   .erasesize = d->es, .writesize = d->ws };
	u8 *buf = malloc(65536);
	u64 cap, n, i, half;
	char p[64];

	for (i = 0; i < 65536; i++)
		buf[i] = (u8)(i * 7 + i / 300);
	d->sim = mtdsim_create(&c);
	if (IS_ERR(d->sim) || ftl_format(&d->sim->mtd, NULL))
		exit(1);
	d->ftl = ftl_attach(&d->sim->mtd, NULL);
	ftl_vol_create(d->ftl, "data", 0);
	logfs_dev_ftl(&d->ld, d->ftl, ftl_vol_find(d->ftl, "data"));
	if (logfs_format(&d->ld))
		exit(1);
	d->ld.release(&d->ld);
	ftl_detach(d->ftl);
	if (up(d))
		exit(1);
	mount_cost(d, "mount, empty");
	cap = capacity(d);
	half = cap / 2 / 65536 * 65536;
	mark(d);
	n = seq_write(d, "/seq", half, buf);
	logfs_sync(d->fs);
	record(d, "sequential write 50%", n);
	mount_cost(d, "mount, half full");
	mark(d);
	{
		struct logfs_file *f = logfs_open(d->fs, "/seq", LOGFS_O_RDONLY, 0);
		u64 off = 0;
		s64 r;

		while ((r = logfs_pread(f, buf, 65536, off)) > 0)
			off += (u64)r;
		logfs_close(f);
		record(d, "sequential read 50%", 0);
		rows[nrows - 1].user_mb = off / 1048576.0;
	}
	mark(d);
	n = rand_overwrite(d, "/seq", half, half / 4096 / 2, buf);
	record(d, "random 4K overwrite @50%", n);
	mark(d);
	logfs_mkdir(d->fs, "/small", 0755);
	for (i = 0, n = 0; i < 1000; i++) {
		struct logfs_file *f;

		snprintf(p, sizeof(p), "/small/file%04llu", (unsigned long long)i);
		f = logfs_open(d->fs, p, LOGFS_O_WRONLY | LOGFS_O_CREAT, 0644);
		if (IS_ERR(f))
			break;
		n += (u64)logfs_pwrite(f, buf, 1024, 0);
		logfs_close(f);
	}
	logfs_sync(d->fs);
	record(d, "create 1000 x 1 KiB files", n);
	/* to 90 %: another file, then random overwrites of the first */
	seq_write(d, "/fill90", cap * 9 / 10 - half - 2 * 1048576, buf);
	logfs_sync(d->fs);
	mark(d);
	n = rand_overwrite(d, "/seq", half, half / 4096 / 2, buf);
	record(d, "random 4K overwrite @90%", n);
	seq_write(d, "/fill100", cap, buf);
	logfs_sync(d->fs);
	mount_cost(d, "mount, full");
	free(buf);
	down(d);
	mtdsim_destroy(d->sim);
}

static void usage(void)
{
	printf("usage: bench-storage [--json FILE]\n"
	       "Benchmark the flash stack (sim -> FTL -> LogFS) on a simulated 64 MiB\n"
	       "NOR and 128 MiB NAND: write amplification, erases, flash reads, RAM\n"
	       "and host time per workload.  Prints a table; asserts nothing.\n"
	       "\n"
	       "  --json FILE         also write the rows as JSON to FILE (default: none)\n"
	       "  -h, --help          this text\n"
	       "\n"
	       "Environment: BENCH_LOGLEVEL=N (kernel log level, default 3),\n"
	       "BENCH_FSCK=1 (run fsck after each workload and print it).\n"
	       "Exit status: 0 done, 1 the JSON file could not be written, 2 bad\n"
	       "command line.\n");
}

int main(int argc, char **argv)
{
	struct dev devs[] = {
		{ .name = "NOR", .type = MTD_NORFLASH, .size = 64ull << 20,
		  .es = 256 * 1024, .ws = 1 },
		{ .name = "NAND", .type = MTD_NANDFLASH, .size = 128ull << 20,
		  .es = 128 * 1024, .ws = 2048 },
	};
	const char *json = NULL;
	FILE *f;
	int i;

	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			usage();
			return 0;
		}
		if (strcmp(argv[i], "--json"))
			return cli_usage_error(PROG, "unknown %s '%s'", argv[i][0] ==
					       '-' ? "option" : "argument", argv[i]);
		if (i + 1 >= argc)
			return cli_usage_error(PROG, "option '--json' needs a value");
		json = argv[++i];
	}
	port_loglevel = getenv("BENCH_LOGLEVEL") ? atoi(getenv("BENCH_LOGLEVEL")) : 3;
	printf("%-5s %-28s %9s %9s %6s %10s %8s %8s %7s\n", "dev", "workload",
	       "user MiB", "prog MiB", "WA", "read KiB", "erases", "RAM B", "host s");
	for (i = 0; i < 2; i++)
		bench(&devs[i]);
	printf("targets: seq WA <= 1.3; random 4K @50%% WA <= 3; mount of a full "
	       "64 MiB volume reads <= 256 KiB; RAM for a mounted 64 MiB volume "
	       "<= 128 KiB + per-file state\n");
	if (json) {
		f = fopen(json, "w");
		if (!f)
			return 1;
		fprintf(f, "[\n");
		for (i = 0; i < nrows; i++)
			fprintf(f, "  {\"device\": \"%s\", \"workload\": \"%s\", "
				"\"user_mib\": %.3f, \"programmed_mib\": %.3f, "
				"\"write_amplification\": %.3f, \"flash_read_kib\": %.1f, "
				"\"erases\": %llu, \"ram_bytes\": %zu, \"host_seconds\": %.3f}%s\n",
				rows[i].dev, rows[i].what, rows[i].user_mb,
				rows[i].prog_mb, rows[i].wa, rows[i].read_kb,
				(unsigned long long)rows[i].erases, rows[i].ram,
				rows[i].secs, i + 1 < nrows ? "," : "");
		fprintf(f, "]\n");
		fclose(f);
	}
	return 0;
}
