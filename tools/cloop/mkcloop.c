// SPDX-License-Identifier: GPL-2.0
/*
 * mkcloop: compress any image into a cloop v4 file with LZ4 blocks.
 *
 *	mkcloop [-b BLOCK_SIZE] [-l LEVEL] INPUT OUTPUT
 *
 * -b block size in bytes (multiple of 512, default 65536); -l 0 for LZ4
 * (default), 1..12 for LZ4HC at that level.  Host-only: the format code
 * is drivers/block/cloop_build.c.
 */
#include <port/port.h>
#include <block/cloop.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int emit_file(void *ctx, const void *buf, size_t len)
{
	return fwrite(buf, 1, len, ctx) == len ? 0 : -EIO;
}

static int usage(void)
{
	fprintf(stderr, "usage: mkcloop [-b BLOCK_SIZE] [-l LEVEL] INPUT OUTPUT\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct cloop_build_opts opts = { .block_size = 65536, .hc_level = 0 };
	struct cloop_build_stats st;
	struct stat sb;
	void *img;
	FILE *out;
	int c, fd, ret;

	while ((c = getopt(argc, argv, "b:l:")) != -1) {
		if (c == 'b')
			opts.block_size = (u32)strtoul(optarg, NULL, 0);
		else if (c == 'l')
			opts.hc_level = atoi(optarg);
		else
			return usage();
	}
	if (argc - optind != 2)
		return usage();
	fd = open(argv[optind], O_RDONLY);
	if (fd < 0 || fstat(fd, &sb) || sb.st_size == 0) {
		fprintf(stderr, "mkcloop: %s: cannot read or empty\n", argv[optind]);
		return 1;
	}
	img = mmap(NULL, sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	out = fopen(argv[optind + 1], "wb");
	if (img == MAP_FAILED || !out) {
		fprintf(stderr, "mkcloop: cannot map input or create output\n");
		return 1;
	}
	ret = cloop_build(img, sb.st_size, &opts, emit_file, out, &st);
	if (fclose(out) && !ret)
		ret = -EIO;
	if (ret) {
		fprintf(stderr, "mkcloop: %s\n", strerror(-ret));
		unlink(argv[optind + 1]);
		return 1;
	}
	printf("%u blocks of %u bytes (%u stored), %llu -> %llu bytes (%.1f%%)\n",
	       st.num_blocks, opts.block_size, st.stored_blocks,
	       (unsigned long long)sb.st_size, (unsigned long long)st.out_bytes,
	       100.0 * st.out_bytes / sb.st_size);
	return 0;
}
