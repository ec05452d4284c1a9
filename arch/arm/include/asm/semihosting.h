/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARM semihosting (ARM DUI 0471, "Semihosting operations"): lets a program
 * under a debugger or QEMU -semihosting print and exit with a status.
 * Safe without a host: the SVC then reaches our own vector, which ignores
 * SVCs from kernel mode.  CONFIG_SEMIHOSTING turns the calls off entirely.
 */
#ifndef ASM_SEMIHOSTING_H
#define ASM_SEMIHOSTING_H

#include <kernel/compiler.h>

extern bool semihosting_enabled;

void semihosting_write0(const char *s);
/* Ends the run with @status (0 = success); returns if not enabled. */
void semihosting_exit(int status);

#endif /* ASM_SEMIHOSTING_H */
