/* SPDX-License-Identifier: GPL-2.0 */
/*
 * drivers/mmc private interface between a host controller driver (mmci.c)
 * and the SD card layer (sd.c): one request = a command and, optionally,
 * a data transfer of whole blocks.
 */
#ifndef DRIVERS_MMC_MMC_H
#define DRIVERS_MMC_MMC_H

#include <kernel/device.h>
#include <block/blkdev.h>

#define MMC_RSP_PRESENT	(1 << 0)
#define MMC_RSP_136	(1 << 1)	/* long (R2) */
#define MMC_RSP_CRC	(1 << 2)	/* the response carries a valid CRC */

#define MMC_RSP_NONE	0
#define MMC_RSP_R1	(MMC_RSP_PRESENT | MMC_RSP_CRC)
#define MMC_RSP_R2	(MMC_RSP_PRESENT | MMC_RSP_136 | MMC_RSP_CRC)
#define MMC_RSP_R3	(MMC_RSP_PRESENT)	/* OCR: no CRC */
#define MMC_RSP_R6	(MMC_RSP_PRESENT | MMC_RSP_CRC)
#define MMC_RSP_R7	(MMC_RSP_PRESENT | MMC_RSP_CRC)

struct mmc_cmd {
	u32 opcode;
	u32 arg;
	u32 flags;		/* MMC_RSP_* */
	u32 resp[4];		/* resp[0] = bits 127:96 of a long response */
};

struct mmc_data {
	void *buf;
	u32 blocks;
	u32 blksz;		/* a power of two */
	bool write;
};

struct mmc_host;

struct mmc_host_ops {
	/*
	 * Run @cmd, then the @data transfer if any (NULL: none).  Return 0;
	 * -ETIMEDOUT when the card does not answer; -EILSEQ on a CRC error;
	 * -EIO on a data error.
	 */
	int (*request)(struct mmc_host *host, struct mmc_cmd *cmd, struct mmc_data *data);
	void (*set_clock)(struct mmc_host *host, u32 hz);
};

struct mmc_host {
	struct device *dev;		/* the controller's device */
	const struct mmc_host_ops *ops;
	void *priv;
	u32 f_max;			/* Hz */
	void *card;			/* sd.c's state */
};

/**
 * mmc_add_host() - identify the card in @host and register its block device
 * Return: 0; -ENODEV with no card (logged at info level); -ETIMEDOUT,
 * -EIO, -EINVAL (a card reply that makes no sense, logged) or -ENOMEM.
 */
int mmc_add_host(struct mmc_host *host);

/** mmc_remove_host() - unregister the card's block device, if any. */
void mmc_remove_host(struct mmc_host *host);

#endif /* DRIVERS_MMC_MMC_H */
