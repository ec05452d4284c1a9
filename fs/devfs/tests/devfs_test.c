// SPDX-License-Identifier: GPL-2.0
/*
 * devfs tests through the VFS: the console, null and zero nodes; a block
 * node over an in-memory struct blkio (unaligned reads and writes,
 * read-only stores, the size), registration errors, unregistering while
 * a file is open (-ENODEV), and devfs_open_blkio() for mounting; claims
 * (shared, exclusive, refused by the driver, dropped with the file), the
 * ioctl hook of block nodes, a block node without a medium (-ENXIO), and
 * poll on character nodes.
 */
#include <kernel/ktest.h>
#include <fs/vfs.h>
#include <fs/devfs.h>
#include <fs/poll.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/slab.h>

#define RAM_SECTORS 16

struct ramstore {
	struct blkio bio;
	u8 data[RAM_SECTORS * 512];
	int writes;
};

static int ram_read(struct blkio *bio, u64 sector, void *buf, u32 count)
{
	struct ramstore *r = bio->priv;

	if (blkio_check_range(bio, sector, count))
		return -EINVAL;
	memcpy(buf, r->data + sector * 512, count * 512);
	return 0;
}

static int ram_write(struct blkio *bio, u64 sector, const void *buf, u32 count)
{
	struct ramstore *r = bio->priv;

	if (blkio_check_range(bio, sector, count))
		return -EINVAL;
	memcpy(r->data + sector * 512, buf, count * 512);
	r->writes++;
	return 0;
}

static struct ramstore *ram_new(bool ro)
{
	struct ramstore *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return NULL;
	r->bio.sector_size = 512;
	r->bio.nr_sectors = RAM_SECTORS;
	r->bio.read_only = ro;
	r->bio.priv = r;
	r->bio.read = ram_read;
	r->bio.write = ram_write;
	for (int i = 0; i < RAM_SECTORS * 512; i++)
		r->data[i] = (u8)i;
	return r;
}

static void devfs_builtin_nodes(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	char buf[16];
	struct stat st;
	int fd;

	KEXPECT_EQ(t, vfs_stat(c, "/dev/console", &st), 0);
	KEXPECT_TRUE(t, S_ISCHR(st.st_mode));
	fd = vfs_open(c, "/dev/console", O_WRONLY, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_write(c, fd, "# devfs console write\n", 22), 22);
	KEXPECT_EQ(t, vfs_lseek(c, fd, 0, SEEK_SET), -ESPIPE);
	vfs_close(c, fd);
	fd = vfs_open(c, "/dev/null", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_write(c, fd, "gone", 4), 4);
	KEXPECT_EQ(t, vfs_read(c, fd, buf, sizeof(buf)), 0);
	vfs_close(c, fd);
	fd = vfs_open(c, "/dev/zero", O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	memset(buf, 0x5a, sizeof(buf));
	KEXPECT_EQ(t, vfs_read(c, fd, buf, sizeof(buf)), sizeof(buf));
	KEXPECT_MEMEQ(t, buf, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);
	vfs_close(c, fd);
	KEXPECT_EQ(t, vfs_mkdir(c, "/dev/sub", 0755), -EPERM);
	KEXPECT_EQ(t, vfs_open(c, "/dev/new", O_CREAT | O_RDWR, 0644), -EACCES);
	KEXPECT_EQ(t, vfs_unlink(c, "/dev/null"), -EPERM);
	KEXPECT_EQ(t, vfs_stat(c, "/dev/none", &st), -ENOENT);
}

static void devfs_block_node(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct ramstore *r = ram_new(false);
	static u8 buf[1100], want[1100];	/* one test thread */
	struct stat st;
	int fd;

	KASSERT_NOT_NULL(t, r);
	KASSERT_EQ(t, devfs_register_blkio("vtblk", &r->bio), 0);
	KEXPECT_EQ(t, devfs_register_blkio("vtblk", &r->bio), -EEXIST);
	KEXPECT_EQ(t, vfs_stat(c, "/dev/vtblk", &st), 0);
	KEXPECT_TRUE(t, S_ISBLK(st.st_mode));
	KEXPECT_EQ(t, st.st_size, RAM_SECTORS * 512);
	fd = vfs_open(c, "/dev/vtblk", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	/* unaligned read across three sectors */
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, 1100, 300), 1100);
	for (int i = 0; i < 1100; i++)
		want[i] = (u8)(300 + i);
	KEXPECT_MEMEQ(t, buf, want, 1100);
	/* unaligned write: the bytes around it survive (read-modify-write) */
	memset(buf, 0xee, 1100);
	KEXPECT_EQ(t, vfs_pwrite(c, fd, buf, 1100, 700), 1100);
	KEXPECT_EQ(t, r->data[699], (u8)699);
	KEXPECT_EQ(t, r->data[700], 0xee);
	KEXPECT_EQ(t, r->data[1799], 0xee);
	KEXPECT_EQ(t, r->data[1800], (u8)1800);
	/* the end of the device */
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, 100, RAM_SECTORS * 512 - 10), 10);
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, 100, RAM_SECTORS * 512), 0);
	KEXPECT_EQ(t, vfs_pwrite(c, fd, buf, 1, RAM_SECTORS * 512), -ENOSPC);
	/* unregistered while open */
	KEXPECT_EQ(t, devfs_unregister("vtblk"), 0);
	KEXPECT_EQ(t, devfs_unregister("vtblk"), -ENOENT);
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, 10, 0), -ENODEV);
	KEXPECT_EQ(t, vfs_stat(c, "/dev/vtblk", &st), -ENOENT);
	vfs_close(c, fd);
	kfree(r);
}

static void devfs_readonly_and_open_blkio(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct ramstore *r = ram_new(true);
	struct blkio *bio = NULL;
	struct file *f;
	int fd;

	KASSERT_NOT_NULL(t, r);
	KASSERT_EQ(t, devfs_register_blkio("vtro", &r->bio), 0);
	fd = vfs_open(c, "/dev/vtro", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_write(c, fd, "x", 1), -EROFS);
	KEXPECT_EQ(t, r->writes, 0);
	vfs_close(c, fd);
	f = devfs_open_blkio(c, "/dev/vtro", &bio);
	KEXPECT_FALSE(t, IS_ERR(f));
	if (!IS_ERR(f)) {
		KEXPECT_TRUE(t, bio == &r->bio);
		fput(f);
	}
	KEXPECT_EQ(t, PTR_ERR(devfs_open_blkio(c, "/dev/null", &bio)), -ENOTBLK);
	KEXPECT_EQ(t, PTR_ERR(devfs_open_blkio(c, "/dev/nothing", &bio)), -ENOENT);
	KEXPECT_EQ(t, PTR_ERR(devfs_open_blkio(c, "/tmp", &bio)), -ENOTBLK);
	KEXPECT_EQ(t, devfs_unregister("vtro"), 0);
	kfree(r);
	/* bad registrations */
	KEXPECT_EQ(t, devfs_register_blkio("a/b", &r->bio), -EINVAL);
	KEXPECT_EQ(t, devfs_register_blkio("..", &r->bio), -EINVAL);
	KEXPECT_EQ(t, devfs_register_blkio("", &r->bio), -EINVAL);
	KEXPECT_EQ(t, devfs_register_blkio("x", NULL), -EINVAL);
	KEXPECT_EQ(t, devfs_register_char("a-name-that-is-far-too-long-for-devfs", NULL, NULL),
		   -EINVAL);
}

/* A block node with driver hooks: counts what devfs tells it. */
struct hooked {
	struct ramstore *r;
	int claims, unclaims, refuse;
	u32 last_cmd, last_arg;
};

static int hk_claim(void *priv)
{
	struct hooked *h = priv;

	if (h->refuse)
		return h->refuse;
	h->claims++;
	return 0;
}

static void hk_unclaim(void *priv)
{
	((struct hooked *)priv)->unclaims++;
}

static long hk_ioctl(void *priv, u32 cmd, u32 arg)
{
	struct hooked *h = priv;

	h->last_cmd = cmd;
	h->last_arg = arg;
	return cmd == 0x1234 ? 42 : -ENOTTY;
}

static const struct devfs_blk_ops hk_ops = {
	.claim = hk_claim, .unclaim = hk_unclaim, .ioctl = hk_ioctl,
};

static void devfs_block_claims(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	static struct hooked h;
	struct file *a, *b, *m, *chr;
	struct blkio *bio;

	memset(&h, 0, sizeof(h));
	h.r = ram_new(false);
	KASSERT_NOT_NULL(t, h.r);
	KASSERT_EQ(t, devfs_register_blkdev("vthook", &h.r->bio, &hk_ops, &h), 0);
	a = filp_open(c, "/dev/vthook", O_RDWR, 0);
	b = filp_open(c, "/dev/vthook", O_RDONLY, 0);
	chr = filp_open(c, "/dev/null", O_RDONLY, 0);
	KASSERT_FALSE(t, IS_ERR(a) || IS_ERR(b) || IS_ERR(chr));
	/* the ioctl hook, in the driver's words */
	KEXPECT_EQ(t, a->f_op->ioctl(a, 0x1234, 7), 42);
	KEXPECT_EQ(t, h.last_arg, 7);
	KEXPECT_EQ(t, a->f_op->ioctl(a, 0x99, 0), -ENOTTY);
	/* shared claims stack; a file holds one at a time */
	KEXPECT_EQ(t, devfs_claim(a, false), 0);
	KEXPECT_EQ(t, devfs_claim(a, false), -EBUSY);
	m = devfs_open_blkio(c, "/dev/vthook", &bio);
	KEXPECT_FALSE(t, IS_ERR(m));
	KEXPECT_EQ(t, h.claims, 2);
	/* exclusive: refused while shared ones hold, and refuses them */
	KEXPECT_EQ(t, devfs_claim(b, true), -EBUSY);
	devfs_unclaim(a);
	devfs_unclaim(a);			/* a second unclaim is a no-op */
	KEXPECT_EQ(t, h.unclaims, 1);
	if (!IS_ERR(m))
		fput(m);			/* the mount's claim ends with its file */
	KEXPECT_EQ(t, h.unclaims, 2);
	KEXPECT_EQ(t, devfs_claim(b, true), 0);
	KEXPECT_EQ(t, devfs_claim(a, false), -EBUSY);
	KEXPECT_EQ(t, PTR_ERR(devfs_open_blkio(c, "/dev/vthook", &bio)), -EBUSY);
	devfs_unclaim(b);
	/* the driver may refuse */
	h.refuse = -ENXIO;
	KEXPECT_EQ(t, devfs_claim(a, false), -ENXIO);
	KEXPECT_EQ(t, PTR_ERR(devfs_open_blkio(c, "/dev/vthook", &bio)), -ENXIO);
	h.refuse = 0;
	KEXPECT_EQ(t, devfs_claim(a, false), 0);
	KEXPECT_EQ(t, devfs_claim(chr, false), -ENOTBLK);
	fput(chr);
	fput(a);				/* released with its claim held */
	KEXPECT_EQ(t, h.claims, h.unclaims);
	/* no claims on a node that is gone */
	KEXPECT_EQ(t, devfs_unregister("vthook"), 0);
	KEXPECT_EQ(t, devfs_claim(b, false), -ENODEV);
	KEXPECT_EQ(t, b->f_op->ioctl(b, 0x1234, 0), -ENODEV);
	fput(b);
	kfree(h.r);
}

/* A device of 0 sectors has no medium; a size change shows in stat. */
static void devfs_block_no_medium(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct ramstore *r = ram_new(false);
	struct stat st;
	char buf[8];
	int fd;

	KASSERT_NOT_NULL(t, r);
	r->bio.nr_sectors = 0;
	KASSERT_EQ(t, devfs_register_blkio("vtempty", &r->bio), 0);
	fd = vfs_open(c, "/dev/vtempty", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_read(c, fd, buf, sizeof(buf)), -ENXIO);
	KEXPECT_EQ(t, vfs_write(c, fd, buf, sizeof(buf)), -ENXIO);
	KEXPECT_EQ(t, vfs_stat(c, "/dev/vtempty", &st), 0);
	KEXPECT_EQ(t, st.st_size, 0);
	r->bio.nr_sectors = 2;			/* as a loop device binding a file */
	KEXPECT_EQ(t, vfs_stat(c, "/dev/vtempty", &st), 0);
	KEXPECT_EQ(t, st.st_size, 1024);
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, sizeof(buf), 0), sizeof(buf));
	vfs_close(c, fd);
	KEXPECT_EQ(t, devfs_unregister("vtempty"), 0);
	kfree(r);
}

/* --- poll on character nodes -------------------------------------------- */

static u32 vt_mask;		/* what the test node's poll says */

/* A driver with nothing to wake pollers: they look again every 5 ms. */
static u32 vt_char_poll(void *priv, struct file *file, struct poll_table *pt)
{
	poll_retry(pt, 5 * NSEC_PER_MSEC);
	return READ_ONCE(vt_mask);
}

static const struct devfs_char_ops vt_poll_ops = { .poll = vt_char_poll };

static int vt_set_mask_later(void *arg)
{
	msleep(30);
	WRITE_ONCE(vt_mask, POLLIN);
	return 0;
}

static int poll_fd(struct vfs_ctx *c, int fd, u16 events, s64 timeout_ns, u16 *revents)
{
	struct poll_fd p = { .fd = fd, .events = events };
	int ret = vfs_poll(c, &p, 1, timeout_ns, POLL_ALWAYS);

	*revents = p.revents;
	return ret;
}

/*
 * The built-in nodes (null: always ready; console: always writable), a
 * driver's poll whose mask changes without a wake-up (found by looking
 * again), and a node unregistered under its open file (POLLERR|POLLHUP).
 */
static void devfs_char_poll(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	struct thread *th;
	u64 t0;
	u16 rev;
	int fd;

	fd = vfs_open(c, "/dev/null", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, poll_fd(c, fd, POLLIN | POLLOUT, -1, &rev), 1);
	KEXPECT_EQ(t, rev, POLLIN | POLLOUT);
	vfs_close(c, fd);
	fd = vfs_open(c, "/dev/console", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, poll_fd(c, fd, POLLOUT, -1, &rev), 1);
	KEXPECT_EQ(t, rev, POLLOUT);
	vfs_close(c, fd);

	vt_mask = 0;
	KASSERT_EQ(t, devfs_register_char("vtpoll", &vt_poll_ops, NULL), 0);
	fd = vfs_open(c, "/dev/vtpoll", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	t0 = ktime_get_ns();
	KEXPECT_EQ(t, poll_fd(c, fd, POLLIN, 20 * NSEC_PER_MSEC, &rev), 0);
	KEXPECT_UGE(t, ktime_get_ns() - t0, 20 * NSEC_PER_MSEC);
	th = kthread_run(vt_set_mask_later, NULL, PRIO_DEFAULT + 1, "vtpoll");
	KASSERT_FALSE(t, IS_ERR(th));
	t0 = ktime_get_ns();
	KEXPECT_EQ(t, poll_fd(c, fd, POLLIN, 2000 * NSEC_PER_MSEC, &rev), 1);
	KEXPECT_ULE(t, ktime_get_ns() - t0, 1000 * NSEC_PER_MSEC);
	KEXPECT_EQ(t, rev, POLLIN);
	kthread_join(th);
	KEXPECT_EQ(t, devfs_unregister("vtpoll"), 0);
	KEXPECT_EQ(t, poll_fd(c, fd, POLLIN, 0, &rev), 1);
	KEXPECT_EQ(t, rev, POLLERR | POLLHUP);
	vfs_close(c, fd);
}

static struct ktest_case devfs_cases[] = {
	KTEST_CASE(devfs_builtin_nodes),
	KTEST_CASE(devfs_block_node),
	KTEST_CASE(devfs_readonly_and_open_blkio),
	KTEST_CASE(devfs_block_claims),
	KTEST_CASE(devfs_block_no_medium),
	KTEST_CASE(devfs_char_poll),
	{}
};

static struct ktest_suite devfs_suite = {
	.name = "devfs",
	.cases = devfs_cases,
};
KTEST_SUITE(devfs_suite);
