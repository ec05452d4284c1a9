/* SPDX-License-Identifier: GPL-2.0 */
/*
 * entry.S - exception vectors and the common entry/exit path.
 *
 * Every exception saves a struct pt_regs (asm/ptrace.h) on the SVC stack of
 * whatever was running: SRS pushes the return address and SPSR straight onto
 * the SVC stack, so the exception modes' own stacks are never used.  The C
 * handler gets the frame in r0 and runs in SVC mode with IRQs masked (as
 * the exception left them).  Exit restores the frame and returns with RFE.
 */
#include <asm/ptrace.h>

#define OVERFLOW_STACK_SHIFT	12		/* 4 KiB per CPU */
#define OVERFLOW_STACK_SIZE	(1 << OVERFLOW_STACK_SHIFT)

	.arch	armv7-a
	.syntax	unified
	.arm

	.macro	exc_entry, correction
	.if	\correction
	sub	lr, lr, #\correction
	.endif
	srsdb	sp!, #SVC_MODE		@ {return address, SPSR} -> SVC stack
	cps	#SVC_MODE
	sub	sp, sp, #S_PC		@ r0-r12, sp, lr, pad
	stmia	sp, {r0 - r12}
	ldr	r0, [sp, #S_PSR]
	and	r0, r0, #MODE_MASK
	cmp	r0, #USR_MODE
	add	r1, sp, #S_SP
	stmiaeq	r1, {sp, lr}^		@ from user: the user bank
	addne	r2, sp, #S_FRAME_SIZE	@ from a kernel mode: its sp and lr
	strne	r2, [sp, #S_SP]
	strne	lr, [sp, #S_LR]
	mov	r0, sp
	.endm

	.macro	exc_exit
	ldr	r0, [sp, #S_PSR]
	and	r0, r0, #MODE_MASK
	cmp	r0, #USR_MODE
	add	r1, sp, #S_SP
	ldmiaeq	r1, {sp, lr}^
	ldrne	lr, [sp, #S_LR]
	nop				@ no banked access right after LDM ^
	ldmia	sp, {r0 - r12}
	add	sp, sp, #S_PC
	rfeia	sp!
	.endm

	/* exc_exit for a frame known to return to user mode. */
	.macro	exc_exit_user
	add	r1, sp, #S_SP
	ldmia	r1, {sp, lr}^
	nop				@ no banked access right after LDM ^
	ldmia	sp, {r0 - r12}
	add	sp, sp, #S_PC
	rfeia	sp!
	.endm

	.text
	.align	5
	.globl	exception_vectors
exception_vectors:
	b	vector_reset
	b	vector_und
	b	vector_svc
	b	vector_pabt
	b	vector_dabt
	b	vector_reset		@ (HYP trap: never taken in SVC)
	b	vector_irq
	b	vector_fiq

vector_reset:
	exc_entry 0
	bl	do_bad_vector
	exc_exit

vector_und:
	exc_entry 4			@ ARM state: lr = faulting insn + 4
	bl	do_undefinstr
	exc_exit

/*
 * exc_entry leaves the flags of its "from user?" compare: a system call
 * goes straight to syscall_entry; from the kernel, do_svc (semihosting).
 * A system call returns to user mode whatever it did to the frame
 * (sigreturn forces USR_MODE into the PSR it restores; exit never comes
 * back), so its exit skips the mode test.
 */
vector_svc:
	exc_entry 0
	bne	1f
	bl	syscall_entry
	exc_exit_user
1:	bl	do_svc
	exc_exit

vector_pabt:
	exc_entry 4
	bl	do_prefetch_abort
	exc_exit

/*
 * ret_to_user(struct pt_regs *regs): leave the kernel for user mode with
 * the frame at the top of this thread's kernel stack (new processes,
 * execve).  IRQs must be off.
 */
	.globl	ret_to_user
ret_to_user:
	mov	sp, r0
	exc_exit

/*
 * A data abort may come from a kernel stack that ran into its guard page:
 * then the frame cannot be pushed on it.  Probe the lowest frame address
 * with a write translation (ATS1CPW, ARMv7-A ARM B4.2.4) first, and if it
 * faults switch the SVC stack to this CPU's overflow stack, so the report
 * can still be made.  r0 is parked in sp_abt, which is otherwise unused.
 */
vector_dabt:
	sub	lr, lr, #8
	mov	sp, r0
	cps	#SVC_MODE
	sub	r0, sp, #(S_FRAME_SIZE + 8)
	mcr	p15, 0, r0, c7, c8, 1	@ ATS1CPW
	isb
	mrc	p15, 0, r0, c7, c4, 0	@ PAR
	tst	r0, #1
	beq	1f
	mrc	p15, 0, r0, c0, c0, 5	@ MPIDR: this CPU's overflow stack
	and	r0, r0, #0xff
	ldr	sp, =overflow_stacks + OVERFLOW_STACK_SIZE
	add	sp, sp, r0, lsl #OVERFLOW_STACK_SHIFT
1:	cps	#ABT_MODE
	mov	r0, sp
	exc_entry 0
	bl	do_data_abort
	exc_exit

	.ltorg

vector_irq:
	exc_entry 4
	bl	do_irq
	exc_exit

vector_fiq:
	exc_entry 4
	bl	do_bad_vector
	exc_exit

	.bss
	.align	3
overflow_stacks:
	.space	OVERFLOW_STACK_SIZE * 4		/* NR_CPUS <= 4 on these cores */

	.text
/*
 * setjmp/longjmp for fault recovery in kernel mode: saves r4-r11, sp, lr
 * and the CPSR interrupt mask, so that a recovery from an exception handler
 * (which runs with IRQs masked) restores the interrupted state.
 * struct kjmp_buf: 11 words.
 */
	.globl	kernel_setjmp
kernel_setjmp:
	mrs	r1, cpsr
	stmia	r0, {r4 - r11, sp, lr}
	str	r1, [r0, #40]
	mov	r0, #0
	bx	lr

	.globl	kernel_longjmp
kernel_longjmp:
	ldr	r2, [r0, #40]
	ldmia	r0, {r4 - r11, sp, lr}
	msr	cpsr_c, r2
	movs	r0, r1
	moveq	r0, #1
	bx	lr
