// SPDX-License-Identifier: GPL-2.0
/*
 * SD card (PL181) on an image attached by tests/qemu/mmc.sh: the
 * image carries an MBR with one partition starting at sector 2048 whose
 * first sector holds a pattern written by the host.  The suite reads it
 * through mmcblk0p1, does write/read-back/verify on mmcblk0 (multi-block
 * and single-block commands), and leaves a pattern at mmcblk0p1 sector 10
 * that the script checks in the image after QEMU exits.
 * Skipped unless ktest_disk=mmcblk0 names the scratch image.
 */
#include <kernel/ktest.h>
#include <block/ktest_disk.h>

#define DISK	"mmcblk0"
#define PART	"mmcblk0p1"

static bool no_disk(struct ktest *t)
{
	return ktest_disk_absent(t, DISK,
				 "ktest_disk=mmcblk0 not on the command line (tests/qemu/mmc.sh)");
}

static void mmc_partition_has_host_pattern(struct ktest *t)
{
	if (!no_disk(t))
		ktest_disk_host_pattern(t, PART);
}

/* multi-block and single-block commands */
static void mmc_write_read_verify(struct ktest *t)
{
	if (!no_disk(t))
		ktest_disk_write_read_verify(t, DISK);
}

static void mmc_leave_pattern_for_host(struct ktest *t)
{
	if (!no_disk(t))
		ktest_disk_leave_pattern(t, PART);
}

static struct ktest_case mmc_cases[] = {
	KTEST_CASE(mmc_partition_has_host_pattern),
	KTEST_CASE(mmc_write_read_verify),
	KTEST_CASE(mmc_leave_pattern_for_host),
	{}
};

static struct ktest_suite mmc_suite = {
	.name = "mmc_sd",
	.cases = mmc_cases,
};
KTEST_SUITE(mmc_suite);
