/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixture shared by the loop_dev and cryptctl suites: each case gets a
 * private context and a fresh ramfs on /tmp/bnt (unmounted afterwards,
 * which also checks that no file stayed referenced), and small helpers to
 * make backing files and look at them.
 */
#ifndef DRIVERS_BLOCK_TESTS_NODES_HELPERS_H
#define DRIVERS_BLOCK_TESTS_NODES_HELPERS_H

#include <kernel/ktest.h>
#include <fs/vfs.h>

#define BNT "/tmp/bnt"

struct bnt_fixture {
	struct vfs_ctx *ctx;
};

int bnt_init(struct ktest *t);
void bnt_exit(struct ktest *t);

static inline struct vfs_ctx *bnt_ctx(struct ktest *t)
{
	return ((struct bnt_fixture *)t->priv)->ctx;
}

/* The byte at offset @pos of a file made by bnt_make_file() with @seed. */
static inline u8 bnt_pattern(u64 pos, u8 seed)
{
	return (u8)(pos * 7 + pos / 509 + seed);
}

/* Create @path of @size bytes of bnt_pattern(@seed) (0xff: all zero). */
int bnt_make_file(struct vfs_ctx *ctx, const char *path, u64 size, u8 seed);
/* Whether @len bytes of @buf are bnt_pattern(@seed) from offset @pos. */
bool bnt_is_pattern(const u8 *buf, size_t len, u64 pos, u8 seed);
/* CRC-32 of the whole of @path (or 0 and a logged error). */
u32 bnt_file_crc(struct vfs_ctx *ctx, const char *path);
/* Open @path in @ctx as a struct file, or NULL (logged). */
struct file *bnt_filp(struct ktest *t, const char *path, int flags);

#endif
