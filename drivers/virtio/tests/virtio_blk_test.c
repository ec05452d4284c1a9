// SPDX-License-Identifier: GPL-2.0
/*
 * virtio-blk on a disk image attached by tests/qemu/virtio-blk.sh: the
 * image carries an MBR with one partition starting at sector 2048 whose
 * first sector holds a pattern written by the host.  The suite reads it
 * through vda1, does write/read-back/verify on vda, and leaves a pattern
 * at vda1 sector 10 that the script checks in the image after QEMU exits.
 * Skipped unless ktest_disk=vda names the scratch image.
 */
#include <kernel/ktest.h>
#include <block/ktest_disk.h>
#include <block/blkdev.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/time.h>

#define DISK	"vda"
#define PART	"vda1"

static bool no_disk(struct ktest *t)
{
	return ktest_disk_absent(t, DISK,
				 "ktest_disk=vda not on the command line (tests/qemu/virtio-blk.sh)");
}

static void vblk_partition_has_host_pattern(struct ktest *t)
{
	if (!no_disk(t))
		ktest_disk_host_pattern(t, PART);
}

static void vblk_write_read_verify(struct ktest *t)
{
	if (!no_disk(t))
		ktest_disk_write_read_verify(t, DISK);
}

static volatile int async_done;

static void count_done(struct request *rq)
{
	async_done++;		/* interrupt context */
}

/* Eight requests in flight at once, completed by the interrupt handler. */
static void vblk_async_requests_in_flight(struct ktest *t)
{
	enum { N = 8, SECTORS = 4 };
	struct block_device *vda = blk_find(DISK);
	struct request *rq;
	u8 *buf, *check;
	u64 deadline;
	int i;

	if (no_disk(t))
		return;
	KASSERT_NOT_NULL(t, vda);
	rq = kcalloc(N, sizeof(*rq), GFP_KERNEL);
	buf = kmalloc(N * SECTORS * 512, GFP_KERNEL);
	check = kmalloc(N * SECTORS * 512, GFP_KERNEL);
	KASSERT_TRUE(t, rq && buf && check);
	ktest_disk_fill(buf, N * SECTORS * 512, 77);
	async_done = 0;
	for (i = 0; i < N; i++) {
		rq[i].op = REQ_OP_WRITE;
		rq[i].sector = 400 + i * SECTORS;
		rq[i].count = SECTORS;
		rq[i].buf = buf + i * SECTORS * 512;
		rq[i].end_io = count_done;
		KEXPECT_EQ(t, blk_submit(vda, &rq[i]), 0);
	}
	deadline = ktime_get_ns() + 2 * NSEC_PER_SEC;
	while (async_done < N && ktime_get_ns() < deadline)
		;
	KEXPECT_EQ(t, async_done, N);
	for (i = 0; i < N; i++)
		KEXPECT_EQ(t, rq[i].status, 0);
	KEXPECT_EQ(t, blk_rw(vda, REQ_OP_READ, 400, check, N * SECTORS), 0);
	KEXPECT_MEMEQ(t, check, buf, N * SECTORS * 512);
	kfree(rq);
	kfree(buf);
	kfree(check);
}

static void vblk_leave_pattern_for_host(struct ktest *t)
{
	if (!no_disk(t))
		ktest_disk_leave_pattern(t, PART);
}

static struct ktest_case vblk_cases[] = {
	KTEST_CASE(vblk_partition_has_host_pattern),
	KTEST_CASE(vblk_write_read_verify),
	KTEST_CASE(vblk_async_requests_in_flight),
	KTEST_CASE(vblk_leave_pattern_for_host),
	{}
};

static struct ktest_suite vblk_suite = {
	.name = "virtio_blk",
	.cases = vblk_cases,
};
KTEST_SUITE(vblk_suite);
