// SPDX-License-Identifier: GPL-2.0
/*
 * cloop-extract: decompress a cloop v4 image (through the same reader the
 * kernel uses, drivers/block/cloop.c), or print its geometry with -i.
 *
 *	cloop-extract [-i] IMAGE [OUTPUT]
 */
#include <port/port.h>
#include <block/cloop.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	bool info_only = argc > 1 && strcmp(argv[1], "-i") == 0;
	struct cloop_config cfg = { .cache_blocks = 2 };
	struct cloop_dev *cl;
	struct cloop_info info;
	struct blkio file;
	u64 pos, size;
	char *buf;
	FILE *out;
	int ret;

	argv += info_only;
	argc -= info_only;
	if (argc != (info_only ? 2 : 3)) {
		fprintf(stderr, "usage: cloop-extract [-i] IMAGE [OUTPUT]\n");
		return 2;
	}
	ret = blkio_file_open(&file, argv[1], 512, true);
	if (!ret)
		ret = cloop_open(&file, &cfg, &cl);
	if (ret) {
		fprintf(stderr, "cloop-extract: %s: %s\n", argv[1], strerror(-ret));
		return 1;
	}
	cloop_get_info(cl, &info);
	size = (u64)info.block_size * info.num_blocks;
	if (info_only) {
		printf("layout %s\nblock_size %u\nnum_blocks %u\nsize %llu\n",
		       info.footer ? "footer" : "header-first", info.block_size,
		       info.num_blocks, (unsigned long long)size);
		return 0;
	}
	out = fopen(argv[2], "wb");
	buf = malloc(info.block_size);
	if (!out || !buf)
		return 1;
	for (pos = 0; pos < size && !ret; pos += info.block_size) {
		ret = cloop_read(cl, pos, buf, info.block_size);
		if (!ret && fwrite(buf, 1, info.block_size, out) != info.block_size)
			ret = -EIO;
	}
	if (fclose(out) && !ret)
		ret = -EIO;
	if (ret)
		fprintf(stderr, "cloop-extract: at byte %llu: %s\n",
			(unsigned long long)pos, strerror(-ret));
	free(buf);
	cloop_close(cl);
	blkio_file_close(&file);
	return ret ? 1 : 0;
}
