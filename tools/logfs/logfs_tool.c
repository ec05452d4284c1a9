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
#include "../lib/cli.h"

#define PROG "logfs-tool"

struct command {
	const char *name;	/* first: cli_find() */
	const char *args;	/* for messages */
	int nargs;
	bool writes;
};

static const struct command commands[] = {
	{ "ls", "PATH", 1, false },
	{ "cat", "PATH", 1, false },
	{ "stat", "PATH", 1, false },
	{ "get", "PATH HOSTFILE", 2, false },
	{ "put", "HOSTFILE PATH", 2, true },
	{ "mkdir", "PATH", 1, true },
	{ "rm", "PATH", 1, true },
	{ "df", "", 0, false },
};

static void usage(void)
{
	printf("usage: logfs-tool [options] IMAGE COMMAND [ARGS]\n"
	       "Look at or change the LogFS on IMAGE (a raw NOR flash image with an\n"
	       "FTL unless --blkio).  PATHs are absolute paths in the LogFS.\n"
	       "\n"
	       "Commands:\n"
	       "  ls PATH             list a directory: type, inode number, name\n"
	       "  cat PATH            print a file\n"
	       "  stat PATH           inode, mode, links, owner, size, blocks, mtime\n"
	       "  get PATH HOSTFILE   copy a file out\n"
	       "  put HOSTFILE PATH   copy a file in (created or replaced, mode 0644)\n"
	       "  mkdir PATH          make a directory (mode 0755)\n"
	       "  rm PATH             remove a file (or an empty directory)\n"
	       "  df                  space and counters\n"
	       "\n"
	       "Options (before IMAGE):\n%s"
	       "  -h, --help          this text\n"
	       "\n"
	       "Exit status: 0 done, 1 failed, 2 bad command line.\n",
	       img_common_help(false));
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
		if (fwrite(buf, 1, (size_t)n, out) != (size_t)n) {
			n = -errno;
			break;
		}
		off += (uint64_t)n;
	}
	logfs_close(f);
	return n < 0 ? (int)n : 0;
}

static int cmd_stat(struct logfs *fs, const char *path)
{
	struct logfs_stat st;
	int ret = logfs_stat(fs, path, &st);

	if (!ret)
		printf("ino %u mode %o nlink %u uid %u gid %u size %llu blocks %llu mtime %lld\n",
		       st.ino, st.mode, st.nlink, st.uid, st.gid,
		       (unsigned long long)st.size, (unsigned long long)st.blocks,
		       (long long)st.mtime_ns);
	return ret;
}

static int cmd_get(struct logfs *fs, const char *path, const char *host)
{
	FILE *f = fopen(host, "wb");
	int ret;

	if (!f) {
		perror(host);
		return -errno;
	}
	ret = copy_out(fs, path, f);
	if (fclose(f) && !ret)
		ret = -errno;
	return ret;
}

static int cmd_df(struct logfs *fs)
{
	struct logfs_statfs sf;

	logfs_statfs(fs, &sf);
	printf("blocks %llu free %llu files %llu segments %u free %u ram %zu\n",
	       (unsigned long long)sf.blocks, (unsigned long long)sf.bfree,
	       (unsigned long long)sf.files, sf.nr_segs, sf.free_segs,
	       sf.ram_bytes);
	return 0;
}

/* Run a command whose arguments have been counted; 0 or -errno. */
static int run(struct img *im, const char *cmd, char **args)
{
	int ret;

	if (!strcmp(cmd, "ls"))
		return logfs_readdir(im->fs, args[0], print_entry, NULL);
	if (!strcmp(cmd, "cat"))
		return copy_out(im->fs, args[0], stdout);
	if (!strcmp(cmd, "stat"))
		return cmd_stat(im->fs, args[0]);
	if (!strcmp(cmd, "get"))
		return cmd_get(im->fs, args[0], args[1]);
	if (!strcmp(cmd, "put"))
		return img_put_file(im, args[0], args[1], 0644);
	if (!strcmp(cmd, "mkdir"))
		return logfs_mkdir(im->fs, args[0], 0755);
	if (!strcmp(cmd, "rm")) {
		ret = logfs_unlink(im->fs, args[0]);
		return ret == -EISDIR ? logfs_rmdir(im->fs, args[0]) : ret;
	}
	return cmd_df(im->fs);
}

/* Options, IMAGE, COMMAND and its arguments; 0, or the exit status. */
static int parse_args(int argc, char **argv, struct img_opts *o,
		      const struct command **cmd, int *first)
{
	int i, n;

	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			usage();
			exit(0);
		}
		n = img_common_opt(o, PROG, false, argc, argv, i);
		if (n < 0)
			return -n;
		if (!n && argv[i][0] == '-')
			return cli_usage_error(PROG, "unknown option '%s'", argv[i]);
		if (!n)
			break;
		i += n - 1;
	}
	if (argc - i < 2)
		return cli_usage_error(PROG, "expected IMAGE and a COMMAND");
	*cmd = cli_find(commands, ARRAY_SIZE(commands), sizeof(commands[0]),
			argv[i + 1]);
	if (!*cmd)
		return cli_usage_error(PROG, "unknown command '%s'", argv[i + 1]);
	if (argc - i - 2 != (*cmd)->nargs)
		return cli_usage_error(PROG, "%s expects %s", (*cmd)->name,
				       (*cmd)->nargs ? (*cmd)->args : "no arguments");
	o->path = argv[i];
	o->read_only = !(*cmd)->writes;
	*first = i + 2;
	return 0;
}

int main(int argc, char **argv)
{
	const struct command *cmd = NULL;
	struct img_opts o = { 0 };
	struct img im;
	int first = 0, ret, i;

	ret = parse_args(argc, argv, &o, &cmd, &first);
	if (ret)
		return ret;
	ret = img_open(&im, &o);
	if (ret) {
		fprintf(stderr, PROG ": %s: cannot mount: %s\n", o.path,
			strerror(-ret));
		img_close(&im);
		return 1;
	}
	ret = run(&im, cmd->name, argv + first);
	if (img_close(&im) && !ret)
		ret = -EIO;
	if (!ret)
		return 0;
	fprintf(stderr, PROG ": %s", cmd->name);
	for (i = first; i < argc; i++)
		fprintf(stderr, " %s", argv[i]);
	fprintf(stderr, ": %s\n", strerror(-ret));
	return 1;
}
