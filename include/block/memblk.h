/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblk: a struct blkio over a memory buffer (a RAM disk; the in-memory
 * backend of the portable block tests and fuzzers).
 */
#ifndef BLOCK_MEMBLK_H
#define BLOCK_MEMBLK_H

#include <lib/blkio.h>

struct memblk {
	struct blkio bio;
	u8 *data;
	size_t size;
	bool owned;		/* data was allocated by memblk_create() */
	u64 reads, writes;	/* sector counts, for tests */
};

/**
 * memblk_init() - wrap @size bytes at @data (caller-owned)
 * @mb: filled in
 * @data: the storage; @size must be a multiple of @sector_size
 * @size: bytes
 * @sector_size: power of two >= 512
 * @read_only: refuse writes with -EROFS
 *
 * Return: 0 or -EINVAL.
 */
int memblk_init(struct memblk *mb, void *data, size_t size, u32 sector_size,
		bool read_only);

/**
 * memblk_create() - allocate a zeroed RAM disk of @size bytes
 * Return: 0, -EINVAL or -ENOMEM.  Free with memblk_destroy().
 */
int memblk_create(struct memblk *mb, size_t size, u32 sector_size);
void memblk_destroy(struct memblk *mb);

#endif /* BLOCK_MEMBLK_H */
