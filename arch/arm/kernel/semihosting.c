// SPDX-License-Identifier: GPL-2.0
/*
 * Semihosting calls: SVC #0x123456 in ARM state with the operation in r0
 * and the argument in r1.  QEMU (-semihosting) traps them before our
 * vector sees them.
 */
#include <kernel/types.h>
#include <kernel/compiler.h>
#include <asm/semihosting.h>

#define SYS_WRITE0		0x04
#define SYS_EXIT		0x18
#define ADP_STOPPED_APPLICATION_EXIT	0x20026
#define ADP_STOPPED_RUNTIME_ERROR	0x20023

bool semihosting_enabled = IS_ENABLED(CONFIG_SEMIHOSTING);

static long semihosting_call(unsigned long op, const void *arg)
{
	register unsigned long r0 __asm__("r0") = op;
	register const void *r1 __asm__("r1") = arg;

	__asm__ __volatile__("svc #0x123456" : "+r"(r0) : "r"(r1) : "memory");
	return (long)r0;
}

void semihosting_write0(const char *s)
{
	if (semihosting_enabled)
		semihosting_call(SYS_WRITE0, s);
}

void semihosting_exit(int status)
{
	if (!semihosting_enabled)
		return;
	/*
	 * AArch32 SYS_EXIT takes only a reason code: QEMU maps
	 * ApplicationExit to exit status 0 and any other reason to 1.
	 */
	semihosting_call(SYS_EXIT, (const void *)(unsigned long)
			 (status ? ADP_STOPPED_RUNTIME_ERROR :
				   ADP_STOPPED_APPLICATION_EXIT));
}
