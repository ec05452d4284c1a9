// SPDX-License-Identifier: GPL-2.0
/*
 * Backtraces by walking frame records (-fno-omit-frame-pointer, ARM mode,
 * GCC's own layout rather than APCS frames): every function pushes fp and
 * lr next to each other, last, and points fp at the saved lr, so [fp] is
 * the return address and [fp-4] the caller's fp.  (The APCS layout cost
 * two more instructions in every call.)  Every frame pointer is checked to
 * lie inside kernel RAM and to grow upwards before it is followed, so a
 * corrupt stack ends the trace instead of faulting.
 */
#include <kernel/printk.h>
#include <asm/stacktrace.h>
#include <asm/ptrace.h>
#include <asm/memory.h>

#define MAX_FRAMES 24

extern char _end[], _stext[], _etext[];

static bool is_kernel_text(unsigned long a)
{
	return a >= (unsigned long)_stext && a < (unsigned long)_etext;
}

static bool plausible_fp(unsigned long fp, unsigned long prev)
{
	return fp >= PAGE_OFFSET + 4 && fp < LOWMEM_LIMIT && !(fp & 3) &&
	       (prev == 0 || fp > prev);
}

void dump_backtrace(unsigned long fp, unsigned long pc, unsigned long lr)
{
	unsigned long prev = 0;

	pr_emerg("Backtrace:");
	pr_emerg("  [<%08lx>] %pS", pc, (void *)pc);
	/*
	 * A leaf function pushes fp alone (lr stays in its register) and
	 * points fp at it: when the first record holds no return address,
	 * the caller is @lr and the record is the caller's fp.
	 */
	if (is_kernel_text(lr) && plausible_fp(fp, 0) &&
	    !is_kernel_text(((unsigned long *)fp)[0])) {
		pr_emerg("  [<%08lx>] %pS", lr, (void *)lr);
		prev = fp;
		fp = ((unsigned long *)fp)[0];
	}
	for (int i = 0; i < MAX_FRAMES && plausible_fp(fp, prev); i++) {
		unsigned long *frame = (unsigned long *)fp;
		unsigned long ret = frame[0];

		if (ret < PAGE_OFFSET)
			break;
		pr_emerg("  [<%08lx>] %pS", ret, (void *)ret);
		prev = fp;
		fp = frame[-1];
	}
}

void __noinline dump_stack(void)
{
	unsigned long fp = (unsigned long)__builtin_frame_address(0);

	dump_backtrace(fp, (unsigned long)dump_stack, 0);
}

void show_regs(const struct pt_regs *regs)
{
	const u32 *r = regs->r;

	pr_emerg("pc : [<%08x>]    lr : [<%08x>]    psr: %08x", regs->pc,
		 regs->lr, regs->psr);
	pr_emerg("pc is at %pS", (void *)(unsigned long)regs->pc);
	pr_emerg("lr is at %pS", (void *)(unsigned long)regs->lr);
	pr_emerg("sp : %08x  ip : %08x  fp : %08x", regs->sp, r[12], r[11]);
	pr_emerg("r10: %08x  r9 : %08x  r8 : %08x", r[10], r[9], r[8]);
	pr_emerg("r7 : %08x  r6 : %08x  r5 : %08x  r4 : %08x", r[7], r[6], r[5], r[4]);
	pr_emerg("r3 : %08x  r2 : %08x  r1 : %08x  r0 : %08x", r[3], r[2], r[1], r[0]);
}
