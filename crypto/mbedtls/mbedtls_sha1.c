// SPDX-License-Identifier: GPL-2.0
/* mbed TLS sha1.c from the pinned source in build/deps (not committed). */
#include <sha1.c>
