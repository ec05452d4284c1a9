/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ASM_STACKTRACE_H
#define ASM_STACKTRACE_H

#include <kernel/types.h>

struct pt_regs;

/* Print a backtrace from the caller (dump_stack) or from a register frame. */
void dump_stack(void);
void show_regs(const struct pt_regs *regs);
void dump_backtrace(unsigned long fp, unsigned long pc, unsigned long lr);

#endif /* ASM_STACKTRACE_H */
