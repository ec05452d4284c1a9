/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mount(2) and umount2(2).  fstype is one of the kernel's filesystem
 * names: "ext2", "logfs", "ramfs", "procfs", "devfs", "sysfs".
 */
#ifndef USER_SYS_MOUNT_H
#define USER_SYS_MOUNT_H

#include <uapi/linux-abi.h>

#define MS_RDONLY	ABI_MS_RDONLY
#define MS_NOSUID	ABI_MS_NOSUID
#define MS_NODEV	ABI_MS_NODEV
#define MS_NOEXEC	ABI_MS_NOEXEC
#define MS_REMOUNT	ABI_MS_REMOUNT
#define MNT_FORCE	ABI_MNT_FORCE
#define MNT_DETACH	ABI_MNT_DETACH

int mount(const char *source, const char *target, const char *fstype,
	  unsigned long flags, const void *data);
int umount(const char *target);
int umount2(const char *target, int flags);

/*
 * mount_options_flags() - MS_RDONLY if the comma-separated options (as in
 * fstab or "mount -o") contain "ro".  The whole string goes to the kernel
 * as mount's data, where each filesystem takes what it knows ("check" for
 * logfs) and ignores ro/rw.
 */
unsigned long mount_options_flags(const char *opts);

#endif /* USER_SYS_MOUNT_H */
