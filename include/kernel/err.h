/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Error pointers: a function returning a pointer encodes -errno in the
 * top 4095 addresses, which are never valid objects.  Pure header.
 */
#ifndef KERNEL_ERR_H
#define KERNEL_ERR_H

#include <kernel/compiler.h>

#define MAX_ERRNO 4095

#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR_VALUE((unsigned long)ptr);
}

#endif /* KERNEL_ERR_H */
