/* SPDX-License-Identifier: GPL-2.0 */
/* uname(2): the kernel's struct, passed through. */
#ifndef USER_SYS_UTSNAME_H
#define USER_SYS_UTSNAME_H

#include <uapi/linux-abi.h>

struct utsname {
	char sysname[ABI_UTS_LEN];
	char nodename[ABI_UTS_LEN];
	char release[ABI_UTS_LEN];
	char version[ABI_UTS_LEN];
	char machine[ABI_UTS_LEN];
	char domainname[ABI_UTS_LEN];
};

int uname(struct utsname *u);

#endif /* USER_SYS_UTSNAME_H */
