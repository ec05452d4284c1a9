/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Catching CPU faults in kernel code that expects them (self-tests of the
 * exception path).  A fault inside run_catching_faults() is reported in
 * full (registers, fault address and status, backtrace) and then control
 * returns to the caller instead of ending the system.
 */
#ifndef KERNEL_FAULT_H
#define KERNEL_FAULT_H

#include <kernel/types.h>

struct kjmp_buf {
	u32 regs[11];	/* r4-r11, sp, lr, cpsr (entry.S) */
};

int kernel_setjmp(struct kjmp_buf *jb) __attribute__((returns_twice));
__attribute__((noreturn)) void kernel_longjmp(struct kjmp_buf *jb, int val);

enum fault_kind {
	FAULT_NONE,
	FAULT_UNDEF,		/* undefined instruction */
	FAULT_PREFETCH_ABORT,
	FAULT_DATA_ABORT,
};

struct fault_info {
	enum fault_kind kind;
	u32 pc;		/* faulting instruction */
	u32 addr;	/* DFAR / IFAR */
	u32 status;	/* DFSR / IFSR */
};

/**
 * run_catching_faults() - call @fn(@arg), recovering from a CPU fault in it
 * @info: filled in when a fault was caught
 * Return: 0 if @fn returned normally, 1 if it faulted.
 * Not reentrant; @fn must not sleep.
 */
int run_catching_faults(void (*fn)(void *), void *arg, struct fault_info *info);

const char *fault_kind_name(enum fault_kind kind);

#endif /* KERNEL_FAULT_H */
