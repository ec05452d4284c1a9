// SPDX-License-Identifier: GPL-2.0
/*
 * mount -t TYPE [-o OPTIONS] SOURCE DIR: mount a filesystem (TYPE is a
 * kernel filesystem name: ext2, logfs, ramfs, procfs, devfs, sysfs;
 * SOURCE is a device node, "ftl:<mtd>" for an FTL volume (logfs), or
 * "none").  OPTIONS: ro or rw, plus the filesystem's own (logfs: check,
 * compress).  Without arguments: print /proc/mounts.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

static int show_mounts(void)
{
	char buf[1024];
	ssize_t n;
	int fd = open("/proc/mounts", O_RDONLY);

	if (fd < 0) {
		fprintf(stderr, "mount: /proc/mounts: %s\n", strerror(errno));
		return 1;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	close(fd);
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: mount -t TYPE [-o ro|rw[,OPTION...]] SOURCE DIR\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *type = NULL, *opts = NULL, *args[2];
	int i, nargs = 0;

	if (argc == 1)
		return show_mounts();
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-t") && i + 1 < argc) {
			type = argv[++i];
		} else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
			opts = argv[++i];
		} else if (argv[i][0] == '-' || nargs == 2) {
			return usage();
		} else {
			args[nargs++] = argv[i];
		}
	}
	if (!type || nargs != 2)
		return usage();
	if (mount(args[0], args[1], type, mount_options_flags(opts), opts) < 0) {
		fprintf(stderr, "mount: %s on %s: %s\n", args[0], args[1],
			strerror(errno));
		return 1;
	}
	return 0;
}
