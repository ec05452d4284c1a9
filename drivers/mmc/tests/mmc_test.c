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
#include <block/blkdev.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/cmdline.h>

#define HOST_MAGIC	"ktest-host-pattern"
#define KERNEL_MAGIC	"ktest-kernel-wrote"

/*
 * These cases write to the disk: they run only on the scratch image the
 * scenario script attaches and names with ktest_disk=mmcblk0 (never on a
 * real card or the boot disk of a U-Boot run).  Otherwise they skip.
 */
static bool no_disk(struct ktest *t)
{
	const char *want = cmdline_get("ktest_disk");

	if (!want || strcmp(want, "mmcblk0")) {
		ktest_skip(t, "ktest_disk=mmcblk0 not on the command line (tests/qemu/mmc.sh)");
		return true;
	}
	return false;
}

static void fill(u8 *buf, size_t len, u8 seed)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = (u8)(i * 31 + seed);
}

static void mmc_partition_has_host_pattern(struct ktest *t)
{
	struct block_device *p1 = blk_find("mmcblk0p1");
	u8 *buf;

	if (no_disk(t))
		return;
	buf = kmalloc(512, GFP_KERNEL);
	KASSERT_NOT_NULL(t, buf);
	KASSERT_NOT_NULL(t, p1);
	KEXPECT_UEQ(t, p1->start_sect, 2048);
	KEXPECT_EQ(t, blk_rw(p1, REQ_OP_READ, 0, buf, 1), 0);
	KEXPECT_MEMEQ(t, buf, HOST_MAGIC, sizeof(HOST_MAGIC));
	kfree(buf);
}

static void mmc_write_read_verify(struct ktest *t)
{
	struct block_device *disk = blk_find("mmcblk0");
	u8 *wbuf, *rbuf;

	if (no_disk(t))
		return;
	wbuf = kmalloc(8 * 512, GFP_KERNEL);
	rbuf = kmalloc(8 * 512, GFP_KERNEL);
	KASSERT_TRUE(t, disk && wbuf && rbuf);
	for (u8 seed = 1; seed < 4; seed++) {
		fill(wbuf, 8 * 512, seed);
		memset(rbuf, 0, 8 * 512);
		KEXPECT_EQ(t, blk_rw(disk, REQ_OP_WRITE, 100 + seed, wbuf, 8), 0);
		KEXPECT_EQ(t, blk_rw(disk, REQ_OP_READ, 100 + seed, rbuf, 8), 0);
		KEXPECT_MEMEQ(t, rbuf, wbuf, 8 * 512);
	}
	fill(wbuf, 512, 9);		/* single-block commands */
	KEXPECT_EQ(t, blk_rw(disk, REQ_OP_WRITE, 50, wbuf, 1), 0);
	KEXPECT_EQ(t, blk_rw(disk, REQ_OP_READ, 50, rbuf, 1), 0);
	KEXPECT_MEMEQ(t, rbuf, wbuf, 512);
	KEXPECT_EQ(t, blk_rw(disk, REQ_OP_READ, disk->nr_sectors, rbuf, 1), -EINVAL);
	kfree(wbuf);
	kfree(rbuf);
}

static void mmc_leave_pattern_for_host(struct ktest *t)
{
	struct block_device *p1 = blk_find("mmcblk0p1");
	u8 *buf;

	if (no_disk(t))
		return;
	buf = kzalloc(512, GFP_KERNEL);
	KASSERT_TRUE(t, p1 && buf);
	memcpy(buf, KERNEL_MAGIC, sizeof(KERNEL_MAGIC));
	KEXPECT_EQ(t, blk_rw(p1, REQ_OP_WRITE, 10, buf, 1), 0);
	KEXPECT_EQ(t, blk_get_blkio(p1)->flush(blk_get_blkio(p1)), 0);
	kfree(buf);
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
