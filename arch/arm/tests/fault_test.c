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
#include <kernel/sched.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <asm/irqflags.h>
#include <asm/memory.h>

static int thread_ok(void *arg)
{
	(void)arg;
	return 7;
}

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

/* --- a faulting kernel thread is killed, nothing else is ---------------- */

static int thread_null(void *arg)
{
	(void)arg;
	do_read((void *)0);
	return 0;	/* not reached */
}

static int thread_undef(void *arg)
{
	do_undef(arg);
	return 0;	/* not reached */
}

static int __noinline recurse(volatile int depth)
{
	volatile char pad[200];

	pad[0] = (char)depth;
	if (depth > 1000000)	/* never: keeps the compiler from seeing a loop */
		return 0;
	return recurse(depth + 1) + pad[0];
}

static int thread_overflow(void *arg)
{
	(void)arg;
	return recurse(0);
}

static void run_killed(struct ktest *t, int (*fn)(void *), const char *name)
{
	struct thread *th = kthread_run(fn, NULL, PRIO_DEFAULT, name);

	KASSERT_FALSE(t, IS_ERR(th));
	KEXPECT_EQ(t, kthread_join(th), -EFAULT);
}

static void fault_thread_null_killed(struct ktest *t)
{
	run_killed(t, thread_null, "t-null");
}

static void fault_thread_undef_killed(struct ktest *t)
{
	run_killed(t, thread_undef, "t-undef");
}

static void fault_thread_stack_overflow_killed(struct ktest *t)
{
	ktest_log(t, "a 'kernel stack overflow' report follows: expected");
	run_killed(t, thread_overflow, "t-overflow");
}

static void fault_system_alive_after_kills(struct ktest *t)
{
	struct thread *th = kthread_run(thread_ok, NULL, PRIO_DEFAULT, "t-ok");

	KASSERT_FALSE(t, IS_ERR(th));
	KEXPECT_EQ(t, kthread_join(th), 7);
	fault_system_runs_on(t);
}

static struct ktest_case fault_thread_cases[] = {
	KTEST_CASE(fault_thread_null_killed),
	KTEST_CASE(fault_thread_undef_killed),
	KTEST_CASE(fault_thread_stack_overflow_killed),
	KTEST_CASE(fault_system_alive_after_kills),
	{}
};

static struct ktest_suite fault_thread_suite = {
	.name = "exceptions_threads",
	.cases = fault_thread_cases,
};
KTEST_SUITE(fault_thread_suite);

/* --- kernel image protection ------------------------------------------- */

static void do_write(void *arg)
{
	*(volatile u32 *)arg = 0xdeadbeef;
}

static const u32 some_rodata[4] = { 1, 2, 3, 4 };
static u32 some_data[4] = { 0xe12fff1e, 0, 0, 0 };	/* "bx lr" */

static void fault_text_is_read_only(struct ktest *t)
{
	struct fault_info fi;

	KEXPECT_EQ(t, run_catching_faults(do_write, (void *)do_read, &fi), 1);
	KEXPECT_EQ(t, fi.kind, FAULT_DATA_ABORT);
	KEXPECT_EQ(t, fi.status & 0xf, 0xf);	/* permission fault, page */
	KEXPECT_EQ(t, run_catching_faults(do_write, (void *)some_rodata, &fi), 1);
	KEXPECT_EQ(t, fi.kind, FAULT_DATA_ABORT);
}

static void fault_data_not_executable(struct ktest *t)
{
	struct fault_info fi;

	KEXPECT_EQ(t, run_catching_faults(do_jump, some_data, &fi), 1);
	KEXPECT_EQ(t, fi.kind, FAULT_PREFETCH_ABORT);
	KEXPECT_UEQ(t, fi.addr, (u32)(unsigned long)some_data);
	some_data[1] = 1;	/* data itself stays writable */
	KEXPECT_EQ(t, some_data[1], 1);
}

static struct ktest_case fault_protect_cases[] = {
	KTEST_CASE(fault_text_is_read_only),
	KTEST_CASE(fault_data_not_executable),
	{}
};

static struct ktest_suite fault_protect_suite = {
	.name = "kernel_protection",
	.cases = fault_protect_cases,
};
KTEST_SUITE(fault_protect_suite);
