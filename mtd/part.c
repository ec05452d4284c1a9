// SPDX-License-Identifier: GPL-2.0
/*
 * MTD partitions: a window [offset, offset + size) of a parent device seen
 * as a device of its own.  Offsets are shifted and forwarded; ECC results
 * are counted on both the partition (by the core) and the parent.
 *
 * Layer: mtd.  Locking: none (as the core).  Allocates nothing: the caller
 * owns the struct mtd_info.  Must not know where the layout came from (the
 * device tree, a tool's options).
 */
#define pr_fmt(fmt) "mtdpart: " fmt
#include <port/port.h>
#include <mtd/mtd.h>

static int part_read(struct mtd_info *mtd, u64 from, size_t len, void *buf)
{
	return mtd_read(mtd->parent, mtd->offset + from, len, buf);
}

static int part_write(struct mtd_info *mtd, u64 to, size_t len, const void *buf)
{
	return mtd_write(mtd->parent, mtd->offset + to, len, buf);
}

static int part_erase(struct mtd_info *mtd, u64 addr)
{
	return mtd_erase(mtd->parent, mtd->offset + addr);
}

static int part_isbad(struct mtd_info *mtd, u64 ofs)
{
	return mtd_block_isbad(mtd->parent, mtd->offset + ofs);
}

static int part_markbad(struct mtd_info *mtd, u64 ofs)
{
	return mtd_block_markbad(mtd->parent, mtd->offset + ofs);
}

static const struct mtd_ops part_ops = {
	.read = part_read,
	.write = part_write,
	.erase = part_erase,
	.block_isbad = part_isbad,
	.block_markbad = part_markbad,
};

/**
 * mtd_part_init() - make @part a partition of @parent
 * @part: filled in here
 * @parent: master device
 * @name: partition name
 * @offset: start, multiple of the parent's erasesize
 * @size: length, multiple of erasesize; 0 = to the end
 *
 * Return: 0 or -EINVAL.
 */
int mtd_part_init(struct mtd_info *part, struct mtd_info *parent,
		  const char *name, u64 offset, u64 size)
{
	if (offset > parent->size || offset % parent->erasesize) {
		pr_err("%s: offset %llu misaligned or past the end\n", name,
		       (unsigned long long)offset);
		return -EINVAL;
	}
	if (!size)
		size = parent->size - offset;
	if (size % parent->erasesize || size > parent->size - offset) {
		pr_err("%s: size %llu misaligned or too big\n", name,
		       (unsigned long long)size);
		return -EINVAL;
	}
	memset(part, 0, sizeof(*part));
	part->type = parent->type;
	part->name = name;
	part->size = size;
	part->erasesize = parent->erasesize;
	part->writesize = parent->writesize;
	part->oobsize = parent->oobsize;
	part->ops = &part_ops;
	part->parent = parent;
	part->offset = offset;
	return 0;
}
