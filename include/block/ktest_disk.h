/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared cases for disk drivers tested on a scratch image that a QEMU
 * scenario script (tests/qemu/mmc.sh, virtio-blk.sh) attaches: the image
 * has an MBR partition at sector 2048 whose first sector holds
 * KTEST_DISK_HOST_MAGIC; the kernel leaves KTEST_DISK_KERNEL_MAGIC at
 * partition sector 10 for the script to find after QEMU exits.
 * The cases write, so they run only when ktest_disk=<disk> names the
 * scratch image on the command line; otherwise they skip.
 * (block/tests/ktest_disk.c)
 */
#ifndef BLOCK_KTEST_DISK_H
#define BLOCK_KTEST_DISK_H

#include <kernel/ktest.h>

#define KTEST_DISK_HOST_MAGIC	"ktest-host-pattern"
#define KTEST_DISK_KERNEL_MAGIC	"ktest-kernel-wrote"

/* true (and the case skipped with @skip_reason) unless ktest_disk=@disk */
bool ktest_disk_absent(struct ktest *t, const char *disk, const char *skip_reason);

/* a reproducible pattern */
void ktest_disk_fill(u8 *buf, size_t len, u8 seed);

/* partition @part starts at 2048 and its sector 0 has the host's pattern */
void ktest_disk_host_pattern(struct ktest *t, const char *part);

/*
 * Write, read back and compare 8-sector and single-sector transfers on
 * @disk (sectors 50..111), and a read past the end fails with -EINVAL.
 */
void ktest_disk_write_read_verify(struct ktest *t, const char *disk);

/* write the kernel's pattern at sector 10 of @part and flush */
void ktest_disk_leave_pattern(struct ktest *t, const char *part);

#endif /* BLOCK_KTEST_DISK_H */
