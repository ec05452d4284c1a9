/* SPDX-License-Identifier: GPL-2.0 */
/* newlib's <sys/stat.h> plus lstat, which it declares only for some targets. */
#ifndef USER_SYS_STAT_H
#define USER_SYS_STAT_H

#include_next <sys/stat.h>

int lstat(const char *__restrict path, struct stat *__restrict st);

#endif /* USER_SYS_STAT_H */
