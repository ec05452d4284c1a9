// SPDX-License-Identifier: GPL-2.0
/*
 * Thread-Metric tests of plain processing and of scheduling, written from
 * the suite's published description:
 *   tm_basic    one thread does simple arithmetic over a 1024-word array
 *               and counts passes: the baseline, what is left of the CPU
 *               after the tick and the reporter
 *   tm_coop     five threads of equal priority each count and yield;
 *               an operation is one yield (a switch to the next thread)
 *   tm_preempt  five threads of five priorities in a resume chain: the
 *               least urgent resumes the next more urgent one, which
 *               resumes the next, ...; each counts and suspends itself,
 *               and the chain unwinds back down; an operation is one
 *               thread's turn (one resume and one suspend)
 */
#include "tm.h"

#define TM_ARRAY_WORDS	1024

static u32 tm_array[TM_ARRAY_WORDS];

static int tm_basic_fn(void *index)
{
	int me = (int)(long)index;

	while (!tm_stop) {
		u32 pass = tm_counter[me];

		for (int i = 0; i < TM_ARRAY_WORDS; i++)
			tm_array[i] = (tm_array[i] + (u32)i) ^ pass;
		tm_counter[me] = pass + 1;
	}
	return 0;
}

static const struct tm_test tm_basic = {
	.name = "tm_basic",
	.nr_threads = 1,
	.fn = { tm_basic_fn },
	.prio = { BENCH_PRIO_TM },
	.count_mask = 0x1,
};

static int run_tm_basic(void)
{
	return tm_run(&tm_basic);
}

const struct bench_case bench_tm_basic = {
	.name = "tm_basic",
	.desc = "Thread-Metric basic processing: 1024-word array passes",
	.run = run_tm_basic,
};

static int tm_coop_fn(void *index)
{
	int me = (int)(long)index;

	while (!tm_stop) {
		tm_counter[me]++;
		yield();
	}
	return 0;
}

static const struct tm_test tm_coop = {
	.name = "tm_coop",
	.nr_threads = 5,
	.fn = { tm_coop_fn, tm_coop_fn, tm_coop_fn, tm_coop_fn, tm_coop_fn },
	.prio = { BENCH_PRIO_TM, BENCH_PRIO_TM, BENCH_PRIO_TM, BENCH_PRIO_TM,
		  BENCH_PRIO_TM },
	.count_mask = 0x1f,
};

static int run_tm_coop(void)
{
	return tm_run(&tm_coop);
}

const struct bench_case bench_tm_coop = {
	.name = "tm_coop",
	.desc = "Thread-Metric cooperative scheduling: 5 equal threads yield",
	.run = run_tm_coop,
};

/* Thread 0 is the most urgent; thread 4 starts each round of the chain. */
static int tm_chain_fn(void *index)
{
	int me = (int)(long)index;

	for (;;) {
		bench_suspend(&tm_stop);
		if (tm_stop)
			break;
		if (me > 0)
			bench_resume(tm_threads[me - 1]);
		tm_counter[me]++;
	}
	return 0;
}

static int tm_chain_start_fn(void *index)
{
	int me = (int)(long)index;

	while (!tm_stop) {
		bench_resume(tm_threads[me - 1]);
		tm_counter[me]++;
	}
	return 0;
}

static const struct tm_test tm_preempt = {
	.name = "tm_preempt",
	.nr_threads = 5,
	.fn = { tm_chain_fn, tm_chain_fn, tm_chain_fn, tm_chain_fn, tm_chain_start_fn },
	.prio = { BENCH_PRIO_TM, BENCH_PRIO_TM + 1, BENCH_PRIO_TM + 2,
		  BENCH_PRIO_TM + 3, BENCH_PRIO_TM + 4 },
	.count_mask = 0x1f,
};

static int run_tm_preempt(void)
{
	return tm_run(&tm_preempt);
}

const struct bench_case bench_tm_preempt = {
	.name = "tm_preempt",
	.desc = "Thread-Metric preemptive scheduling: 5-priority resume chain",
	.run = run_tm_preempt,
};
