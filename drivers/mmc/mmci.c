// SPDX-License-Identifier: GPL-2.0
/*
 * ARM PrimeCell MultiMedia Card Interface PL180/PL181 (ARM DDI 0172):
 * the host controller.  Commands and data are polled with timeouts (PIO
 * through the FIFO): each status bit that ends a phase is waited for with
 * a deadline, never a fixed delay.  The card protocol is sd.c's.
 *
 * Layer: platform driver, host side of drivers/mmc.  Locking: one request
 * at a time, from the block layer's process context.
 */
#define pr_fmt(fmt) "mmci: " fmt
#include <kernel/platform_device.h>
#include <kernel/time.h>
#include <kernel/errno.h>
#include <asm/io.h>
#include "mmc.h"

#define MCI_POWER	0x00
#define MCI_CLOCK	0x04
#define MCI_ARGUMENT	0x08
#define MCI_COMMAND	0x0c
#define MCI_RESPCMD	0x10
#define MCI_RESPONSE0	0x14
#define MCI_DATATIMER	0x24
#define MCI_DATALENGTH	0x28
#define MCI_DATACTRL	0x2c
#define MCI_STATUS	0x34
#define MCI_CLEAR	0x38
#define MCI_MASK0	0x3c
#define MCI_MASK1	0x40
#define MCI_FIFO	0x80
#define MCI_PERIPHID0	0xfe0

#define MCI_PWR_ON	0x03
#define MCI_CLK_ENABLE	(1 << 8)

#define MCI_CMD_RESPONSE (1 << 6)
#define MCI_CMD_LONGRSP	(1 << 7)
#define MCI_CMD_ENABLE	(1 << 10)

#define MCI_DCTRL_ENABLE (1 << 0)
#define MCI_DCTRL_READ	(1 << 1)	/* card to controller */

#define ST_CMDCRCFAIL	(1 << 0)
#define ST_DATACRCFAIL	(1 << 1)
#define ST_CMDTIMEOUT	(1 << 2)
#define ST_DATATIMEOUT	(1 << 3)
#define ST_TXUNDERRUN	(1 << 4)
#define ST_RXOVERRUN	(1 << 5)
#define ST_CMDRESPEND	(1 << 6)
#define ST_CMDSENT	(1 << 7)
#define ST_DATAEND	(1 << 8)
#define ST_DATABLOCKEND	(1 << 10)
#define ST_TXFIFOFULL	(1 << 16)
#define ST_RXDATAAVLBL	(1 << 21)
#define ST_CLEAR_ALL	0x7ff

#define ST_DATA_ERRORS	(ST_DATACRCFAIL | ST_DATATIMEOUT | ST_TXUNDERRUN | ST_RXOVERRUN)

#define MCI_CMD_TIMEOUT_NS	(100 * NSEC_PER_MSEC)
#define MCI_DATA_TIMEOUT_NS	(1000 * NSEC_PER_MSEC)

struct mmci {
	void *base;
	u32 mclk;		/* the controller's input clock */
	struct mmc_host host;
};

static int mmci_wait(struct mmci *m, u32 bits, u64 timeout_ns, u32 *status)
{
	u64 deadline = ktime_get_ns() + timeout_ns;

	for (;;) {
		*status = readl(m->base + MCI_STATUS);
		if (*status & bits)
			return 0;
		if (ktime_get_ns() > deadline)
			return -ETIMEDOUT;
	}
}

static int mmci_command(struct mmci *m, struct mmc_cmd *cmd)
{
	u32 c = cmd->opcode | MCI_CMD_ENABLE, status, done;
	int err;

	if (cmd->flags & MMC_RSP_PRESENT)
		c |= MCI_CMD_RESPONSE;
	if (cmd->flags & MMC_RSP_136)
		c |= MCI_CMD_LONGRSP;
	writel(ST_CLEAR_ALL, m->base + MCI_CLEAR);
	writel(cmd->arg, m->base + MCI_ARGUMENT);
	writel(c, m->base + MCI_COMMAND);

	done = (cmd->flags & MMC_RSP_PRESENT) ?
	       ST_CMDRESPEND | ST_CMDTIMEOUT | ST_CMDCRCFAIL : ST_CMDSENT;
	err = mmci_wait(m, done, MCI_CMD_TIMEOUT_NS, &status);
	writel(ST_CMDRESPEND | ST_CMDSENT | ST_CMDTIMEOUT | ST_CMDCRCFAIL, m->base + MCI_CLEAR);
	if (err || (status & ST_CMDTIMEOUT))
		return -ETIMEDOUT;
	/* R3 (OCR) has no CRC: the controller flags one, which means nothing. */
	if ((status & ST_CMDCRCFAIL) && (cmd->flags & MMC_RSP_CRC))
		return -EILSEQ;
	for (int i = 0; i < 4; i++)
		cmd->resp[i] = readl(m->base + MCI_RESPONSE0 + 4 * i);
	return 0;
}

static int mmci_pio(struct mmci *m, struct mmc_data *data)
{
	u32 *p = data->buf, words = data->blocks * data->blksz / 4, status;
	u64 deadline = ktime_get_ns() + MCI_DATA_TIMEOUT_NS;

	while (words) {
		status = readl(m->base + MCI_STATUS);
		if (status & ST_DATA_ERRORS)
			return status & (ST_DATACRCFAIL) ? -EILSEQ : -EIO;
		if (!data->write && (status & ST_RXDATAAVLBL)) {
			*p++ = readl(m->base + MCI_FIFO);
			words--;
			continue;
		}
		if (data->write && !(status & ST_TXFIFOFULL)) {
			writel(*p++, m->base + MCI_FIFO);
			words--;
			continue;
		}
		if (ktime_get_ns() > deadline)
			return -ETIMEDOUT;
	}
	if (mmci_wait(m, ST_DATAEND | ST_DATA_ERRORS, MCI_DATA_TIMEOUT_NS, &status))
		return -ETIMEDOUT;
	return (status & ST_DATA_ERRORS) ? -EIO : 0;
}

static int mmci_request(struct mmc_host *host, struct mmc_cmd *cmd, struct mmc_data *data)
{
	struct mmci *m = host->priv;
	int err;

	if (data) {
		u32 len = data->blocks * data->blksz;

		if (!data->blksz || (data->blksz & (data->blksz - 1)) || data->blksz > 2048)
			return -EINVAL;
		writel(0xffffffff, m->base + MCI_DATATIMER);
		writel(len, m->base + MCI_DATALENGTH);
		writel(MCI_DCTRL_ENABLE | (data->write ? 0 : MCI_DCTRL_READ) |
		       ((u32)__builtin_ctz(data->blksz) << 4), m->base + MCI_DATACTRL);
	}
	err = mmci_command(m, cmd);
	if (!err && data)
		err = mmci_pio(m, data);
	if (data)
		writel(0, m->base + MCI_DATACTRL);
	writel(ST_CLEAR_ALL, m->base + MCI_CLEAR);
	return err;
}

static void mmci_set_clock(struct mmc_host *host, u32 hz)
{
	struct mmci *m = host->priv;
	u32 div = 0;

	/* MCICLK = MCLK / (2 * (div + 1)), div 8 bits (PL180 TRM 3.3.2). */
	if (m->mclk && hz && m->mclk > 2 * hz) {
		div = (m->mclk + 2 * hz - 1) / (2 * hz) - 1;
		if (div > 0xff)
			div = 0xff;
	}
	writel(MCI_CLK_ENABLE | div, m->base + MCI_CLOCK);
}

static const struct mmc_host_ops mmci_ops = {
	.request = mmci_request,
	.set_clock = mmci_set_clock,
};

static int mmci_probe(struct platform_device *pdev)
{
	struct mmci *m = devm_kzalloc(&pdev->dev, sizeof(*m));
	u32 part;
	int err;

	if (!m)
		return -ENOMEM;
	m->base = devm_platform_ioremap(pdev, 0);
	if (!m->base)
		return -ENOMEM;
	part = (readl(m->base + MCI_PERIPHID0) & 0xff) |
	       ((readl(m->base + MCI_PERIPHID0 + 4) & 0xf) << 8);
	if (part != 0x180 && part != 0x181) {
		dev_err(&pdev->dev, "peripheral ID %03x is not a PL180/PL181", part);
		return -ENODEV;
	}
	if (platform_clock_rate(pdev, 0, &m->mclk))
		m->mclk = 0;	/* unknown: leave the divider at its minimum */
	writel(0, m->base + MCI_MASK0);		/* polled: no interrupts */
	writel(0, m->base + MCI_MASK1);
	writel(MCI_PWR_ON, m->base + MCI_POWER);
	m->host.dev = &pdev->dev;
	m->host.ops = &mmci_ops;
	m->host.priv = m;
	m->host.f_max = 25000000;
	mmci_set_clock(&m->host, 400000);	/* identification mode */
	platform_set_drvdata(pdev, m);
	err = mmc_add_host(&m->host);
	if (err == -ENODEV)
		return 0;	/* the controller is fine; the slot is empty */
	return err;
}

static void mmci_remove(struct platform_device *pdev)
{
	struct mmci *m = platform_get_drvdata(pdev);

	mmc_remove_host(&m->host);
	writel(0, m->base + MCI_POWER);
}

static const struct of_device_id mmci_ids[] = { { "arm,pl180" }, { "arm,pl181" }, {} };
static struct platform_driver mmci_driver = {
	.probe = mmci_probe,
	.remove = mmci_remove,
	.driver = { .name = "mmci-pl18x", .of_match_table = mmci_ids },
};
module_platform_driver(mmci_driver);
