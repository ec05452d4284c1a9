/* SPDX-License-Identifier: GPL-2.0 */
/* drivers/mtd private: one CFI NOR bank (one reg window of a cfi-flash node). */
#ifndef DRIVERS_MTD_CFI_H
#define DRIVERS_MTD_CFI_H

#include <kernel/types.h>
#include <mtd/mtd_device.h>

struct cfi_chip {
	struct mtd_info mtd;		/* priv = this */
	void *base;
	u32 bank_width;			/* bytes on the bus: 1, 2, 4 */
	u32 interleave;			/* chips side by side on the bus */
	u32 write_buffer;		/* bytes per buffered program (0: none) */
	char name[8];			/* nor0, nor1 ... */
};

/**
 * cfi_lock() - lock or unlock the erase block at @block
 * Return: 0, -EINVAL for an address that is not a block start, -EIO or
 * -ETIMEDOUT from the chip.
 */
int cfi_lock(struct cfi_chip *c, u64 block, bool lock);

/** cfi_chip_of() - the CFI chip behind @mtd, or NULL if it is not one. */
struct cfi_chip *cfi_chip_of(struct mtd_info *mtd);

#endif /* DRIVERS_MTD_CFI_H */
