/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel thread stacks.  Each stack sits in its own slot of a dedicated
 * virtual area with an unmapped guard page below it, so running off the
 * bottom faults at once and is reported as a stack overflow.
 */
#ifndef MM_KSTACK_H
#define MM_KSTACK_H

#include <kernel/types.h>

#define KSTACK_SIZE	8192

/* Return: the lowest address of a KSTACK_SIZE stack (size in *@size), or NULL. */
void *kstack_alloc(u32 *size);
void kstack_free(void *stack, u32 size);
/* Bytes of the stack that have ever been written (high-water mark). */
u32 kstack_used(const void *stack, u32 size);
/* True when @addr lies in the guard page of some stack slot. */
bool kstack_is_guard(unsigned long addr);

#endif
