// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: a whole cloop image (header, index, blocks).  Opens it
 * and reads every block; any result is fine, a crash or an out-of-bounds
 * access (ASan) is the bug.
 */
#include <port/port.h>
#include <block/cloop.h>
#include <block/memblk.h>

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct cloop_config cfg = { .cache_blocks = 2 };
	struct cloop_dev *cl;
	struct cloop_info info;
	size_t len = ALIGN_UP(size, (size_t)512);
	struct memblk mb;
	u8 *img, *buf;
	u32 i;

	if (size == 0 || size > (1 << 20))
		return 0;
	img = calloc(1, len);
	if (!img)
		return 0;
	memcpy(img, data, size);
	if (memblk_init(&mb, img, len, 512, true) || cloop_open(&mb.bio, &cfg, &cl))
		goto out_free;
	cloop_get_info(cl, &info);
	buf = malloc(info.block_size);
	for (i = 0; buf && i < info.num_blocks && i < 256; i++)
		cloop_read(cl, (u64)i * info.block_size, buf, info.block_size);
	free(buf);
	cloop_close(cl);
out_free:
	free(img);
	return 0;
}
