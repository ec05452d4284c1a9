/* SPDX-License-Identifier: GPL-2.0 */
/* ioctl(2) and the terminal requests; device requests are in loop-crypt.h. */
#ifndef USER_SYS_IOCTL_H
#define USER_SYS_IOCTL_H

#include <uapi/linux-abi.h>

#define TCGETS		ABI_TCGETS
#define TCSETS		ABI_TCSETS
#define TCSETSW		ABI_TCSETSW
#define TCSETSF		ABI_TCSETSF
#define TIOCGPGRP	ABI_TIOCGPGRP
#define TIOCSPGRP	ABI_TIOCSPGRP
#define TIOCGWINSZ	ABI_TIOCGWINSZ
#define FIONREAD	ABI_FIONREAD

int ioctl(int fd, unsigned long request, ...);

#endif /* USER_SYS_IOCTL_H */
