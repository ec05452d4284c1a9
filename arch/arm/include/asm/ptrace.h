/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The register frame that exception entry (entry.S) pushes on the SVC
 * stack.  Layout is shared with entry.S: keep the offsets in step.
 */
#ifndef ASM_PTRACE_H
#define ASM_PTRACE_H

#define USR_MODE	0x10
#define FIQ_MODE	0x11
#define IRQ_MODE	0x12
#define SVC_MODE	0x13
#define ABT_MODE	0x17
#define HYP_MODE	0x1a
#define UND_MODE	0x1b
#define SYS_MODE	0x1f
#define MODE_MASK	0x1f
#define PSR_T_BIT	0x20
#define PSR_F_BIT	0x40
#define PSR_I_BIT	0x80
#define PSR_A_BIT	0x100

#define S_R0		0
#define S_SP		52
#define S_LR		56
#define S_PC		64
#define S_PSR		68
#define S_FRAME_SIZE	72

#ifndef __ASSEMBLER__
#include <kernel/types.h>

struct pt_regs {
	u32 r[13];	/* r0-r12 */
	u32 sp;		/* of the interrupted mode */
	u32 lr;		/* of the interrupted mode */
	u32 pad;	/* keeps the frame a multiple of 8 bytes */
	u32 pc;		/* where the exception returns to */
	u32 psr;	/* the interrupted CPSR */
};

_Static_assert(sizeof(struct pt_regs) == S_FRAME_SIZE, "pt_regs layout");

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->psr & MODE_MASK) == USR_MODE;
}
#endif

#endif /* ASM_PTRACE_H */
