// SPDX-License-Identifier: GPL-2.0
/*
 * losetup: loop devices through this kernel's ioctls (include/uapi/
 * loop-crypt.h).
 *   losetup -f             print the first free /dev/loopN
 *   losetup -f [-r] FILE   attach FILE to a free /dev/loopN, print its name
 *   losetup [-r] DEV FILE  attach FILE to DEV (-r: read-only)
 *   losetup -d DEV         detach (refused while mounted or in use)
 *   losetup DEV            show what backs DEV
 *   losetup -a             show every attached device
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <uapi/loop-crypt.h>

static int usage(void)
{
	fprintf(stderr, "usage: losetup -f [[-r] FILE] | losetup [-r] DEV FILE |"
			" losetup -d DEV | losetup DEV | losetup -a\n");
	return 2;
}

static int fail(const char *what)
{
	const char *why = errno == EBUSY ? "device is busy (mounted or in use)" :
			  errno == ENXIO ? "no file attached" : strerror(errno);

	fprintf(stderr, "losetup: %s: %s\n", what, why);
	return 1;
}

static int attach(const char *dev, const char *file, int ro)
{
	int fd = open(file, ro ? O_RDONLY : O_RDWR);
	int dfd, r;

	if (fd < 0)
		return fail(file);
	dfd = open(dev, O_RDWR);
	if (dfd < 0) {
		close(fd);
		return fail(dev);
	}
	r = ioctl(dfd, LOOP_SET_FD, fd);
	close(fd);
	close(dfd);
	return r < 0 ? fail(dev) : 0;
}

static int find_free(char *dev, size_t len)
{
	int ctl = open("/dev/loop-control", O_RDWR), n;

	if (ctl < 0)
		return fail("/dev/loop-control");
	n = ioctl(ctl, LOOP_CTL_GET_FREE, 0);
	close(ctl);
	if (n < 0)
		return fail("no free loop device");
	snprintf(dev, len, "/dev/loop%d", n);
	return 0;
}

static int attach_free(const char *file, int ro)
{
	char dev[32];

	if (find_free(dev, sizeof(dev)) || attach(dev, file, ro))
		return 1;
	puts(dev);
	return 0;
}

static int simple_ioctl(const char *dev, unsigned long req, void *arg)
{
	int fd = open(dev, O_RDONLY), r;

	if (fd < 0)
		return fail(dev);
	r = ioctl(fd, req, arg);
	close(fd);
	return r < 0 ? fail(dev) : 0;
}

static void print_info(const char *dev, struct loop_info *info)
{
	info->backing[sizeof(info->backing) - 1] = '\0';
	printf("%s: %s, %llu bytes%s\n", dev, info->backing, info->size,
	       (info->flags & LOOP_INFO_READ_ONLY) ? ", read-only" : "");
}

static int show(const char *dev)
{
	struct loop_info info;

	memset(&info, 0, sizeof(info));
	if (simple_ioctl(dev, LOOP_GET_INFO, &info))
		return 1;
	print_info(dev, &info);
	return 0;
}

/* Nodes are made lowest first: stop at the first that does not exist. */
static int show_all(void)
{
	struct loop_info info;
	char dev[32];
	int fd;

	for (int i = 0; i < 256; i++) {
		snprintf(dev, sizeof(dev), "/dev/loop%d", i);
		fd = open(dev, O_RDONLY);
		if (fd < 0)
			return errno == ENOENT ? 0 : fail(dev);
		memset(&info, 0, sizeof(info));
		if (ioctl(fd, LOOP_GET_INFO, &info) == 0)
			print_info(dev, &info);
		close(fd);
	}
	return 0;
}

int main(int argc, char **argv)
{
	int i = 1, ro = 0, find = 0;
	char dev[32];

	if (argc == 3 && !strcmp(argv[1], "-d"))
		return simple_ioctl(argv[2], LOOP_CLR_FD, NULL);
	if (argc == 2 && !strcmp(argv[1], "-a"))
		return show_all();
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-r"))
			ro = 1;
		else if (!strcmp(argv[i], "-f"))
			find = 1;
		else
			return usage();
	}
	if (find && argc == i && !ro) {
		if (find_free(dev, sizeof(dev)))
			return 1;
		puts(dev);
		return 0;
	}
	if (find)
		return argc - i == 1 ? attach_free(argv[i], ro) : usage();
	if (argc - i == 2)
		return attach(argv[i], argv[i + 1], ro);
	if (argc - i == 1 && !ro)
		return show(argv[i]);
	return usage();
}
