/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-width types used everywhere in the kernel and in portable code.
 * Pure: depends only on the compiler's freestanding headers, so the same
 * header serves the kernel build and the host build.
 */
#ifndef KERNEL_TYPES_H
#define KERNEL_TYPES_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

/* Explicitly little-endian values in on-media structures (documentation). */
typedef uint16_t le16;
typedef uint32_t le32;
typedef uint64_t le64;

typedef u32 phys_addr_t;
typedef s64 ktime_t;

#ifndef __KERNEL__
#include <sys/types.h>
#else
typedef long ssize_t;
typedef long off_t;
#endif

#endif /* KERNEL_TYPES_H */
