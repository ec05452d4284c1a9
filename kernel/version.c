// SPDX-License-Identifier: GPL-2.0
/* The version banner; the build passes the release, compiler and board. */
#include <kernel/version.h>
#include <generated/version.h>

const char kernel_release[] = UTS_RELEASE;
const char kernel_banner[] = "Kernel version " UTS_RELEASE " (" COMPILER_VERSION ") "
			     "for " BOARD_NAME ", " SMP_STRING;
