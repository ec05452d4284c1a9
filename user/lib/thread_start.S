/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The two moments of a thread's life that C cannot express: the first
 * instructions on a new stack, and the last ones after that stack is gone.
 */
	.syntax unified
	.arm
	.text

/*
 * long __thread_clone(unsigned flags, void *stack, int *ptid, void *tls,
 *		       int *ctid, void (*fn)(void *), void *arg)
 *
 * clone() that starts the new thread in fn(arg) on @stack; fn must not
 * return (it ends with the exit call).  fn and arg ride on the new stack,
 * since the child comes back from the call with only its sp differing.
 * Returns the new tid, or -errno, in the caller.
 */
	.global	__thread_clone
	.type	__thread_clone, %function
__thread_clone:
	push	{r4, r5, r7, lr}
	ldr	r4, [sp, #16]		@ ctid
	ldr	r5, [sp, #20]		@ fn
	ldr	ip, [sp, #24]		@ arg
	stmdb	r1!, {r5, ip}		@ on the child's stack: fn, arg
	mov	r7, #120		@ __NR_clone
	svc	#0
	cmp	r0, #0
	popne	{r4, r5, r7, pc}	@ the caller: tid or -errno
	mov	fp, #0			@ the child: the outermost frame
	mov	lr, #0
	pop	{r5, ip}
	mov	r0, ip
	blx	r5
	mov	r0, #0
	mov	r7, #1			@ __NR_exit (fn should not return)
	svc	#0
	.size	__thread_clone, . - __thread_clone

/*
 * void __thread_unmap_exit(void *base, size_t size)
 *
 * A detached thread frees its own stack and descriptor: munmap, then exit,
 * touching no memory in between.  The caller cleared its exit word
 * (set_tid_address(NULL)) so the kernel writes nothing to the freed range.
 */
	.global	__thread_unmap_exit
	.type	__thread_unmap_exit, %function
__thread_unmap_exit:
	mov	r7, #91			@ __NR_munmap
	svc	#0
	mov	r0, #0
	mov	r7, #1			@ __NR_exit
	svc	#0
	.size	__thread_unmap_exit, . - __thread_unmap_exit

	.section .note.GNU-stack, "", %progbits
