// SPDX-License-Identifier: GPL-2.0
/*
 * Console commands over the VFS for the in-kernel shell: ls, cat, echo
 * (with > and >>), mkdir, rmdir, rm, mv, ln, touch, stat, cd, pwd, mount,
 * umount, df, sync.  They act in the kernel's context and print errors
 * as "cmd: path: -errno".
 *
 * Layer: a user of the VFS entry points only.  Locking: none of its own.
 */
#include <fs/vfs.h>
#include <kernel/shell.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/slab.h>

static struct vfs_ctx *K(void)
{
	return vfs_kernel_ctx();
}

static int report(const char *cmd, const char *path, int ret)
{
	if (ret < 0)
		console_printf("%s: %s: error %d\n", cmd, path, ret);
	return ret < 0 ? ret : 0;
}

static char type_char(u32 mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR: return 'd';
	case S_IFLNK: return 'l';
	case S_IFCHR: return 'c';
	case S_IFBLK: return 'b';
	default: return '-';
	}
}

static void print_entry(const char *dir, const char *name)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	char target[64];
	struct stat st;
	int n;

	if (!path)
		return;
	snprintf(path, PATH_MAX, "%s/%s", dir, name);
	if (vfs_lstat(K(), path, &st)) {
		console_printf("?????????? %s\n", name);
		goto out_free;
	}
	console_printf("%c%03o %3u %8ld %s", type_char(st.st_mode), st.st_mode & 0777,
		       st.st_nlink, st.st_size, name);
	if (S_ISLNK(st.st_mode)) {
		n = vfs_readlink(K(), path, target, sizeof(target) - 1);
		target[n > 0 ? n : 0] = '\0';
		console_printf(" -> %s", target);
	}
	console_printf("\n");
out_free:
	kfree(path);
}

static int ls_one(const char *path)
{
	u64 buf64[64];
	int fd = vfs_open(K(), path, O_RDONLY, 0);
	struct stat st;
	int n;

	if (fd < 0)
		return report("ls", path, fd);
	if (vfs_fstat(K(), fd, &st) == 0 && !S_ISDIR(st.st_mode)) {
		vfs_close(K(), fd);
		console_printf("%s\n", path);
		return 0;
	}
	while ((n = vfs_getdents(K(), fd, buf64, sizeof(buf64))) > 0) {
		for (int off = 0; off < n;) {
			struct dirent64 *de = (struct dirent64 *)((u8 *)buf64 + off);

			print_entry(path, de->d_name);
			off += de->d_reclen;
		}
	}
	vfs_close(K(), fd);
	return report("ls", path, n);
}

static int cmd_ls(int argc, char **argv)
{
	int ret = 0;

	if (argc < 2)
		return ls_one(".");
	for (int i = 1; i < argc; i++) {
		int err = ls_one(argv[i]);

		if (err && !ret)
			ret = err;
	}
	return ret;
}
SHELL_COMMAND("ls", "ls [path...]: list directories", cmd_ls);

static int cmd_cat(int argc, char **argv)
{
	char buf[128];
	int ret = 0;

	for (int i = 1; i < argc; i++) {
		int fd = vfs_open(K(), argv[i], O_RDONLY, 0);
		ssize_t n;

		if (fd < 0) {
			ret = report("cat", argv[i], fd);
			continue;
		}
		while ((n = vfs_read(K(), fd, buf, sizeof(buf))) > 0)
			console_write(buf, n);
		vfs_close(K(), fd);
		if (n < 0)
			ret = report("cat", argv[i], n);
	}
	return ret;
}
SHELL_COMMAND("cat", "cat file...: print files", cmd_cat);

static int cmd_echo(int argc, char **argv)
{
	int last = argc, fd = -1, flags = 0;
	const char *path = NULL;
	int ret = 0;

	if (argc >= 3 && (!strcmp(argv[argc - 2], ">") || !strcmp(argv[argc - 2], ">>"))) {
		flags = argv[argc - 2][1] ? O_APPEND : O_TRUNC;
		path = argv[argc - 1];
		last = argc - 2;
		fd = vfs_open(K(), path, O_WRONLY | O_CREAT | flags, 0644);
		if (fd < 0)
			return report("echo", path, fd);
	}
	for (int i = 1; i < last && ret >= 0; i++) {
		const char *sep = i + 1 < last ? " " : "\n";

		if (fd < 0) {
			console_printf("%s%s", argv[i], sep);
			continue;
		}
		ret = vfs_write(K(), fd, argv[i], strlen(argv[i]));
		if (ret >= 0)
			ret = vfs_write(K(), fd, sep, 1);
	}
	if (fd >= 0 && last == 1)
		ret = vfs_write(K(), fd, "\n", 1);
	if (fd >= 0)
		vfs_close(K(), fd);
	return report("echo", path ? path : "-", ret);
}
SHELL_COMMAND("echo", "echo text... [> file | >> file]", cmd_echo);

/* Run @fn on each argument; the first error is returned, all are reported. */
static int each_arg(int argc, char **argv, const char *usage, int (*fn)(const char *path))
{
	int ret = 0, err;

	if (argc < 2) {
		console_printf("usage: %s\n", usage);
		return -EINVAL;
	}
	for (int i = 1; i < argc; i++) {
		err = report(argv[0], argv[i], fn(argv[i]));
		if (err && !ret)
			ret = err;
	}
	return ret;
}

static int mkdir_one(const char *path)
{
	return vfs_mkdir(K(), path, 0755);
}

static int rmdir_one(const char *path)
{
	return vfs_rmdir(K(), path);
}

static int rm_one(const char *path)
{
	return vfs_unlink(K(), path);
}

static int umount_one(const char *path)
{
	return vfs_umount(K(), path);
}

static int touch_one(const char *path)
{
	int fd = vfs_open(K(), path, O_WRONLY | O_CREAT, 0644);

	if (fd >= 0)
		vfs_close(K(), fd);
	return fd < 0 ? fd : 0;
}

static int cmd_mkdir(int argc, char **argv)
{
	return each_arg(argc, argv, "mkdir dir...", mkdir_one);
}
SHELL_COMMAND("mkdir", "mkdir dir...: make directories", cmd_mkdir);

static int cmd_rmdir(int argc, char **argv)
{
	return each_arg(argc, argv, "rmdir dir...", rmdir_one);
}
SHELL_COMMAND("rmdir", "rmdir dir...: remove empty directories", cmd_rmdir);

static int cmd_rm(int argc, char **argv)
{
	return each_arg(argc, argv, "rm file...", rm_one);
}
SHELL_COMMAND("rm", "rm file...: remove names", cmd_rm);

static int cmd_umount(int argc, char **argv)
{
	return each_arg(argc, argv, "umount dir...", umount_one);
}
SHELL_COMMAND("umount", "umount dir...: detach filesystems", cmd_umount);

static int cmd_touch(int argc, char **argv)
{
	return each_arg(argc, argv, "touch file...", touch_one);
}
SHELL_COMMAND("touch", "touch file...: create empty files", cmd_touch);

static int cmd_mv(int argc, char **argv)
{
	if (argc != 3) {
		console_printf("usage: mv old new\n");
		return -EINVAL;
	}
	return report("mv", argv[1], vfs_rename(K(), argv[1], argv[2]));
}
SHELL_COMMAND("mv", "mv old new: rename", cmd_mv);

static int cmd_ln(int argc, char **argv)
{
	bool sym = argc == 4 && !strcmp(argv[1], "-s");

	if (argc != 3 && !sym) {
		console_printf("usage: ln [-s] target name\n");
		return -EINVAL;
	}
	if (sym)
		return report("ln", argv[3], vfs_symlink(K(), argv[2], argv[3]));
	return report("ln", argv[2], vfs_link(K(), argv[1], argv[2]));
}
SHELL_COMMAND("ln", "ln [-s] target name: hard or symbolic link", cmd_ln);

static int cmd_stat(int argc, char **argv)
{
	struct stat st;
	int ret;

	if (argc != 2) {
		console_printf("usage: stat path\n");
		return -EINVAL;
	}
	ret = vfs_lstat(K(), argv[1], &st);
	if (ret)
		return report("stat", argv[1], ret);
	console_printf("  File: %s\n  Size: %ld  Blocks: %ld  IO Block: %ld  %c\n",
		       argv[1], st.st_size, st.st_blocks, st.st_blksize,
		       type_char(st.st_mode));
	console_printf("Device: %u  Inode: %ld  Links: %u  Mode: %04o  Rdev: %u\n",
		       st.st_dev, st.st_spare4[0], st.st_nlink, st.st_mode & 07777,
		       st.st_rdev);
	console_printf("Access: %lld  Modify: %lld  Change: %lld\n",
		       st.st_atim.tv_sec, st.st_mtim.tv_sec, st.st_ctim.tv_sec);
	return 0;
}
SHELL_COMMAND("stat", "stat path: inode attributes", cmd_stat);

static int cmd_cd(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/";

	return report("cd", path, vfs_chdir(K(), path));
}
SHELL_COMMAND("cd", "cd [dir]: change the shell's directory", cmd_cd);

static int cmd_pwd(int argc, char **argv)
{
	char buf[128];
	int ret = vfs_getcwd(K(), buf, sizeof(buf));

	if (!ret)
		console_printf("%s\n", buf);
	return report("pwd", ".", ret);
}
SHELL_COMMAND("pwd", "pwd: print the shell's directory", cmd_pwd);

static int show_mount(const struct mount_info *mi, void *arg)
{
	console_printf("%s on %s type %s (%s)\n", mi->source, mi->path, mi->fstype,
		       (mi->flags & MS_RDONLY) ? "ro" : "rw");
	return 0;
}

static int cmd_mount(int argc, char **argv)
{
	u32 flags = 0;
	int first = 1;

	if (argc == 1)
		return vfs_for_each_mount(show_mount, NULL);
	if (argc > 1 && !strcmp(argv[1], "-r")) {
		flags = MS_RDONLY;
		first = 2;
	}
	if (argc - first != 3) {
		console_printf("usage: mount [-r] type source dir\n");
		return -EINVAL;
	}
	return report("mount", argv[first + 2],
		      vfs_mount(K(), argv[first + 1], argv[first + 2], argv[first], flags, NULL));
}
SHELL_COMMAND("mount", "mount [[-r] type source dir]: list or mount", cmd_mount);

static int df_line(const struct mount_info *mi, void *arg)
{
	struct statfs st;
	int ret = vfs_statfs(K(), mi->path, &st);

	if (ret) {
		report("df", mi->path, ret);
		return 0;		/* go on with the other mounts */
	}
	console_printf("%-12s %10llu %10llu %10llu  %s\n", mi->source,
		       st.f_blocks * st.f_bsize / 1024,
		       (st.f_blocks - st.f_bfree) * st.f_bsize / 1024,
		       st.f_bavail * st.f_bsize / 1024, mi->path);
	return 0;
}

static int cmd_df(int argc, char **argv)
{
	console_printf("%-12s %10s %10s %10s  %s\n", "Filesystem", "1K-blocks", "Used",
		       "Available", "Mounted on");
	return vfs_for_each_mount(df_line, NULL);
}
SHELL_COMMAND("df", "df: filesystem usage", cmd_df);

static int cmd_sync(int argc, char **argv)
{
	return report("sync", "-", vfs_sync());
}
SHELL_COMMAND("sync", "sync: write cached data to the media", cmd_sync);
