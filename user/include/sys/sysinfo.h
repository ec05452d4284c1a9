/* SPDX-License-Identifier: GPL-2.0 */
/* sysinfo(2): the kernel's struct abi_sysinfo under its usual name. */
#ifndef USER_SYS_SYSINFO_H
#define USER_SYS_SYSINFO_H

#include <uapi/linux-abi.h>

int sysinfo(struct abi_sysinfo *info);

#endif /* USER_SYS_SYSINFO_H */
