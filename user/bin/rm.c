// SPDX-License-Identifier: GPL-2.0
/* rm [-f] [-r] path...: remove files; -r also directories and their contents. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int opt_force, opt_recursive;

static int remove_path(const char *path)
{
	struct stat st;
	struct dirent *d;
	char sub[1024];
	int ret = 0;
	DIR *dp;

	if (lstat(path, &st) < 0) {
		if (opt_force && errno == ENOENT)
			return 0;
		fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		if (unlink(path) < 0) {
			fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
			return 1;
		}
		return 0;
	}
	if (!opt_recursive) {
		fprintf(stderr, "rm: %s: is a directory\n", path);
		return 1;
	}
	dp = opendir(path);
	if (!dp) {
		fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
		return 1;
	}
	while ((d = readdir(dp))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, d->d_name);
		ret |= remove_path(sub);
	}
	closedir(dp);
	if (rmdir(path) < 0) {
		fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return ret;
}

int main(int argc, char **argv)
{
	int i = 1, ret = 0;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strchr(argv[i], 'f'))
			opt_force = 1;
		if (strchr(argv[i], 'r') || strchr(argv[i], 'R'))
			opt_recursive = 1;
	}
	if (i == argc && !opt_force) {
		fprintf(stderr, "usage: rm [-rf] path...\n");
		return 2;
	}
	for (; i < argc; i++)
		ret |= remove_path(argv[i]);
	return ret;
}
