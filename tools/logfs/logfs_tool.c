// SPDX-License-Identifier: GPL-2.0
/*
 * logfs-tool: look at and change a LogFS image from the host.
 *   ls PATH | cat PATH | stat PATH | get PATH HOSTFILE | put HOSTFILE PATH
 *   mkdir PATH | rm PATH | df
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "logfs_image.h"

static void usage(FILE *out)
{
	fprintf(out, "usage: logfs-tool [options] IMAGE COMMAND [ARGS]\n"
		"Commands:\n"
		"  ls PATH             list a directory\n"
		"  cat PATH            print a file\n"
		"  stat PATH           attributes\n"
		"  get PATH HOSTFILE   copy a file out\n"
		"  put HOSTFILE PATH   copy a file in\n"
		"  mkdir PATH          make a directory\n"
		"  rm PATH             remove a file (or an empty directory)\n"
		"  df                  space and counters\n"
		"Options:\n%s"
		"  --help              this text\n", img_common_help());
}

static int print_entry(void *ctx, const char *name, u32 len, u32 ino, u32 type)
{
	printf("%c %8u %s\n", type == (LOGFS_S_IFDIR >> 12) ? 'd' :
	       type == (LOGFS_S_IFLNK >> 12) ? 'l' : '-', ino, name);
	return 0;
}

static int copy_out(struct logfs *fs, const char *path, FILE *out)
{
	struct logfs_file *f = logfs_open(fs, path, LOGFS_O_RDONLY, 0);
	char buf[65536];
	uint64_t off = 0;
	int64_t n;

	if (IS_ERR(f))
		return (int)PTR_ERR(f);
	while ((n = logfs_pread(f, buf, sizeof(buf), off)) > 0) {
		fwrite(buf, 1, (size_t)n, out);
		off += (uint64_t)n;
	}
	logfs_close(f);
	return n < 0 ? (int)n : 0;
}

static int run(struct img *im, int argc, char **argv)
{
	const char *cmd = argv[0];
	struct logfs_statfs sf;
	struct logfs_stat st;
	FILE *f;
	int ret;

	if (!strcmp(cmd, "ls") && argc == 2)
		return logfs_readdir(im->fs, argv[1], print_entry, NULL);
	if (!strcmp(cmd, "cat") && argc == 2)
		return copy_out(im->fs, argv[1], stdout);
	if (!strcmp(cmd, "stat") && argc == 2) {
		ret = logfs_stat(im->fs, argv[1], &st);
		if (!ret)
			printf("ino %u mode %o nlink %u uid %u gid %u size %llu blocks %llu mtime %lld\n",
			       st.ino, st.mode, st.nlink, st.uid, st.gid,
			       (unsigned long long)st.size,
			       (unsigned long long)st.blocks,
			       (long long)st.mtime_ns);
		return ret;
	}
	if (!strcmp(cmd, "get") && argc == 3) {
		f = fopen(argv[2], "wb");
		if (!f)
			return -errno;
		ret = copy_out(im->fs, argv[1], f);
		fclose(f);
		return ret;
	}
	if (!strcmp(cmd, "put") && argc == 3) {
		char dir[4096];
		const char *slash = strrchr(argv[2], '/');

		/* reuse the populate path for one file via a temp dir walk */
		snprintf(dir, sizeof(dir), "%s", argv[1]);
		(void)slash;
		f = fopen(argv[1], "rb");
		if (!f)
			return -errno;
		{
			struct logfs_file *lf = logfs_open(im->fs, argv[2],
				LOGFS_O_WRONLY | LOGFS_O_CREAT | LOGFS_O_TRUNC, 0644);
			char buf[65536];
			uint64_t off = 0;
			size_t n;

			if (IS_ERR(lf)) {
				fclose(f);
				return (int)PTR_ERR(lf);
			}
			ret = 0;
			while (!ret && (n = fread(buf, 1, sizeof(buf), f)) > 0) {
				int64_t w = logfs_pwrite(lf, buf, n, off);

				ret = w == (int64_t)n ? 0 : w < 0 ? (int)w : -EIO;
				off += n;
			}
			logfs_close(lf);
		}
		fclose(f);
		return ret;
	}
	if (!strcmp(cmd, "mkdir") && argc == 2)
		return logfs_mkdir(im->fs, argv[1], 0755);
	if (!strcmp(cmd, "rm") && argc == 2) {
		ret = logfs_unlink(im->fs, argv[1]);
		return ret == -EISDIR ? logfs_rmdir(im->fs, argv[1]) : ret;
	}
	if (!strcmp(cmd, "df") && argc == 1) {
		logfs_statfs(im->fs, &sf);
		printf("blocks %llu free %llu files %llu segments %u free %u ram %zu\n",
		       (unsigned long long)sf.blocks, (unsigned long long)sf.bfree,
		       (unsigned long long)sf.files, sf.nr_segs, sf.free_segs,
		       sf.ram_bytes);
		return 0;
	}
	usage(stderr);
	return -EINVAL;
}

int main(int argc, char **argv)
{
	struct img_opts o = { 0 };
	struct img im;
	int i, n, ret;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		}
		n = img_common_opt(&o, argc, argv, i);
		if (!n)
			break;
		i += n - 1;
	}
	if (argc - i < 2) {
		usage(stderr);
		return 2;
	}
	o.path = argv[i];
	o.read_only = !strcmp(argv[i + 1], "ls") || !strcmp(argv[i + 1], "cat") ||
		      !strcmp(argv[i + 1], "stat") || !strcmp(argv[i + 1], "get") ||
		      !strcmp(argv[i + 1], "df");
	ret = img_open(&im, &o);
	if (!ret)
		ret = run(&im, argc - i - 1, argv + i + 1);
	if (img_close(&im) && !ret)
		ret = -EIO;
	if (ret) {
		fprintf(stderr, "logfs-tool: %s\n", strerror(-ret));
		return 1;
	}
	return 0;
}
