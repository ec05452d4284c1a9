// SPDX-License-Identifier: GPL-2.0
/*
 * Versatile Express motherboard system registers (V2M-P1 TRM, 4.3 "System
 * configuration"): power-off and reset through SYS_CFGCTRL, which QEMU's
 * model also honours (shutdown = function 8, reboot = function 9, site 0).
 */
#define pr_fmt(fmt) "vexpress-sysreg: " fmt
#include <kernel/of.h>
#include <kernel/reboot.h>
#include <kernel/printk.h>
#include <kernel/errno.h>
#include <asm/io.h>

#define SYS_CFGDATA	0xa0
#define SYS_CFGCTRL	0xa4
#define SYS_CFGSTAT	0xa8
#define CFG_START	(1u << 31)
#define CFG_WRITE	(1u << 30)
#define CFG_FUNC(f)	((u32)(f) << 20)
#define FUNC_SHUTDOWN	8
#define FUNC_REBOOT	9

static void *sysreg;

#define CFGSTAT_COMPLETE	(1u << 0)
#define CFGSTAT_ERROR		(1u << 1)

/*
 * Start a configuration write and wait for "complete".  The power-off or
 * reset itself follows a moment later (machine_poweroff() waits for it).
 */
static void sysreg_cfg(u32 func)
{
	u32 stat = 0;

	writel(0, sysreg + SYS_CFGSTAT);
	writel(0, sysreg + SYS_CFGDATA);
	writel(CFG_START | CFG_WRITE | CFG_FUNC(func), sysreg + SYS_CFGCTRL);
	for (int i = 0; i < 1000000; i++) {	/* the board acts within microseconds */
		stat = readl(sysreg + SYS_CFGSTAT);
		if (stat & CFGSTAT_COMPLETE)
			break;
	}
	if (stat & CFGSTAT_ERROR)
		pr_emerg("function %u refused by the board", func);
	else if (!(stat & CFGSTAT_COMPLETE))
		pr_emerg("function %u never completed", func);
}

static void vexpress_poweroff(void)
{
	sysreg_cfg(FUNC_SHUTDOWN);
}

static void vexpress_restart(void)
{
	sysreg_cfg(FUNC_REBOOT);
}

static const struct power_ops vexpress_power = {
	.name = "vexpress-sysreg",
	.poweroff = vexpress_poweroff,
	.restart = vexpress_restart,
};

static int sysreg_probe(int node)
{
	u64 base, size;
	int err = of_address(node, 0, &base, &size);

	if (err)
		return err;
	sysreg = ioremap((phys_addr_t)base, (size_t)size);
	if (!sysreg)
		return -ENOMEM;
	register_power_ops(&vexpress_power);
	return 0;
}

static const char *const sysreg_compat[] = { "arm,vexpress-sysreg", NULL };
static const struct dt_driver sysreg_driver = {
	.name = "vexpress-sysreg", .stage = DT_STAGE_PLATFORM,
	.compatible = sysreg_compat, .probe = sysreg_probe,
};
DT_DRIVER(sysreg_driver);
