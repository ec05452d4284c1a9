// SPDX-License-Identifier: GPL-2.0
/*
 * df [DIR...]: size, used and free space of the filesystems holding each
 * DIR (default: the usual mount points), in KiB, from statfs(2).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/statfs.h>

static int show(const char *path)
{
	struct statfs st;
	unsigned long long unit, total, avail, used;

	if (statfs(path, &st) < 0) {
		fprintf(stderr, "df: %s: %s\n", path, strerror(errno));
		return 1;
	}
	unit = st.f_frsize ? st.f_frsize : st.f_bsize;
	total = st.f_blocks * unit / 1024;
	avail = st.f_bavail * unit / 1024;
	used = (st.f_blocks - st.f_bfree) * unit / 1024;
	printf("%-12s %10llu %10llu %10llu %3llu%% %08x%s\n", path, total, used,
	       avail, total ? (used * 100 + total - 1) / total : 0,
	       st.f_type, (st.f_flags & ST_RDONLY) ? " ro" : "");
	return 0;
}

int main(int argc, char **argv)
{
	static const char *const def[] = { "/", "/tmp", "/data", "/secure", NULL };
	int i, ret = 0;

	printf("%-12s %10s %10s %10s %4s %s\n", "Mounted on", "KiB", "Used",
	       "Avail", "Use", "Type");
	if (argc > 1) {
		for (i = 1; i < argc; i++)
			ret |= show(argv[i]);
		return ret;
	}
	for (i = 0; def[i]; i++)
		show(def[i]);	/* absent mount points are not an error */
	return 0;
}
