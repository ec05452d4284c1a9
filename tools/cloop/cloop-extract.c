// SPDX-License-Identifier: GPL-2.0
/*
 * cloop-extract: decompress a cloop v4 image (through the same reader the
 * kernel uses, drivers/block/cloop.c), or print its geometry with -i.
 *
 *	cloop-extract [-i] [-s SIZE] IMAGE [OUTPUT]
 *
 * Host-only command line (see --help).
 */
#include <port/port.h>
#include <block/cloop.h>
#include <getopt.h>
#include <unistd.h>
#include "../lib/cli.h"

#define PROG "cloop-extract"

struct args {
	bool info;
	bool cut;		/* -s given */
	uint64_t size;
	const char *image, *output;
};

static void usage(void)
{
	printf("usage: cloop-extract [-s SIZE] IMAGE OUTPUT\n"
	       "       cloop-extract -i IMAGE\n"
	       "Decompress the cloop v4 image IMAGE into OUTPUT (\"-\": standard\n"
	       "output), through the kernel's own cloop reader; or print its geometry.\n"
	       "\n"
	       "  -i, --info          print layout, block size, block count and size\n"
	       "                      instead of extracting (no OUTPUT)\n"
	       "  -s, --size SIZE     write only the first SIZE bytes (K/M/G suffixes\n"
	       "                      allowed; default: the whole image)\n"
	       "  -h, --help          this text\n"
	       "\n"
	       "The cloop format records only the block size and the block count, not\n"
	       "the size of the original input, so OUTPUT is a whole number of blocks:\n"
	       "an input that was not a multiple of the block size comes back with\n"
	       "zeros after its end.  Give -s with the original size to get exactly\n"
	       "the input back.  Exit status: 0 done, 1 failed (a bad image, or SIZE\n"
	       "larger than the image), 2 bad command line.\n");
}

static int parse_args(int argc, char **argv, struct args *a)
{
	static const struct option longopts[] = {
		{ "info", no_argument, NULL, 'i' },
		{ "size", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, names;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":is:h", longopts, NULL)) != -1) {
		if (c == 'h') {
			usage();
			exit(0);
		} else if (c == 'i') {
			a->info = true;
		} else if (c == 's') {
			if (cli_number(PROG, "-s", optarg, 0, UINT64_MAX,
				       "a size in bytes (K/M/G suffixes)", &a->size))
				return CLI_EXIT_USAGE;
			a->cut = true;
		} else {
			return cli_getopt_error(PROG, c, argv, longopts);
		}
	}
	names = argc - optind;
	if (a->info && a->cut)
		return cli_usage_error(PROG, "-i and -s do not go together");
	if (names != (a->info ? 1 : 2))
		return cli_usage_error(PROG, a->info ? "-i expects IMAGE only" :
				       "expected IMAGE and OUTPUT");
	a->image = argv[optind];
	a->output = a->info ? NULL : argv[optind + 1];
	return 0;
}

/* Copy the first @size decompressed bytes to @out; 0 or -errno. */
static int extract(struct cloop_dev *cl, u32 block_size, u64 size, FILE *out,
		   u64 *pos)
{
	char *buf = malloc(block_size);
	int ret = buf ? 0 : -ENOMEM;

	for (*pos = 0; *pos < size && !ret; *pos += block_size) {
		size_t n = min((u64)block_size, size - *pos);

		ret = cloop_read(cl, *pos, buf, block_size);
		if (!ret && fwrite(buf, 1, n, out) != n)
			ret = -errno;
	}
	free(buf);
	return ret;
}

static int write_output(struct cloop_dev *cl, const struct cloop_info *info,
			const struct args *a)
{
	u64 full = (u64)info->block_size * info->num_blocks, pos = 0;
	bool to_stdout = !strcmp(a->output, "-");
	FILE *out;
	int ret;

	if (a->cut && a->size > full) {
		fprintf(stderr, PROG ": -s %llu: the image holds only %llu bytes\n",
			(unsigned long long)a->size, (unsigned long long)full);
		return 1;
	}
	out = to_stdout ? stdout : fopen(a->output, "wb");
	if (!out) {
		fprintf(stderr, PROG ": %s: %s\n", a->output, strerror(errno));
		return 1;
	}
	ret = extract(cl, info->block_size, a->cut ? a->size : full, out, &pos);
	if ((to_stdout ? fflush(out) : fclose(out)) && !ret)
		ret = -errno;
	if (!ret)
		return 0;
	fprintf(stderr, PROG ": %s at byte %llu: %s\n", ret == -EIO ? a->image :
		a->output, (unsigned long long)pos, strerror(-ret));
	if (!to_stdout)
		unlink(a->output);
	return 1;
}

int main(int argc, char **argv)
{
	struct cloop_config cfg = { .cache_blocks = 2 };
	struct args a = { 0 };
	struct cloop_dev *cl;
	struct cloop_info info;
	struct blkio file;
	int ret;

	ret = parse_args(argc, argv, &a);
	if (ret)
		return ret;
	ret = blkio_file_open(&file, a.image, 512, true);
	if (ret) {
		fprintf(stderr, PROG ": %s: %s\n", a.image, strerror(-ret));
		return 1;
	}
	ret = cloop_open(&file, &cfg, &cl);
	if (ret) {
		fprintf(stderr, PROG ": %s: %s\n", a.image, ret == -EIO ?
			"not a cloop v4 image, or a damaged one" : strerror(-ret));
		blkio_file_close(&file);
		return 1;
	}
	cloop_get_info(cl, &info);
	if (a.info)
		printf("layout %s\nblock_size %u\nnum_blocks %u\nsize %llu\n",
		       info.footer ? "footer" : "header-first", info.block_size,
		       info.num_blocks,
		       (unsigned long long)info.block_size * info.num_blocks);
	else
		ret = write_output(cl, &info, &a);
	cloop_close(cl);
	blkio_file_close(&file);
	return ret;
}
