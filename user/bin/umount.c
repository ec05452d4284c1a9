// SPDX-License-Identifier: GPL-2.0
/* umount [-f] [-l] DIR...: unmount (-f force, -l lazy detach). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>

int main(int argc, char **argv)
{
	int i = 1, flags = 0, ret = 0;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-f"))
			flags |= MNT_FORCE;
		else if (!strcmp(argv[i], "-l"))
			flags |= MNT_DETACH;
		else
			break;
	}
	if (i == argc) {
		fprintf(stderr, "usage: umount [-f] [-l] DIR...\n");
		return 2;
	}
	for (; i < argc; i++) {
		if (umount2(argv[i], flags) < 0) {
			fprintf(stderr, "umount: %s: %s\n", argv[i], strerror(errno));
			ret = 1;
		}
	}
	return ret;
}
