// SPDX-License-Identifier: GPL-2.0
/*
 * Process self-tests: an embedded user program (utest.c) run as processes
 * and judged by its wait status — exit codes, fork and copy-on-write,
 * brk and mmap, bad pointers giving EFAULT, faults giving SIGSEGV/SIGILL
 * while the system runs on, signal handlers, SIGKILL, stack growth — and
 * ELF validation of damaged images.
 */
#include <kernel/ktest.h>
#include <kernel/process.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/sched.h>

extern const char utest_elf[], utest_elf_end[];

struct ucase {
	const char *arg;
	int status;		/* expected wait status */
};

static const struct ucase ucases[] = {
	{ "exit42", 42 << 8 },
	{ "getpid", 0 },
	{ "fork", 0 },
	{ "cow", 0 },
	{ "brk", 0 },
	{ "mmap", 0 },
	{ "efault", 0 },
	{ "segv_kernel", 11 },		/* killed by SIGSEGV */
	{ "segv_jump", 11 },
	{ "undef", 4 },			/* SIGILL */
	{ "signal", 0 },
	{ "kill_child", 0 },
	{ "stack", 0 },
};

static void describe_ucase(const void *p, char *buf, size_t len)
{
	snprintf(buf, len, "%s", ((const struct ucase *)p)->arg);
}

static int run_utest(const char *arg, int *status)
{
	const char *argv[] = { "utest", arg, NULL };
	int pid = process_spawn_image("utest", utest_elf, (u32)(utest_elf_end - utest_elf), argv);

	if (pid < 0)
		return pid;
	return process_wait(pid, status) == pid ? 0 : -ECHILD;
}

static void process_user_program(struct ktest *t)
{
	const struct ucase *c = t->param;
	int status = -1;

	KASSERT_EQ(t, run_utest(c->arg, &status), 0);
	KEXPECT_EQ(t, status, c->status);
}

static void process_no_leak(struct ktest *t)
{
	struct heap_stats before, after;
	int status;

	run_utest("fork", &status);	/* warm caches */
	msleep(20);			/* idle: finished threads are reaped */
	heap_get_stats(&before);
	for (int i = 0; i < 5; i++)
		KASSERT_EQ(t, run_utest("cow", &status), 0);
	msleep(20);
	heap_get_stats(&after);
	ktest_log(t, "slab objects %zu -> %zu", before.allocs, after.allocs);
	KEXPECT_LE(t, after.allocs, before.allocs + 8);	/* per-CPU caches may hold some */
	KEXPECT_EQ(t, process_count(), 0);
}

static void process_rejects_bad_elf(struct ktest *t)
{
	u32 size = (u32)(utest_elf_end - utest_elf);
	char *copy = kmalloc(size, GFP_KERNEL);
	const char *argv[] = { "bad", NULL };

	KASSERT_NOT_NULL(t, copy);
	memcpy(copy, utest_elf, size);
	copy[0] = 0;						/* magic */
	KEXPECT_EQ(t, process_spawn_image("bad", copy, size, argv), -ENOEXEC);
	memcpy(copy, utest_elf, size);
	copy[18] = 3;						/* e_machine: x86 */
	KEXPECT_EQ(t, process_spawn_image("bad", copy, size, argv), -ENOEXEC);
	memcpy(copy, utest_elf, size);
	*(u32 *)(copy + 28) = 0x7ffffff0;			/* e_phoff beyond the file */
	KEXPECT_EQ(t, process_spawn_image("bad", copy, size, argv), -ENOEXEC);
	KEXPECT_EQ(t, process_spawn_image("bad", copy, 20, argv), -ENOEXEC);	/* truncated */
	kfree(copy);
	KEXPECT_EQ(t, process_count(), 0);
}

static struct ktest_case process_cases[] = {
	KTEST_CASE_PARAMS(process_user_program, ucases, describe_ucase),
	KTEST_CASE(process_no_leak),
	KTEST_CASE(process_rejects_bad_elf),
	{}
};

static struct ktest_suite process_suite = {
	.name = "process",
	.cases = process_cases,
};
KTEST_SUITE(process_suite);
