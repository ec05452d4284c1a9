// SPDX-License-Identifier: GPL-2.0
/*
 * CFI NOR self-tests on the board's flash (QEMU pflash): geometry from
 * the query, erase, buffered and word program, byte-granular reads,
 * lock/unlock, range checks through the MTD core, DT partitions.  They
 * work in a scratch area: the "ktest" partition when the DT has one
 * (vexpress-a9), else the last 4 MiB of the last NOR bank (QEMU virt,
 * whose DT has no partitions).
 *
 * "cfi_persist" is the reboot-persistence scenario's half in the kernel
 * (tests/qemu/cfi-persist.sh): cfi_persist=write programs a pattern in
 * the scratch area's last block, cfi_persist=verify checks it on the next
 * boot with the same backing file.  Without the parameter it skips.
 */
#include <kernel/ktest.h>
#include <kernel/cmdline.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <mtd/mtd_device.h>
#include "../cfi.h"

#define SCRATCH		(4u << 20)
#define PERSIST_MAGIC	"ktest-cfi-persist"

struct scratch {
	struct mtd_info *mtd;
	u64 base;		/* first byte of the scratch area on @mtd */
};

static bool find_scratch(struct scratch *s)
{
	char name[8];

	s->mtd = mtd_find("ktest");
	s->base = 0;
	if (s->mtd)
		return true;
	for (int i = 7; i >= 0 && !s->mtd; i--) {
		snprintf(name, sizeof(name), "nor%d", i);
		s->mtd = mtd_find(name);
	}
	if (!s->mtd || s->mtd->size < SCRATCH)
		return false;
	s->base = s->mtd->size - SCRATCH;
	return true;
}

static int cfi_init(struct ktest *t)
{
	struct scratch *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	t->priv = s;
	if (!find_scratch(s))
		s->mtd = NULL;
	return 0;
}

static void cfi_exit(struct ktest *t)
{
	kfree(t->priv);
}

static struct scratch *scratch_or_skip(struct ktest *t)
{
	struct scratch *s = t->priv;

	if (!s->mtd) {
		ktest_skip(t, "no CFI flash with a scratch area");
		return NULL;
	}
	return s;
}

static bool all_ff(const u8 *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != 0xff)
			return false;
	return true;
}

static void cfi_geometry(struct ktest *t)
{
	struct scratch *s = scratch_or_skip(t);
	struct cfi_chip *c;

	if (!s)
		return;
	c = cfi_chip_of(s->mtd);
	KASSERT_NOT_NULL(t, c);
	KEXPECT_EQ(t, s->mtd->type, MTD_NORFLASH);
	KEXPECT_EQ(t, s->mtd->erasesize & (s->mtd->erasesize - 1), 0);
	KEXPECT_EQ(t, s->mtd->size % s->mtd->erasesize, 0);
	KEXPECT_EQ(t, s->mtd->writesize, c->bank_width);
	KEXPECT_EQ(t, c->mtd.size % (1u << 20), 0);
	ktest_log(t, "%s: %llu MiB, %u KiB blocks, %u chip(s), %u-byte write buffer",
		  c->name, c->mtd.size >> 20, s->mtd->erasesize >> 10, c->interleave,
		  c->write_buffer);
}

static void cfi_erase_program_read(struct ktest *t)
{
	struct scratch *s = scratch_or_skip(t);
	u32 len = 5000, bs;	/* spans two write buffers */
	u8 *w, *r;
	u64 blk;

	if (!s)
		return;
	bs = s->mtd->erasesize;
	blk = s->base;
	w = kmalloc(bs, GFP_KERNEL);
	r = kmalloc(bs, GFP_KERNEL);
	KASSERT_TRUE(t, w && r);
	KASSERT_EQ(t, mtd_erase(s->mtd, blk), 0);
	KASSERT_EQ(t, mtd_read(s->mtd, blk, bs, r), 0);
	KEXPECT_TRUE(t, all_ff(r, bs));
	for (u32 i = 0; i < len; i++)
		w[i] = (u8)(i * 13 + 7);
	/* Start off a buffer boundary so a program spans two buffers. */
	KEXPECT_EQ(t, mtd_write(s->mtd, blk + 60, len, w), 0);
	KEXPECT_EQ(t, mtd_read(s->mtd, blk + 60, len, r), 0);
	KEXPECT_MEMEQ(t, r, w, len);
	KEXPECT_EQ(t, mtd_read(s->mtd, blk, 60, r), 0);
	KEXPECT_TRUE(t, all_ff(r, 60));		/* nothing spilled before */
	KEXPECT_EQ(t, mtd_read(s->mtd, blk + 60 + len, 64, r), 0);
	KEXPECT_TRUE(t, all_ff(r, 64));		/* nor after */
	/* Byte-granular reads at odd offsets. */
	KEXPECT_EQ(t, mtd_read(s->mtd, blk + 61, 5, r), 0);
	KEXPECT_MEMEQ(t, r, w + 1, 5);
	/* Erase again: all ones. */
	KEXPECT_EQ(t, mtd_erase(s->mtd, blk), 0);
	KEXPECT_EQ(t, mtd_read(s->mtd, blk + 60, len, r), 0);
	KEXPECT_TRUE(t, all_ff(r, len));
	kfree(w);
	kfree(r);
}

static void cfi_word_program(struct ktest *t)
{
	struct scratch *s = scratch_or_skip(t);
	struct cfi_chip *c;
	u8 w[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, r[8];
	u32 saved;
	u64 blk;

	if (!s)
		return;
	c = cfi_chip_of(s->mtd);
	blk = s->base + s->mtd->erasesize;
	KASSERT_EQ(t, mtd_erase(s->mtd, blk), 0);
	saved = c->write_buffer;
	c->write_buffer = 0;		/* force single-word programming */
	KEXPECT_EQ(t, mtd_write(s->mtd, blk + 8, c->bank_width, w), 0);
	c->write_buffer = saved;
	KEXPECT_EQ(t, mtd_read(s->mtd, blk + 8, c->bank_width, r), 0);
	KEXPECT_MEMEQ(t, r, w, c->bank_width);
	/* The core refuses what a NOR cannot do. */
	KEXPECT_EQ(t, mtd_write(s->mtd, blk + 1, c->bank_width, w), -EINVAL);
	KEXPECT_EQ(t, mtd_erase(s->mtd, blk + 512), -EINVAL);
	KEXPECT_EQ(t, mtd_read(s->mtd, s->mtd->size, 1, r), -EINVAL);
}

static void cfi_lock_unlock(struct ktest *t)
{
	struct scratch *s = scratch_or_skip(t);
	struct cfi_chip *c;
	u64 blk;

	if (!s)
		return;
	c = cfi_chip_of(s->mtd);
	blk = (s->mtd->parent ? s->mtd->offset : 0) + s->base + 2 * s->mtd->erasesize;
	KEXPECT_EQ(t, cfi_lock(c, blk, true), 0);
	KEXPECT_EQ(t, cfi_lock(c, blk, false), 0);
	KEXPECT_EQ(t, cfi_lock(c, blk + 4, true), -EINVAL);
	/* Unlocked again: erase works. */
	KEXPECT_EQ(t, mtd_erase(&c->mtd, blk), 0);
}

static void cfi_dt_partitions(struct ktest *t)
{
	struct mtd_info *data = mtd_find("data"), *kt = mtd_find("ktest");

	if (!data || !kt) {
		ktest_skip(t, "this board's DT has no fixed-partitions");
		return;
	}
	KEXPECT_TRUE(t, data->parent == kt->parent);
	KEXPECT_UEQ(t, data->offset, 0);
	KEXPECT_UEQ(t, kt->offset, data->size);
	KEXPECT_UEQ(t, data->size + kt->size, kt->parent->size);
	KEXPECT_EQ(t, data->erasesize, kt->parent->erasesize);
}

static struct ktest_case cfi_cases[] = {
	KTEST_CASE(cfi_geometry),
	KTEST_CASE(cfi_erase_program_read),
	KTEST_CASE(cfi_word_program),
	KTEST_CASE(cfi_lock_unlock),
	KTEST_CASE(cfi_dt_partitions),
	{}
};

static struct ktest_suite cfi_suite = {
	.name = "cfi",
	.cases = cfi_cases,
	.init = cfi_init,
	.exit = cfi_exit,
};
KTEST_SUITE(cfi_suite);

/* --- persistence across a reboot ---------------------------------------- */

static void persist_pattern(u8 *buf, u32 len)
{
	memset(buf, 0, len);
	memcpy(buf, PERSIST_MAGIC, sizeof(PERSIST_MAGIC));
	for (u32 i = 64; i < len; i++)
		buf[i] = (u8)(i ^ (i >> 8));
}

static void cfi_persist(struct ktest *t)
{
	const char *mode = cmdline_get("cfi_persist");
	struct scratch *s = scratch_or_skip(t);
	u32 len = 4096;
	u8 *w, *r;
	u64 blk;

	if (!s)
		return;
	if (!mode || (strcmp(mode, "write") && strcmp(mode, "verify"))) {
		ktest_skip(t, "cfi_persist=write|verify not on the command line");
		return;
	}
	blk = s->base + SCRATCH - s->mtd->erasesize;
	w = kmalloc(len, GFP_KERNEL);
	r = kmalloc(len, GFP_KERNEL);
	KASSERT_TRUE(t, w && r);
	persist_pattern(w, len);
	if (!strcmp(mode, "write")) {
		KEXPECT_EQ(t, mtd_erase(s->mtd, blk), 0);
		KEXPECT_EQ(t, mtd_write(s->mtd, blk, len, w), 0);
	}
	KEXPECT_EQ(t, mtd_read(s->mtd, blk, len, r), 0);
	KEXPECT_MEMEQ(t, r, w, len);
	ktest_log(t, "%s: pattern at %s+%llx", mode, s->mtd->name, blk);
	kfree(w);
	kfree(r);
}

static struct ktest_case cfi_persist_cases[] = {
	KTEST_CASE(cfi_persist),
	{}
};

static struct ktest_suite cfi_persist_suite = {
	.name = "cfi_persist",
	.cases = cfi_persist_cases,
	.init = cfi_init,
	.exit = cfi_exit,
};
KTEST_SUITE(cfi_persist_suite);
