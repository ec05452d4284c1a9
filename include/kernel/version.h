/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KERNEL_VERSION_H
#define KERNEL_VERSION_H

/* "Kernel version 0.1.0-g1234abc (gcc 12.2.1) board vexpress-a9" */
extern const char kernel_banner[];
extern const char kernel_release[];

#endif
