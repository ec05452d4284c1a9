/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FS_ROOT_H
#define FS_ROOT_H

/**
 * vfs_pivot_kernel_root() - make directory @path the kernel's (and so every
 * process's started from now on) root and working directory
 * Used once the real root filesystem is mounted below the boot ramfs.
 * Return: 0, or the lookup error (-ENOENT, -ENOTDIR).
 */
int vfs_pivot_kernel_root(const char *path);

#endif
