/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Program entry for every user program.  The kernel's execve leaves sp at
 * argc, followed by argv[], NULL, envp[], NULL and the auxiliary vector
 * (see include/uapi/linux-abi.h).  _start hands that pointer to
 * __libc_start (start.c) on an 8-byte aligned stack; nothing here returns.
 */
	.syntax unified
	.arm
	.text
	.global	_start
	.type	_start, %function
_start:
	mov	fp, #0			@ outermost frame: backtraces stop here
	mov	lr, #0
	mov	r0, sp			@ r0 = &argc
	bic	sp, sp, #7		@ AAPCS: 8-byte aligned at calls
	bl	__libc_start
1:	b	1b			@ not reached: __libc_start calls exit()
	.size	_start, . - _start

/*
 * The signal return path: the kernel puts this address in lr when it runs a
 * handler (sa_restorer with SA_RESTORER); it asks the kernel to restore the
 * interrupted context.
 */
	.global	__sig_restore
	.type	__sig_restore, %function
__sig_restore:
	mov	r7, #173		@ __NR_rt_sigreturn
	svc	#0
	.size	__sig_restore, . - __sig_restore

/* newlib's __libc_init_array/__libc_fini_array call these; nothing to do. */
	.global	_init
	.type	_init, %function
_init:
	bx	lr
	.global	_fini
	.type	_fini, %function
_fini:
	bx	lr

	.section .note.GNU-stack, "", %progbits
