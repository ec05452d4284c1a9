// SPDX-License-Identifier: GPL-2.0
/* libfdt fdt_ro.c from the pinned source in build/deps (not committed). */
#include <fdt_ro.c>
