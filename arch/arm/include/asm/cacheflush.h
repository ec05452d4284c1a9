/* SPDX-License-Identifier: GPL-2.0 */
/*
 * D-cache maintenance for DMA by devices that do not snoop the caches
 * (virtio rings and buffers).  Ranges are virtual addresses in the linear
 * map; whole cache lines are maintained, to the point of coherency.
 */
#ifndef ASM_CACHEFLUSH_H
#define ASM_CACHEFLUSH_H

#include <kernel/types.h>

/* Write dirty lines of [start, start + len) back to memory (CPU -> device). */
void dma_clean_range(const void *start, size_t len);

/*
 * Drop the lines of [start, start + len) so the CPU reads what the device
 * wrote (device -> CPU).  Partial lines at the edges are cleaned first so
 * that neighbouring data is not lost.
 */
void dma_inval_range(const void *start, size_t len);

#endif /* ASM_CACHEFLUSH_H */
