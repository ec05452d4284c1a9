// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/uptime, /proc/version, /proc/cmdline and /proc/threads: time
 * since boot, the kernel banner, the command line the boot loader passed
 * (the device tree's /chosen/bootargs), and a line per kernel thread from
 * thread_snapshot().
 *
 * Layer: procfs entries over kernel/.  Locking: thread_snapshot() copies
 * under the scheduler's locks; nothing is held here.
 */
#include <fs/procfs.h>
#include <kernel/init.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/time.h>
#include <kernel/version.h>
#include <kernel/errno.h>
#include <kernel/of.h>

static int uptime_show(struct seq_buf *s)
{
	u64 ns = ktime_get_ns();

	seq_printf(s, "%llu.%02llu\n", ns / NSEC_PER_SEC, (ns % NSEC_PER_SEC) / (10 * NSEC_PER_MSEC));
	return 0;
}

static int version_show(struct seq_buf *s)
{
	seq_printf(s, "%s\n", kernel_banner);
	return 0;
}

static int cmdline_show(struct seq_buf *s)
{
	const char *args = of_bootargs();

	seq_printf(s, "%s\n", args ? args : "");
	return 0;
}

static const char *const state_names[] = {
	[THREAD_RUNNABLE] = "R", [THREAD_BLOCKED] = "S",
	[THREAD_NEW] = "N", [THREAD_DEAD] = "Z",
};

static int threads_show(struct seq_buf *s)
{
	struct thread_info_snapshot *snap;
	int n, max = 64;

	snap = kcalloc(max, sizeof(*snap), GFP_KERNEL);
	if (!snap)
		return -ENOMEM;
	n = thread_snapshot(snap, max);
	seq_printf(s, "%-16s ST PRI BASE CPU %10s %10s %6s\n", "NAME", "SWITCHES",
		   "RUN_MS", "STACK");
	for (int i = 0; i < n && i < max; i++) {
		const struct thread_info_snapshot *t = &snap[i];

		seq_printf(s, "%-16s %s  %3d %4d %3d %10llu %10llu %6u\n", t->name,
			   t->state < ARRAY_SIZE(state_names) ? state_names[t->state] : "?",
			   t->prio, t->base_prio, t->cpu, t->switches,
			   t->run_ns / NSEC_PER_MSEC, t->stack_used);
	}
	kfree(snap);
	return 0;
}

static struct proc_entry kernel_entries[] = {
	{ .name = "uptime", .show = uptime_show },
	{ .name = "version", .show = version_show },
	{ .name = "cmdline", .show = cmdline_show },
	{ .name = "threads", .show = threads_show },
};

static void proc_kernel_exit(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(kernel_entries); i++)
		if (kernel_entries[i].ino)
			proc_unregister(&kernel_entries[i]);
}

static int proc_kernel_init(void)
{
	int ret;

	for (size_t i = 0; i < ARRAY_SIZE(kernel_entries); i++) {
		ret = proc_register(&kernel_entries[i]);
		if (ret) {
			proc_kernel_exit();
			return ret;
		}
	}
	return 0;
}
initcall_pair(fs, proc_kernel_init, proc_kernel_exit);
