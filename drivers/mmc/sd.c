// SPDX-License-Identifier: GPL-2.0
/*
 * SD memory cards (SD Physical Layer Simplified Specification 9.00):
 * identification (CMD0, CMD8, ACMD41, CMD2, CMD3), the CSD for capacity
 * (versions 1.0 and 2.0), selection (CMD7) and block transfers (CMD17/18,
 * CMD24/25 with CMD12), offered as the block device mmcblkN.  Every card
 * reply is checked: a nonsense CSD or a card that never leaves busy is
 * an error for this slot only.
 *
 * Layer: drivers/mmc core, between a host driver and the block layer.
 * Locking: card->lock (a mutex) serialises command sequences: submit is
 * process context and completes the request before it returns.
 */
#define pr_fmt(fmt) "mmc: " fmt
#include <kernel/slab.h>
#include <kernel/time.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/mutex.h>
#include "mmc.h"

#define SD_GO_IDLE		0
#define SD_ALL_SEND_CID		2
#define SD_SEND_RELATIVE_ADDR	3
#define SD_SELECT_CARD		7
#define SD_SEND_IF_COND		8
#define SD_SEND_CSD		9
#define SD_STOP_TRANSMISSION	12
#define SD_SET_BLOCKLEN		16
#define SD_READ_SINGLE		17
#define SD_READ_MULTIPLE	18
#define SD_WRITE_SINGLE		24
#define SD_WRITE_MULTIPLE	25
#define SD_APP_CMD		55
#define SD_APP_OP_COND		41	/* after CMD55 */

#define OCR_BUSY		(1u << 31)	/* set when power-up is done */
#define OCR_CCS			(1u << 30)	/* high capacity: block addressing */
#define OCR_VDD_32_34		(3u << 20)
#define IF_COND_CHECK		0x1aa		/* 2.7-3.6 V, check pattern 0xaa */

#define SD_INIT_TIMEOUT_NS	(1000 * NSEC_PER_MSEC)
#define SD_BLOCK		512

struct sd_card {
	struct mmc_host *host;
	struct mutex lock;		/* one command sequence at a time */
	u32 rca;
	bool block_addressing;
	struct block_device bdev;
};

static int next_index;		/* mmcblk0, mmcblk1 ... */

static int sd_cmd(struct mmc_host *host, u32 opcode, u32 arg, u32 flags, u32 *resp)
{
	struct mmc_cmd cmd = { .opcode = opcode, .arg = arg, .flags = flags };
	int err = host->ops->request(host, &cmd, NULL);

	if (!err && resp)
		memcpy(resp, cmd.resp, sizeof(cmd.resp));
	return err;
}

/* Bits [start + size - 1 : start] of a 128-bit register (resp[0] = 127:96). */
static u32 bits128(const u32 *r, int start, int size)
{
	int word = 3 - start / 32, shift = start % 32;
	u64 v = r[word] >> shift;

	if (shift + size > 32 && word > 0)
		v |= (u64)r[word - 1] << (32 - shift);
	return (u32)(v & ((1ull << size) - 1));
}

static int sd_capacity(struct sd_card *card, const u32 *csd, u64 *sectors)
{
	u32 structure = bits128(csd, 126, 2);

	if (structure == 0) {		/* CSD 1.0: standard capacity */
		u32 c_size = bits128(csd, 62, 12), mult = bits128(csd, 47, 3);
		u32 bl_len = bits128(csd, 80, 4);

		if (bl_len < 9 || bl_len > 11)
			return -EINVAL;
		*sectors = ((u64)(c_size + 1) << (mult + 2)) << (bl_len - 9);
		return 0;
	}
	if (structure == 1) {		/* CSD 2.0: SDHC/SDXC, 512 KiB units */
		*sectors = ((u64)bits128(csd, 48, 22) + 1) * 1024;
		return 0;
	}
	return -EINVAL;
}

/* ACMD41 until the card reports power-up done; sets block addressing. */
static int sd_power_up(struct sd_card *card, bool v2)
{
	struct mmc_host *host = card->host;
	u64 deadline = ktime_get_ns() + SD_INIT_TIMEOUT_NS;
	u32 resp[4];
	int err;

	for (;;) {
		err = sd_cmd(host, SD_APP_CMD, 0, MMC_RSP_R1, NULL);
		if (err)
			return err;
		err = sd_cmd(host, SD_APP_OP_COND, OCR_VDD_32_34 | (v2 ? OCR_CCS : 0),
			     MMC_RSP_R3, resp);
		if (err)
			return err;
		if (resp[0] & OCR_BUSY)
			break;
		if (ktime_get_ns() > deadline)
			return -ETIMEDOUT;
		udelay(1000);	/* the spec's polling interval is up to 50 ms */
	}
	card->block_addressing = v2 && (resp[0] & OCR_CCS);
	return 0;
}

static int sd_identify(struct sd_card *card, u64 *sectors)
{
	struct mmc_host *host = card->host;
	u32 resp[4];
	bool v2;
	int err;

	sd_cmd(host, SD_GO_IDLE, 0, MMC_RSP_NONE, NULL);
	err = sd_cmd(host, SD_SEND_IF_COND, IF_COND_CHECK, MMC_RSP_R7, resp);
	v2 = !err;
	if (v2 && (resp[0] & 0xfff) != IF_COND_CHECK) {
		dev_err(host->dev, "card echoed %03x to CMD8: unusable", resp[0] & 0xfff);
		return -EINVAL;
	}
	err = sd_power_up(card, v2);
	if (err)
		return err == -ETIMEDOUT && !v2 ? -ENODEV : err;
	err = sd_cmd(host, SD_ALL_SEND_CID, 0, MMC_RSP_R2, NULL);
	if (err)
		return err;
	err = sd_cmd(host, SD_SEND_RELATIVE_ADDR, 0, MMC_RSP_R6, resp);
	if (err)
		return err;
	card->rca = resp[0] >> 16;
	err = sd_cmd(host, SD_SEND_CSD, card->rca << 16, MMC_RSP_R2, resp);
	if (err)
		return err;
	err = sd_capacity(card, resp, sectors);
	if (err) {
		dev_err(host->dev, "CSD %08x %08x %08x %08x makes no sense", resp[0],
			resp[1], resp[2], resp[3]);
		return err;
	}
	err = sd_cmd(host, SD_SELECT_CARD, card->rca << 16, MMC_RSP_R1, NULL);
	if (err)
		return err;
	if (!card->block_addressing)
		err = sd_cmd(host, SD_SET_BLOCKLEN, SD_BLOCK, MMC_RSP_R1, NULL);
	return err;
}

static int sd_transfer(struct sd_card *card, struct request *rq)
{
	struct mmc_host *host = card->host;
	bool write = rq->op == REQ_OP_WRITE, multi = rq->count > 1;
	struct mmc_data data = { rq->buf, rq->count, SD_BLOCK, write };
	struct mmc_cmd cmd = {
		.opcode = write ? (multi ? SD_WRITE_MULTIPLE : SD_WRITE_SINGLE) :
				  (multi ? SD_READ_MULTIPLE : SD_READ_SINGLE),
		.arg = (u32)(card->block_addressing ? rq->sector : rq->sector * SD_BLOCK),
		.flags = MMC_RSP_R1,
	};
	int err = host->ops->request(host, &cmd, &data);

	if (multi) {
		int stop = sd_cmd(host, SD_STOP_TRANSMISSION, 0, MMC_RSP_R1, NULL);

		if (!err)
			err = stop;
	}
	return err;
}

static int sd_submit(struct block_device *bdev, struct request *rq)
{
	struct sd_card *card = bdev->priv;
	int err = 0;

	if (rq->op != REQ_OP_FLUSH) {	/* SD cards have no volatile cache */
		mutex_lock(&card->lock);
		err = sd_transfer(card, rq);
		mutex_unlock(&card->lock);
	}
	if (err)
		dev_err(&bdev->dev, "%s of %u sectors at %llu failed: %d",
			rq->op == REQ_OP_WRITE ? "write" : "read", rq->count, rq->sector, err);
	blk_end_request(rq, err);
	return 0;
}

static const struct block_device_ops sd_ops = { .submit = sd_submit };

int mmc_add_host(struct mmc_host *host)
{
	struct sd_card *card = kzalloc(sizeof(*card), GFP_KERNEL);
	char name[16];
	u64 sectors;
	int err;

	if (!card)
		return -ENOMEM;
	card->host = host;
	mutex_init(&card->lock);
	err = sd_identify(card, &sectors);
	if (err == -ENODEV || err == -ETIMEDOUT) {
		dev_info(host->dev, "no card");
		err = -ENODEV;
		goto out_free;
	}
	if (err)
		goto out_free;
	if (host->ops->set_clock)
		host->ops->set_clock(host, host->f_max);
	card->bdev.sector_size = SD_BLOCK;
	card->bdev.nr_sectors = sectors;
	card->bdev.ops = &sd_ops;
	card->bdev.priv = card;
	snprintf(name, sizeof(name), "mmcblk%d", next_index);
	err = blk_register(&card->bdev, host->dev, name);
	if (err)
		goto out_free;
	next_index++;
	host->card = card;
	dev_info(host->dev, "SD%s card, RCA %04x", card->block_addressing ? "HC" : "SC",
		 card->rca);
	return 0;

out_free:
	kfree(card);
	return err;
}

void mmc_remove_host(struct mmc_host *host)
{
	struct sd_card *card = host->card;

	if (!card)
		return;
	blk_unregister(&card->bdev);
	host->card = NULL;
	/* A whole disk is the driver's memory: blk_unregister() has dropped the
	 * last reference (its partitions went first), so it can go now. */
	kfree(card);
}
