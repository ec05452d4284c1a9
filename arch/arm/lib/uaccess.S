/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fault-safe copies between kernel and user memory.  Every user access is
 * an LDRT/STRT, so the MMU checks it with user permissions: a user pointer
 * into kernel memory faults even if a range check were missed.  Each such
 * instruction has an entry in __ex_table; the data-abort handler first
 * tries to page the address in (demand paging, copy-on-write) and, when it
 * cannot, resumes at the fixup, which returns the number of bytes NOT
 * copied (or -EFAULT for the string routine).
 *
 *   unsigned long __copy_from_user(void *to, const void *from, unsigned long n)
 *   unsigned long __copy_to_user(void *to, const void *from, unsigned long n)
 *   unsigned long __clear_user(void *to, unsigned long n)
 *   long __strncpy_from_user(char *dst, const char *src, long n)
 *        returns the length copied (without NUL), n if no NUL within n,
 *        or -EFAULT (-14)
 */
	.arch	armv7-a
	.syntax	unified
	.arm
	.text

	.macro	extable, insn, fixup
	.pushsection __ex_table, "a"
	.align	2
	.word	\insn, \fixup
	.popsection
	.endm

	.globl	__copy_from_user
__copy_from_user:
	cmp	r2, #0
	beq	2f
	orr	r3, r0, r1
	tst	r3, #3
	bne	1f
10:	cmp	r2, #4			@ both aligned: words
	blo	1f
11:	ldrt	r3, [r1], #4
	str	r3, [r0], #4
	sub	r2, r2, #4
	b	10b
1:	cmp	r2, #0
	beq	2f
12:	ldrbt	r3, [r1], #1
	strb	r3, [r0], #1
	sub	r2, r2, #1
	b	1b
2:	mov	r0, r2
	bx	lr
	extable	11b, 2b
	extable	12b, 2b

	.globl	__copy_to_user
__copy_to_user:
	cmp	r2, #0
	beq	2f
	orr	r3, r0, r1
	tst	r3, #3
	bne	1f
10:	cmp	r2, #4
	blo	1f
	ldr	r3, [r1], #4
21:	strt	r3, [r0], #4
	sub	r2, r2, #4
	b	10b
1:	cmp	r2, #0
	beq	2f
	ldrb	r3, [r1], #1
22:	strbt	r3, [r0], #1
	sub	r2, r2, #1
	b	1b
2:	mov	r0, r2
	bx	lr
	extable	21b, 3f
	extable	22b, 4f
3:	mov	r0, r2			@ the faulting word was not written
	bx	lr
4:	mov	r0, r2
	bx	lr

	.globl	__clear_user
__clear_user:
	mov	r2, #0
1:	cmp	r1, #0
	beq	2f
31:	strbt	r2, [r0], #1
	sub	r1, r1, #1
	b	1b
2:	mov	r0, r1
	bx	lr
	extable	31b, 2b

	.globl	__strncpy_from_user
__strncpy_from_user:
	mov	r12, #0			@ bytes copied
1:	cmp	r12, r2
	beq	2f
41:	ldrbt	r3, [r1], #1
	strb	r3, [r0], #1
	cmp	r3, #0
	beq	2f
	add	r12, r12, #1
	b	1b
2:	mov	r0, r12
	bx	lr
3:	mvn	r0, #13			@ -EFAULT
	bx	lr
	extable	41b, 3b
