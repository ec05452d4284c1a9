/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel command line (/chosen bootargs): "key" or "key=value" words.
 * Known keys: selftest[=suite,...], loglevel=N.
 */
#ifndef KERNEL_CMDLINE_H
#define KERNEL_CMDLINE_H

void cmdline_parse(const char *cmdline);

/* Value of @key ("" if given without a value), or NULL if absent. */
const char *cmdline_get(const char *key);

/**
 * cmdline_init_args() - the words after "--": arguments for init
 * Return: a NULL-terminated array (empty when there is no "--").
 */
const char *const *cmdline_init_args(void);

#endif /* KERNEL_CMDLINE_H */
