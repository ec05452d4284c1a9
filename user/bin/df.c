// SPDX-License-Identifier: GPL-2.0
/*
 * df [DIR...]: size, used and free space, in KiB, from statfs(2), of every
 * mounted filesystem that has blocks (/proc/mounts names them, their
 * sources and types), or of the filesystems holding each DIR.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/statfs.h>

/* The type named in /proc/mounts for the longest mount point holding @path. */
static void mount_of(const char *path, char *src, char *type, size_t len)
{
	char line[512], s[256], dir[256], t[64];
	size_t best = 0, n;
	FILE *f = fopen("/proc/mounts", "r");

	snprintf(src, len, "?");
	snprintf(type, len, "?");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%255s %255s %63s", s, dir, t) != 3)
			continue;
		n = strlen(dir);
		if (strncmp(path, dir, n) ||
		    (n > 1 && path[n] && path[n] != '/') || n < best)
			continue;
		best = n;
		snprintf(src, len, "%s", s);
		snprintf(type, len, "%s", t);
	}
	fclose(f);
}

static void header(void)
{
	printf("%-18s %9s %9s %9s %4s  %-10s %s\n", "Filesystem", "KiB", "Used",
	       "Avail", "Use", "Mounted on", "Type");
}

/* One line for the filesystem at @dir; @all skips those without blocks. */
static int show(const char *dir, const char *src, const char *type, int all)
{
	struct statfs st;
	unsigned long long unit, total, avail, used;

	if (statfs(dir, &st) < 0) {
		fprintf(stderr, "df: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if (all && !st.f_blocks)
		return 0;	/* proc, sysfs, devfs: nothing to count */
	unit = st.f_frsize ? st.f_frsize : st.f_bsize;
	total = st.f_blocks * unit / 1024;
	avail = st.f_bavail * unit / 1024;
	used = (st.f_blocks - st.f_bfree) * unit / 1024;
	printf("%-18s %9llu %9llu %9llu %3llu%%  %-10s %s%s\n", src, total, used,
	       avail, total ? (used * 100 + total - 1) / total : 0, dir, type,
	       (st.f_flags & ST_RDONLY) ? " (ro)" : "");
	return 0;
}

int main(int argc, char **argv)
{
	char line[512], src[256], dir[256], type[64];
	int i, ret = 0;
	FILE *f;

	header();
	if (argc > 1) {
		for (i = 1; i < argc; i++) {
			mount_of(argv[i], src, type, sizeof(type));
			ret |= show(argv[i], src, type, 0);
		}
		return ret;
	}
	f = fopen("/proc/mounts", "r");
	if (!f) {
		fprintf(stderr, "df: /proc/mounts: %s\n", strerror(errno));
		return 1;
	}
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%255s %255s %63s", src, dir, type) == 3)
			ret |= show(dir, src, type, 1);
	fclose(f);
	return ret;
}
