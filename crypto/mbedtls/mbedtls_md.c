// SPDX-License-Identifier: GPL-2.0
/* mbed TLS md.c from the pinned source in build/deps (not committed). */
#include <md.c>
