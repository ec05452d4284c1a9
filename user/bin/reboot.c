// SPDX-License-Identifier: GPL-2.0
/* reboot: sync the filesystems and ask the kernel to restart. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	sync();
	if (reboot(RB_AUTOBOOT) < 0) {
		fprintf(stderr, "reboot: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
