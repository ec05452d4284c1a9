/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ASM_BARRIER_H
#define ASM_BARRIER_H

#define isb()	__asm__ __volatile__("isb" ::: "memory")
#define dsb()	__asm__ __volatile__("dsb sy" ::: "memory")
#define dmb()	__asm__ __volatile__("dmb ish" ::: "memory")
#define mb()	dsb()
#define rmb()	dsb()
#define wmb()	dsb()
#define smp_mb()	dmb()
#define smp_rmb()	dmb()
#define smp_wmb()	dmb()
#define wfi()	__asm__ __volatile__("wfi" ::: "memory")
#define wfe()	__asm__ __volatile__("wfe" ::: "memory")
#define cpu_relax()	__asm__ __volatile__("yield" ::: "memory")
#define sev()	__asm__ __volatile__("sev" ::: "memory")

#endif /* ASM_BARRIER_H */
