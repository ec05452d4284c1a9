// SPDX-License-Identifier: GPL-2.0
/* poweroff: sync the filesystems and ask the kernel to power off. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	sync();
	if (reboot(RB_POWER_OFF) < 0) {
		fprintf(stderr, "poweroff: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
