// SPDX-License-Identifier: GPL-2.0
/* mbed TLS pkcs5.c from the pinned source in build/deps (not committed). */
#include <pkcs5.c>
