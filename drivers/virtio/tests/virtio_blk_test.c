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
#include <block/blkdev.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/cmdline.h>
#include <kernel/time.h>

#define HOST_MAGIC	"ktest-host-pattern"
#define KERNEL_MAGIC	"ktest-kernel-wrote"

/*
 * These cases write to the disk: they run only on the scratch image the
 * scenario script attaches and names with ktest_disk=vda (never on a
 * real card or the boot disk of a U-Boot run).  Otherwise they skip.
 */
static bool no_disk(struct ktest *t)
{
	const char *want = cmdline_get("ktest_disk");

	if (!want || strcmp(want, "vda")) {
		ktest_skip(t, "ktest_disk=vda not on the command line (tests/qemu/virtio-blk.sh)");
		return true;
	}
	return false;
}

static void fill(u8 *buf, size_t len, u8 seed)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = (u8)(i * 31 + seed);
}

static void vblk_partition_has_host_pattern(struct ktest *t)
{
	struct block_device *p1 = blk_find("vda1");
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

static void vblk_write_read_verify(struct ktest *t)
{
	struct block_device *vda = blk_find("vda");
	u8 *wbuf, *rbuf;

	if (no_disk(t))
		return;
	wbuf = kmalloc(8 * 512, GFP_KERNEL);
	rbuf = kmalloc(8 * 512, GFP_KERNEL);
	KASSERT_TRUE(t, vda && wbuf && rbuf);
	for (u8 seed = 1; seed < 4; seed++) {
		fill(wbuf, 8 * 512, seed);
		memset(rbuf, 0, 8 * 512);
		KEXPECT_EQ(t, blk_rw(vda, REQ_OP_WRITE, 100 + seed, wbuf, 8), 0);
		KEXPECT_EQ(t, blk_rw(vda, REQ_OP_READ, 100 + seed, rbuf, 8), 0);
		KEXPECT_MEMEQ(t, rbuf, wbuf, 8 * 512);
	}
	KEXPECT_EQ(t, blk_rw(vda, REQ_OP_READ, vda->nr_sectors, rbuf, 1), -EINVAL);
	kfree(wbuf);
	kfree(rbuf);
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
	struct block_device *vda = blk_find("vda");
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
	fill(buf, N * SECTORS * 512, 77);
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
	struct block_device *p1 = blk_find("vda1");
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
