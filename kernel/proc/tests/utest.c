// SPDX-License-Identifier: GPL-2.0
/*
 * A freestanding user program for the process self-tests: no libc, raw
 * Linux ARM EABI system calls.  argv[1] picks the behaviour; the kernel
 * suite (process_test.c) checks the wait status it ends with.
 * Built as a static ELF by scripts/Makefile.kernel and linked into the
 * kernel image as data.
 */
typedef unsigned int u32;

static long sc(long nr, long a, long b, long c, long d, long e, long f)
{
	register long r0 __asm__("r0") = a;
	register long r1 __asm__("r1") = b;
	register long r2 __asm__("r2") = c;
	register long r3 __asm__("r3") = d;
	register long r4 __asm__("r4") = e;
	register long r5 __asm__("r5") = f;
	register long r7 __asm__("r7") = nr;

	__asm__ __volatile__("svc #0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3), "r"(r4),
			     "r"(r5), "r"(r7) : "memory");
	return r0;
}

#define sys0(n)		sc(n, 0, 0, 0, 0, 0, 0)
#define sys1(n, a)	sc(n, (long)(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b)	sc(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(n, a, b, c) sc(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys4(n, a, b, c, d) sc(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define sys6(n, a, b, c, d, e, f) sc(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

#define NR_exit		1
#define NR_fork		2
#define NR_write	4
#define NR_read		3
#define NR_getpid	20
#define NR_kill		37
#define NR_brk		45
#define NR_getppid	64
#define NR_munmap	91
#define NR_wait4	114
#define NR_sigreturn	173
#define NR_sigaction	174
#define NR_mmap2	192
#define NR_nanosleep	162

static __attribute__((noreturn)) void exit_(int code)
{
	sys1(NR_exit, code);
	for (;;)
		;
}

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static int wait_child(int pid)
{
	int status = -1;

	if (sys4(NR_wait4, pid, &status, 0, 0) != pid)
		return -1;
	return status;
}

static volatile int shared_var = 1;
static volatile int handled;

static void on_usr1(int sig)
{
	handled = sig;
}

static __attribute__((naked)) void restorer(void)
{
	__asm__ __volatile__("mov r7, #173\n\tsvc #0");
}

static int depth(int n)
{
	volatile char pad[1024];

	pad[0] = (char)n;
	return n ? depth(n - 1) + pad[0] : 0;
}

static int run(const char *what)
{
	if (streq(what, "exit42"))
		return 42;
	if (streq(what, "getpid"))
		return sys0(NR_getpid) > 0 && sys0(NR_getppid) >= 0 ? 0 : 1;
	if (streq(what, "fork")) {
		long pid = sys0(NR_fork);

		if (pid == 0)
			exit_(7);
		return pid > 0 && wait_child(pid) == (7 << 8) ? 0 : 1;
	}
	if (streq(what, "cow")) {
		long pid;

		shared_var = 5;
		pid = sys0(NR_fork);
		if (pid == 0) {
			shared_var = 9;		/* the child's private copy */
			exit_(shared_var);
		}
		return wait_child(pid) == (9 << 8) && shared_var == 5 ? 0 : 1;
	}
	if (streq(what, "brk")) {
		char *base = (char *)sys1(NR_brk, 0), *top;

		top = (char *)sys1(NR_brk, base + 65536);
		if (top != base + 65536)
			return 1;
		for (int i = 0; i < 65536; i += 4096)
			base[i] = (char)i;
		for (int i = 0; i < 65536; i += 4096)
			if (base[i] != (char)i)
				return 2;
		return sys1(NR_brk, base) == (long)base ? 0 : 3;
	}
	if (streq(what, "mmap")) {
		volatile int *p = (int *)sys6(NR_mmap2, 0, 12288, 3, 0x22, -1, 0);
		long pid;

		if ((long)p < 0)
			return 1;
		p[0] = 1;
		p[2048] = 2;
		if (p[0] + p[2048] != 3 || sys2(NR_munmap, p, 12288))
			return 2;
		pid = sys0(NR_fork);
		if (pid == 0) {
			p[0] = 3;		/* unmapped now: SIGSEGV */
			exit_(0);
		}
		return (wait_child(pid) & 0x7f) == 11 ? 0 : 3;
	}
	if (streq(what, "efault")) {
		if (sys3(NR_write, 1, (void *)1, 10) != -14)
			return 1;
		if (sys3(NR_read, 0, (void *)0xc0000000u, 10) != -14 &&
		    sys3(NR_read, 0, (void *)0xc0000000u, 10) != -9)
			return 2;
		if (sys4(NR_wait4, -1, (void *)0xc0000000u, 0, 0) != -14 &&
		    sys4(NR_wait4, -1, (void *)0xc0000000u, 0, 0) != -10)
			return 3;
		if (sys2(NR_nanosleep, (void *)0xc0001000u, 0) != -14)
			return 4;
		return 0;
	}
	if (streq(what, "segv_kernel")) {
		*(volatile u32 *)0xc0008000u = 1;	/* kernel memory */
		return 0;
	}
	if (streq(what, "segv_jump")) {
		((void (*)(void))0x4)();
		return 0;
	}
	if (streq(what, "undef")) {
		__asm__ __volatile__(".word 0xe7f000f0");
		return 0;
	}
	if (streq(what, "signal")) {
		struct { u32 handler, flags, restorer; unsigned long long mask; }
			__attribute__((packed)) act = { (u32)on_usr1, 0x04000000u, (u32)restorer, 0 };

		if (sys4(NR_sigaction, 10, &act, 0, 8))
			return 1;
		sys2(NR_kill, sys0(NR_getpid), 10);
		return handled == 10 ? 0 : 2;
	}
	if (streq(what, "kill_child")) {
		long pid = sys0(NR_fork);

		if (pid == 0)
			for (;;)
				;		/* only SIGKILL ends this */
		sys2(NR_kill, pid, 9);
		return (wait_child(pid) & 0x7f) == 9 ? 0 : 1;
	}
	if (streq(what, "stack"))
		return depth(200) >= 0 ? 0 : 1;	/* ~200 KiB: the stack must grow */
	return 99;
}

/* Linux initial stack: argc, argv[], NULL, envp[], NULL, auxv. */
__attribute__((naked, section(".text.start"))) void _start(void)
{
	__asm__ __volatile__(
		"ldr	r0, [sp]\n"
		"add	r1, sp, #4\n"
		"bl	cmain\n"
		"mov	r7, #1\n"
		"svc	#0\n");
}

int cmain(int argc, char **argv)
{
	return run(argc > 1 ? argv[1] : "");
}
