/* SPDX-License-Identifier: GPL-2.0 */
/*
 * newlib's <signal.h> plus the sigaction flags it lacks.  Signal numbers
 * and sigset_t stay newlib's; user/lib/signal.c translates them for the
 * kernel.  The flag values are the kernel ABI's (passed through).
 */
#ifndef USER_SIGNAL_H
#define USER_SIGNAL_H

#include_next <signal.h>

#ifndef SA_RESTART
#define SA_NOCLDWAIT	0x00000002
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000
#endif

#endif /* USER_SIGNAL_H */
