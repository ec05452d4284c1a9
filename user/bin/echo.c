// SPDX-License-Identifier: GPL-2.0
/*
 * echo [-n] [-e] [args...]: print the arguments separated by spaces.
 * -n: no trailing newline; -e: interpret \n, \t, \\, \c.
 */
#include <stdio.h>
#include <string.h>

static int put_escaped(const char *s)
{
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			putchar(*s);
			continue;
		}
		switch (*++s) {
		case 'n': putchar('\n'); break;
		case 't': putchar('\t'); break;
		case '\\': putchar('\\'); break;
		case 'c': return 1;	/* stop output here */
		default: putchar('\\'); putchar(*s); break;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	int nl = 1, esc = 0, i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "-n"))
			nl = 0;
		else if (!strcmp(argv[i], "-e"))
			esc = 1;
		else
			break;
	}
	for (; i < argc; i++) {
		if (esc ? put_escaped(argv[i]) : (fputs(argv[i], stdout), 0))
			return 0;
		if (i + 1 < argc)
			putchar(' ');
	}
	if (nl)
		putchar('\n');
	return fflush(stdout) ? 1 : 0;
}
