// SPDX-License-Identifier: GPL-2.0
/*
 * Command-line parsing into a small table of key/value pairs.  Parsed once
 * at boot; read-only afterwards.  Over-long words are ignored and logged,
 * never overflow.  As on Linux, the words after "--" are not the kernel's:
 * they are the arguments of init.
 */
#include <kernel/cmdline.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/compiler.h>

#define MAX_ARGS	16
/* A value as long as a suite list (selftest=a,b,...) or a path. */
#define MAX_WORD	256

static struct {
	char key[32];
	char value[MAX_WORD];
} args[MAX_ARGS];
static int nr_args;

#define MAX_INIT_ARGS	8
static char init_words[MAX_INIT_ARGS][MAX_WORD];
static const char *init_args[MAX_INIT_ARGS + 1];
static int nr_init_args;

static void add_init_arg(const char *s, size_t len)
{
	if (nr_init_args == MAX_INIT_ARGS || len >= MAX_WORD) {
		pr_warn("cmdline: ignoring an argument of init");
		return;
	}
	memcpy(init_words[nr_init_args], s, len);
	init_words[nr_init_args][len] = '\0';
	init_args[nr_init_args] = init_words[nr_init_args];
	nr_init_args++;
}

/* The next word of @s: its start (after spaces) and length (0 at the end). */
static const char *next_word(const char *s, size_t *len)
{
	while (*s == ' ')
		s++;
	*len = strchr(s, ' ') ? (size_t)(strchr(s, ' ') - s) : strlen(s);
	return s;
}

static void add_kernel_arg(const char *s, size_t len)
{
	const char *eq = memchr(s, '=', len);
	size_t klen = eq ? (size_t)(eq - s) : len;

	if (nr_args == MAX_ARGS || klen >= sizeof(args[0].key) ||
	    (eq && len - klen - 1 >= MAX_WORD)) {
		pr_warn("cmdline: ignoring '%.*s...' (too many arguments or too long)",
			(int)min(klen, (size_t)24), s);
		return;
	}
	memcpy(args[nr_args].key, s, klen);
	args[nr_args].key[klen] = '\0';
	if (eq) {
		memcpy(args[nr_args].value, eq + 1, len - klen - 1);
		args[nr_args].value[len - klen - 1] = '\0';
	}
	nr_args++;
}

void cmdline_parse(const char *s)
{
	bool for_init = false;
	size_t len;

	for (s = next_word(s, &len); len; s = next_word(s + len, &len)) {
		if (for_init)
			add_init_arg(s, len);
		else if (len == 2 && !memcmp(s, "--", 2))
			for_init = true;
		else
			add_kernel_arg(s, len);
	}
	if (cmdline_get("loglevel"))
		console_loglevel = (int)strtoul(cmdline_get("loglevel"), NULL, 10);
}

const char *const *cmdline_init_args(void)
{
	return init_args;
}

const char *cmdline_get(const char *key)
{
	for (int i = 0; i < nr_args; i++)
		if (!strcmp(args[i].key, key))
			return args[i].value;
	return NULL;
}
