// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark runner: the table of cases, the name filter, BENCH output
 * lines, and the helpers every case shares (per-operation arithmetic,
 * pinned threads, the cost of a timestamp).
 *
 * Layer: above the scheduler, the allocators and the interrupt core, which
 * it only uses through their public headers.  It runs in the thread that
 * calls bench_run() (init at boot, or the shell), one case at a time, and
 * raises that thread above every benchmark thread while it runs.
 *
 * Output, one line per result, for scripts/bench.py:
 *   BENCH name=context_switch value=215.3 unit=ns_per_op target=250
 * then "BENCH done cases=N failed=M".
 */
#include "bench_internal.h"
#include <kernel/bench.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/shell.h>

static const struct bench_case *const bench_cases[] = {
	&bench_ktime,
	&bench_sem_give_take,
	&bench_kmalloc_kfree,
	&bench_page_alloc_free,
	&bench_context_switch,
	&bench_wake_preempt,
	&bench_sem_to_thread,
	&bench_msg_to_thread,
	&bench_irq_to_isr,
	&bench_irq_to_thread,
	&bench_irq_to_thread_wake,
	&bench_tm_basic,
	&bench_tm_coop,
	&bench_tm_preempt,
	&bench_tm_irq,
	&bench_tm_irq_preempt,
	&bench_tm_message,
	&bench_tm_sync,
	&bench_tm_memory,
	&bench_cloop_initrd,
	&bench_xts_aes256,
};

u64 bench_ktime_cost_x10;

/**
 * bench_report() - print one result as a BENCH line
 * @name: result name, unique over all cases
 * @value_x10: the value in tenths (123.4 is 1234)
 * @unit: "ns", "ns_per_op", "ops_per_10ms", ...
 * @target: upper bound the value should meet, in whole units; 0: none
 */
void bench_report(const char *name, u64 value_x10, const char *unit, u32 target)
{
	char tgt[24] = "";

	if (target)
		snprintf(tgt, sizeof(tgt), " target=%u", target);
	console_printf("BENCH name=%s value=%llu.%llu unit=%s%s\n", name,
		       value_x10 / 10, value_x10 % 10, unit, tgt);
}

/**
 * bench_per_op_x10() - time per operation in tenths, rounded
 * @ns: total time
 * @ops: operations in it
 * Return: @ns / @ops * 10, or 0 when @ops is 0.
 */
u64 bench_per_op_x10(u64 ns, u64 ops)
{
	return ops ? (ns * 10 + ops / 2) / ops : 0;
}

/**
 * bench_thread() - create a thread pinned to this CPU and start it
 * @fn: its body   @arg: its argument   @prio: its priority   @name: its name
 *
 * It runs once the caller (the runner, more urgent) blocks.
 * Return: the thread, to be joined with kthread_join(), or an ERR_PTR.
 */
struct thread *bench_thread(int (*fn)(void *), void *arg, int prio, const char *name)
{
	struct thread *t = kthread_create(fn, arg, prio, name);

	if (IS_ERR(t))
		return t;
	/* Cannot fail for this CPU; unpinned, the numbers would only be noisier. */
	if (thread_set_affinity(t, 1u << smp_processor_id()))
		pr_warn("bench: %s is not pinned to CPU %u", name, smp_processor_id());
	kthread_start(t);
	return t;
}

/* Is @name in the comma-separated @filter ("" selects everything)? */
static bool selected(const char *filter, const char *name)
{
	size_t len = strlen(name);
	const char *p = filter;

	if (!*filter)
		return true;
	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == len && !strncmp(p, name, n))
			return true;
		if (!end)
			break;
		p = end + 1;
	}
	return false;
}

/*
 * Two timestamps in a row, averaged: what one ktime_get_ns() adds to the
 * difference of two (the phase against the 10 ns clock drifts, so the
 * mean converges).
 */
static void measure_ktime_cost(void)
{
	u64 sum = 0;

	for (int i = 0; i < BENCH_ITERS; i++) {
		u64 t0 = ktime_get_ns();

		sum += ktime_get_ns() - t0;
	}
	bench_ktime_cost_x10 = bench_per_op_x10(sum, BENCH_ITERS);
}

/**
 * bench_run() - run the benchmarks, printing a BENCH line per result
 * @filter: "" for all, or "name1,name2" (case names as `bench list` shows)
 *
 * Runs in the calling thread, which it raises to the most urgent priority
 * while the cases run.  Sleeps.
 *
 * Return: the number of cases that failed (could not set up or measure),
 * or -ENOENT when @filter names no case.
 */
int bench_run(const char *filter)
{
	struct thread *self = current;
	int prio = self->base_prio;
	int ran = 0, failed = 0;

	thread_set_priority(self, BENCH_PRIO_RUNNER);
	measure_ktime_cost();
	console_printf("# bench: ktime_get_ns costs %llu.%llu ns; subtracted once from "
		       "each timestamp difference\n", bench_ktime_cost_x10 / 10,
		       bench_ktime_cost_x10 % 10);
	for (size_t i = 0; i < ARRAY_SIZE(bench_cases); i++) {
		const struct bench_case *c = bench_cases[i];
		int err;

		if (!selected(filter, c->name))
			continue;
		console_printf("# bench: %s: %s\n", c->name, c->desc);
		err = c->run();
		ran++;
		if (err) {
			console_printf("BENCH name=%s error=%d\n", c->name, err);
			failed++;
		}
	}
	thread_set_priority(self, prio);
	console_printf("BENCH done cases=%d failed=%d\n", ran, failed);
	return ran ? failed : -ENOENT;
}

static int cmd_bench(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "list")) {
		for (size_t i = 0; i < ARRAY_SIZE(bench_cases); i++)
			console_printf("%-20s %s\n", bench_cases[i]->name, bench_cases[i]->desc);
		return 0;
	}
	return bench_run(argc > 1 ? argv[1] : "") ? 1 : 0;
}
SHELL_COMMAND("bench", "bench [list | name,name...]: run benchmarks", cmd_bench);
