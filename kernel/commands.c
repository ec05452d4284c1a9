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
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <mm/page_alloc.h>
#include <mm/slab_cache.h>

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

static void print_cache(const struct kmem_cache *c, void *arg)
{
	(void)arg;
	console_printf("%-14s %6u %6u %6u %5u %8llu %8llu\n", c->name, c->object_size,
		       c->stride, c->active, c->nr_slabs, c->allocs, c->frees);
}

static int cmd_meminfo(int argc, char **argv)
{
	struct page_stats ps;
	struct heap_stats hs;

	(void)argc;
	(void)argv;
	page_alloc_get_stats(&ps);
	heap_get_stats(&hs);
	console_printf("MemTotal:       %8llu kB\n", memblock_total() >> 10);
	console_printf("MemManaged:     %8u kB\n", ps.total_pages * 4);
	console_printf("MemFree:        %8u kB\n", ps.free_pages * 4);
	console_printf("Reserved:       %8llu kB\n", memblock_reserved_total() >> 10);
	console_printf("SlabObjects:    %8zu\n", hs.allocs);
	console_printf("AllocFailures:  %8zu\n", hs.failures);
	console_printf("Buddy free blocks by order:");
	for (int k = 0; k <= MAX_ORDER; k++)
		console_printf(" %u", ps.free_blocks[k]);
	console_printf("\n\n%-14s %6s %6s %6s %5s %8s %8s\n", "cache", "objsz", "stride",
		       "active", "slabs", "allocs", "frees");
	kmem_cache_for_each(print_cache, NULL);
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

static const char *state_name(enum thread_state s)
{
	switch (s) {
	case THREAD_RUNNABLE: return "ready";
	case THREAD_BLOCKED: return "blocked";
	case THREAD_NEW: return "new";
	case THREAD_DEAD: return "dead";
	}
	return "?";
}

static int cmd_threads(int argc, char **argv)
{
	static struct thread_info_snapshot snap[64];
	struct sched_stats st;
	int n = thread_snapshot(snap, ARRAY_SIZE(snap));

	(void)argc;
	(void)argv;
	console_printf("%-16s %4s %4s %3s %-8s %10s %12s %11s\n", "name", "prio", "base",
		       "cpu", "state", "switches", "cpu-time-us", "stack-used");
	for (int i = 0; i < n && i < (int)ARRAY_SIZE(snap); i++) {
		struct thread_info_snapshot *s = &snap[i];

		console_printf("%-16s %4d %4d %3d %-8s %10llu %12llu %5u/%5u\n", s->name, s->prio,
			       s->base_prio, s->cpu, s->running ? "running" : state_name(s->state),
			       s->switches, s->run_ns / 1000, s->stack_used, s->stack_size);
	}
	sched_get_stats(&st);
	console_printf("context switches %llu, preemptions %llu, migrations %llu, IPIs %llu\n",
		       st.switches, st.preemptions, st.migrations, smp_ipi_count());
	for (int c = 0; c < NR_CPUS; c++)
		if (st.online[c])
			console_printf("cpu%d: %d runnable\n", c, st.nr_running[c]);
	return 0;
}
SHELL_COMMAND("threads", "threads and scheduler state", cmd_threads);
