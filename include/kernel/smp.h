/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KERNEL_SMP_H
#define KERNEL_SMP_H

#include <kernel/types.h>

extern u32 cpu_online_mask;

/* Runs @fn(@arg) on @cpu (IRQs off there) and waits for it. */
int smp_call_function_single(int cpu, void (*fn)(void *), void *arg);
u64 smp_ipi_count(void);
/* Brings up the CPUs the DT lists (arch code); returns how many run. */
int smp_boot_secondaries(void);

#endif
