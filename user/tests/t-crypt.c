// SPDX-License-Identifier: GPL-2.0
/*
 * Loop devices and encrypted containers through the real system calls
 * (include/uapi/loop-crypt.h), as losetup and cryptsetup use them: attach
 * a file to a free /dev/loopN, read and write through it, detach;
 * CRYPT_FORMAT, CRYPT_OPEN, write, CRYPT_CLOSE, open again and read back;
 * a wrong passphrase (EKEYREJECTED, which the C library names EACCES)
 * leaving the container untouched; EEXIST, ENOENT, EINVAL, EBADF, EBUSY
 * (a device in use by a stacked one, or mounted when /sbin/mkfs.logfs is
 * there to make a filesystem); EFAULT for bad pointers, including a
 * structure that runs into an unmapped page; and the losetup and
 * cryptsetup programs themselves.  Attached loop devices and open
 * mappings are block devices: in /sys/class/block with their partitions
 * (/dev/loopNp1 too) while attached, gone when detached.  Works in /tmp
 * (or argv[1]).  SKIPs everything where the nodes do not exist (another
 * kernel, qemu-arm).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <uapi/loop-crypt.h>

#include "ktap.h"
#include "loop_util.h"

#define KERNEL_ADDR	((void *)0xc0000000)
#define BAD_ADDR	((void *)1)
#define HDR_BYTES	(2 << 20)	/* LUKS1 payload offset, 512-bit keys */
#define PAYLOAD		(64 * 1024)
#define PASS		"t-crypt passphrase"
#define NCASES		10

static char dir[200], img[256], img2[256], keyfile[256];
static char buf[PAYLOAD];

static unsigned char pattern(long pos, int seed)
{
	return (unsigned char)(pos * 13 + pos / 511 + seed);
}

/* @path: @size bytes of pattern(@seed), or zeros for seed < 0. */
static int make_file(const char *path, long size, int seed)
{
	int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0600);
	long pos;

	if (fd < 0)
		return -1;
	for (pos = 0; pos < size; pos += sizeof(buf)) {
		long n = size - pos < (long)sizeof(buf) ? size - pos : (long)sizeof(buf);

		for (long i = 0; i < n; i++)
			buf[i] = seed < 0 ? 0 : pattern(pos + i, seed);
		if (write(fd, buf, n) != n) {
			close(fd);
			return -1;
		}
	}
	return close(fd);
}

static int is_pattern(const char *p, long len, long pos, int seed)
{
	for (long i = 0; i < len; i++)
		if ((unsigned char)p[i] != pattern(pos + i, seed))
			return 0;
	return 1;
}

/* A cheap checksum of a whole file, to see that nothing was written. */
static unsigned long file_sum(const char *path)
{
	unsigned long sum = 0;
	int fd = open(path, O_RDONLY);
	ssize_t n;

	while (fd >= 0 && (n = read(fd, buf, sizeof(buf))) > 0)
		for (ssize_t i = 0; i < n; i++)
			sum = sum * 31 + (unsigned char)buf[i];
	if (fd >= 0)
		close(fd);
	return sum;
}

/* pread/pwrite, which this C library does not have; errno as theirs. */
static ssize_t read_at(int fd, void *p, size_t len, off_t pos)
{
	return lseek(fd, pos, SEEK_SET) < 0 ? -1 : read(fd, p, len);
}

static ssize_t write_at(int fd, const void *p, size_t len, off_t pos)
{
	return lseek(fd, pos, SEEK_SET) < 0 ? -1 : write(fd, p, len);
}

/* All of @len (reads of a device may stop at a chunk, like a pipe's). */
static ssize_t read_full(int fd, char *p, size_t len)
{
	size_t got = 0;
	ssize_t n = 0;

	while (got < len && (n = read(fd, p + got, len - got)) > 0)
		got += n;
	return got ? (ssize_t)got : n;
}

static long ctl(unsigned long req, void *arg)
{
	int fd = open("/dev/cryptctl", O_RDWR);
	long r;
	int e;

	if (fd < 0)
		return -1;
	r = ioctl(fd, req, arg);
	e = errno;
	close(fd);
	errno = e;
	return r;
}

static int format(const char *path, const char *cipher, unsigned int iter)
{
	static struct crypt_format f;
	int fd = open(path, O_RDWR), r;

	memset(&f, 0, sizeof(f));
	strcpy(f.cipher, cipher);
	f.iterations = iter;
	f.pass_len = strlen(PASS);
	memcpy(f.passphrase, PASS, f.pass_len);
	f.backing_fd = fd;
	r = ctl(CRYPT_FORMAT, &f);
	if (fd >= 0)
		close(fd);
	return r;
}

static int crypt_open(const char *path, const char *name, const char *pass)
{
	static struct crypt_open o;
	int fd = open(path, O_RDWR), r, e;

	memset(&o, 0, sizeof(o));
	o.type = CRYPT_TYPE_LUKS1;
	strcpy(o.name, name);
	o.pass_len = strlen(pass);
	memcpy(o.passphrase, pass, o.pass_len);
	o.backing_fd = fd;
	r = ctl(CRYPT_OPEN, &o);
	e = errno;
	if (fd >= 0)
		close(fd);
	errno = e;
	return r;
}

static int crypt_close(const char *name)
{
	struct crypt_name n;

	memset(&n, 0, sizeof(n));
	strcpy(n.name, name);
	return ctl(CRYPT_CLOSE, &n);
}

static void test_loop_attach_detach(void)
{
	struct loop_info info;
	char dev[32];
	int fd;

	EXPECT_EQ(make_file(img, PAYLOAD, 1), 0);
	EXPECT_EQ(loop_attach(img, O_RDWR, dev, sizeof(dev)), 0);
	fd = open(dev, O_RDWR);
	EXPECT_TRUE(fd >= 0);
	memset(&info, 0, sizeof(info));
	EXPECT_EQ(ioctl(fd, LOOP_GET_INFO, &info), 0);
	EXPECT_EQ(info.size, PAYLOAD);
	EXPECT_EQ(info.flags, 0);
	EXPECT_TRUE(!strcmp(info.backing, img));
	EXPECT_EQ(read_at(fd, buf, 3000, 1000), 3000);
	EXPECT_TRUE(is_pattern(buf, 3000, 1000, 1));
	memset(buf, 'w', 10);
	EXPECT_EQ(write_at(fd, buf, 10, 20000), 10);
	EXPECT_EQ(fsync(fd), 0);
	EXPECT_EQ(ioctl(fd, LOOP_CLR_FD, 0), 0);
	EXPECT_ERR(read_at(fd, buf, 10, 0), ENXIO);
	EXPECT_ERR(ioctl(fd, LOOP_GET_INFO, &info), ENXIO);
	EXPECT_ERR(ioctl(fd, LOOP_CLR_FD, 0), ENXIO);
	close(fd);
	fd = open(img, O_RDONLY);
	EXPECT_EQ(read_at(fd, buf, 12, 19999), 12);
	close(fd);
	EXPECT_TRUE(is_pattern(buf, 1, 19999, 1) && buf[1] == 'w' && buf[10] == 'w' &&
		    is_pattern(buf + 11, 1, 20010, 1));
	/* a read-only descriptor makes a read-only device */
	EXPECT_EQ(loop_attach(img, O_RDONLY, dev, sizeof(dev)), 0);
	fd = open(dev, O_RDWR);
	EXPECT_EQ(ioctl(fd, LOOP_GET_INFO, &info), 0);
	EXPECT_EQ(info.flags, LOOP_INFO_READ_ONLY);
	EXPECT_ERR(write_at(fd, buf, 10, 0), EROFS);
	EXPECT_EQ(ioctl(fd, LOOP_CLR_FD, 0), 0);
	close(fd);
	ktap_case("loop_attach_rw_detach");
}

static void test_loop_errors(void)
{
	struct loop_info info;
	char dev[32];
	int c, n, fd, dirfd, filefd;

	EXPECT_EQ(make_file(img, PAYLOAD, 1), 0);
	c = open("/dev/loop-control", O_RDWR);
	n = ioctl(c, LOOP_CTL_GET_FREE, 0);
	EXPECT_TRUE(n >= 0);
	EXPECT_ERR(ioctl(c, LOOP_SET_FD, 0), ENOTTY);
	close(c);
	snprintf(dev, sizeof(dev), "/dev/loop%d", n);
	fd = open(dev, O_RDWR);
	dirfd = open(dir, O_RDONLY);
	filefd = open(img, O_WRONLY);
	EXPECT_ERR(ioctl(fd, LOOP_SET_FD, -1), EBADF);
	EXPECT_ERR(ioctl(fd, LOOP_SET_FD, 1000), EBADF);
	EXPECT_ERR(ioctl(fd, LOOP_SET_FD, dirfd), EINVAL);
	EXPECT_ERR(ioctl(fd, LOOP_SET_FD, filefd), EBADF);	/* write-only */
	EXPECT_ERR(ioctl(fd, LOOP_SET_FD, fd), ENXIO);		/* itself, unbound */
	close(filefd);
	filefd = open(img, O_RDWR);
	EXPECT_EQ(ioctl(fd, LOOP_SET_FD, filefd), 0);
	EXPECT_ERR(ioctl(fd, LOOP_SET_FD, filefd), EBUSY);
	EXPECT_ERR(ioctl(fd, LOOP_GET_INFO, BAD_ADDR), EFAULT);
	EXPECT_ERR(ioctl(fd, LOOP_GET_INFO, KERNEL_ADDR), EFAULT);
	EXPECT_ERR(ioctl(fd, 0x4c7f, &info), ENOTTY);
	EXPECT_EQ(ioctl(fd, LOOP_CLR_FD, 0), 0);
	close(filefd);
	close(dirfd);
	close(fd);
	ktap_case("loop_errors");
}

static void test_luks_roundtrip(void)
{
	struct crypt_status st;
	int fd;

	EXPECT_EQ(make_file(img, HDR_BYTES + PAYLOAD, -1), 0);
	EXPECT_EQ(format(img, "", CRYPT_ITER_MIN), 0);
	EXPECT_EQ(crypt_open(img, "tc", PASS), 0);
	memset(&st, 0, sizeof(st));
	strcpy(st.name, "tc");
	EXPECT_EQ(ctl(CRYPT_STATUS, &st), 0);
	EXPECT_EQ(st.type, CRYPT_TYPE_LUKS1);
	EXPECT_EQ(st.sectors, PAYLOAD / 512);
	EXPECT_TRUE(!strcmp(st.cipher, "aes-xts-plain64"));
	fd = open("/dev/crypt-tc", O_RDWR);
	EXPECT_TRUE(fd >= 0);
	for (long i = 0; i < PAYLOAD; i++)
		buf[i] = pattern(i, 7);
	EXPECT_EQ(write(fd, buf, PAYLOAD), PAYLOAD);
	close(fd);
	EXPECT_EQ(crypt_close("tc"), 0);
	EXPECT_ERR(access("/dev/crypt-tc", F_OK), ENOENT);
	fd = open(img, O_RDONLY);
	EXPECT_EQ(read_at(fd, buf, 512, HDR_BYTES), 512);
	close(fd);
	EXPECT_TRUE(!is_pattern(buf, 512, 0, 7));	/* ciphertext on the file */
	EXPECT_EQ(crypt_open(img, "tc", PASS), 0);
	fd = open("/dev/crypt-tc", O_RDONLY);
	memset(buf, 0, sizeof(buf));
	EXPECT_EQ(read_full(fd, buf, PAYLOAD), PAYLOAD);
	EXPECT_TRUE(is_pattern(buf, PAYLOAD, 0, 7));
	close(fd);
	EXPECT_EQ(crypt_close("tc"), 0);
	ktap_case("luks_format_open_write_close_reopen");
}

static void test_crypt_errors(void)
{
	struct crypt_status st;
	unsigned long sum;

	EXPECT_EQ(make_file(img, HDR_BYTES + PAYLOAD, -1), 0);
	EXPECT_EQ(make_file(img2, HDR_BYTES, -1), 0);
	EXPECT_EQ(format(img, "aes-cbc-essiv:sha256", CRYPT_ITER_MIN), 0);
	sum = file_sum(img);
	EXPECT_ERR(crypt_open(img, "tc", "not " PASS), EACCES);	/* EKEYREJECTED */
	EXPECT_EQ(file_sum(img), sum);
	EXPECT_ERR(access("/dev/crypt-tc", F_OK), ENOENT);
	EXPECT_EQ(crypt_open(img, "tc", PASS), 0);
	EXPECT_ERR(crypt_open(img, "tc", PASS), EEXIST);
	EXPECT_EQ(crypt_close("tc"), 0);
	EXPECT_ERR(crypt_close("tc"), ENOENT);
	memset(&st, 0, sizeof(st));
	strcpy(st.name, "tc");
	EXPECT_ERR(ctl(CRYPT_STATUS, &st), ENOENT);
	EXPECT_ERR(crypt_open(img2, "tc", PASS), EINVAL);	/* no LUKS header */
	EXPECT_ERR(crypt_open(img, "a/b", PASS), EINVAL);
	EXPECT_ERR(crypt_open("/nonexistent", "tc", PASS), EBADF);	/* fd -1 */
	EXPECT_ERR(format(img2, "", CRYPT_ITER_MIN), ENOSPC);
	EXPECT_ERR(format(img, "", 10), EINVAL);
	EXPECT_ERR(format(img, "serpent-xts-plain64", CRYPT_ITER_MIN), EINVAL);
	EXPECT_EQ(file_sum(img), sum);
	ktap_case("crypt_errors_and_wrong_passphrase");
}

/* Pointers: unmapped, kernel, and a structure running into a hole. */
static void test_efault(void)
{
	static const unsigned long reqs[] = {
		CRYPT_OPEN, CRYPT_CLOSE, CRYPT_STATUS, CRYPT_FORMAT,
	};
	long page = 4096;
	char *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct crypt_open *edge;

	EXPECT_TRUE(map != MAP_FAILED);
	if (map == MAP_FAILED) {
		ktap_case("bad_pointers_efault");
		return;
	}
	EXPECT_EQ(munmap(map + page, page), 0);
	/* all but the passphrase's last 100 bytes are mapped */
	edge = (struct crypt_open *)(map + page - (sizeof(*edge) - 100));
	memset(edge, 0, sizeof(*edge) - 100);
	strcpy(edge->name, "tc");
	for (size_t i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		EXPECT_ERR(ctl(reqs[i], BAD_ADDR), EFAULT);
		EXPECT_ERR(ctl(reqs[i], KERNEL_ADDR), EFAULT);
		EXPECT_ERR(ctl(reqs[i], NULL), EFAULT);
	}
	EXPECT_ERR(ctl(CRYPT_OPEN, edge), EFAULT);
	EXPECT_ERR(ctl(CRYPT_FORMAT, edge), EFAULT);
	EXPECT_ERR(ctl(0xc0de, NULL), ENOTTY);
	EXPECT_ERR(access("/dev/crypt-tc", F_OK), ENOENT);
	munmap(map, page);
	ktap_case("bad_pointers_efault");
}

/* Devices on devices: the lower one is busy while the upper one lives. */
static void test_stacked_busy(void)
{
	char dev[32], dev2[32];
	int fd, dfd;

	EXPECT_EQ(make_file(img, HDR_BYTES + PAYLOAD, -1), 0);
	EXPECT_EQ(loop_attach(img, O_RDWR, dev, sizeof(dev)), 0);
	EXPECT_EQ(format(dev, "", CRYPT_ITER_MIN), 0);	/* through the loop */
	EXPECT_EQ(crypt_open(dev, "tc", PASS), 0);
	EXPECT_ERR(loop_detach(dev), EBUSY);
	EXPECT_ERR(format(dev, "", CRYPT_ITER_MIN), EBUSY);
	/* a loop device over the mapping, then the mapping is busy too */
	EXPECT_EQ(loop_attach("/dev/crypt-tc", O_RDWR, dev2, sizeof(dev2)), 0);
	EXPECT_ERR(crypt_close("tc"), EBUSY);
	fd = open(dev2, O_RDWR);
	EXPECT_EQ(write_at(fd, "layered", 7, 512), 7);
	close(fd);
	EXPECT_EQ(loop_detach(dev2), 0);
	EXPECT_EQ(crypt_close("tc"), 0);
	EXPECT_EQ(loop_detach(dev), 0);
	/* the container is intact in the file */
	EXPECT_EQ(crypt_open(img, "tc", PASS), 0);
	dfd = open("/dev/crypt-tc", O_RDONLY);
	memset(buf, 0, 8);
	EXPECT_EQ(read_at(dfd, buf, 7, 512), 7);
	EXPECT_TRUE(!memcmp(buf, "layered", 7));
	close(dfd);
	EXPECT_EQ(crypt_close("tc"), 0);
	ktap_case("stacked_devices_busy");
}

/* An MBR on @path: partition 1, @count sectors from sector @start. */
static int write_mbr(const char *path, unsigned int start, unsigned int count)
{
	unsigned char mbr[512], *e = mbr + 446;
	int fd = open(path, O_RDWR), r;

	if (fd < 0)
		return -1;
	memset(mbr, 0, sizeof(mbr));
	e[4] = 0x83;
	for (int i = 0; i < 4; i++) {
		e[8 + i] = (unsigned char)(start >> (8 * i));
		e[12 + i] = (unsigned char)(count >> (8 * i));
	}
	mbr[510] = 0x55;
	mbr[511] = 0xaa;
	r = write_at(fd, mbr, sizeof(mbr), 0) == sizeof(mbr) ? 0 : -1;
	close(fd);
	return r;
}

static int in_block_class(const char *name)
{
	char path[96];

	snprintf(path, sizeof(path), "/sys/class/block/%s", name);
	return access(path, F_OK) == 0;
}

/* Loop devices and mappings in the block class while they are attached. */
static void test_block_class(void)
{
	char dev[32], part[40], upper[32];
	const char *name;
	int fd;

	if (access("/sys/class/block", F_OK)) {
		ktap_skip("block_class_and_partitions", "no /sys/class/block");
		return;
	}
	EXPECT_EQ(make_file(img, HDR_BYTES + PAYLOAD, 3), 0);
	EXPECT_EQ(write_mbr(img, 16, 64), 0);
	EXPECT_EQ(loop_attach(img, O_RDWR, dev, sizeof(dev)), 0);
	name = dev + strlen("/dev/");
	snprintf(part, sizeof(part), "%sp1", dev);
	EXPECT_TRUE(in_block_class(name));
	EXPECT_TRUE(in_block_class(part + strlen("/dev/")));
	fd = open(part, O_RDONLY);
	EXPECT_TRUE(fd >= 0);
	EXPECT_EQ(read_at(fd, buf, 512, 0), 512);	/* the file's sector 16 */
	EXPECT_TRUE(is_pattern(buf, 512, 16 * 512, 3));
	EXPECT_EQ(lseek(fd, 0, SEEK_END), 64 * 512);
	close(fd);
	/* a device stacked on the partition holds the whole loop device */
	EXPECT_EQ(loop_attach(part, O_RDWR, upper, sizeof(upper)), 0);
	EXPECT_TRUE(in_block_class(upper + strlen("/dev/")));
	EXPECT_ERR(loop_detach(dev), EBUSY);
	EXPECT_EQ(loop_detach(upper), 0);
	EXPECT_TRUE(!in_block_class(upper + strlen("/dev/")));
	EXPECT_EQ(loop_detach(dev), 0);
	EXPECT_TRUE(!in_block_class(name));
	EXPECT_TRUE(!in_block_class(part + strlen("/dev/")));
	EXPECT_ERR(access(part, F_OK), ENOENT);
	EXPECT_EQ(access(dev, F_OK), 0);		/* /dev/loopN stays */
	/* an encrypted mapping */
	EXPECT_EQ(make_file(img, HDR_BYTES + PAYLOAD, -1), 0);
	EXPECT_EQ(format(img, "", CRYPT_ITER_MIN), 0);
	EXPECT_TRUE(!in_block_class("crypt-tc"));
	EXPECT_EQ(crypt_open(img, "tc", PASS), 0);
	EXPECT_TRUE(in_block_class("crypt-tc"));
	EXPECT_EQ(crypt_close("tc"), 0);
	EXPECT_TRUE(!in_block_class("crypt-tc"));
	ktap_case("block_class_and_partitions");
}

/*
 * Run @argv (a path in argv[0]) with @in on its standard input; its
 * standard output in @out (@outlen bytes, NUL-terminated), its standard
 * error there too if @with_err, else discarded.  Return: its exit
 * status, or 128 if it did not exit.
 */
static int run(const char *const *argv, const char *in, char *out, size_t outlen,
	       int with_err)
{
	int inp[2], outp[2], st;
	size_t got = 0;
	ssize_t n;
	pid_t pid;

	if (pipe(inp) || pipe(outp))
		return 128;
	pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(inp[0], 0);
		dup2(outp[1], 1);
		dup2(with_err ? outp[1] : null, 2);
		close(inp[1]);
		close(outp[0]);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(inp[0]);
	close(outp[1]);
	if (in)
		write(inp[1], in, strlen(in));
	close(inp[1]);
	while ((n = read(outp[0], out + got, outlen - 1 - got)) > 0)
		got += n;
	out[got] = '\0';
	close(outp[0]);
	if (waitpid(pid, &st, 0) != pid)
		return 128;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

#define RUN(in, out, ...) \
	run((const char *const[]){ __VA_ARGS__, NULL }, (in), (out), sizeof(out), 0)
#define RUN_ERR(in, out, ...) \
	run((const char *const[]){ __VA_ARGS__, NULL }, (in), (out), sizeof(out), 1)

/* Mounted: only when mkfs.logfs exists to make something to mount. */
static void test_mounted_busy(void)
{
	char mnt[256], out[256];

	if (access("/sbin/mkfs.logfs", X_OK)) {
		ktap_skip("mounted_busy", "no /sbin/mkfs.logfs");
		return;
	}
	snprintf(mnt, sizeof(mnt), "%s/t-crypt-mnt", dir);
	mkdir(mnt, 0755);
	EXPECT_EQ(make_file(img, 2 * HDR_BYTES, -1), 0);
	EXPECT_EQ(format(img, "", CRYPT_ITER_MIN), 0);
	EXPECT_EQ(crypt_open(img, "tc", PASS), 0);
	EXPECT_EQ(RUN(NULL, out, "/sbin/mkfs.logfs", "/dev/crypt-tc"), 0);
	EXPECT_EQ(mount("/dev/crypt-tc", mnt, "logfs", 0, NULL), 0);
	EXPECT_ERR(crypt_close("tc"), EBUSY);
	EXPECT_EQ(umount(mnt), 0);
	EXPECT_EQ(crypt_close("tc"), 0);
	rmdir(mnt);
	ktap_case("mounted_busy");
}

/* The programs, with a key file and with the passphrase on stdin. */
static void test_utilities(void)
{
	static const char cs[] = "/bin/cryptsetup", ls[] = "/bin/losetup";
	char out[256], dev[32];
	int fd;

	EXPECT_EQ(make_file(img, HDR_BYTES + PAYLOAD, -1), 0);
	fd = open(keyfile, O_CREAT | O_TRUNC | O_WRONLY, 0600);
	EXPECT_EQ(write(fd, PASS, strlen(PASS)), (long)strlen(PASS));
	close(fd);
	EXPECT_EQ(RUN(NULL, out, cs, "luksFormat", "--iter", "1000", "--key-size", "256",
		      "--key-file", keyfile, img), 0);
	/* stdin: one line, its newline not part of the passphrase */
	EXPECT_EQ(RUN(PASS "\n", out, cs, "open", img, "tu"), 0);
	EXPECT_TRUE(!strcmp(out, "/dev/crypt-tu\n"));
	EXPECT_EQ(RUN(NULL, out, cs, "status", "tu"), 0);
	EXPECT_TRUE(!strcmp(out, "/dev/crypt-tu: luks1, aes-xts-plain64, 128 sectors\n"));
	EXPECT_EQ(RUN(NULL, out, cs, "close", "tu"), 0);
	EXPECT_EQ(RUN(NULL, out, cs, "close", "tu"), 1);
	EXPECT_EQ(RUN("wrong\n", out, cs, "open", img, "tu"), 1);
	EXPECT_EQ(RUN(NULL, out, cs, "open", "--key-file", keyfile, img), 2);	/* usage */
	/* losetup -f FILE, then a mapping on the loop device */
	EXPECT_EQ(RUN(NULL, out, ls, "-f", img), 0);
	snprintf(dev, sizeof(dev), "%.*s", (int)strcspn(out, "\n"), out);
	EXPECT_TRUE(!strncmp(dev, "/dev/loop", 9));
	EXPECT_EQ(RUN(NULL, out, ls, dev), 0);
	EXPECT_TRUE(strstr(out, img) && strstr(out, "bytes"));
	EXPECT_EQ(RUN(NULL, out, cs, "open", "--readonly", "--key-file", keyfile, dev, "tu"), 0);
	EXPECT_EQ(RUN(NULL, out, cs, "status", "tu"), 0);
	EXPECT_TRUE(strstr(out, "read-only") != NULL);
	EXPECT_EQ(RUN(NULL, out, ls, "-d", dev), 1);			/* busy */
	EXPECT_EQ(RUN(NULL, out, cs, "close", "tu"), 0);
	EXPECT_EQ(RUN(NULL, out, ls, "-d", dev), 0);
	EXPECT_EQ(RUN(NULL, out, ls, dev), 1);				/* unbound */
	unlink(keyfile);
	ktap_case("losetup_cryptsetup_programs");
}

/* The "field : value" of /proc/crypto's block named @name, or NULL. */
static const char *proc_crypto_field(const char *name, const char *field)
{
	static char text[4096], val[32];
	char key[48], *p;
	int fd = open("/proc/crypto", O_RDONLY);
	ssize_t n, got = 0;

	if (fd < 0)
		return NULL;
	while (got < (ssize_t)sizeof(text) - 1 &&
	       (n = read(fd, text + got, sizeof(text) - 1 - got)) > 0)
		got += n;
	close(fd);
	text[got] = '\0';
	snprintf(key, sizeof(key), "name         : %s\n", name);
	p = strstr(text, key);
	if (!p)
		return NULL;
	snprintf(key, sizeof(key), "\n%-12s : ", field);
	p = strstr(p, key);
	if (!p)
		return NULL;
	snprintf(val, sizeof(val), "%.*s", (int)strcspn(p + strlen(key), "\n"),
		 p + strlen(key));
	return val;
}

/*
 * /proc/crypto: every algorithm passed its boot self-test; the random
 * generator says whether it is secure, and luksFormat warns when not.
 */
static void test_weak_rng_warning(void)
{
	static const char cs[] = "/bin/cryptsetup";
	const char *v;
	static char out[1024];
	int fd, secure;

	v = proc_crypto_field("xts(aes)", "selftest");
	EXPECT_TRUE(v && !strcmp(v, "passed"));
	v = proc_crypto_field("pbkdf2(hmac(sha256))", "selftest");
	EXPECT_TRUE(v && !strcmp(v, "passed"));
	v = proc_crypto_field("stdrng", "secure");
	EXPECT_TRUE(v && (!strcmp(v, "yes") || !strcmp(v, "no")));
	secure = v && !strcmp(v, "yes");
	EXPECT_EQ(make_file(img, HDR_BYTES + PAYLOAD, -1), 0);
	fd = open(keyfile, O_CREAT | O_TRUNC | O_WRONLY, 0600);
	EXPECT_EQ(write(fd, PASS, strlen(PASS)), (long)strlen(PASS));
	close(fd);
	EXPECT_EQ(RUN_ERR(NULL, out, cs, "luksFormat", "--iter", "1000", "--key-file",
			  keyfile, img), 0);
	if (secure)
		EXPECT_TRUE(strstr(out, "WARNING") == NULL);
	else
		EXPECT_TRUE(strstr(out, "WARNING: this kernel has no entropy source") &&
			    strstr(out, "NOT a secure RNG"));
	unlink(keyfile);
	ktap_case("luks_format_warns_weak_rng");
}

int main(int argc, char **argv)
{
	snprintf(dir, sizeof(dir), "%s", argc > 1 ? argv[1] : "/tmp");
	snprintf(img, sizeof(img), "%s/t-crypt.img", dir);
	snprintf(img2, sizeof(img2), "%s/t-crypt2.img", dir);
	snprintf(keyfile, sizeof(keyfile), "%s/t-crypt.key", dir);
	ktap_begin("crypt", NCASES);
	if (access("/dev/cryptctl", F_OK) || access("/dev/loop-control", F_OK)) {
		for (int i = 0; i < NCASES; i++)
			ktap_skip("crypt", "no /dev/cryptctl or /dev/loop-control");
		return ktap_end();
	}
	test_loop_attach_detach();
	test_loop_errors();
	test_luks_roundtrip();
	test_crypt_errors();
	test_efault();
	test_stacked_busy();
	test_mounted_busy();
	test_utilities();
	test_block_class();
	test_weak_rng_warning();
	unlink(img);
	unlink(img2);
	return ktap_end();
}
