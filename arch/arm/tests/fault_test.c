// SPDX-License-Identifier: GPL-2.0
/*
 * Exception-path self-tests: a deliberate undefined instruction, data
 * abort (unmapped address and NULL) and prefetch abort inside a test are
 * caught, reported (registers, fault address, backtrace on the console)
 * and recovered from; afterwards interrupts and the tick still work.
 */
#include <kernel/ktest.h>
#include <kernel/fault.h>
#include <kernel/time.h>
#include <asm/irqflags.h>
#include <asm/memory.h>

#define UNMAPPED_VA	0xff800010u	/* above the ioremap window: never mapped */

static void do_undef(void *arg)
{
	(void)arg;
	__asm__ __volatile__(".word 0xe7f000f0");	/* UDF #0 (permanently undefined) */
}

static void do_read(void *arg)
{
	volatile u32 *p = arg;

	(void)*p;
}

static void do_jump(void *arg)
{
	void (*fn)(void) = arg;

	fn();
}

static void fault_undefined_instruction(struct ktest *t)
{
	struct fault_info fi;

	KEXPECT_EQ(t, run_catching_faults(do_undef, NULL, &fi), 1);
	KEXPECT_EQ(t, fi.kind, FAULT_UNDEF);
	KEXPECT_GE(t, fi.pc, (u32)(unsigned long)do_undef);
	KEXPECT_LT(t, fi.pc, (u32)(unsigned long)do_undef + 64);
}

static void fault_data_abort_unmapped(struct ktest *t)
{
	struct fault_info fi;

	KEXPECT_EQ(t, run_catching_faults(do_read, (void *)UNMAPPED_VA, &fi), 1);
	KEXPECT_EQ(t, fi.kind, FAULT_DATA_ABORT);
	KEXPECT_UEQ(t, fi.addr, UNMAPPED_VA);
	KEXPECT_EQ(t, fi.status & 0xf, 0x5);	/* translation fault, section */
	KEXPECT_EQ(t, fi.status & (1 << 11), 0);	/* a read */
}

static void fault_null_dereference(struct ktest *t)
{
	struct fault_info fi;
	void *volatile null = NULL;

	KEXPECT_EQ(t, run_catching_faults(do_read, null, &fi), 1);
	KEXPECT_EQ(t, fi.kind, FAULT_DATA_ABORT);
	KEXPECT_UEQ(t, fi.addr, 0);
}

static void fault_prefetch_abort(struct ktest *t)
{
	struct fault_info fi;

	KEXPECT_EQ(t, run_catching_faults(do_jump, (void *)UNMAPPED_VA, &fi), 1);
	KEXPECT_EQ(t, fi.kind, FAULT_PREFETCH_ABORT);
	KEXPECT_UEQ(t, fi.addr, UNMAPPED_VA);
}

static void fault_no_fault_returns_zero(struct ktest *t)
{
	static u32 word = 7;
	struct fault_info fi;

	KEXPECT_EQ(t, run_catching_faults(do_read, &word, &fi), 0);
	KEXPECT_EQ(t, fi.kind, FAULT_NONE);
}

static void fault_system_runs_on(struct ktest *t)
{
	u64 j0 = jiffies, t0 = ktime_get_ns();

	KEXPECT_FALSE(t, irqs_disabled());
	while (jiffies < j0 + 2 && ktime_get_ns() - t0 < NSEC_PER_SEC)
		;
	KEXPECT_GE(t, jiffies, j0 + 2);
}

static struct ktest_case fault_cases[] = {
	KTEST_CASE(fault_undefined_instruction),
	KTEST_CASE(fault_data_abort_unmapped),
	KTEST_CASE(fault_null_dereference),
	KTEST_CASE(fault_prefetch_abort),
	KTEST_CASE(fault_no_fault_returns_zero),
	KTEST_CASE(fault_system_runs_on),
	{}
};

static struct ktest_suite fault_suite = {
	.name = "exceptions",
	.cases = fault_cases,
};
KTEST_SUITE(fault_suite);
