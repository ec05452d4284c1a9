// SPDX-License-Identifier: GPL-2.0
/*
 * ls [-l] [-a] [path...]: list directories (sorted) or name files.
 * -l adds type/mode, links, size and, for symlinks, the target.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int opt_long, opt_all;

static void mode_string(mode_t m, char *s)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	s[0] = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISCHR(m) ? 'c' :
	       S_ISBLK(m) ? 'b' : S_ISFIFO(m) ? 'p' : S_ISSOCK(m) ? 's' : '-';
	for (i = 0; i < 9; i++)
		s[i + 1] = (m & (0400 >> i)) ? rwx[i] : '-';
	s[10] = '\0';
}

static void show(const char *dir, const char *name)
{
	char path[1024], mode[11], target[256];
	struct stat st;
	ssize_t n;

	if (!opt_long) {
		puts(name);
		return;
	}
	if (dir)
		snprintf(path, sizeof(path), "%s/%s", dir, name);
	else
		snprintf(path, sizeof(path), "%s", name);
	if (lstat(path, &st) < 0) {
		printf("?????????? %s (%s)\n", name, strerror(errno));
		return;
	}
	mode_string(st.st_mode, mode);
	printf("%s %3u %8ld %s", mode, (unsigned int)st.st_nlink,
	       (long)st.st_size, name);
	if (S_ISLNK(st.st_mode) && (n = readlink(path, target, sizeof(target) - 1)) >= 0) {
		target[n] = '\0';
		printf(" -> %s", target);
	}
	putchar('\n');
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_dir(const char *path)
{
	char **names = NULL;
	int n = 0, cap = 0, i;
	struct dirent *d;
	DIR *dp = opendir(path);

	if (!dp) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	while ((d = readdir(dp))) {
		if (d->d_name[0] == '.' && !opt_all)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = realloc(names, cap * sizeof(char *));
			if (!names)
				return 1;
		}
		names[n++] = strdup(d->d_name);
	}
	closedir(dp);
	qsort(names, n, sizeof(char *), cmp);
	for (i = 0; i < n; i++) {
		show(path, names[i]);
		free(names[i]);
	}
	free(names);
	return 0;
}

int main(int argc, char **argv)
{
	int i = 1, st = 0, nargs;
	struct stat sb;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strchr(argv[i], 'l'))
			opt_long = 1;
		if (strchr(argv[i], 'a'))
			opt_all = 1;
	}
	nargs = argc - i;
	if (!nargs)
		return list_dir(".");
	for (; i < argc; i++) {
		if (stat(argv[i], &sb) < 0) {
			fprintf(stderr, "ls: %s: %s\n", argv[i], strerror(errno));
			st = 1;
		} else if (S_ISDIR(sb.st_mode)) {
			if (nargs > 1)
				printf("%s:\n", argv[i]);
			st |= list_dir(argv[i]);
		} else {
			show(NULL, argv[i]);
		}
	}
	return st;
}
