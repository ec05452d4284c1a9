/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to user/lib: inline system calls (svc #0, number in r7,
 * arguments in r0-r6, result or -errno in r0) and the helpers that turn a
 * raw result into the libc convention (-1 and errno).
 */
#ifndef USER_LIB_SYS_H
#define USER_LIB_SYS_H

#include <uapi/asm/unistd.h>
#include <uapi/linux-abi.h>

static inline long sys6(long n, long a, long b, long c, long d, long e, long f)
{
	register long r0 __asm__("r0") = a;
	register long r1 __asm__("r1") = b;
	register long r2 __asm__("r2") = c;
	register long r3 __asm__("r3") = d;
	register long r4 __asm__("r4") = e;
	register long r5 __asm__("r5") = f;
	register long r7 __asm__("r7") = n;

	__asm__ volatile("svc #0"
			 : "+r"(r0)
			 : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r7)
			 : "memory", "cc");
	return r0;
}

#define sys0(n)			sys6((n), 0, 0, 0, 0, 0, 0)
#define sys1(n, a)		sys6((n), (long)(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b)		sys6((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(n, a, b, c)	sys6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys4(n, a, b, c, d) \
	sys6((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define sys5(n, a, b, c, d, e) \
	sys6((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

/* A raw result in -4095..-1 is an error. */
static inline int sys_failed(long r)
{
	return (unsigned long)r > -4096UL;
}

/* Set errno from a raw result and return -1, or return the result. */
long sys_ret(long r);

/* Linux errno value -> newlib errno value. */
int errno_from_abi(int abi_errno);

/* Signal numbers: newlib's <-> the ABI's (0 when there is no match). */
int sig_to_abi(int sig);
int sig_from_abi(int abi_sig);

/* newlib's sigset_t (bit n: signal n) -> the ABI's 64-bit set (signal.c). */
#include <sys/_sigset.h>
void sigset_to_abi(const __sigset_t *set, unsigned long out[2]);

/* A wait status with the ABI's signal number -> newlib's numbering. */
int wstatus_from_abi(int status);

/* open() flags: newlib's -> the ABI's, and back (for F_GETFL). */
int oflags_to_abi(int flags);
int oflags_from_abi(int abi_flags);

/* Fill newlib's struct stat from the kernel's struct stat64. */
struct stat;
int stat_from_abi(struct stat *st, const struct abi_stat64 *k);

#endif /* USER_LIB_SYS_H */
