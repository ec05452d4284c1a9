// SPDX-License-Identifier: GPL-2.0
/*
 * Shell variables: a list of name=value pairs with an export flag,
 * imported from the environment at start and turned back into one for
 * each program the shell runs.  Also the positional parameters.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct var {
	char *name;
	char *value;
	int exported;
	struct var *next;
};

static struct var *vars;
int sh_argc;
char **sh_argv;

int var_valid_name(const char *s, size_t len)
{
	size_t i;

	if (!len || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return 0;
	for (i = 1; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return 0;
	return 1;
}

static struct var *find(const char *name)
{
	struct var *v;

	for (v = vars; v; v = v->next)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}

const char *var_get(const char *name)
{
	struct var *v = find(name);

	return v ? v->value : NULL;
}

int var_set(const char *name, const char *value, int export)
{
	struct var *v = find(name);
	char *copy = strdup(value);

	if (!copy)
		return -1;
	if (!v) {
		v = calloc(1, sizeof(*v));
		if (!v || !(v->name = strdup(name))) {
			free(v);
			free(copy);
			return -1;
		}
		v->next = vars;
		vars = v;
	}
	free(v->value);
	v->value = copy;
	if (export)
		v->exported = 1;
	return 0;
}

int var_unset(const char *name)
{
	struct var **pp, *v;

	for (pp = &vars; (v = *pp); pp = &v->next) {
		if (!strcmp(v->name, name)) {
			*pp = v->next;
			free(v->name);
			free(v->value);
			free(v);
			return 0;
		}
	}
	return 0;
}

void var_export(const char *name)
{
	struct var *v = find(name);

	if (v)
		v->exported = 1;
	else
		var_set(name, "", 1);
}

void var_import(char **envp)
{
	char name[256];

	for (; envp && *envp; envp++) {
		const char *eq = strchr(*envp, '=');

		if (!eq || eq - *envp >= (int)sizeof(name))
			continue;
		memcpy(name, *envp, eq - *envp);
		name[eq - *envp] = '\0';
		var_set(name, eq + 1, 1);
	}
}

char **var_environ(void)
{
	struct var *v;
	char **env;
	int n = 0;

	for (v = vars; v; v = v->next)
		n += v->exported;
	env = calloc(n + 1, sizeof(char *));
	if (!env)
		return NULL;
	n = 0;
	for (v = vars; v; v = v->next) {
		if (!v->exported)
			continue;
		env[n] = malloc(strlen(v->name) + strlen(v->value) + 2);
		if (env[n])
			sprintf(env[n++], "%s=%s", v->name, v->value);
	}
	return env;
}

void var_print(int exported_only)
{
	struct var *v;

	for (v = vars; v; v = v->next)
		if (!exported_only || v->exported)
			printf("%s%s='%s'\n", exported_only ? "export " : "",
			       v->name, v->value);
}
