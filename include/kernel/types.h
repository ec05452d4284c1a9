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

/*
 * As in Linux: u32 is unsigned int and u64 unsigned long long on every
 * target, so "%u"/"%x" print a u32 and "%llu"/"%llx" a u64 both in the
 * kernel (where uint32_t is unsigned long) and on the host (where
 * uint64_t is unsigned long).
 */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef signed short s16;
typedef signed int s32;
typedef signed long long s64;

/* Explicitly little-endian values in on-media structures (documentation). */
typedef u16 le16;
typedef u32 le32;
typedef u64 le64;

typedef u32 phys_addr_t;
typedef s64 ktime_t;

#ifndef __KERNEL__
#include <sys/types.h>
#else
typedef long ssize_t;
typedef long off_t;
#endif

#endif /* KERNEL_TYPES_H */
