// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/mounts in Linux's layout (source, mount point, type, options,
 * "0 0"), generated from the VFS mount table.
 *
 * Layer: procfs entry over the VFS.  Locking: vfs_for_each_mount() holds
 * the mount table still while it calls back.
 */
#include <fs/procfs.h>
#include <fs/vfs.h>
#include <kernel/init.h>

static int mount_line(const struct mount_info *mi, void *arg)
{
	seq_printf(arg, "%s %s %s %s 0 0\n", mi->source, mi->path, mi->fstype,
		   (mi->flags & MS_RDONLY) ? "ro" : "rw");
	return 0;
}

static int mounts_show(struct seq_buf *s)
{
	return vfs_for_each_mount(mount_line, s);
}

static struct proc_entry mounts_entry = { .name = "mounts", .show = mounts_show };

static int proc_mounts_init(void)
{
	return proc_register(&mounts_entry);
}

static void proc_mounts_exit(void)
{
	proc_unregister(&mounts_entry);
}
initcall_pair(fs, proc_mounts_init, proc_mounts_exit);
