// SPDX-License-Identifier: GPL-2.0
/*
 * VFS + ramfs file semantics: create/read/write/seek, holes, O_APPEND,
 * O_TRUNC, O_EXCL, pread/pwrite, truncate, descriptors (-EBADF, -EMFILE,
 * dup/dup2), and unlinked-but-open files.
 */
#include "vfs_helpers.h"
#include <fs/file_blkio.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/slab.h>

static void file_create_read_write_seek(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	char buf[32];
	struct stat st;
	int fd;

	fd = vfs_open(c, VT "/a", O_CREAT | O_RDWR, 0644);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_write(c, fd, "hello world", 11), 11);
	KEXPECT_EQ(t, vfs_lseek(c, fd, 0, SEEK_CUR), 11);
	KEXPECT_EQ(t, vfs_lseek(c, fd, 6, SEEK_SET), 6);
	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, vfs_read(c, fd, buf, sizeof(buf)), 5);
	KEXPECT_STREQ(t, buf, "world");
	KEXPECT_EQ(t, vfs_read(c, fd, buf, sizeof(buf)), 0);	/* EOF */
	KEXPECT_EQ(t, vfs_lseek(c, fd, -5, SEEK_END), 6);
	KEXPECT_EQ(t, vfs_write(c, fd, "WORLD", 5), 5);
	KEXPECT_EQ(t, vfs_lseek(c, fd, -100, SEEK_CUR), -EINVAL);
	KEXPECT_EQ(t, vfs_lseek(c, fd, 0, 7), -EINVAL);
	KEXPECT_EQ(t, vfs_fstat(c, fd, &st), 0);
	KEXPECT_EQ(t, st.st_size, 11);
	KEXPECT_TRUE(t, S_ISREG(st.st_mode));
	KEXPECT_EQ(t, st.st_mode & 0777, 0644);
	KEXPECT_EQ(t, st.st_nlink, 1);
	KEXPECT_EQ(t, vfs_close(c, fd), 0);
	KEXPECT_EQ(t, vt_read_file(c, VT "/a", buf, sizeof(buf)), 11);
	KEXPECT_STREQ(t, buf, "hello WORLD");
	KEXPECT_EQ(t, vfs_open(c, VT "/nope", O_RDONLY, 0), -ENOENT);
	KEXPECT_EQ(t, vfs_open(c, VT "/a", O_CREAT | O_EXCL | O_RDWR, 0644), -EEXIST);
	KEXPECT_EQ(t, vfs_open(c, VT "/a", O_ACCMODE, 0), -EINVAL);
}

static void file_holes_and_large(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	u8 *buf = kmalloc(20000, GFP_KERNEL);
	struct stat st;
	int fd, bad = 0;

	KASSERT_NOT_NULL(t, buf);
	fd = vfs_open(c, VT "/sparse", O_CREAT | O_RDWR, 0600);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_pwrite(c, fd, "end", 3, 100000), 3);
	KEXPECT_EQ(t, vfs_fstat(c, fd, &st), 0);
	KEXPECT_EQ(t, st.st_size, 100003);
	KEXPECT_EQ(t, st.st_blocks, 8);		/* one 4 KiB page */
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, 20000, 50000), 20000);
	for (int i = 0; i < 20000; i++)
		bad += buf[i] != 0;
	KEXPECT_EQ(t, bad, 0);
	/* A write across page boundaries, read back at odd offsets. */
	for (int i = 0; i < 20000; i++)
		buf[i] = (u8)(i * 13 + 7);
	KEXPECT_EQ(t, vfs_pwrite(c, fd, buf, 20000, 4090), 20000);
	memset(buf, 0, 20000);
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, 20000, 4090), 20000);
	bad = 0;
	for (int i = 0; i < 20000; i++)
		bad += buf[i] != (u8)(i * 13 + 7);
	KEXPECT_EQ(t, bad, 0);
	KEXPECT_EQ(t, vfs_lseek(c, fd, 0, SEEK_CUR), 0);	/* p* leave the offset */
	KEXPECT_EQ(t, vfs_pread(c, fd, buf, 10, -1), -EINVAL);
	vfs_close(c, fd);
	kfree(buf);
}

static void file_append_trunc(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	char buf[32];
	int fd;

	KASSERT_EQ(t, vt_write_file(c, VT "/f", "abc"), 3);
	fd = vfs_open(c, VT "/f", O_WRONLY | O_APPEND, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_lseek(c, fd, 0, SEEK_SET), 0);
	KEXPECT_EQ(t, vfs_write(c, fd, "def", 3), 3);	/* at the end anyway */
	vfs_close(c, fd);
	KEXPECT_EQ(t, vt_read_file(c, VT "/f", buf, sizeof(buf)), 6);
	KEXPECT_STREQ(t, buf, "abcdef");
	fd = vfs_open(c, VT "/f", O_WRONLY | O_TRUNC, 0);
	KASSERT_GE(t, fd, 0);
	vfs_close(c, fd);
	KEXPECT_EQ(t, vt_read_file(c, VT "/f", buf, sizeof(buf)), 0);

	/* truncate: shrink, then extend reads zeroes (not old data) */
	KASSERT_EQ(t, vt_write_file(c, VT "/f", "0123456789"), 10);
	KEXPECT_EQ(t, vfs_truncate(c, VT "/f", 4), 0);
	KEXPECT_EQ(t, vfs_truncate(c, VT "/f", 8), 0);
	KEXPECT_EQ(t, vt_read_file(c, VT "/f", buf, sizeof(buf)), 8);
	KEXPECT_MEMEQ(t, buf, "0123\0\0\0\0", 8);
	KEXPECT_EQ(t, vfs_truncate(c, VT "/f", -1), -EINVAL);
	KEXPECT_EQ(t, vfs_truncate(c, VT, 0), -EISDIR);
	KEXPECT_EQ(t, vfs_truncate(c, VT "/none", 0), -ENOENT);
	fd = vfs_open(c, VT "/f", O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_ftruncate(c, fd, 0), -EBADF);	/* not open for writing */
	KEXPECT_EQ(t, vfs_write(c, fd, "x", 1), -EBADF);
	vfs_close(c, fd);
	fd = vfs_open(c, VT "/f", O_WRONLY, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_read(c, fd, buf, 1), -EBADF);
	KEXPECT_EQ(t, vfs_ftruncate(c, fd, 2), 0);
	KEXPECT_EQ(t, vfs_fsync(c, fd), 0);
	vfs_close(c, fd);
	KEXPECT_EQ(t, vt_read_file(c, VT "/f", buf, sizeof(buf)), 2);
}

static void file_bad_fds(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct stat st;
	char buf[4];
	int fds[VFS_NR_OPEN], n = 0, fd;

	KEXPECT_EQ(t, vfs_read(c, -1, buf, 1), -EBADF);
	KEXPECT_EQ(t, vfs_write(c, VFS_NR_OPEN, buf, 1), -EBADF);
	KEXPECT_EQ(t, vfs_close(c, 5), -EBADF);
	KEXPECT_EQ(t, vfs_fstat(c, 3, &st), -EBADF);
	KEXPECT_EQ(t, vfs_lseek(c, 7, 0, SEEK_SET), -EBADF);
	KEXPECT_EQ(t, vfs_getdents(c, 1000, buf, sizeof(buf)), -EBADF);
	KASSERT_EQ(t, vt_write_file(c, VT "/f", "x"), 1);
	for (n = 0; n < VFS_NR_OPEN; n++) {
		fds[n] = vfs_open(c, VT "/f", O_RDONLY, 0);
		if (fds[n] < 0)
			break;
	}
	KEXPECT_EQ(t, n, VFS_NR_OPEN);
	KEXPECT_EQ(t, fds[0], 0);			/* lowest first */
	KEXPECT_EQ(t, vfs_open(c, VT "/f", O_RDONLY, 0), -EMFILE);
	KEXPECT_EQ(t, vfs_dup(c, 0), -EMFILE);
	KEXPECT_EQ(t, vfs_close(c, 3), 0);
	KEXPECT_EQ(t, vfs_open(c, VT "/f", O_RDONLY, 0), 3);	/* reused */
	KEXPECT_EQ(t, vfs_close(c, 3), 0);
	KEXPECT_EQ(t, vfs_close(c, 3), -EBADF);		/* double close */
	for (int i = 0; i < n; i++)
		if (fds[i] != 3)
			KEXPECT_EQ(t, vfs_close(c, fds[i]), 0);

	/* dup and dup2 share the offset */
	fd = vfs_open(c, VT "/f", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_dup2(c, fd, 10), 10);
	KEXPECT_EQ(t, vfs_write(c, 10, "yz", 2), 2);
	KEXPECT_EQ(t, vfs_lseek(c, fd, 0, SEEK_CUR), 2);
	KEXPECT_EQ(t, vfs_dup2(c, fd, VFS_NR_OPEN), -EBADF);
	KEXPECT_EQ(t, vfs_close(c, fd), 0);
	KEXPECT_EQ(t, vfs_read(c, 10, buf, 1), 0);	/* still open through 10 */
	KEXPECT_EQ(t, vfs_close(c, 10), 0);
}

static void file_unlinked_open(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	char buf[16] = { 0 };
	struct stat st;
	int fd;

	KASSERT_EQ(t, vt_write_file(c, VT "/gone", "still here"), 10);
	fd = vfs_open(c, VT "/gone", O_RDWR, 0);
	KASSERT_GE(t, fd, 0);
	KEXPECT_EQ(t, vfs_unlink(c, VT "/gone"), 0);
	KEXPECT_EQ(t, vfs_stat(c, VT "/gone", &st), -ENOENT);
	KEXPECT_EQ(t, vfs_fstat(c, fd, &st), 0);
	KEXPECT_EQ(t, st.st_nlink, 0);
	KEXPECT_EQ(t, vfs_read(c, fd, buf, sizeof(buf)), 10);
	KEXPECT_STREQ(t, buf, "still here");
	KEXPECT_EQ(t, vfs_write(c, fd, "!", 1), 1);
	/* a new file of the same name is a different one */
	KASSERT_EQ(t, vt_write_file(c, VT "/gone", "new"), 3);
	KEXPECT_EQ(t, vt_read_file(c, VT "/gone", buf, sizeof(buf)), 3);
	KEXPECT_EQ(t, vfs_close(c, fd), 0);
}

static void file_as_blkio(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	static u8 img[4196], sec[512];
	struct file_blkio fb;
	int fd;

	for (int i = 0; i < (int)sizeof(img); i++)
		img[i] = (u8)(i * 3 + i / 512);
	fd = vfs_open(c, VT "/img", O_CREAT | O_WRONLY, 0600);
	KASSERT_GE(t, fd, 0);
	KASSERT_EQ(t, vfs_write(c, fd, img, sizeof(img)), sizeof(img));
	vfs_close(c, fd);
	KASSERT_EQ(t, file_blkio_open(&fb, c, VT "/img", 512, false), 0);
	KEXPECT_EQ(t, fb.bio.nr_sectors, 8);		/* whole sectors only */
	KEXPECT_EQ(t, fb.bio.read(&fb.bio, 2, sec, 1), 0);
	KEXPECT_MEMEQ(t, sec, img + 1024, 512);
	memset(sec, 0x77, sizeof(sec));
	KEXPECT_EQ(t, fb.bio.write(&fb.bio, 7, sec, 1), 0);
	KEXPECT_EQ(t, fb.bio.read(&fb.bio, 7, sec, 2), -EINVAL);	/* past the end */
	KEXPECT_EQ(t, fb.bio.flush(&fb.bio), 0);
	file_blkio_close(&fb);
	KEXPECT_EQ(t, vfs_pread(c, (fd = vfs_open(c, VT "/img", O_RDONLY, 0)), img, 512, 3584), 512);
	vfs_close(c, fd);
	KEXPECT_EQ(t, img[0], 0x77);
	KEXPECT_EQ(t, img[511], 0x77);
	/* read-only, and the errors */
	KASSERT_EQ(t, file_blkio_open(&fb, c, VT "/img", 1024, true), 0);
	KEXPECT_EQ(t, fb.bio.nr_sectors, 4);
	KEXPECT_EQ(t, fb.bio.write(&fb.bio, 0, img, 1), -EROFS);
	file_blkio_close(&fb);
	KEXPECT_EQ(t, file_blkio_open(&fb, c, VT "/img", 1000, true), -EINVAL);
	KEXPECT_EQ(t, file_blkio_open(&fb, c, VT, 512, true), -EINVAL);
	KEXPECT_EQ(t, file_blkio_open(&fb, c, VT "/none", 512, true), -ENOENT);
	KASSERT_EQ(t, vt_write_file(c, VT "/tiny", "x"), 1);
	KEXPECT_EQ(t, file_blkio_open(&fb, c, VT "/tiny", 512, true), -ENXIO);
}

static struct ktest_case vfs_file_cases[] = {
	KTEST_CASE(file_create_read_write_seek),
	KTEST_CASE(file_holes_and_large),
	KTEST_CASE(file_append_trunc),
	KTEST_CASE(file_bad_fds),
	KTEST_CASE(file_unlinked_open),
	KTEST_CASE(file_as_blkio),
	{}
};

static struct ktest_suite vfs_file_suite = {
	.name = "vfs_file",
	.cases = vfs_file_cases,
	.init = vt_init,
	.exit = vt_exit,
};
KTEST_SUITE(vfs_file_suite);
