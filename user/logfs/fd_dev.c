// SPDX-License-Identifier: GPL-2.0
/*
 * A LogFS medium (struct logfs_dev) over a file descriptor: a block node
 * (/dev/crypt-secure, /dev/loop0) or a regular file, for mkfs.logfs and
 * fsck.logfs on the target.
 *
 * Geometry is the kernel's for a block node (see logfs_user.h).  Reads
 * take any range; writes are whole sectors, as the kernel's blkio backend
 * demands, so a LogFS bug shows here the way it would in the kernel.
 * Positions are 64-bit (_llseek): newlib's off_t is 32 bits.
 *
 * Erase zeroes the segment.  The kernel's block backend does nothing there
 * (a block device has no erase), which is fine while one filesystem lives
 * on the device, but not for a new one: anchors of an earlier LogFS left in
 * the journal segments have higher sequence numbers than the fresh one's
 * and would be taken as the newest.  Only logfs_format() erases here (fsck
 * is read-only), so the cost is the few segments it starts with.
 *
 * Layer: below fs/logfs (its dev.c for user space).  Locking: none (one
 * thread).  Must not know: anything above segments.
 */
#include <port/port.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <uapi/linux-abi.h>
#include "logfs_user.h"

static struct fd_medium *to_medium(struct logfs_dev *dev)
{
	return dev->priv;
}

/* The kernel's stat64: 64-bit size and inode, unlike newlib's stat. */
static int stat64_path(const char *path, struct abi_stat64 *st)
{
	return syscall(__NR_stat64, path, st) < 0 ? -EIO : 0;
}

static int seek_to(int fd, u64 pos)
{
	long long res;

	if (syscall(__NR__llseek, fd, (long)(pos >> 32), (long)(u32)pos, &res,
		    SEEK_SET) < 0)
		return -EIO;
	return 0;
}

/* [seg, ofs, len) must lie inside one segment of the medium. */
static int check_range(struct logfs_dev *dev, u32 seg, u32 ofs, u32 len)
{
	if (seg >= dev->nr_segs || ofs > dev->seg_size ||
	    len > dev->seg_size - ofs)
		return -EINVAL;
	return 0;
}

static int fd_read(struct logfs_dev *dev, u32 seg, u32 ofs, void *buf, u32 len)
{
	struct fd_medium *m = to_medium(dev);
	u8 *p = buf;
	ssize_t n;
	int ret;

	ret = check_range(dev, seg, ofs, len);
	if (!ret)
		ret = seek_to(m->fd, (u64)seg * dev->seg_size + ofs);
	while (!ret && len) {
		n = read(m->fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -EIO;	/* an error, or the end came early */
		p += n;
		len -= (u32)n;
	}
	return ret;
}

/* Write @len bytes at @pos; -ENOSPC if the file system under a file is full. */
static int write_at(struct fd_medium *m, u64 pos, const void *buf, u32 len)
{
	const u8 *p = buf;
	ssize_t n;
	int ret = seek_to(m->fd, pos);

	while (!ret && len) {
		n = write(m->fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == ENOSPC)
			return -ENOSPC;
		if (n <= 0)
			return -EIO;
		p += n;
		len -= (u32)n;
	}
	return ret;
}

static int fd_write(struct logfs_dev *dev, u32 seg, u32 ofs, const void *buf,
		    u32 len)
{
	struct fd_medium *m = to_medium(dev);
	int ret;

	if (m->read_only)
		return -EROFS;
	if (ofs % dev->io_unit || len % dev->io_unit)
		return -EINVAL;
	ret = check_range(dev, seg, ofs, len);
	if (ret)
		return ret;
	return write_at(m, (u64)seg * dev->seg_size + ofs, buf, len);
}

static int fd_erase(struct logfs_dev *dev, u32 seg)
{
	static u8 zeros[8192];	/* bss: never written */
	struct fd_medium *m = to_medium(dev);
	u64 pos = (u64)seg * dev->seg_size;
	u32 done;
	int ret;

	if (m->read_only)
		return -EROFS;
	ret = check_range(dev, seg, 0, dev->seg_size);
	for (done = 0; !ret && done < dev->seg_size; done += sizeof(zeros))
		ret = write_at(m, pos + done, zeros,
			       min((u32)sizeof(zeros), dev->seg_size - done));
	return ret;
}

static int fd_sync(struct logfs_dev *dev)
{
	struct fd_medium *m = to_medium(dev);

	if (m->read_only)
		return 0;
	return fsync(m->fd) ? -EIO : 0;
}

static void fd_release(struct logfs_dev *dev)
{
}

/* Bytes of the medium: a file's size, or a block node's end. */
static int medium_size(struct fd_medium *m, const struct abi_stat64 *st)
{
	long long end;

	if (!m->is_blk) {
		m->size = (u64)st->st_size;
		return 0;
	}
	if (syscall(__NR__llseek, m->fd, 0L, 0L, &end, SEEK_END) < 0)
		return -EIO;
	m->size = (u64)end;
	return 0;
}

int fd_medium_open(struct fd_medium *m, const char *path, bool read_only,
		   u32 sector_size)
{
	struct abi_stat64 st;
	u32 type;
	int ret;

	memset(m, 0, sizeof(*m));
	m->fd = -1;
	if (sector_size < 512 || sector_size > 65536 || !is_power_of_2(sector_size))
		return -EINVAL;
	m->fd = open(path, read_only ? O_RDONLY : O_RDWR);
	if (m->fd < 0)
		return -errno;
	ret = syscall(__NR_fstat64, m->fd, &st) < 0 ? -EIO : 0;
	if (!ret) {
		type = st.st_mode & ABI_S_IFMT;
		m->is_blk = type == ABI_S_IFBLK;
		if (type != ABI_S_IFREG && type != ABI_S_IFBLK)
			ret = -ENOTBLK;
	}
	if (!ret)
		ret = medium_size(m, &st);
	if (ret) {
		close(m->fd);
		m->fd = -1;
		return ret;
	}
	m->read_only = read_only;
	m->sector_size = sector_size;
	m->dev.seg_size = FD_MEDIUM_SEG_SIZE;
	m->dev.nr_segs = (u32)min(m->size / FD_MEDIUM_SEG_SIZE, (u64)0xffffffffu);
	m->dev.io_unit = sector_size;
	m->dev.priv = m;
	m->dev.read = fd_read;
	m->dev.write = fd_write;
	m->dev.erase = fd_erase;
	m->dev.sync = fd_sync;
	m->dev.release = fd_release;
	return 0;
}

int fd_medium_close(struct fd_medium *m)
{
	int ret = 0;

	if (m->fd < 0)
		return 0;
	if (!m->read_only && fsync(m->fd))
		ret = -EIO;
	if (close(m->fd))
		ret = -EIO;
	m->fd = -1;
	return ret;
}

/* Is the mount source @src the same node as @dev (by name or identity)? */
static bool same_node(const char *src, const char *path,
		      const struct abi_stat64 *dev)
{
	struct abi_stat64 st;

	if (!strcmp(src, path))
		return true;
	if (src[0] != '/' || stat64_path(src, &st))
		return false;
	return st.st_dev == dev->st_dev && st.st_ino == dev->st_ino;
}

bool fd_medium_mounted(const char *path)
{
	struct abi_stat64 dev;
	char line[512], src[256];
	bool found = false;
	FILE *f;

	if (stat64_path(path, &dev))
		memset(&dev, 0xff, sizeof(dev));	/* compare by name only */
	f = fopen("/proc/mounts", "r");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		size_t n = strcspn(line, " \t\n");	/* the source field */

		if (!n || n >= sizeof(src))
			continue;
		memcpy(src, line, n);
		src[n] = '\0';
		found = same_node(src, path, &dev);
	}
	fclose(f);
	return found;
}

int fd_medium_parse_sector(const char *prog, const char *arg, u32 *sector)
{
	char *end;
	unsigned long v = strtoul(arg, &end, 0);

	if (*end || v < 512 || v > 65536 || (v & (v - 1))) {
		fprintf(stderr, "%s: -b %s: a power of two from 512 to 65536\n",
			prog, arg);
		return -EINVAL;
	}
	*sector = (u32)v;
	return 0;
}
