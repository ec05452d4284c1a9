// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS through the VFS on a 2 MiB RAM store registered in devfs:
 * files, directories, a directory renamed with open and cached files
 * below it (the adapter's paths follow), hard links that outlive their
 * first name, symlinks, truncate, O_APPEND, unlinked-but-open files, and
 * everything still there after unmount and a second mount.
 */
#include <kernel/ktest.h>
#include <fs/vfs.h>
#include <fs/devfs.h>
#include <fs/logfs.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <mm/page_alloc.h>

#define STORE_ORDER 9			/* 2 MiB: 16 segments of 128 KiB */
#define STORE_BYTES (4096u << STORE_ORDER)
#define MNT "/tmp/lg"

struct lg {
	struct blkio bio;
	u8 *data;
};

static int ram_read(struct blkio *bio, u64 sector, void *buf, u32 count)
{
	struct lg *x = bio->priv;

	if (blkio_check_range(bio, sector, count))
		return -EINVAL;
	memcpy(buf, x->data + sector * 512, count * 512);
	return 0;
}

static int ram_write(struct blkio *bio, u64 sector, const void *buf, u32 count)
{
	struct lg *x = bio->priv;

	if (blkio_check_range(bio, sector, count))
		return -EINVAL;
	memcpy(x->data + sector * 512, buf, count * 512);
	return 0;
}

static int lg_init(struct ktest *t)
{
	struct lg *x = kzalloc(sizeof(*x), GFP_KERNEL);
	struct logfs_dev dev = { 0 };
	int ret;

	if (!x)
		return -ENOMEM;
	t->priv = x;
	x->data = get_free_pages(GFP_KERNEL, STORE_ORDER);
	if (!x->data)
		return -ENOMEM;
	memset(x->data, 0xff, STORE_BYTES);
	x->bio = (struct blkio){ .sector_size = 512, .nr_sectors = STORE_BYTES / 512,
				 .priv = x, .read = ram_read, .write = ram_write };
	ret = logfs_dev_blkio(&dev, &x->bio, 0);
	if (ret)
		return ret;
	ret = logfs_format(&dev);
	if (dev.release)
		dev.release(&dev);
	if (!ret)
		ret = devfs_register_blkio("lgtest", &x->bio);
	if (!ret)
		ret = vfs_mkdir(vfs_kernel_ctx(), MNT, 0755);
	if (!ret)
		ret = vfs_mount(vfs_kernel_ctx(), "/dev/lgtest", MNT, "logfs", 0, NULL);
	return ret;
}

static void lg_exit(struct ktest *t)
{
	struct lg *x = t->priv;
	struct vfs_ctx *c = vfs_kernel_ctx();

	if (!x)
		return;
	KEXPECT_EQ(t, vfs_umount(c, MNT), 0);
	vfs_rmdir(c, MNT);
	devfs_unregister("lgtest");
	if (x->data)
		free_pages_addr(x->data, STORE_ORDER);
	kfree(x);
}

static int put(const char *path, const char *s)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	int fd = vfs_open(c, path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	int n;

	if (fd < 0)
		return fd;
	n = vfs_write(c, fd, s, strlen(s));
	vfs_close(c, fd);
	return n;
}

static int get(const char *path, char *buf, size_t len)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	int fd = vfs_open(c, path, O_RDONLY, 0);
	int n;

	if (fd < 0)
		return fd;
	n = vfs_read(c, fd, buf, len - 1);
	buf[n > 0 ? n : 0] = '\0';
	vfs_close(c, fd);
	return n;
}

static void logfs_vfs_files_and_dirs(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	char buf[64];
	struct stat st;
	int fd;

	KEXPECT_EQ(t, vfs_mkdir(c, MNT "/d", 0755), 0);
	KEXPECT_EQ(t, vfs_mkdir(c, MNT "/d", 0755), -EEXIST);
	KEXPECT_EQ(t, put(MNT "/d/f", "log data"), 8);
	KEXPECT_EQ(t, get(MNT "/d/f", buf, sizeof(buf)), 8);
	KEXPECT_STREQ(t, buf, "log data");
	KEXPECT_EQ(t, vfs_stat(c, MNT "/d/f", &st), 0);
	KEXPECT_EQ(t, st.st_size, 8);
	KEXPECT_EQ(t, vfs_stat(c, MNT "/d", &st), 0);
	KEXPECT_TRUE(t, S_ISDIR(st.st_mode));
	/* rename the directory while its file is cached and open */
	fd = vfs_open(c, MNT "/d/f", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_rename(c, MNT "/d", MNT "/e"), 0);
	KEXPECT_EQ(t, vfs_stat(c, MNT "/d/f", &st), -ENOENT);
	KEXPECT_EQ(t, vfs_write(c, fd, "LOG", 3), 3);
	vfs_close(c, fd);
	KEXPECT_EQ(t, get(MNT "/e/f", buf, sizeof(buf)), 8);
	KEXPECT_STREQ(t, buf, "LOG data");
	KEXPECT_EQ(t, vfs_truncate(c, MNT "/e/f", 3), 0);	/* by its new path */
	KEXPECT_EQ(t, get(MNT "/e/f", buf, sizeof(buf)), 3);
	/* hard link outliving its first name */
	KEXPECT_EQ(t, vfs_link(c, MNT "/e/f", MNT "/h"), 0);
	KEXPECT_EQ(t, vfs_stat(c, MNT "/h", &st), 0);
	KEXPECT_EQ(t, st.st_nlink, 2);
	KEXPECT_EQ(t, vfs_unlink(c, MNT "/e/f"), 0);
	KEXPECT_EQ(t, vfs_truncate(c, MNT "/h", 1), 0);
	KEXPECT_EQ(t, get(MNT "/h", buf, sizeof(buf)), 1);
	KEXPECT_STREQ(t, buf, "L");
	/* symlinks, append, errors */
	KEXPECT_EQ(t, vfs_symlink(c, "e", MNT "/s"), 0);
	KEXPECT_EQ(t, vfs_readlink(c, MNT "/s", buf, sizeof(buf)), 1);
	KEXPECT_EQ(t, put(MNT "/s/g", "via link"), 8);
	KEXPECT_EQ(t, get(MNT "/e/g", buf, sizeof(buf)), 8);
	fd = vfs_open(c, MNT "/e/g", O_WRONLY | O_APPEND, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_write(c, fd, "!", 1), 1);
	vfs_close(c, fd);
	KEXPECT_EQ(t, get(MNT "/e/g", buf, sizeof(buf)), 9);
	KEXPECT_EQ(t, vfs_rmdir(c, MNT "/e"), -ENOTEMPTY);
	KEXPECT_EQ(t, vfs_unlink(c, MNT "/e"), -EISDIR);
	KEXPECT_EQ(t, vfs_rename(c, MNT "/e", MNT "/e/x"), -EINVAL);
}

static void logfs_vfs_unlinked_open_and_remount(struct ktest *t)
{
	struct vfs_ctx *c = vfs_kernel_ctx();
	char buf[64];
	int fd, n = 0;
	u64 dents[32];

	KASSERT_EQ(t, vfs_mkdir(c, MNT "/keep", 0755), 0);
	KASSERT_EQ(t, put(MNT "/keep/a", "persist"), 7);
	KASSERT_EQ(t, put(MNT "/tmp", "temporary"), 9);
	fd = vfs_open(c, MNT "/tmp", O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_unlink(c, MNT "/tmp"), 0);
	KEXPECT_EQ(t, vfs_read(c, fd, buf, sizeof(buf)), 9);
	KEXPECT_EQ(t, vfs_umount(c, MNT), -EBUSY);
	vfs_close(c, fd);
	KEXPECT_EQ(t, vfs_sync(), 0);
	/* unmount and mount again: the data is on the store */
	KASSERT_EQ(t, vfs_umount(c, MNT), 0);
	KASSERT_EQ(t, vfs_mount(c, "/dev/lgtest", MNT, "logfs", 0, NULL), 0);
	KEXPECT_EQ(t, get(MNT "/keep/a", buf, sizeof(buf)), 7);
	KEXPECT_STREQ(t, buf, "persist");
	KEXPECT_EQ(t, get(MNT "/tmp", buf, sizeof(buf)), -ENOENT);
	fd = vfs_open(c, MNT, O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	for (int r; (r = vfs_getdents(c, fd, dents, sizeof(dents))) > 0;)
		for (int off = 0; off < r; off += ((struct dirent64 *)((u8 *)dents + off))->d_reclen)
			n++;
	vfs_close(c, fd);
	KEXPECT_EQ(t, n, 3);		/* ., .., keep */
}

static struct ktest_case logfs_vfs_cases[] = {
	KTEST_CASE(logfs_vfs_files_and_dirs),
	KTEST_CASE(logfs_vfs_unlinked_open_and_remount),
	{}
};

static struct ktest_suite logfs_vfs_suite = {
	.name = "logfs_vfs",
	.cases = logfs_vfs_cases,
	.init = lg_init,
	.exit = lg_exit,
};
KTEST_SUITE(logfs_vfs_suite);
