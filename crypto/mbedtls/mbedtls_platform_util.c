// SPDX-License-Identifier: GPL-2.0
/* mbed TLS platform_util.c from the pinned source in build/deps (not committed). */
#include <platform_util.c>
