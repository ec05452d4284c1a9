/* SPDX-License-Identifier: GPL-2.0 */
/* Local (this CPU) interrupt masking. */
#ifndef ASM_IRQFLAGS_H
#define ASM_IRQFLAGS_H

#include <asm/ptrace.h>

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ __volatile__("mrs %0, cpsr" : "=r"(flags) :: "memory");
	return flags;
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	__asm__ __volatile__("cpsid i" ::: "memory", "cc");
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("msr cpsr_c, %0" :: "r"(flags) : "memory", "cc");
}

static inline void arch_local_irq_enable(void)
{
	__asm__ __volatile__("cpsie i" ::: "memory", "cc");
}

static inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("cpsid i" ::: "memory", "cc");
}

static inline bool arch_irqs_disabled_flags(unsigned long flags)
{
	return flags & PSR_I_BIT;
}

#define local_irq_save(f)	((f) = arch_local_irq_save())
#define local_irq_restore(f)	arch_local_irq_restore(f)
#define local_irq_enable()	arch_local_irq_enable()
#define local_irq_disable()	arch_local_irq_disable()
#define irqs_disabled()		arch_irqs_disabled_flags(arch_local_save_flags())

#endif /* ASM_IRQFLAGS_H */
