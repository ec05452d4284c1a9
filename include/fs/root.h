/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FS_ROOT_H
#define FS_ROOT_H

#include <kernel/types.h>

/**
 * vfs_pivot_kernel_root() - make directory @path the kernel's (and so every
 * process's started from now on) root and working directory
 * Used once the real root filesystem is mounted below the boot ramfs.
 * Return: 0, or the lookup error (-ENOENT, -ENOTDIR).
 */
int vfs_pivot_kernel_root(const char *path);

/**
 * initrd_region() - the initrd's physical range [@start, @end) from /chosen
 * Return: 0, or -ENOENT when the boot loader passed none.
 */
int initrd_region(u64 *start, u64 *end);

/**
 * initrd_memory() - the initrd mapped in the kernel, trimmed to whole
 * 512-byte sectors; @phys is its physical start (kernel/root_initrd.c)
 * Return: 0, -ENOENT (no initrd) or -ERANGE (outside the linear map).
 */
int initrd_memory(void **data, size_t *size, u64 *phys);

#endif
