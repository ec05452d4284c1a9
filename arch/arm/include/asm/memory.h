/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel virtual memory layout (ARMv7-A short descriptors, 3G/1G split):
 *
 *   0xC0000000 .. lowmem end    linear map of RAM from phys_base (<= 512 MiB)
 *   0xE0000000 .. 0xE1000000    kernel stacks, 4 KiB pages, a guard page each
 *   0xF0000000 .. 0xFF000000    ioremap space (device memory, execute-never)
 *
 * phys_base is found at boot from where the boot loader put us (never
 * hard-coded): the 1 MiB boundary below the load address.  The kernel image
 * starts TEXT_OFFSET above it (head.S relocates itself if needed).
 */
#ifndef ASM_MEMORY_H
#define ASM_MEMORY_H

/* Constants usable from C, assembly and the linker script. */
#ifdef __ASSEMBLER__
#define UL(x)	x
#else
#define UL(x)	x##UL
#endif

#define PAGE_OFFSET	UL(0xC0000000)
#define TEXT_OFFSET	UL(0x00010000)
#define LOWMEM_LIMIT	UL(0xE0000000)	/* end of the linear map */
#define KSTACK_AREA	UL(0xE0000000)
#define KSTACK_AREA_END	UL(0xE1000000)
#define IOREMAP_START	UL(0xF0000000)
#define IOREMAP_END	UL(0xFF000000)

#define PAGE_SHIFT	12
#define PAGE_SIZE	(UL(1) << PAGE_SHIFT)
#define SECTION_SHIFT	20
#define SECTION_SIZE	(UL(1) << SECTION_SHIFT)
#define INIT_STACK_SIZE	8192	/* boot thread stack */

#ifndef __ASSEMBLER__
#include <kernel/types.h>

/* Physical address of the start of the linear map (set by head.S). */
extern phys_addr_t phys_base;

static inline void *__va(phys_addr_t pa)
{
	return (void *)(unsigned long)(pa - phys_base + PAGE_OFFSET);
}

static inline phys_addr_t __pa(const void *va)
{
	return (phys_addr_t)((unsigned long)va - PAGE_OFFSET + phys_base);
}
#endif

#endif /* ASM_MEMORY_H */
