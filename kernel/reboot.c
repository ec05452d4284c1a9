// SPDX-License-Identifier: GPL-2.0
/*
 * Power off, restart and halt, through whatever the board registered.
 * Self-test runs end through semihosting so QEMU exits with the result.
 *
 * A power hook returning does not mean it failed: the board (QEMU's
 * main loop, a PMIC) acts a moment after the request, so we wait a
 * second, as Linux does, before saying that nothing happened.
 */
#include <kernel/reboot.h>
#include <kernel/printk.h>
#include <asm/irqflags.h>
#include <asm/barrier.h>
#include <asm/semihosting.h>
#include <kernel/time.h>

/* How long the board may take to act on a power-off or reset request. */
#define POWER_ACT_MS	1000

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

/*
 * Call @hook (NULL: the board registered none), give the board time to
 * act on it, then halt: it did not.  @tag and @verb name the request in
 * the messages ("poweroff", "power off").
 */
static __noreturn void power_request(void (*hook)(void), const char *tag, const char *verb)
{
	local_irq_disable();
	if (!hook) {
		pr_emerg("%s: no way to %s; halting", tag, verb);
		machine_halt();
	}
	hook();
	mdelay(POWER_ACT_MS);
	pr_emerg("%s: %s did not %s; halting", tag, power_ops->name, verb);
	machine_halt();
}

__noreturn void machine_poweroff(void)
{
	pr_notice("Power down");
	power_request(power_ops ? power_ops->poweroff : NULL, "poweroff", "power off");
}

__noreturn void machine_restart(void)
{
	pr_notice("Restarting system");
	power_request(power_ops ? power_ops->restart : NULL, "restart", "restart");
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
