// SPDX-License-Identifier: GPL-2.0
/* mbed TLS aes.c from the pinned source in build/deps (not committed). */
#include <aes.c>
