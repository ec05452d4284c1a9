// SPDX-License-Identifier: GPL-2.0
/*
 * Portable ext2 tests (they run on the target too): a small image made by
 * mke2fs -d (tiny_image.h, see gen_tiny_image.sh), stored as cloop/LZ4 —
 * so this is also the compressed-root path: cloop -> ext2.  Files, holes
 * past EOF, an indirect block, fast and slow symlinks, readdir, lookup
 * errors, then damaged directory entries and group descriptors in a
 * decompressed copy.
 */
#include <port/port.h>
#include <kernel/ktest.h>
#include <fs/ext2.h>
#include <block/cloop.h>
#include <block/memblk.h>
#include "tiny_image.h"

#define TINY_SIZE (64 * 1024)

struct tiny {
	u8 *packed;
	struct memblk mb;
	struct cloop_dev *cl;
	struct ext2_fs *fs;
};

static int tiny_init(struct ktest *t)
{
	struct tiny *x = kzalloc(sizeof(*x), GFP_KERNEL);
	int ret;

	if (!x)
		return -ENOMEM;
	t->priv = x;
	x->packed = kmalloc(sizeof(ext2_tiny_cloop), GFP_KERNEL);
	if (!x->packed)
		return -ENOMEM;
	memcpy(x->packed, ext2_tiny_cloop, sizeof(ext2_tiny_cloop));
	ret = memblk_init(&x->mb, x->packed, sizeof(ext2_tiny_cloop), 512, true);
	if (!ret)
		ret = cloop_open(&x->mb.bio, NULL, &x->cl);
	if (!ret)
		ret = ext2_mount(cloop_blkio(x->cl), &x->fs);
	return ret;
}

static void tiny_exit(struct ktest *t)
{
	struct tiny *x = t->priv;

	if (!x)
		return;
	ext2_umount(x->fs);
	cloop_close(x->cl);
	kfree(x->packed);
	kfree(x);
}

static void ext2_regular_files(struct ktest *t)
{
	static u8 buf[20000];
	struct ext2_fs *fs = ((struct tiny *)t->priv)->fs;
	static const char passwd[] = "root:x:0:0:root:/root:/bin/sh\n";
	struct ext2_stat st;
	u32 ino, i;
	int bad = 0;

	KASSERT_EQ(t, ext2_lookup(fs, "/etc/passwd", &ino), 0);
	KASSERT_EQ(t, ext2_stat(fs, ino, &st), 0);
	KEXPECT_EQ(t, st.mode & EXT2_S_IFMT, EXT2_S_IFREG);
	KEXPECT_EQ(t, st.size, sizeof(passwd) - 1);
	KEXPECT_EQ(t, ext2_read(fs, ino, 0, buf, sizeof(buf)), sizeof(passwd) - 1);
	KEXPECT_MEMEQ(t, buf, passwd, sizeof(passwd) - 1);
	KEXPECT_EQ(t, ext2_read(fs, ino, 100, buf, 10), 0);	/* past EOF */

	/* 20000 bytes: blocks 12.. go through the single-indirect block */
	KASSERT_EQ(t, ext2_lookup(fs, "bin/prog", &ino), 0);
	KEXPECT_EQ(t, ext2_read(fs, ino, 0, buf, sizeof(buf)), 20000);
	for (i = 0; i < 20000; i++)
		bad += buf[i] != (u8)(i * 7 + (i >> 9));
	KEXPECT_EQ(t, bad, 0);
	KEXPECT_EQ(t, ext2_read(fs, ino, 12 * 1024 - 3, buf, 6), 6);
	KEXPECT_EQ(t, buf[0], (u8)((12 * 1024 - 3) * 7 + ((12 * 1024 - 3) >> 9)));
	KEXPECT_EQ(t, buf[5], (u8)((12 * 1024 + 2) * 7 + ((12 * 1024 + 2) >> 9)));

	KASSERT_EQ(t, ext2_lookup(fs, "/empty", &ino), 0);
	KASSERT_EQ(t, ext2_stat(fs, ino, &st), 0);
	KEXPECT_EQ(t, st.size, 0);
	KEXPECT_EQ(t, ext2_read(fs, ino, 0, buf, 1), 0);
}

static void ext2_symlinks(struct ktest *t)
{
	struct ext2_fs *fs = ((struct tiny *)t->priv)->fs;
	char target[128];
	u32 ino;

	KASSERT_EQ(t, ext2_lookup(fs, "/bin/sub/pw", &ino), 0);	/* fast */
	KEXPECT_EQ(t, ext2_readlink(fs, ino, target, sizeof(target)), 13);
	KEXPECT_STREQ(t, target, "../etc/passwd");
	KEXPECT_EQ(t, ext2_readlink(fs, ino, target, 4), 13);	/* truncated */
	KEXPECT_STREQ(t, target, "../");
	KASSERT_EQ(t, ext2_lookup(fs, "/bin/slow", &ino), 0);	/* in a block */
	KEXPECT_EQ(t, ext2_readlink(fs, ino, target, sizeof(target)), 82);
	KEXPECT_STREQ(t, target, "/long/long/long/long/long/long/long/long/long/"
		      "long/long/long/long/long/long/target");
}

static void ext2_directories(struct ktest *t)
{
	static const char *const want[] = { ".", "..", "lost+found", "etc",
					    "bin", "empty" };
	struct ext2_fs *fs = ((struct tiny *)t->priv)->fs;
	struct ext2_dirent de;
	char name[300];
	u64 cookie = 0;
	int found = 0, n = 0, ret;
	size_t i;
	u32 ino;

	while ((ret = ext2_readdir(fs, EXT2_ROOT_INO, &cookie, &de)) > 0) {
		n++;
		for (i = 0; i < ARRAY_SIZE(want); i++)
			if (!strcmp(de.name, want[i]))
				found |= 1 << i;
	}
	KEXPECT_EQ(t, ret, 0);
	KEXPECT_EQ(t, n, 6);
	KEXPECT_EQ(t, found, 0x3f);
	KEXPECT_EQ(t, ext2_lookup(fs, "/", &ino), 0);
	KEXPECT_EQ(t, ino, EXT2_ROOT_INO);
	KEXPECT_EQ(t, ext2_lookup(fs, "//bin//sub/", &ino), 0);
	KEXPECT_EQ(t, ext2_lookup(fs, "/bin/sub/..", &ino), 0);
	KEXPECT_EQ(t, ext2_readdir(fs, EXT2_ROOT_INO + 1000, &cookie, &de), -EINVAL);
	KEXPECT_EQ(t, ext2_lookup(fs, "/nothere", &ino), -ENOENT);
	KEXPECT_EQ(t, ext2_lookup(fs, "/empty/x", &ino), -ENOTDIR);
	memset(name, 'a', sizeof(name));
	name[0] = '/';
	name[sizeof(name) - 1] = '\0';
	KEXPECT_EQ(t, ext2_lookup(fs, name, &ino), -ENAMETOOLONG);
	KASSERT_EQ(t, ext2_lookup(fs, "/etc/passwd", &ino), 0);
	cookie = 0;
	KEXPECT_EQ(t, ext2_readdir(fs, ino, &cookie, &de), -ENOTDIR);
}

/* A writable, decompressed copy for damage tests. */
static u8 *tiny_plain(struct ktest *t, struct memblk *mb)
{
	struct tiny *x = t->priv;
	u8 *img = kmalloc(TINY_SIZE, GFP_KERNEL);

	if (!img || cloop_read(x->cl, 0, img, TINY_SIZE) ||
	    memblk_init(mb, img, TINY_SIZE, 512, true)) {
		kfree(img);
		return NULL;
	}
	return img;
}

static size_t find(const u8 *img, size_t len, const char *s)
{
	size_t n = strlen(s), i;

	for (i = 0; i + n <= len; i++)
		if (!memcmp(img + i, s, n))
			return i;
	return 0;
}

static void ext2_damaged_directory(struct ktest *t)
{
	struct ext2_fs *fs = NULL;
	struct ext2_dirent de;
	struct memblk mb;
	size_t pos;
	u64 cookie = 0;
	u32 ino;
	u8 *img;

	img = tiny_plain(t, &mb);
	KASSERT_NOT_NULL(t, img);
	/* the root's "lost+found" entry: name at +8, rec_len at +4 */
	pos = find(img, TINY_SIZE, "lost+found");
	KASSERT_GT(t, pos, 8);
	ktest_printf("    # ext2 errors below are expected\n");
	img[pos - 8 + 4] = 5;		/* not a multiple of 4 */
	img[pos - 8 + 5] = 0;
	KASSERT_EQ(t, ext2_mount(&mb.bio, &fs), 0);
	KEXPECT_EQ(t, ext2_readdir(fs, EXT2_ROOT_INO, &cookie, &de), 1);	/* . */
	KEXPECT_EQ(t, ext2_readdir(fs, EXT2_ROOT_INO, &cookie, &de), 1);	/* .. */
	KEXPECT_EQ(t, ext2_readdir(fs, EXT2_ROOT_INO, &cookie, &de), -EUCLEAN);
	KEXPECT_EQ(t, ext2_lookup(fs, "/etc", &ino), -EUCLEAN);
	ext2_umount(fs);
	img[pos - 8 + 4] = 0xf4;	/* rec_len beyond the block */
	img[pos - 8 + 5] = 0x03;
	KASSERT_EQ(t, ext2_mount(&mb.bio, &fs), 0);
	KEXPECT_EQ(t, ext2_lookup(fs, "/etc", &ino), -EUCLEAN);
	ext2_umount(fs);
	kfree(img);
}

static void ext2_damaged_groups(struct ktest *t)
{
	struct ext2_fs *fs = NULL;
	struct memblk mb;
	u8 *img;

	img = tiny_plain(t, &mb);
	KASSERT_NOT_NULL(t, img);
	ktest_printf("    # ext2 errors below are expected\n");
	/* group 0's inode table (descriptor in block 2, field at +8) */
	img[2048 + 8] = 0xff;
	img[2048 + 9] = 0xff;
	KEXPECT_EQ(t, ext2_mount(&mb.bio, &fs), -EUCLEAN);
	img[2048 + 8] = 0;
	img[2048 + 9] = 0;
	KEXPECT_EQ(t, ext2_mount(&mb.bio, &fs), -EUCLEAN);	/* table 0 */
	/* a filesystem larger than its device */
	mb.bio.nr_sectors = 64;
	KEXPECT_EQ(t, ext2_mount(&mb.bio, &fs), -EUCLEAN);
	kfree(img);
}

static struct ktest_case ext2_cases[] = {
	KTEST_CASE(ext2_regular_files),
	KTEST_CASE(ext2_symlinks),
	KTEST_CASE(ext2_directories),
	KTEST_CASE(ext2_damaged_directory),
	KTEST_CASE(ext2_damaged_groups),
	{}
};

static struct ktest_suite ext2_suite = {
	.name = "ext2",
	.cases = ext2_cases,
	.init = tiny_init,
	.exit = tiny_exit,
};
KTEST_SUITE(ext2_suite);
