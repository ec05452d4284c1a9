// SPDX-License-Identifier: GPL-2.0
/*
 * CFI NOR flash with the Intel/Sharp command set (CFI primary vendor
 * command sets 0001 and 0003; JEDEC JESD68 for the query structure, Intel
 * "Common Flash Interface" application note AP-646 for the commands):
 * geometry from the CFI query, reads in read-array mode, block erase,
 * word and buffered program, lock/unlock, all with status polling under a
 * deadline.  Chips may be interleaved on the bus (two x16 chips on a
 * 32-bit bank, as on the Versatile Express and QEMU's pflash): commands
 * are replicated to every chip and status is "ready" only when all agree.
 * Each reg window of a "cfi-flash" node is one MTD device (nor0, nor1);
 * its "partitions" child, if any, is read by ofpart.c.
 *
 * Layer: platform driver under the MTD core (include/mtd/mtd.h): it fills
 * a struct mtd_info and its ops.  Locking: one operation at a time (the
 * MTD user serialises), the chip returns to read-array after each.
 * Must not know: partitions' meaning, FTL, filesystems.
 */
#define pr_fmt(fmt) "cfi: " fmt
#include <kernel/platform_device.h>
#include <kernel/of.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/errno.h>
#include <asm/io.h>
#include "cfi.h"

/* Intel/Sharp commands (AP-646, table 4). */
#define CMD_READ_ARRAY		0xff
#define CMD_READ_STATUS		0x70
#define CMD_CLEAR_STATUS	0x50
#define CMD_QUERY		0x98
#define CMD_ERASE_SETUP		0x20
#define CMD_CONFIRM		0xd0
#define CMD_PROGRAM		0x40
#define CMD_BUFFERED_PROGRAM	0xe8
#define CMD_LOCK_SETUP		0x60
#define CMD_LOCK		0x01
#define CMD_UNLOCK		0xd0
#define CMD_AMD_RESET		0xf0

#define SR_READY		0x80
#define SR_ERASE_ERR		0x20
#define SR_PROGRAM_ERR		0x10
#define SR_VPP_LOW		0x08
#define SR_LOCKED		0x02

/* CFI query offsets, in chip-width units (JESD68 tables 1-5). */
#define CFI_QRY			0x10
#define CFI_CMDSET		0x13
#define CFI_SIZE		0x27
#define CFI_BUF_SIZE		0x2a
#define CFI_NR_REGIONS		0x2c
#define CFI_REGION		0x2d

#define ERASE_TIMEOUT_NS	(5 * NSEC_PER_SEC)
#define PROGRAM_TIMEOUT_NS	(100 * NSEC_PER_MSEC)

static u32 bus_read(struct cfi_chip *c, u64 ofs)
{
	void *a = c->base + ofs;

	switch (c->bank_width) {
	case 1: return readb(a);
	case 2: return readw(a);
	default: return readl(a);
	}
}

static void bus_write(struct cfi_chip *c, u64 ofs, u32 v)
{
	void *a = c->base + ofs;

	switch (c->bank_width) {
	case 1: writeb((u8)v, a); break;
	case 2: writew((u16)v, a); break;
	default: writel(v, a); break;
	}
}

/* @x sent to every chip of the bank at once. */
static u32 replicate(struct cfi_chip *c, u32 x)
{
	u32 v = 0;

	for (u32 i = 0; i < c->interleave; i++)
		v |= x << (i * 8 * (c->bank_width / c->interleave));
	return v;
}

static void cfi_cmd(struct cfi_chip *c, u64 ofs, u8 cmd)
{
	bus_write(c, ofs, replicate(c, cmd));
}

/* Byte @idx of the query structure, as chip 0 reports it. */
static u8 query_byte(struct cfi_chip *c, u32 idx)
{
	return (u8)bus_read(c, (u64)idx * c->bank_width);
}

static u16 query_le16(struct cfi_chip *c, u32 idx)
{
	return query_byte(c, idx) | (u16)query_byte(c, idx + 1) << 8;
}

/* Poll status at @ofs until every chip is ready; return its error bits. */
static int cfi_wait(struct cfi_chip *c, u64 ofs, u64 timeout_ns, const char *what)
{
	u64 deadline = ktime_get_ns() + timeout_ns;
	u32 ready = replicate(c, SR_READY), st;

	for (;;) {
		st = bus_read(c, ofs);
		if ((st & ready) == ready)
			break;
		if (ktime_get_ns() > deadline) {
			pr_err("%s: %s at %llx timed out (status %08x)", c->mtd.name, what,
			       ofs, st);
			cfi_cmd(c, ofs, CMD_READ_ARRAY);
			return -ETIMEDOUT;
		}
	}
	cfi_cmd(c, ofs, CMD_CLEAR_STATUS);
	cfi_cmd(c, ofs, CMD_READ_ARRAY);
	if (st & replicate(c, SR_ERASE_ERR | SR_PROGRAM_ERR | SR_VPP_LOW | SR_LOCKED)) {
		pr_err("%s: %s at %llx failed (status %08x%s)", c->mtd.name, what, ofs, st,
		       st & replicate(c, SR_LOCKED) ? ": block locked" : "");
		return -EIO;
	}
	return 0;
}

static int cfi_read(struct mtd_info *mtd, u64 from, size_t len, void *buf)
{
	struct cfi_chip *c = mtd->priv;
	u8 *out = buf;
	u32 bw = c->bank_width;

	/* Device memory wants aligned accesses: whole bus words, then bytes. */
	while (len) {
		u64 word = from & ~(u64)(bw - 1);
		u32 v = bus_read(c, word), skip = (u32)(from - word);
		u32 n = min((u32)len, bw - skip);

		for (u32 i = 0; i < n; i++)
			out[i] = (u8)(v >> (8 * (skip + i)));
		out += n;
		from += n;
		len -= n;
	}
	return 0;
}

static u32 get_word(const u8 *p, u32 bw)
{
	u32 v = 0;

	for (u32 i = 0; i < bw; i++)
		v |= (u32)p[i] << (8 * i);
	return v;
}

static int cfi_program_word(struct cfi_chip *c, u64 ofs, u32 v)
{
	cfi_cmd(c, ofs, CMD_PROGRAM);
	bus_write(c, ofs, v);
	return cfi_wait(c, ofs, PROGRAM_TIMEOUT_NS, "program");
}

/* Program @len bytes (bus words, inside one write buffer) at @ofs. */
static int cfi_program_buffer(struct cfi_chip *c, u64 ofs, const u8 *p, u32 len)
{
	/* The buffer's own aligned address (QEMU's pflash insists, as Linux does). */
	u64 block = ofs & ~(u64)(c->write_buffer - 1);
	u32 ready = replicate(c, SR_READY), words = len / c->bank_width;
	u64 deadline = ktime_get_ns() + PROGRAM_TIMEOUT_NS;

	/* Write-to-buffer, until the chips say a buffer is free (XSR.7). */
	for (;;) {
		cfi_cmd(c, block, CMD_BUFFERED_PROGRAM);
		if ((bus_read(c, block) & ready) == ready)
			break;
		if (ktime_get_ns() > deadline) {
			cfi_cmd(c, block, CMD_READ_ARRAY);
			return -ETIMEDOUT;
		}
	}
	bus_write(c, block, replicate(c, words - 1));
	for (u32 i = 0; i < words; i++)
		bus_write(c, ofs + i * c->bank_width, get_word(p + i * c->bank_width,
							       c->bank_width));
	cfi_cmd(c, block, CMD_CONFIRM);
	return cfi_wait(c, block, PROGRAM_TIMEOUT_NS, "buffered program");
}

static int cfi_write(struct mtd_info *mtd, u64 to, size_t len, const void *buf)
{
	struct cfi_chip *c = mtd->priv;
	const u8 *p = buf;
	int err = 0;

	/* The core checked: @to and @len are multiples of writesize (bank width). */
	while (len && !err) {
		u32 n;

		if (c->write_buffer) {
			u64 end = (to | (c->write_buffer - 1)) + 1;	/* buffer boundary */

			n = (u32)min((u64)len, end - to);
			err = cfi_program_buffer(c, to, p, n);
		} else {
			n = c->bank_width;
			err = cfi_program_word(c, to, get_word(p, n));
		}
		to += n;
		p += n;
		len -= n;
	}
	return err;
}

static int cfi_erase(struct mtd_info *mtd, u64 addr)
{
	struct cfi_chip *c = mtd->priv;

	cfi_cmd(c, addr, CMD_CLEAR_STATUS);
	cfi_cmd(c, addr, CMD_ERASE_SETUP);
	cfi_cmd(c, addr, CMD_CONFIRM);
	return cfi_wait(c, addr, ERASE_TIMEOUT_NS, "erase");
}

static int cfi_block_isbad(struct mtd_info *mtd, u64 ofs)
{
	return 0;	/* NOR has no factory bad blocks */
}

static int cfi_block_markbad(struct mtd_info *mtd, u64 ofs)
{
	return -EIO;	/* and no place to record one */
}

static const struct mtd_ops cfi_ops = {
	.read = cfi_read,
	.write = cfi_write,
	.erase = cfi_erase,
	.block_isbad = cfi_block_isbad,
	.block_markbad = cfi_block_markbad,
};

struct cfi_chip *cfi_chip_of(struct mtd_info *mtd)
{
	while (mtd && mtd->parent)	/* a partition: its master */
		mtd = mtd->parent;
	return mtd && mtd->ops == &cfi_ops ? mtd->priv : NULL;
}

int cfi_lock(struct cfi_chip *c, u64 block, bool lock)
{
	if (block >= c->mtd.size || (block & (c->mtd.erasesize - 1)))
		return -EINVAL;
	cfi_cmd(c, block, CMD_CLEAR_STATUS);
	cfi_cmd(c, block, CMD_LOCK_SETUP);
	cfi_cmd(c, block, lock ? CMD_LOCK : CMD_UNLOCK);
	/* A lock operation's status has no error bit of its own to ignore. */
	cfi_cmd(c, block, CMD_READ_STATUS);
	return cfi_wait(c, block, ERASE_TIMEOUT_NS, lock ? "lock" : "unlock");
}

/* Find how many chips share the bus: the one whose replicated query reads "QRY". */
static int cfi_probe_interleave(struct cfi_chip *c)
{
	for (u32 il = 1; il <= c->bank_width; il *= 2) {
		c->interleave = il;
		cfi_cmd(c, 0, CMD_AMD_RESET);
		cfi_cmd(c, 0, CMD_READ_ARRAY);
		cfi_cmd(c, 0x55 * c->bank_width, CMD_QUERY);
		if (bus_read(c, CFI_QRY * c->bank_width) == replicate(c, 'Q') &&
		    bus_read(c, (CFI_QRY + 1) * c->bank_width) == replicate(c, 'R') &&
		    bus_read(c, (CFI_QRY + 2) * c->bank_width) == replicate(c, 'Y'))
			return 0;
	}
	cfi_cmd(c, 0, CMD_READ_ARRAY);
	return -ENODEV;
}

/* Geometry from the query; the chip is left in query mode by the caller. */
static int cfi_read_geometry(struct cfi_chip *c, u64 window)
{
	u16 cmdset = query_le16(c, CFI_CMDSET);
	u8 size_shift = query_byte(c, CFI_SIZE), buf_shift = query_byte(c, CFI_BUF_SIZE);
	u8 regions = query_byte(c, CFI_NR_REGIONS);
	u32 blocks, block_size;

	if (cmdset != 0x0001 && cmdset != 0x0003) {
		pr_err("command set %04x is not Intel/Sharp", cmdset);
		return -ENODEV;
	}
	if (regions != 1) {
		pr_err("%u erase regions: only uniform chips are supported", regions);
		return -EINVAL;
	}
	blocks = query_le16(c, CFI_REGION) + 1u;
	block_size = query_le16(c, CFI_REGION + 2) * 256u;
	if (size_shift < 10 || size_shift > 30 || !block_size ||
	    (block_size & (block_size - 1)) ||
	    (u64)blocks * block_size != 1ull << size_shift) {
		pr_err("query makes no sense: 2^%u bytes, %u blocks of %u", size_shift,
		       blocks, block_size);
		return -EINVAL;
	}
	c->mtd.size = (1ull << size_shift) * c->interleave;
	c->mtd.erasesize = block_size * c->interleave;
	c->write_buffer = buf_shift && buf_shift < 16 ? (1u << buf_shift) * c->interleave : 0;
	if (c->write_buffer > c->mtd.erasesize)
		c->write_buffer = 0;
	if (c->mtd.size > window) {
		pr_err("chip of %llu bytes larger than its window (%llu)", c->mtd.size, window);
		return -EINVAL;
	}
	return 0;
}

static int next_index;		/* nor0, nor1 ... */

static int cfi_probe_window(struct platform_device *pdev, int index, u32 bank_width)
{
	struct cfi_chip *c = devm_kzalloc(&pdev->dev, sizeof(*c));
	int err;

	if (!c)
		return -ENOMEM;
	c->bank_width = bank_width;
	c->base = devm_platform_ioremap(pdev, index);
	if (!c->base)
		return -ENOMEM;
	snprintf(c->name, sizeof(c->name), "nor%d", next_index);
	c->mtd.name = c->name;
	err = cfi_probe_interleave(c);
	if (err) {
		dev_err(&pdev->dev, "window %d: no CFI flash answers the query", index);
		return err;
	}
	err = cfi_read_geometry(c, pdev->reg[index].size);
	cfi_cmd(c, 0, CMD_READ_ARRAY);
	if (err)
		return err;
	c->mtd.type = MTD_NORFLASH;
	c->mtd.writesize = bank_width;
	c->mtd.ops = &cfi_ops;
	c->mtd.priv = c;
	err = mtd_device_register(&c->mtd, &pdev->dev, false);
	if (err)
		return err;
	next_index++;
	if (index == 0)		/* a DT partition table describes the first bank */
		of_mtd_parse_partitions(&c->mtd, &pdev->dev, pdev->dev.of_node);
	dev_info(&pdev->dev, "%s: %llu MiB at %08llx, %u x%u chip(s), %u KiB blocks%s",
		 c->name, c->mtd.size >> 20, pdev->reg[index].start, c->interleave,
		 8 * bank_width / c->interleave, c->mtd.erasesize >> 10,
		 c->write_buffer ? ", buffered program" : "");
	return 0;
}

static int cfi_flash_probe(struct platform_device *pdev)
{
	u32 bank_width;
	int err, found = 0;

	if (of_read_u32(pdev->dev.of_node, "bank-width", &bank_width) ||
	    (bank_width != 1 && bank_width != 2 && bank_width != 4)) {
		dev_err(&pdev->dev, "missing or bad bank-width");
		return -EINVAL;
	}
	for (int i = 0; i < pdev->num_reg; i++) {
		err = cfi_probe_window(pdev, i, bank_width);
		if (err == -ENOMEM)
			return err;
		if (!err)
			found++;
	}
	return found ? 0 : -ENODEV;
}

static void cfi_flash_remove(struct platform_device *pdev)
{
	mtd_device_unregister_all(&pdev->dev);
}

static const struct of_device_id cfi_ids[] = { { "cfi-flash" }, {} };
static struct platform_driver cfi_driver = {
	.probe = cfi_flash_probe,
	.remove = cfi_flash_remove,
	.driver = { .name = "cfi-flash", .of_match_table = cfi_ids },
};
module_platform_driver(cfi_driver);
