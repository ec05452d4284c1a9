/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Benchmarks (kernel/bench/): `bench` or `bench=name1,name2` on the
 * command line runs them after the initcalls and powers off; the shell has
 * a `bench` command.  Output is one "BENCH name=... value=... unit=..."
 * line per result, read by scripts/bench.py (`make bench`).
 */
#ifndef KERNEL_BENCH_H
#define KERNEL_BENCH_H

#include <kernel/errno.h>

#ifdef CONFIG_BENCH
int bench_run(const char *filter);
#else
static inline int bench_run(const char *filter)
{
	return -ENOSYS;
}
#endif

#endif /* KERNEL_BENCH_H */
