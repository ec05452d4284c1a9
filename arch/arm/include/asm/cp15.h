/* SPDX-License-Identifier: GPL-2.0 */
/* CP15 system-control accessors (ARMv7-A ARM, B4.1). */
#ifndef ASM_CP15_H
#define ASM_CP15_H

#include <kernel/types.h>

#define CP15_READ(name, op1, crn, crm, op2)				\
static inline u32 read_##name(void)					\
{									\
	u32 v;								\
	__asm__ __volatile__("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
			     : "=r"(v));				\
	return v;							\
}
#define CP15_WRITE(name, op1, crn, crm, op2)				\
static inline void write_##name(u32 v)					\
{									\
	__asm__ __volatile__("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 \
			     :: "r"(v) : "memory");			\
}

CP15_READ(midr, 0, c0, c0, 0)
CP15_READ(mpidr, 0, c0, c0, 5)
CP15_READ(sctlr, 0, c1, c0, 0)
CP15_WRITE(sctlr, 0, c1, c0, 0)
CP15_READ(dfsr, 0, c5, c0, 0)
CP15_READ(ifsr, 0, c5, c0, 1)
CP15_READ(dfar, 0, c6, c0, 0)
CP15_READ(ifar, 0, c6, c0, 2)
CP15_WRITE(vbar, 0, c12, c0, 0)
CP15_READ(cbar, 4, c15, c0, 0)		/* Cortex-A9 configuration base */
CP15_WRITE(tlbiall, 0, c8, c7, 0)
CP15_WRITE(tlbimva, 0, c8, c7, 1)
CP15_WRITE(tlbimvais, 0, c8, c3, 1)
CP15_WRITE(tlbiallis, 0, c8, c3, 0)
CP15_WRITE(dccmvac, 0, c7, c10, 1)	/* clean D line by VA to PoC */
CP15_WRITE(iciallu, 0, c7, c5, 0)
CP15_WRITE(bpiall, 0, c7, c5, 6)

CP15_WRITE(dcimvac, 0, c7, c6, 1)	/* invalidate D line by VA to PoC */
CP15_WRITE(dccimvac, 0, c7, c14, 1)	/* clean and invalidate by VA to PoC */

#define CACHE_LINE 32

static inline void write_dccmvac_range(const void *start, unsigned long len)
{
	unsigned long a = (unsigned long)start & ~(CACHE_LINE - 1);

	for (; a < (unsigned long)start + len; a += CACHE_LINE)
		write_dccmvac((u32)a);
	__asm__ __volatile__("dsb" ::: "memory");
}

static inline unsigned int smp_processor_id_raw(void)
{
	return read_mpidr() & 0xff;
}

#endif /* ASM_CP15_H */
