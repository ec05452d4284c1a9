// SPDX-License-Identifier: GPL-2.0
/*
 * Power off, restart and halt, through whatever the board registered.
 * Self-test runs end through semihosting so QEMU exits with the result.
 */
#include <kernel/reboot.h>
#include <kernel/printk.h>
#include <asm/irqflags.h>
#include <asm/barrier.h>
#include <asm/semihosting.h>

static const struct power_ops *power_ops;
bool selftest_mode;

void register_power_ops(const struct power_ops *ops)
{
	if (!power_ops)
		power_ops = ops;
}

__noreturn void machine_halt(void)
{
	local_irq_disable();
	for (;;)
		wfi();
}

__noreturn void machine_poweroff(void)
{
	pr_notice("Power down");
	if (power_ops && power_ops->poweroff)
		power_ops->poweroff();
	pr_emerg("poweroff: no way to power off; halting");
	machine_halt();
}

__noreturn void machine_restart(void)
{
	pr_notice("Restarting system");
	if (power_ops && power_ops->restart)
		power_ops->restart();
	pr_emerg("restart: no way to restart; halting");
	machine_halt();
}

__noreturn void machine_exit_status(int status)
{
	console_flush();	/* terminal output still queued in a driver */
	semihosting_exit(status);	/* returns when not under semihosting */
	if (status)
		pr_err("exit status %d", status);
	machine_poweroff();
}

/*
 * After a panic: a self-test run (or a panic before any console exists,
 * when nobody can read the screen) ends QEMU with status 2 so that a test
 * runner fails at once; otherwise the machine halts for inspection.
 */
__noreturn void machine_panic_exit(void)
{
	console_flush();
	if (selftest_mode || !console_get())
		semihosting_exit(2);
	machine_halt();
}
