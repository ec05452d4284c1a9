/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU bring-up hooks: per-CPU hardware (banked timer registers, the
 * interrupt controller's CPU interface) is set up by the CPU itself when it
 * starts; drivers register what to run there.
 */
#ifndef KERNEL_CPU_H
#define KERNEL_CPU_H

struct cpu_hook {
	const char *name;
	void (*starting)(int cpu);	/* on the starting CPU, IRQs off */
	struct cpu_hook *next;
};

void register_cpu_starting(struct cpu_hook *hook);
void run_cpu_starting_hooks(int cpu);

/* How a board starts its secondary CPUs (DT enable-method). */
struct smp_ops {
	const char *enable_method;
	int (*prepare)(void);			/* once, before the first CPU */
	int (*boot_secondary)(int cpu, unsigned long entry_phys);
	struct smp_ops *next;
};

void register_smp_ops(struct smp_ops *ops);

#endif
