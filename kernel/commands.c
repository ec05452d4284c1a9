// SPDX-License-Identifier: GPL-2.0
/*
 * The basic console commands: dmesg, meminfo, uptime, version, irqs,
 * reboot, poweroff, selftest.
 */
#include <kernel/shell.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/slab.h>
#include <kernel/time.h>
#include <kernel/irq.h>
#include <kernel/version.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/memblock.h>

static void print_chunk(const char *s, size_t len, void *arg)
{
	(void)arg;
	console_write(s, len);
}

static int cmd_dmesg(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	log_buf_for_each(print_chunk, NULL);
	return 0;
}
SHELL_COMMAND("dmesg", "print the kernel log", cmd_dmesg);

static int cmd_meminfo(int argc, char **argv)
{
	struct heap_stats st;

	(void)argc;
	(void)argv;
	heap_get_stats(&st);
	console_printf("MemTotal:      %8llu kB\n", memblock_total() >> 10);
	console_printf("Reserved:      %8llu kB\n", memblock_reserved_total() >> 10);
	console_printf("HeapTotal:     %8zu kB\n", st.total >> 10);
	console_printf("HeapUsed:      %8zu kB\n", st.used >> 10);
	console_printf("HeapFree:      %8zu kB\n", (st.total - st.used) >> 10);
	console_printf("HeapAllocs:    %8zu\n", st.allocs);
	console_printf("HeapFailures:  %8zu\n", st.failures);
	return 0;
}
SHELL_COMMAND("meminfo", "memory usage", cmd_meminfo);

static int cmd_uptime(int argc, char **argv)
{
	u64 ns = ktime_get_ns();

	(void)argc;
	(void)argv;
	console_printf("up %llu.%03llu s, %llu ticks at %u Hz\n", ns / NSEC_PER_SEC,
		       (ns % NSEC_PER_SEC) / NSEC_PER_MSEC, jiffies, tick_rate_hz());
	return 0;
}
SHELL_COMMAND("uptime", "time since boot", cmd_uptime);

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	console_printf("%s\n", kernel_banner);
	return 0;
}
SHELL_COMMAND("version", "kernel version", cmd_version);

static int cmd_irqs(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	for (unsigned int i = 0; i < NR_IRQS; i++) {
		struct irq_stat st;

		irq_get_stat(i, &st);
		if (st.name || st.count)
			console_printf("%4u: %10llu  %s\n", i, st.count, st.name ? st.name : "-");
	}
	return 0;
}
SHELL_COMMAND("irqs", "interrupt counts", cmd_irqs);

static int cmd_reboot(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	machine_restart();
}
SHELL_COMMAND("reboot", "restart the machine", cmd_reboot);

static int cmd_poweroff(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	machine_poweroff();
}
SHELL_COMMAND("poweroff", "power the machine off", cmd_poweroff);

int selftest_run(const char *filter);

static int cmd_selftest(int argc, char **argv)
{
	return selftest_run(argc > 1 ? argv[1] : "");
}
SHELL_COMMAND("selftest", "run self-tests: selftest [suite,suite...]", cmd_selftest);
