// SPDX-License-Identifier: GPL-2.0
/* libfdt fdt.c from the pinned source in build/deps (not committed). */
#include <fdt.c>
