// SPDX-License-Identifier: GPL-2.0
/* Host build of lib/vsprintf.c under kernel_* names (libc owns the real ones). */
#define VSPRINTF_NAME(x) kernel_##x
#include "../vsprintf.c"
