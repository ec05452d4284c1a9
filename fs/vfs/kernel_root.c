// SPDX-License-Identifier: GPL-2.0
/*
 * Switching the kernel's root directory to the real root filesystem once
 * it is mounted (the boot ramfs stays underneath, unreachable, like
 * Linux's rootfs under a pivoted root).
 */
#include "internal.h"
#include <fs/root.h>

int vfs_pivot_kernel_root(const char *path)
{
	struct path p;
	int err = path_lookup(vfs_kernel_ctx(), path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &p);

	if (err)
		return err;
	kernel_ctx_set_root(&p);
	path_put(&p);
	return 0;
}
