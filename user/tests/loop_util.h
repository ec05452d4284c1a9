/* SPDX-License-Identifier: GPL-2.0 */
#ifndef USER_TESTS_LOOP_UTIL_H
#define USER_TESTS_LOOP_UTIL_H

#include <stddef.h>

/* Bind @path (opened with @flags) to a free loop device; its node in @dev.
 * Return: 0, or -1 with errno set. */
int loop_attach(const char *path, int flags, char *dev, size_t len);

/* Unbind the loop device @dev.  Return: 0, or -1 with errno set. */
int loop_detach(const char *dev);

#endif
