// SPDX-License-Identifier: GPL-2.0
/*
 * ARM SP804 dual-input timer (ARM DDI 0271): timer 1 runs free as a
 * 32-bit down-counter (a spare clocksource), timer 2 gives one-shot
 * interrupts on request.  Bound through the device model from "arm,sp804"
 * nodes; the input clock comes from the DT (the timer's first clock).
 * The PrimeCell ID is checked before anything is programmed.
 *
 * Layer: platform driver.  Locking: timer 2 is programmed by one caller
 * at a time; the interrupt handler only acknowledges and counts.
 */
#define pr_fmt(fmt) "sp804: " fmt
#include <kernel/platform_device.h>
#include <kernel/errno.h>
#include <asm/io.h>
#include "sp804.h"

#define TIMER1		0x00
#define TIMER2		0x20
#define T_LOAD		0x00
#define T_VALUE		0x04
#define T_CONTROL	0x08
#define T_INTCLR	0x0c
#define T_MIS		0x14
#define SP804_PERIPHID0	0xfe0

#define CTRL_ONESHOT	(1 << 0)
#define CTRL_32BIT	(1 << 1)
#define CTRL_IE		(1 << 5)
#define CTRL_PERIODIC	(1 << 6)
#define CTRL_ENABLE	(1 << 7)

u32 sp804_counter(struct sp804 *t)
{
	return readl(t->base + TIMER1 + T_VALUE);
}

int sp804_oneshot(struct sp804 *t, u32 us)
{
	u64 ticks = (u64)us * t->rate / 1000000;

	if (!ticks || ticks > 0xffffffffull)
		return -EINVAL;
	writel(0, t->base + TIMER2 + T_CONTROL);
	writel(1, t->base + TIMER2 + T_INTCLR);
	writel((u32)ticks, t->base + TIMER2 + T_LOAD);
	writel(CTRL_ENABLE | CTRL_32BIT | CTRL_ONESHOT | CTRL_IE, t->base + TIMER2 + T_CONTROL);
	return 0;
}

static enum irq_return sp804_interrupt(int irq, void *data)
{
	struct sp804 *t = data;

	if (!readl(t->base + TIMER2 + T_MIS))
		return IRQ_NONE;	/* the line may be shared with timer 1 */
	writel(1, t->base + TIMER2 + T_INTCLR);
	t->fired++;
	return IRQ_HANDLED;
}

static int sp804_probe(struct platform_device *pdev)
{
	struct sp804 *t = devm_kzalloc(&pdev->dev, sizeof(*t));
	u32 part;
	int err;

	if (!t)
		return -ENOMEM;
	t->base = devm_platform_ioremap(pdev, 0);
	if (!t->base)
		return -ENOMEM;
	part = (readl(t->base + SP804_PERIPHID0) & 0xff) |
	       ((readl(t->base + SP804_PERIPHID0 + 4) & 0xf) << 8);
	if (part != 0x804) {
		dev_err(&pdev->dev, "peripheral ID %03x is not an SP804", part);
		return -ENODEV;
	}
	err = platform_clock_rate(pdev, 0, &t->rate);
	if (err || !t->rate) {
		dev_err(&pdev->dev, "no fixed input clock in the DT (%d)", err);
		return err ? err : -EINVAL;
	}
	err = platform_get_irq(pdev, 0, &t->irq);
	if (err)
		return err;
	writel(0, t->base + TIMER1 + T_CONTROL);
	writel(0, t->base + TIMER2 + T_CONTROL);
	writel(1, t->base + TIMER2 + T_INTCLR);
	err = devm_request_irq(&pdev->dev, t->irq, sp804_interrupt, "sp804", t);
	if (err)
		return err;
	writel(0xffffffff, t->base + TIMER1 + T_LOAD);
	writel(CTRL_ENABLE | CTRL_32BIT, t->base + TIMER1 + T_CONTROL);	/* free running */
	platform_set_drvdata(pdev, t);
	dev_info(&pdev->dev, "SP804 at %08llx, %u Hz, irq %u", pdev->reg[0].start, t->rate,
		 t->irq);
	return 0;
}

static void sp804_remove(struct platform_device *pdev)
{
	struct sp804 *t = platform_get_drvdata(pdev);

	writel(0, t->base + TIMER1 + T_CONTROL);
	writel(0, t->base + TIMER2 + T_CONTROL);
}

static const struct of_device_id sp804_ids[] = { { "arm,sp804" }, {} };
static struct platform_driver sp804_driver = {
	.probe = sp804_probe,
	.remove = sp804_remove,
	.driver = { .name = "sp804", .of_match_table = sp804_ids },
};
module_platform_driver(sp804_driver);
