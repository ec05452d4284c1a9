/* SPDX-License-Identifier: GPL-2.0 */
/*
 * head.S - the kernel's single entry point, for QEMU -kernel and U-Boot bootz.
 *
 * Entry state (Linux ARM boot protocol): MMU off, D-cache off, r0 = 0,
 * r1 = machine type (ignored), r2 = physical address of the DTB.  We may
 * be entered in HYP mode (virtualisation-capable cores); we drop to SVC.
 *
 * The image is position independent up to the point where the MMU is on:
 *  1. phys_base = the 1 MiB boundary at or below the load address.  If the
 *     image is not at phys_base + TEXT_OFFSET, it moves itself there
 *     (QEMU loads at RAM + 0x10000: no move; U-Boot's kernel_addr_r may
 *     differ: a move within the same megabyte).
 *  2. BSS (which holds the first-level page table) is zeroed.
 *  3. Early page table: PAGE_OFFSET.. maps phys_base.. with 1 MiB sections
 *     (the image and a little more), plus identity sections for this code
 *     (so that turning the MMU on does not pull the floor away) and for the
 *     DTB.  start_kernel() builds the full linear map from the DT's /memory.
 *  4. Caches and MMU on, jump to the virtual address, call start_kernel().
 *
 * Registers kept across the steps: r4 = phys of _start, r5 = link VA of
 * _start, r7 = phys_base, r10 = DTB phys, r11 = pa - va, r8 = where to
 * continue once the MMU is on.
 */
#include <asm/memory.h>
#include <asm/ptrace.h>

/* Section descriptors (ARMv7-A ARM B3.5.1), TEX remap off. */
#define SECT_NORMAL	0x1140e		/* TEX=001 C=1 B=1: WBWA, S=1, AP=01 (kernel RW) */

	.arch	armv7-a
	.arch_extension virt
	.arch_extension sec
	.syntax	unified
	.arm

	.section ".head.text", "ax"
	.globl	_start
_start:
	.rept	8
	mov	r0, r0
	.endr
	b	1f
	.word	0x016f2818		@ zImage magic, offset 0x24 (U-Boot bootz checks it)
	.word	0			@ load start 0: position independent
	.word	__zimage_size		@ image end relative to start
	.word	0x04030201		@ endianness marker
1:
	mov	r10, r2

	/* Leave HYP mode (entered by firmware on A15 with virtualisation). */
	mrs	r9, cpsr
	and	r9, r9, #MODE_MASK
	cmp	r9, #HYP_MODE
	bne	2f
	mrs	r9, cpsr
	bic	r9, r9, #MODE_MASK
	orr	r9, r9, #(SVC_MODE | PSR_I_BIT | PSR_F_BIT)
	orr	r9, r9, #PSR_A_BIT
	msr	spsr_hyp, r9
	adr	r9, 2f
	msr	elr_hyp, r9
	eret
2:	cpsid	aif
	cps	#SVC_MODE

	adr	r4, _start
	ldr	r5, =_start
	lsr	r7, r4, #20
	lsl	r7, r7, #20		@ phys_base
	add	r8, r7, #TEXT_OFFSET	@ where _start belongs
	cmp	r4, r8
	beq	relocated

	/* Move [r4, r4 + size) to r8 (memmove), 16 bytes at a time. */
	ldr	r9, =__zimage_size
	cmp	r8, r4
	blo	4f
	add	r0, r4, r9		@ destination above: copy backwards
	add	r1, r8, r9
3:	ldmdb	r0!, {r2, r3, r6, r12}
	stmdb	r1!, {r2, r3, r6, r12}
	cmp	r0, r4
	bhi	3b
	b	6f
4:	mov	r0, r4			@ destination below: copy forwards
	mov	r1, r8
	add	r9, r4, r9
5:	ldmia	r0!, {r2, r3, r6, r12}
	stmia	r1!, {r2, r3, r6, r12}
	cmp	r0, r9
	blo	5b
6:	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0	@ ICIALLU: the old copy may be in the I-cache
	dsb
	isb
	adr	r0, relocated
	sub	r0, r0, r4
	add	r0, r0, r8
	bx	r0

relocated:
	adr	r4, _start
	sub	r11, r4, r5		@ r11 = pa - va

	/* Zero BSS (and with it the page table), through physical addresses. */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	add	r0, r0, r11
	add	r1, r1, r11
	mov	r2, #0
7:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	7b

	/* Boot parameters into .data (not BSS: that was just cleared). */
	ldr	r0, =phys_base
	str	r7, [r0, r11]
	ldr	r0, =boot_dtb_phys
	str	r10, [r0, r11]

	bl	v7_invalidate_l1_dcache
	bl	create_page_tables
	ldr	r8, =mmap_switched
	b	enable_mmu

/*
 * Secondary CPUs start here (physical address, MMU off), released by the
 * boot CPU (arch/arm/kernel/smp.c).  They share the boot CPU's page table,
 * in which the boot CPU has mapped this code's section 1:1 for the switch.
 */
	.globl	secondary_startup
secondary_startup:
	mrs	r9, cpsr
	and	r9, r9, #MODE_MASK
	cmp	r9, #HYP_MODE
	bne	1f
	mrs	r9, cpsr
	bic	r9, r9, #MODE_MASK
	orr	r9, r9, #(SVC_MODE | PSR_I_BIT | PSR_F_BIT)
	orr	r9, r9, #PSR_A_BIT
	msr	spsr_hyp, r9
	adr	r9, 1f
	msr	elr_hyp, r9
	eret
1:	cpsid	aif
	cps	#SVC_MODE
	adr	r4, secondary_startup
	ldr	r5, =secondary_startup
	sub	r11, r4, r5		@ r11 = pa - va
	bl	v7_invalidate_l1_dcache
	ldr	r8, =secondary_switched
	b	enable_mmu

/*
 * Invalidate the L1 data cache by set/way (its contents are undefined at
 * reset on Cortex-A9; the boot protocol says it is off and clean).
 * Clobbers r0-r3, r6, r9, r12.
 */
v7_invalidate_l1_dcache:
	mov	r0, #0
	mcr	p15, 2, r0, c0, c0, 0	@ CSSELR: level 1 data
	isb
	mrc	p15, 1, r0, c0, c0, 0	@ CCSIDR
	and	r1, r0, #7
	add	r1, r1, #4		@ log2(line length in bytes)
	ldr	r3, =0x3ff
	and	r3, r3, r0, lsr #3	@ ways - 1
	clz	r2, r3			@ bit position of the way field
	ldr	r12, =0x7fff
	and	r12, r12, r0, lsr #13	@ sets - 1
8:	mov	r9, r3
9:	lsl	r6, r9, r2
	orr	r6, r6, r12, lsl r1
	mcr	p15, 0, r6, c7, c6, 2	@ DCISW
	subs	r9, r9, #1
	bge	9b
	subs	r12, r12, #1
	bge	8b
	dsb
	mov	pc, lr

/* Early page table: see the header comment.  Clobbers r0-r3, r6. */
create_page_tables:
	ldr	r0, =swapper_pg_dir
	add	r0, r0, r11
	ldr	r3, =SECT_NORMAL

	adr	r1, enable_mmu		@ identity section for the MMU switch
	lsr	r1, r1, #20
	orr	r2, r3, r1, lsl #20
	str	r2, [r0, r1, lsl #2]

	ldr	r1, =_end		@ linear map of the image, plus 2 MiB
	sub	r1, r1, #PAGE_OFFSET
	add	r1, r1, #(2 * SECTION_SIZE)
	lsr	r1, r1, #20
	add	r6, r0, #(PAGE_OFFSET >> 18)
	orr	r2, r3, r7
10:	str	r2, [r6], #4
	add	r2, r2, #SECTION_SIZE
	subs	r1, r1, #1
	bne	10b

	cmp	r10, #0			@ identity sections for the DTB
	beq	11f
	lsr	r1, r10, #20
	orr	r2, r3, r1, lsl #20
	str	r2, [r0, r1, lsl #2]
	add	r1, r1, #1
	add	r2, r2, #SECTION_SIZE
	str	r2, [r0, r1, lsl #2]
11:	mov	pc, lr

enable_mmu:
	mov	r0, #0
	mcr	p15, 0, r0, c8, c7, 0	@ TLBIALL
	mcr	p15, 0, r0, c7, c5, 0	@ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6	@ BPIALL
	dsb
	mrc	p15, 0, r0, c1, c0, 1	@ ACTLR.SMP: take part in coherency
	orr	r0, r0, #(1 << 6)
	mcr	p15, 0, r0, c1, c0, 1
	mov	r0, #0
	mcr	p15, 0, r0, c2, c0, 2	@ TTBCR: TTBR0 only, 16 KiB table
	ldr	r0, =swapper_pg_dir
	add	r0, r0, r11
	orr	r0, r0, #0x6a		@ table walks: inner/outer WBWA, shareable
	mcr	p15, 0, r0, c2, c0, 0	@ TTBR0
	mov	r0, #1
	mcr	p15, 0, r0, c3, c0, 0	@ DACR: domain 0 client
	mrc	p15, 0, r0, c1, c0, 0
	bic	r0, r0, #(1 << 1)	@ A: no alignment faults
	bic	r0, r0, #(1 << 13)	@ V: vectors from VBAR
	bic	r0, r0, #(1 << 28)	@ TRE off
	bic	r0, r0, #(1 << 29)	@ AFE off
	orr	r0, r0, #(1 << 0)	@ M: MMU on
	orr	r0, r0, #(1 << 2)	@ C: data cache
	orr	r0, r0, #(1 << 11)	@ Z: branch prediction
	orr	r0, r0, #(1 << 12)	@ I: instruction cache
	dsb
	mcr	p15, 0, r0, c1, c0, 0
	isb
	mov	pc, r8			@ continue at the virtual address in r8

	.text
mmap_switched:
	ldr	sp, =init_thread_stack + INIT_STACK_SIZE
	mov	fp, #0
	mov	r0, r10
	bl	start_kernel
12:	wfi
	b	12b

/* Secondary CPU, MMU on: its stack top was left in secondary_stack_top[cpu]. */
secondary_switched:
	mrc	p15, 0, r0, c0, c0, 5	@ MPIDR
	and	r0, r0, #0xff
	ldr	r1, =secondary_stack_top
	ldr	sp, [r1, r0, lsl #2]
	mov	fp, #0
	bl	secondary_start_kernel
13:	wfi
	b	13b

	.ltorg

	.data
	.align	2
	.globl	phys_base
phys_base:
	.word	0
	.globl	boot_dtb_phys
boot_dtb_phys:
	.word	0

	.section ".bss..pgdir", "aw", %nobits
	.align	14
	.globl	swapper_pg_dir
swapper_pg_dir:
	.space	16384

	.bss
	.align	3
	.globl	init_thread_stack
init_thread_stack:
	.space	INIT_STACK_SIZE
