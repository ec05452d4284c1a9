/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loop device nodes (drivers/block/loop_dev.c): /dev/loop-control and
 * /dev/loopN, the ioctls of include/uapi/loop-crypt.h.  The functions
 * below are what those ioctls do, on kernel memory, for kernel users and
 * tests; the ioctls copy to and from user space around them.
 *
 * A device is bound to an open file (a regular file or a block node in
 * devfs) and reads and writes it in 512-byte sectors; unbound, it has no
 * medium (reads and writes of /dev/loopN give -ENXIO).  While a claim
 * holds it (a mounted filesystem, a device stacked on it: devfs_claim())
 * it cannot be detached.
 */
#ifndef BLOCK_LOOP_DEV_H
#define BLOCK_LOOP_DEV_H

#include <kernel/types.h>
#include <uapi/loop-crypt.h>

struct file;

/**
 * loop_dev_get_free() - the lowest index N of an unbound loop device,
 * registering /dev/loopN if it does not exist yet
 * Return: N, -ENOSPC (CONFIG_BLK_DEV_LOOP_MAX devices, all bound), -ENOMEM.
 */
int loop_dev_get_free(void);

/**
 * loop_dev_set_file() - bind /dev/loop@index to @file
 * @file: referenced; a regular file or a devfs block node (then claimed),
 * opened for reading (read-only device if O_RDONLY).  On success the
 * device keeps this reference until loop_dev_clear(); on failure the
 * caller keeps it.
 * Return: 0, -ENODEV (no such device), -EBUSY (bound already, or the
 * block node is claimed exclusively), -EINVAL (another file type,
 * O_APPEND), -EBADF (write-only), -ENXIO (empty file, unbound loop device).
 */
int loop_dev_set_file(unsigned int index, struct file *file);

/**
 * loop_dev_clear() - flush and detach /dev/loop@index
 * Return: 0 (also when the flush failed: logged), -ENODEV, -ENXIO (not
 * bound), -EBUSY (claimed: mounted, or a device stacked on it).
 */
int loop_dev_clear(unsigned int index);

/**
 * loop_dev_get_info() - what backs /dev/loop@index
 * Return: 0, -ENODEV, -ENXIO (not bound).
 */
int loop_dev_get_info(unsigned int index, struct loop_info *info);

#endif /* BLOCK_LOOP_DEV_H */
