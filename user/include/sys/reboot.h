/* SPDX-License-Identifier: GPL-2.0 */
/* reboot(2): RB_* are the ABI's command values; the magic is added. */
#ifndef USER_SYS_REBOOT_H
#define USER_SYS_REBOOT_H

#include <uapi/linux-abi.h>

#define RB_AUTOBOOT	ABI_REBOOT_CMD_RESTART
#define RB_HALT_SYSTEM	ABI_REBOOT_CMD_HALT
#define RB_POWER_OFF	ABI_REBOOT_CMD_POWER_OFF

int reboot(int cmd);

#endif /* USER_SYS_REBOOT_H */
