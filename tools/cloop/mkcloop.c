// SPDX-License-Identifier: GPL-2.0
/*
 * mkcloop: compress any image into a cloop v4 file with LZ4 blocks.
 *
 *	mkcloop [-b BLOCK_SIZE] [-l LEVEL] INPUT OUTPUT
 *
 * Host-only command line (see --help); the format code is
 * drivers/block/cloop_build.c, the same that the kernel's reader is
 * tested against.
 */
#include <port/port.h>
#include <block/cloop.h>
#include <block/cloop_format.h>
#include <fcntl.h>
#include <getopt.h>
#include <lz4hc.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../lib/cli.h"

#define PROG "mkcloop"
#define BLOCK_SIZES "a multiple of 512 from 512 to 4M"

static void usage(void)
{
	printf("usage: mkcloop [-b BLOCK_SIZE] [-l LEVEL] INPUT OUTPUT\n"
	       "Compress the image INPUT into the cloop v4 file OUTPUT (LZ4 blocks,\n"
	       "index in a footer), which the kernel's cloop driver reads.\n"
	       "\n"
	       "  -b, --block-size N  uncompressed bytes per block: a multiple of 512\n"
	       "                      from 512 to 4M, K/M suffixes allowed (default 65536)\n"
	       "  -l, --level N       0 = LZ4 (default), 1..12 = LZ4HC at that level\n"
	       "                      (smaller, slower to build; reads as fast)\n"
	       "  -h, --help          this text\n"
	       "\n"
	       "Blocks that do not compress are stored as they are.  The last block\n"
	       "is padded with zeros: the format records only the block size and the\n"
	       "block count, so the image reads back as a whole number of blocks.\n"
	       "Prints one line of statistics.  Exit status: 0 done, 1 failed (OUTPUT\n"
	       "is removed), 2 bad command line.\n");
}

static int emit_file(void *ctx, const void *buf, size_t len)
{
	return fwrite(buf, 1, len, ctx) == len ? 0 : -EIO;
}

static int parse_args(int argc, char **argv, struct cloop_build_opts *opts)
{
	static const struct option longopts[] = {
		{ "block-size", required_argument, NULL, 'b' },
		{ "level", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	uint64_t v;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":b:l:h", longopts, NULL)) != -1) {
		if (c == 'h') {
			usage();
			exit(0);
		} else if (c == 'b') {
			if (cli_number(PROG, "-b", optarg, CLOOP_MIN_BLOCK_SIZE,
				       CLOOP_MAX_BLOCK_SIZE, BLOCK_SIZES, &v))
				return CLI_EXIT_USAGE;
			if (v % 512)
				return cli_usage_error(PROG, "-b %s: expected %s",
						       optarg, BLOCK_SIZES);
			opts->block_size = (u32)v;
		} else if (c == 'l') {
			if (cli_number(PROG, "-l", optarg, 0, LZ4HC_CLEVEL_MAX,
				       "0 (LZ4) or 1..12 (LZ4HC level)", &v))
				return CLI_EXIT_USAGE;
			opts->hc_level = (int)v;
		} else {
			return cli_getopt_error(PROG, c, argv, longopts);
		}
	}
	if (argc - optind != 2)
		return cli_usage_error(PROG, "expected INPUT and OUTPUT, got %d "
				       "name%s", argc - optind,
				       argc - optind == 1 ? "" : "s");
	return 0;
}

/* Map INPUT read-only; 0 or 1 (the message printed). */
static int map_input(const char *path, void **img, off_t *size)
{
	struct stat sb;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &sb)) {
		fprintf(stderr, PROG ": %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!S_ISREG(sb.st_mode) || sb.st_size == 0) {
		fprintf(stderr, PROG ": %s: %s\n", path, S_ISREG(sb.st_mode) ?
			"empty file, nothing to compress" : "not a regular file");
		close(fd);
		return 1;
	}
	*img = mmap(NULL, sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (*img == MAP_FAILED) {
		fprintf(stderr, PROG ": %s: %s\n", path, strerror(errno));
		return 1;
	}
	*size = sb.st_size;
	return 0;
}

int main(int argc, char **argv)
{
	struct cloop_build_opts opts = { .block_size = 65536, .hc_level = 0 };
	struct cloop_build_stats st;
	const char *in, *outname;
	off_t size;
	void *img;
	FILE *out;
	int ret;

	ret = parse_args(argc, argv, &opts);
	if (ret)
		return ret;
	in = argv[optind];
	outname = argv[optind + 1];
	if (map_input(in, &img, &size))
		return 1;
	out = fopen(outname, "wb");
	if (!out) {
		fprintf(stderr, PROG ": %s: %s\n", outname, strerror(errno));
		return 1;
	}
	ret = cloop_build(img, size, &opts, emit_file, out, &st);
	if (fclose(out) && !ret)
		ret = -EIO;
	if (ret) {
		fprintf(stderr, PROG ": %s: %s\n", ret == -EIO ? outname : in,
			ret == -EINVAL ? "too many blocks for cloop (use a larger -b)" :
			strerror(-ret));
		unlink(outname);
		return 1;
	}
	printf("%u blocks of %u bytes (%u stored), %llu -> %llu bytes (%.1f%%)\n",
	       st.num_blocks, opts.block_size, st.stored_blocks,
	       (unsigned long long)size, (unsigned long long)st.out_bytes,
	       100.0 * st.out_bytes / size);
	return 0;
}
