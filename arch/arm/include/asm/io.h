/* SPDX-License-Identifier: GPL-2.0 */
/* MMIO accessors with the barriers device registers need. */
#ifndef ASM_IO_H
#define ASM_IO_H

#include <kernel/types.h>
#include <asm/barrier.h>

static inline u32 __raw_readl(const volatile void *addr)
{
	u32 v;

	__asm__ __volatile__("ldr %0, %1" : "=r"(v) : "Qo"(*(const volatile u32 *)addr));
	return v;
}

static inline void __raw_writel(u32 v, volatile void *addr)
{
	__asm__ __volatile__("str %1, %0" : "+Qo"(*(volatile u32 *)addr) : "r"(v));
}

static inline u32 readl(const volatile void *addr)
{
	u32 v = __raw_readl(addr);

	rmb();
	return v;
}

static inline void writel(u32 v, volatile void *addr)
{
	wmb();
	__raw_writel(v, addr);
}

/* Relaxed: no barrier, for hot polling loops on one device. */
#define readl_relaxed(a)	__raw_readl(a)
#define writel_relaxed(v, a)	__raw_writel(v, a)

static inline u8 readb(const volatile void *addr)
{
	u8 v = *(const volatile u8 *)addr;

	rmb();
	return v;
}

static inline void writeb(u8 v, volatile void *addr)
{
	wmb();
	*(volatile u8 *)addr = v;
}

static inline u16 readw(const volatile void *addr)
{
	u16 v = *(const volatile u16 *)addr;

	rmb();
	return v;
}

static inline void writew(u16 v, volatile void *addr)
{
	wmb();
	*(volatile u16 *)addr = v;
}

/**
 * ioremap() - map device registers into kernel virtual memory
 * @pa: physical address   @size: bytes
 * Device memory, execute-never.  Return: the virtual address or NULL.
 */
void *ioremap(phys_addr_t pa, size_t size);

#endif /* ASM_IO_H */
