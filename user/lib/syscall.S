/* SPDX-License-Identifier: GPL-2.0 */
/*
 * long syscall(long nr, long a0, ..., long a6): the generic system call,
 * for programs (the fuzzer, tests) that make calls the C runtime has no
 * wrapper for.  Returns the raw kernel result: -errno on error, errno is
 * not touched.  Arguments a3-a6 come from the caller's stack.
 */
	.syntax unified
	.arm
	.text
	.global	syscall
	.type	syscall, %function
syscall:
	mov	ip, sp
	push	{r4, r5, r6, r7}
	mov	r7, r0			@ number
	mov	r0, r1
	mov	r1, r2
	mov	r2, r3
	ldmia	ip, {r3, r4, r5, r6}	@ a3..a6 from the caller's stack
	svc	#0
	pop	{r4, r5, r6, r7}
	bx	lr
	.size	syscall, . - syscall

	.section .note.GNU-stack, "", %progbits
