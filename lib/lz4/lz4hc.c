// SPDX-License-Identifier: GPL-2.0
/*
 * LZ4 high-compression for the kernel: lz4hc.c from the pinned source in
 * build/deps (not committed), in heap mode (its 256 KiB state comes from
 * LZ4_malloc in lz4.c, never the stack).  Needs CONFIG_LZ4.
 */
#define LZ4HC_HEAPMODE 1
#define LZ4_USER_MEMORY_FUNCTIONS 1
#include <lz4hc.c>
