// SPDX-License-Identifier: GPL-2.0
/* mbed TLS sha256.c from the pinned source in build/deps (not committed). */
#include <sha256.c>
