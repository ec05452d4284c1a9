// SPDX-License-Identifier: GPL-2.0
/*
 * ARM PrimeCell RTC PL031 (ARM DDI 0224): a 32-bit seconds counter.
 * RTCDR reads the time, RTCLR loads it, RTCCR bit 0 starts the counter.
 * The PrimeCell peripheral ID is checked first, so a node pointing at
 * something else is refused instead of read as a clock.
 *
 * Layer: platform driver under the RTC class.  Locking: none needed
 * (single-register reads and writes).
 */
#define pr_fmt(fmt) "pl031: " fmt
#include <kernel/platform_device.h>
#include <kernel/rtc.h>
#include <kernel/errno.h>
#include <asm/io.h>

#define RTC_DR		0x00
#define RTC_LR		0x08
#define RTC_CR		0x0c
#define RTC_CR_START	(1 << 0)
#define RTC_PERIPHID0	0xfe0

struct pl031 {
	struct rtc_device rtc;
	void *base;
};

static int pl031_read_time(struct rtc_device *rtc, u64 *secs)
{
	struct pl031 *p = rtc->priv;

	*secs = readl(p->base + RTC_DR);
	return 0;
}

static int pl031_set_time(struct rtc_device *rtc, u64 secs)
{
	struct pl031 *p = rtc->priv;

	if (secs > 0xffffffffull)
		return -ERANGE;		/* the counter is 32 bits wide (2106) */
	writel((u32)secs, p->base + RTC_LR);
	return 0;
}

static const struct rtc_ops pl031_ops = {
	.read_time = pl031_read_time,
	.set_time = pl031_set_time,
};

/* PrimeCell part number 0x031, designer ARM (PL031 TRM 3.3.9). */
static bool pl031_id_ok(void *base)
{
	u32 part = (readl(base + RTC_PERIPHID0) & 0xff) |
		   ((readl(base + RTC_PERIPHID0 + 4) & 0xf) << 8);

	return part == 0x031;
}

static void pl031_rtc_release(struct device *dev)
{
	/* Embedded in the devm-allocated struct pl031. */
}

static int pl031_probe(struct platform_device *pdev)
{
	struct pl031 *p = devm_kzalloc(&pdev->dev, sizeof(*p));
	u64 now;
	int err;

	if (!p)
		return -ENOMEM;
	p->base = devm_platform_ioremap(pdev, 0);
	if (!p->base)
		return -ENOMEM;
	if (!pl031_id_ok(p->base)) {
		dev_err(&pdev->dev, "peripheral ID is not a PL031");
		return -ENODEV;
	}
	if (!(readl(p->base + RTC_CR) & RTC_CR_START))
		writel(RTC_CR_START, p->base + RTC_CR);
	p->rtc.ops = &pl031_ops;
	p->rtc.priv = p;
	p->rtc.dev.release = pl031_rtc_release;
	err = rtc_register(&p->rtc, &pdev->dev);
	if (err)
		return err;
	platform_set_drvdata(pdev, p);
	pl031_read_time(&p->rtc, &now);
	dev_info(&p->rtc.dev, "PL031 at %08llx, %llu s since the epoch",
		 pdev->reg[0].start, now);
	return 0;
}

static void pl031_remove(struct platform_device *pdev)
{
	struct pl031 *p = platform_get_drvdata(pdev);

	rtc_unregister(&p->rtc);
}

static const struct of_device_id pl031_ids[] = { { "arm,pl031" }, {} };
static struct platform_driver pl031_driver = {
	.probe = pl031_probe,
	.remove = pl031_remove,
	.driver = { .name = "rtc-pl031", .of_match_table = pl031_ids },
};
module_platform_driver(pl031_driver);
