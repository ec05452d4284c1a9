// SPDX-License-Identifier: GPL-2.0
/*
 * Faults: a child that writes to kernel memory, reads NULL, jumps to
 * address 0 or to kernel memory, or runs an undefined instruction is
 * killed by the right signal, and the parent (and the system) runs on.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

static void write_kernel(void)
{
	*(volatile int *)0xc0000000 = 1;
}

static void read_null(void)
{
	(void)*(volatile int *)0;
}

static void jump_zero(void)
{
	void (*volatile f)(void) = (void (*)(void))0;

	f();
}

static void jump_kernel(void)
{
	void (*volatile f)(void) = (void (*)(void))0xc0008000;

	f();
}

static void undefined_insn(void)
{
	__asm__ volatile(".word 0xe7f000f0");	/* permanently undefined */
}

/* Run fn in a child; return the signal that killed it, or -exit code. */
static int fault_in_child(void (*fn)(void))
{
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		close(2);	/* an emulator may report the fault there */
		fn();
		_exit(0);
	}
	if (waitpid(pid, &st, 0) != pid)
		return -100;
	return WIFSIGNALED(st) ? WTERMSIG(st) : -WEXITSTATUS(st);
}

int main(void)
{
	ktap_begin("fault", 6);
	EXPECT_EQ(fault_in_child(write_kernel), SIGSEGV);
	ktap_case("write_kernel_memory_sigsegv");
	EXPECT_EQ(fault_in_child(read_null), SIGSEGV);
	ktap_case("read_null_sigsegv");
	EXPECT_EQ(fault_in_child(jump_zero), SIGSEGV);
	ktap_case("jump_to_zero_sigsegv");
	EXPECT_EQ(fault_in_child(jump_kernel), SIGSEGV);
	ktap_case("jump_to_kernel_sigsegv");
	EXPECT_EQ(fault_in_child(undefined_insn), SIGILL);
	ktap_case("undefined_instruction_sigill");
	/* after all that, this process still forks and runs */
	EXPECT_EQ(fault_in_child(NULL ? NULL : (void (*)(void))getpid), 0);
	ktap_case("parent_runs_on");
	return ktap_end();
}
