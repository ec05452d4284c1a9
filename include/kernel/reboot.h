/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Power control.  Board drivers (vexpress system registers, PSCI...)
 * register the hooks; with none registered we halt the CPU.
 */
#ifndef KERNEL_REBOOT_H
#define KERNEL_REBOOT_H

#include <kernel/compiler.h>

struct power_ops {
	const char *name;
	void (*poweroff)(void);
	void (*restart)(void);
};

void register_power_ops(const struct power_ops *ops);
__noreturn void machine_poweroff(void);
__noreturn void machine_restart(void);
__noreturn void machine_halt(void);

/**
 * machine_exit_status() - end the run with an exit status (self-tests)
 * Under QEMU with semihosting the status becomes QEMU's exit status;
 * otherwise this powers off.
 */
__noreturn void machine_exit_status(int status);

/* After a panic: exit status 2 under self-test, else halt. */
__noreturn void machine_panic_exit(void);

extern bool selftest_mode;

#endif /* KERNEL_REBOOT_H */
