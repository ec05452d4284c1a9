// SPDX-License-Identifier: GPL-2.0
/*
 * Host-only: ext2 against images made by e2fsprogs.  A tree is generated
 * (files of sizes reaching double-indirect blocks, holes, empty files,
 * nested and large directories, fast and slow symlinks), `mke2fs -t ext2
 * -d` turns it into images with 1 KiB and 4 KiB blocks, and every file is
 * compared with the original: raw image, and the same image through
 * cloop/LZ4 (the compressed read-only root).  Also: damaged superblocks,
 * and inodes damaged with debugfs: -EUCLEAN for what is damaged only.
 * Skips when mke2fs is missing (looked for on PATH, then in /usr/sbin and
 * /sbin: tests/host/ktest_main.c).
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <fs/ext2.h>
#include <block/cloop.h>
#include <block/memblk.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

static char tree[64], img1k[80], img4k[80];

static void write_file(const char *path, size_t size, unsigned int seed)
{
	FILE *f = fopen(path, "wb");
	size_t i;

	for (i = 0; f && i < size; i++)
		fputc((int)((i * 7 + seed * 131 + (i >> 9)) & 0xff), f);
	if (f)
		fclose(f);
}

static int sh(const char *fmt, const char *a, const char *b)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), fmt, a, b);
	return system(cmd);
}

static int ext2_suite_init(void)
{
	char p[256];
	int i;

	if (system("command -v mke2fs >/dev/null 2>&1"))
		return 0;	/* cases skip */
	strcpy(tree, "/tmp/ext2test.XXXXXX");
	if (!mkdtemp(tree))
		return -1;
	snprintf(img1k, sizeof(img1k), "%s.1k.img", tree);
	snprintf(img4k, sizeof(img4k), "%s.4k.img", tree);
	snprintf(p, sizeof(p), "%s/dir/sub/deeper", tree);
	sh("mkdir -p %s %s/many", p, tree);
	snprintf(p, sizeof(p), "%s/empty", tree);
	write_file(p, 0, 0);
	snprintf(p, sizeof(p), "%s/one", tree);
	write_file(p, 1, 1);
	snprintf(p, sizeof(p), "%s/dir/k1023", tree);
	write_file(p, 1023, 2);
	snprintf(p, sizeof(p), "%s/dir/sub/b12k", tree);
	write_file(p, 12 * 1024 + 5, 3);
	snprintf(p, sizeof(p), "%s/dir/sub/deeper/big", tree);
	write_file(p, 600 * 1024 + 17, 4);	/* double indirect at 1 KiB */
	for (i = 0; i < 150; i++) {		/* a multi-block directory */
		snprintf(p, sizeof(p), "%s/many/file-with-a-longish-name-%03d", tree, i);
		write_file(p, (size_t)i * 37, (unsigned int)i);
	}
	sh("truncate -s 300000 %s/sparse%s", tree, "");
	sh("cd %s && ln -s dir/sub/b12k fastlink && ln -s %s slowlink", tree,
	   "this/target/is/longer/than/sixty/characters/so/it/needs/a/data/block/x");
	sh("mke2fs -q -F -t ext2 -b 1024 -d %s %s 4M >/dev/null 2>&1", tree, img1k);
	sh("mke2fs -q -F -t ext2 -b 4096 -d %s %s 8M >/dev/null 2>&1", tree, img4k);
	return 0;
}

static void ext2_suite_exit(void)
{
	if (tree[0]) {
		sh("rm -rf %s %s.*.img", tree, tree);
	}
}

/* Compare the host tree under @rel with the filesystem; count files. */
static void compare_tree(struct ktest *t, struct ext2_fs *fs, const char *rel,
			 int *files)
{
	char hp[640], target[256], t2[256];
	struct ext2_stat st;
	struct dirent *d;
	DIR *dir;
	u32 ino;

	snprintf(hp, sizeof(hp), "%s%s", tree, rel);
	dir = opendir(hp);
	KASSERT_NOT_NULL(t, dir);
	while ((d = readdir(dir))) {
		char r[512];
		struct stat hs;

		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		snprintf(r, sizeof(r), "%s/%s", rel, d->d_name);
		snprintf(hp, sizeof(hp), "%s%s", tree, r);
		KASSERT_EQ(t, lstat(hp, &hs), 0);
		KASSERT_EQ(t, ext2_lookup(fs, r, &ino), 0);
		KASSERT_EQ(t, ext2_stat(fs, ino, &st), 0);
		KEXPECT_EQ(t, st.mode, hs.st_mode & 0xffff);
		(*files)++;
		if (S_ISDIR(hs.st_mode)) {
			compare_tree(t, fs, r, files);
		} else if (S_ISLNK(hs.st_mode)) {
			ssize_t n = readlink(hp, target, sizeof(target) - 1);

			KASSERT_GT(t, n, 0);
			target[n] = '\0';
			KEXPECT_EQ(t, ext2_readlink(fs, ino, t2, sizeof(t2)), n);
			KEXPECT_STREQ(t, t2, target);
		} else {
			u8 *a = malloc(hs.st_size + 1), *b = malloc(hs.st_size + 1);
			FILE *f = fopen(hp, "rb");

			KASSERT_TRUE(t, a && b && f);
			KEXPECT_EQ(t, fread(a, 1, hs.st_size, f), (size_t)hs.st_size);
			fclose(f);
			KEXPECT_EQ(t, st.size, hs.st_size);
			KEXPECT_EQ(t, ext2_read(fs, ino, 0, b, hs.st_size + 1),
				   hs.st_size);
			KEXPECT_MEMEQ(t, a, b, hs.st_size);
			if (hs.st_size > 5000) {	/* an unaligned middle read */
				KEXPECT_EQ(t, ext2_read(fs, ino, 1234, b, 3000), 3000);
				KEXPECT_MEMEQ(t, a + 1234, b, 3000);
			}
			free(a);
			free(b);
		}
	}
	closedir(dir);
}

static void check_fs(struct ktest *t, struct blkio *bio)
{
	struct ext2_fs *fs = NULL;
	struct ext2_dirent de;
	u64 cookie = 0;
	int files = 0, n = 0, ret;
	u32 ino;
	char buf[8];

	KASSERT_EQ(t, ext2_mount(bio, &fs), 0);
	compare_tree(t, fs, "", &files);
	KEXPECT_GT(t, files, 160);
	/* the root lists the host entries plus ., .. and lost+found */
	while ((ret = ext2_readdir(fs, EXT2_ROOT_INO, &cookie, &de)) > 0)
		n++;
	KEXPECT_EQ(t, ret, 0);
	KEXPECT_EQ(t, n, 7 + 3);	/* 7 made here, ., .., lost+found */
	KEXPECT_EQ(t, ext2_lookup(fs, "/dir/nothere", &ino), -ENOENT);
	KEXPECT_EQ(t, ext2_lookup(fs, "/one/x", &ino), -ENOTDIR);
	KEXPECT_EQ(t, ext2_lookup(fs, "/dir", &ino), 0);
	KEXPECT_EQ(t, ext2_read(fs, ino, 0, buf, 1), -EISDIR);
	KEXPECT_EQ(t, ext2_readlink(fs, ino, buf, sizeof(buf)), -EINVAL);
	KEXPECT_EQ(t, ext2_stat(fs, 0, NULL), -EINVAL);
	ext2_umount(fs);
}

static const char *const img_names[] = { "1k", "4k" };

static void describe_img(const void *p, char *buf, size_t len)
{
	snprintf(buf, len, "%s blocks", *(const char *const *)p);
}

static const char *img_path(const void *param)
{
	return strcmp(*(const char *const *)param, "1k") ? img4k : img1k;
}

static void ext2_raw_image(struct ktest *t)
{
	struct blkio bio;

	if (!tree[0]) {
		ktest_skip(t, "mke2fs not installed");
		return;
	}
	KASSERT_EQ(t, blkio_file_open(&bio, img_path(t->param), 512, true), 0);
	check_fs(t, &bio);
	blkio_file_close(&bio);
}

struct sink {
	u8 *p;
	size_t len, cap;
};

static int sink_emit(void *ctx, const void *buf, size_t len)
{
	struct sink *s = ctx;

	if (s->len + len > s->cap)
		return -ENOSPC;
	memcpy(s->p + s->len, buf, len);
	s->len += len;
	return 0;
}

/* The compressed root: mke2fs image -> cloop/LZ4 -> ext2. */
static void ext2_through_cloop(struct ktest *t)
{
	struct cloop_build_opts opts = { .block_size = 16384, .hc_level = 4 };
	struct cloop_config cfg = { .cache_blocks = 4 };
	struct cloop_dev *cl = NULL;
	struct sink s = { 0 };
	struct memblk mb;
	struct stat hs;
	u8 *img;
	FILE *f;

	if (!tree[0]) {
		ktest_skip(t, "mke2fs not installed");
		return;
	}
	KASSERT_EQ(t, stat(img_path(t->param), &hs), 0);
	img = malloc(hs.st_size);
	s.cap = hs.st_size + 65536;
	s.p = malloc(s.cap);
	f = fopen(img_path(t->param), "rb");
	KASSERT_TRUE(t, img && s.p && f);
	KASSERT_EQ(t, fread(img, 1, hs.st_size, f), (size_t)hs.st_size);
	fclose(f);
	KASSERT_EQ(t, cloop_build(img, hs.st_size, &opts, sink_emit, &s, NULL), 0);
	KEXPECT_LT(t, s.len, (size_t)hs.st_size / 2);
	KASSERT_EQ(t, memblk_init(&mb, s.p, s.len, 512, true), 0);
	KASSERT_EQ(t, cloop_open(&mb.bio, &cfg, &cl), 0);
	check_fs(t, cloop_blkio(cl));
	cloop_close(cl);
	free(s.p);
	free(img);
}

static void ext2_damaged_super(struct ktest *t)
{
	static const struct { int off; u8 val; int err; } dmg[] = {
		{ 56, 0x00, -EINVAL },		/* magic */
		{ 24, 0x09, -EUCLEAN },		/* log block size */
		{ 96, 0x40, -EINVAL },		/* incompat: extents */
		{ 33, 0x00, -EUCLEAN },		/* blocks per group 8192 -> 0 */
		{ 88, 0x03, -EUCLEAN },		/* inode size not a power of 2 */
	};
	struct ext2_fs *fs = NULL;
	struct memblk mb;
	struct stat hs;
	size_t i;
	u8 *img;
	FILE *f;

	if (!tree[0]) {
		ktest_skip(t, "mke2fs not installed");
		return;
	}
	KASSERT_EQ(t, stat(img1k, &hs), 0);
	img = malloc(hs.st_size);
	f = fopen(img1k, "rb");
	KASSERT_TRUE(t, img && f);
	KASSERT_EQ(t, fread(img, 1, hs.st_size, f), (size_t)hs.st_size);
	fclose(f);
	ktest_printf("    # ext2 errors below are expected\n");
	for (i = 0; i < ARRAY_SIZE(dmg); i++) {
		u8 save = img[1024 + dmg[i].off];

		img[1024 + dmg[i].off] = dmg[i].val;
		KASSERT_EQ(t, memblk_init(&mb, img, hs.st_size, 512, true), 0);
		KEXPECT_EQ(t, ext2_mount(&mb.bio, &fs), dmg[i].err);
		img[1024 + dmg[i].off] = save;
	}
	KASSERT_EQ(t, memblk_init(&mb, img, hs.st_size, 512, true), 0);
	KEXPECT_EQ(t, ext2_mount(&mb.bio, &fs), 0);
	ext2_umount(fs);
	free(img);
}

/* Damage inodes with debugfs (set_inode_field) on a copy of the image. */
static int damaged_copy(char *out, size_t len, const char *what)
{
	char cmd[512];

	snprintf(out, len, "%s.dmg.img", tree);
	snprintf(cmd, sizeof(cmd), "cp %s %s && debugfs -w -R '%s' %s >/dev/null 2>&1",
		 img1k, out, what, out);
	return system(cmd);
}

static void ext2_damaged_inodes(struct ktest *t)
{
	char path[96];
	struct ext2_fs *fs = NULL;
	struct ext2_dirent de;
	struct blkio bio;
	u64 cookie = 0;
	u8 *buf;
	u32 ino;

	if (!tree[0] || system("command -v debugfs >/dev/null 2>&1")) {
		ktest_skip(t, "mke2fs/debugfs not installed");
		return;
	}
	buf = malloc(64 * 1024);
	KASSERT_NOT_NULL(t, buf);
	ktest_printf("    # ext2 errors below are expected\n");

	/* the single-indirect pointer of a big file points outside the fs */
	KASSERT_EQ(t, damaged_copy(path, sizeof(path),
				   "sif /dir/sub/deeper/big block[IND] 4000000"), 0);
	KASSERT_EQ(t, blkio_file_open(&bio, path, 512, true), 0);
	KASSERT_EQ(t, ext2_mount(&bio, &fs), 0);
	KASSERT_EQ(t, ext2_lookup(fs, "/dir/sub/deeper/big", &ino), 0);
	KEXPECT_EQ(t, ext2_read(fs, ino, 0, buf, 12 * 1024), 12 * 1024);
	KEXPECT_EQ(t, ext2_read(fs, ino, 0, buf, 13 * 1024), -EUCLEAN);
	ext2_umount(fs);
	blkio_file_close(&bio);

	/* a directory's first block points outside the fs */
	KASSERT_EQ(t, damaged_copy(path, sizeof(path), "sif /dir block[0] 4000000"), 0);
	KASSERT_EQ(t, blkio_file_open(&bio, path, 512, true), 0);
	KASSERT_EQ(t, ext2_mount(&bio, &fs), 0);
	KEXPECT_EQ(t, ext2_lookup(fs, "/dir/k1023", &ino), -EUCLEAN);
	KEXPECT_EQ(t, ext2_lookup(fs, "/one", &ino), 0);	/* the rest works */
	ext2_umount(fs);
	blkio_file_close(&bio);

	/* a directory claiming to be larger than the filesystem */
	KASSERT_EQ(t, damaged_copy(path, sizeof(path), "sif /many size 0x7ffffc00"), 0);
	KASSERT_EQ(t, blkio_file_open(&bio, path, 512, true), 0);
	KASSERT_EQ(t, ext2_mount(&bio, &fs), 0);
	KASSERT_EQ(t, ext2_lookup(fs, "/many", &ino), 0);
	KEXPECT_EQ(t, ext2_readdir(fs, ino, &cookie, &de), -EUCLEAN);
	ext2_umount(fs);
	blkio_file_close(&bio);

	/* a slow symlink whose size exceeds a block */
	KASSERT_EQ(t, damaged_copy(path, sizeof(path), "sif /slowlink size 5000"), 0);
	KASSERT_EQ(t, blkio_file_open(&bio, path, 512, true), 0);
	KASSERT_EQ(t, ext2_mount(&bio, &fs), 0);
	KASSERT_EQ(t, ext2_lookup(fs, "/slowlink", &ino), 0);
	KEXPECT_EQ(t, ext2_readlink(fs, ino, (char *)buf, 256), -EUCLEAN);
	ext2_umount(fs);
	blkio_file_close(&bio);
	unlink(path);
	free(buf);
}

static struct ktest_case ext2_cases[] = {
	KTEST_CASE_PARAMS(ext2_raw_image, img_names, describe_img),
	KTEST_CASE_PARAMS(ext2_through_cloop, img_names, describe_img),
	KTEST_CASE(ext2_damaged_super),
	KTEST_CASE(ext2_damaged_inodes),
	{}
};

static struct ktest_suite ext2_suite = {
	.name = "ext2_mke2fs",
	.cases = ext2_cases,
	.suite_init = ext2_suite_init,
	.suite_exit = ext2_suite_exit,
};
KTEST_SUITE(ext2_suite);
