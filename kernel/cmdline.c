// SPDX-License-Identifier: GPL-2.0
/*
 * Command-line parsing into a small table of key/value pairs.  Parsed once
 * at boot; read-only afterwards.  Over-long words are truncated and logged,
 * never overflow.
 */
#include <kernel/cmdline.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/compiler.h>

#define MAX_ARGS	16
#define MAX_WORD	96

static struct {
	char key[32];
	char value[MAX_WORD];
} args[MAX_ARGS];
static int nr_args;

void cmdline_parse(const char *s)
{
	while (*s && nr_args < MAX_ARGS) {
		size_t len, klen;
		const char *eq;

		while (*s == ' ')
			s++;
		len = strchr(s, ' ') ? (size_t)(strchr(s, ' ') - s) : strlen(s);
		if (!len)
			break;
		eq = memchr(s, '=', len);
		klen = eq ? (size_t)(eq - s) : len;
		if (klen >= sizeof(args[0].key) ||
		    (eq && len - klen - 1 >= MAX_WORD)) {
			pr_warn("cmdline: ignoring over-long argument");
		} else {
			memcpy(args[nr_args].key, s, klen);
			args[nr_args].key[klen] = '\0';
			if (eq) {
				memcpy(args[nr_args].value, eq + 1, len - klen - 1);
				args[nr_args].value[len - klen - 1] = '\0';
			}
			nr_args++;
		}
		s += len;
	}
	if (cmdline_get("loglevel"))
		console_loglevel = (int)strtoul(cmdline_get("loglevel"), NULL, 10);
}

const char *cmdline_get(const char *key)
{
	for (int i = 0; i < nr_args; i++)
		if (!strcmp(args[i].key, key))
			return args[i].value;
	return NULL;
}
