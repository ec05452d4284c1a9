// SPDX-License-Identifier: GPL-2.0
/*
 * panic() and warnings.  A panic is for broken kernel invariants only: it
 * prints the reason and a backtrace, then stops the machine (or, when the
 * self-tests are running, powers QEMU off with a failure status so that a
 * test run ends at once instead of at its timeout).
 */
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <kernel/reboot.h>
#include <kernel/string.h>
#include <asm/irqflags.h>
#include <asm/stacktrace.h>
#include <asm/barrier.h>

static int panicking;

bool panic_in_progress(void)
{
	return READ_ONCE(panicking) != 0;
}

__noreturn void panic(const char *fmt, ...)
{
	char reason[256];
	va_list ap;

	local_irq_disable();
	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	if (panicking++) {	/* a panic while panicking: stop right here */
		early_emergency_write("recursive panic\n");
		machine_halt();
	}
	if (!console_get())
		early_emergency_write(reason);
	pr_emerg("Kernel panic - not syncing: %s", reason);
	dump_stack();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---", reason);
	machine_panic_exit();
}

void warn_slowpath(const char *file, int line, const char *cond)
{
	pr_warn("WARNING: at %s:%d: %s", file, line, cond);
	dump_stack();
}
