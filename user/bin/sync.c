// SPDX-License-Identifier: GPL-2.0
/* sync: write every dirty buffer of every filesystem to its device. */
#include <unistd.h>

int main(void)
{
	sync();
	return 0;
}
