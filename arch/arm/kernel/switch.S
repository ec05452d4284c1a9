/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Context switch: save the callee-saved registers, sp and the return
 * address of the running thread into prev's struct cpu_context, load
 * next's, and return into next.  r0 (prev's context, which is also the
 * struct thread pointer: the context is its first member) is left alone,
 * so in the resumed thread the call returns the thread switched away from.
 *
 * struct thread *__switch_to(struct cpu_context *prev, struct cpu_context *next)
 */
	.arch	armv7-a
	.syntax	unified
	.arm
	.text

	.globl	__switch_to
__switch_to:
	stmia	r0, {r4 - r11, sp, lr}
	ldmia	r1, {r4 - r11, sp, pc}

/*
 * First instructions of a new kernel thread, reached from __switch_to:
 * r0 = the thread switched away from, r4 = this thread.
 * kthread_entry(last, self) never returns.
 */
	.globl	ret_from_kthread
ret_from_kthread:
	mov	r1, r4
	mov	fp, #0			@ end of the backtrace
	bl	kthread_entry
	udf	#0
