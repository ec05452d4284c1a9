// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS POSIX-semantics suite: files, directories, hard links, symlinks,
 * rename (incl. replacing), truncate, sparse files, attributes, statfs,
 * ENOSPC and recovery from it, files unlinked while open (orphans, also
 * across a power cut), persistence across remounts, corrupt media
 * turning the fs read-only — on both backends (FTL on simulated NOR, and
 * an in-memory block store).
 */
#include "logfs_test_util.h"

#define PG_4K	4096u	/* the test's write unit: one LogFS block */

struct backend {
	const char *name;
	u32 nblocks, es, blkio;
};

static const struct backend backends[] = {
	{ "ftl-nor", 64, 64 * 1024, 0 },
	{ "blkio", 0, 0, 4 * 1024 * 1024 },
};

/* small media, where inode numbers run out soonest */
static const struct backend small_backends[] = {
	{ "ftl-nor", 32, 32 * 1024, 0 },
	{ "blkio", 0, 0, 2 * 1024 * 1024 },
};

static void describe_backend(const void *p, char *buf, size_t len)
{
	snprintf(buf, len, "%s", ((const struct backend *)p)->name);
}

static int setup(struct ktest *t, struct lt_fix *f)
{
	const struct backend *b = t->param;

	return lt_setup(f, b->nblocks, b->es, b->blkio, 1);
}

static void posix_files(struct ktest *t)
{
	static struct lt_fix f;
	u8 *a = kmalloc(100000, GFP_KERNEL), *b = kmalloc(200000, GFP_KERNEL);
	struct logfs_file *fl;
	struct logfs_stat st;

	KASSERT_TRUE(t, a && b);
	KASSERT_EQ(t, setup(t, &f), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/", &st), 0);
	KEXPECT_EQ(t, st.mode & LOGFS_S_IFMT, LOGFS_S_IFDIR);
	KEXPECT_EQ(t, st.nlink, 2);
	lt_pattern(a, 100000, 1);
	KEXPECT_EQ(t, lt_put(f.fs, "/f", a, 100000), 0);
	KEXPECT_EQ(t, lt_get(f.fs, "/f", b, 200000), 100000);
	KEXPECT_MEMEQ(t, a, b, 100000);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/f", &st), 0);
	KEXPECT_EQ(t, st.size, 100000);
	KEXPECT_EQ(t, st.nlink, 1);
	KEXPECT_EQ(t, st.mode, LOGFS_S_IFREG | 0644);
	/* partial overwrite in the middle, crossing blocks */
	fl = logfs_open(f.fs, "/f", LOGFS_O_RDWR, 0);
	KASSERT_FALSE(t, IS_ERR(fl));
	KEXPECT_EQ(t, logfs_pwrite(fl, "hello world", 11, 4090), 11);
	memcpy(a + 4090, "hello world", 11);
	KEXPECT_EQ(t, logfs_pread(fl, b, 100000, 0), 100000);
	KEXPECT_MEMEQ(t, a, b, 100000);
	KEXPECT_EQ(t, logfs_pread(fl, b, 10, 100000), 0);
	KEXPECT_EQ(t, logfs_close(fl), 0);
	/* O_APPEND, O_EXCL, access modes */
	fl = logfs_open(f.fs, "/f", LOGFS_O_WRONLY | LOGFS_O_APPEND, 0);
	KASSERT_FALSE(t, IS_ERR(fl));
	KEXPECT_EQ(t, logfs_pwrite(fl, "xyz", 3, 0), 3);
	KEXPECT_EQ(t, logfs_pread(fl, b, 1, 0), -EBADF);
	logfs_close(fl);
	KEXPECT_EQ(t, PTR_ERR(logfs_open(f.fs, "/f", LOGFS_O_CREAT | LOGFS_O_EXCL |
					 LOGFS_O_WRONLY, 0644)), -EEXIST);
	KEXPECT_EQ(t, PTR_ERR(logfs_open(f.fs, "/nope", LOGFS_O_RDONLY, 0)), -ENOENT);
	KEXPECT_EQ(t, PTR_ERR(logfs_open(f.fs, "/", LOGFS_O_RDONLY, 0)), -EISDIR);
	KEXPECT_EQ(t, PTR_ERR(logfs_open(f.fs, "/f/x", LOGFS_O_RDONLY, 0)), -ENOTDIR);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/f", &st), 0);
	KEXPECT_EQ(t, st.size, 100003);
	KEXPECT_EQ(t, lt_remount(&f), 0);
	KEXPECT_EQ(t, lt_get(f.fs, "/f", b, 200000), 100003);
	KEXPECT_MEMEQ(t, a, b, 100000);
	KEXPECT_MEMEQ(t, b + 100000, "xyz", 3);
	/* O_TRUNC */
	fl = logfs_open(f.fs, "/f", LOGFS_O_WRONLY | LOGFS_O_TRUNC, 0);
	KASSERT_FALSE(t, IS_ERR(fl));
	logfs_close(fl);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/f", &st), 0);
	KEXPECT_EQ(t, st.size, 0);
	KEXPECT_EQ(t, logfs_unlink(f.fs, "/f"), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/f", &st), -ENOENT);
	KEXPECT_EQ(t, logfs_unlink(f.fs, "/f"), -ENOENT);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	lt_teardown(&f);
	kfree(a);
	kfree(b);
}

struct names {
	int n;
	char seen[64][16];
};

static int collect(void *ctx, const char *name, u32 len, u32 ino, u32 type)
{
	struct names *nm = ctx;

	if (nm->n < 64 && len < 16)
		memcpy(nm->seen[nm->n], name, len + 1);
	nm->n++;
	return 0;
}

static void posix_directories(struct ktest *t)
{
	static struct lt_fix f;
	struct logfs_stat st;
	struct names nm = { 0 };
	char p[32];
	int i;

	KASSERT_EQ(t, setup(t, &f), 0);
	KEXPECT_EQ(t, logfs_mkdir(f.fs, "/d", 0755), 0);
	KEXPECT_EQ(t, logfs_mkdir(f.fs, "/d", 0755), -EEXIST);
	KEXPECT_EQ(t, logfs_mkdir(f.fs, "/", 0755), -EEXIST);
	KEXPECT_EQ(t, logfs_mkdir(f.fs, "/x/y", 0755), -ENOENT);
	KEXPECT_EQ(t, logfs_mkdir(f.fs, "/d/e", 0700), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/d", &st), 0);
	KEXPECT_EQ(t, st.nlink, 3);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/", &st), 0);
	KEXPECT_EQ(t, st.nlink, 3);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/d/e/..", &st), 0);
	KEXPECT_EQ(t, st.nlink, 3);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/d/./e", &st), 0);
	KEXPECT_EQ(t, st.mode, LOGFS_S_IFDIR | 0700);
	KEXPECT_EQ(t, logfs_rmdir(f.fs, "/d"), -ENOTEMPTY);
	KEXPECT_EQ(t, logfs_rmdir(f.fs, "/"), -EBUSY);
	KEXPECT_EQ(t, logfs_unlink(f.fs, "/d"), -EISDIR);
	KEXPECT_EQ(t, lt_put(f.fs, "/d/file", "x", 1), 0);
	KEXPECT_EQ(t, logfs_rmdir(f.fs, "/d/file"), -ENOTDIR);
	for (i = 0; i < 40; i++) {
		snprintf(p, sizeof(p), "/d/e/n%02d", i);
		KEXPECT_EQ(t, lt_put(f.fs, p, p, strlen(p)), 0);
	}
	KEXPECT_EQ(t, logfs_readdir(f.fs, "/d/e", collect, &nm), 0);
	KEXPECT_EQ(t, nm.n, 40);
	KEXPECT_EQ(t, lt_remount(&f), 0);
	nm.n = 0;
	KEXPECT_EQ(t, logfs_readdir(f.fs, "/d/e", collect, &nm), 0);
	KEXPECT_EQ(t, nm.n, 40);
	for (i = 0; i < 40; i += 2) {
		snprintf(p, sizeof(p), "/d/e/n%02d", i);
		KEXPECT_EQ(t, logfs_unlink(f.fs, p), 0);
	}
	nm.n = 0;
	KEXPECT_EQ(t, logfs_readdir(f.fs, "/d/e", collect, &nm), 0);
	KEXPECT_EQ(t, nm.n, 20);
	KEXPECT_STREQ(t, nm.seen[0], "n01");
	for (i = 1; i < 40; i += 2) {
		snprintf(p, sizeof(p), "/d/e/n%02d", i);
		KEXPECT_EQ(t, logfs_unlink(f.fs, p), 0);
	}
	KEXPECT_EQ(t, logfs_rmdir(f.fs, "/d/e"), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/d", &st), 0);
	KEXPECT_EQ(t, st.nlink, 2);
	KEXPECT_EQ(t, logfs_readdir(f.fs, "/d/file", collect, &nm), -ENOTDIR);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	lt_teardown(&f);
}

static void posix_links(struct ktest *t)
{
	static struct lt_fix f;
	struct logfs_stat st;
	char buf[64];

	KASSERT_EQ(t, setup(t, &f), 0);
	KEXPECT_EQ(t, lt_put(f.fs, "/a", "data", 4), 0);
	KEXPECT_EQ(t, logfs_link(f.fs, "/a", "/b"), 0);
	KEXPECT_EQ(t, logfs_link(f.fs, "/a", "/b"), -EEXIST);
	KEXPECT_EQ(t, logfs_link(f.fs, "/", "/c"), -EPERM);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/b", &st), 0);
	KEXPECT_EQ(t, st.nlink, 2);
	KEXPECT_EQ(t, logfs_unlink(f.fs, "/a"), 0);
	KEXPECT_EQ(t, lt_get(f.fs, "/b", buf, 64), 4);
	KEXPECT_MEMEQ(t, buf, "data", 4);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/b", &st), 0);
	KEXPECT_EQ(t, st.nlink, 1);
	/* symlinks */
	KEXPECT_EQ(t, logfs_mkdir(f.fs, "/dir", 0755), 0);
	KEXPECT_EQ(t, logfs_symlink(f.fs, "/b", "/s"), 0);
	KEXPECT_EQ(t, logfs_symlink(f.fs, "../b", "/dir/rel"), 0);
	KEXPECT_EQ(t, logfs_symlink(f.fs, "dir", "/sd"), 0);
	KEXPECT_EQ(t, logfs_symlink(f.fs, "/loop", "/loop"), 0);
	KEXPECT_EQ(t, logfs_readlink(f.fs, "/s", buf, sizeof(buf)), 2);
	KEXPECT_MEMEQ(t, buf, "/b", 2);
	KEXPECT_EQ(t, logfs_readlink(f.fs, "/b", buf, sizeof(buf)), -EINVAL);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/s", &st), 0);
	KEXPECT_EQ(t, st.mode & LOGFS_S_IFMT, LOGFS_S_IFLNK);
	KEXPECT_EQ(t, st.size, 2);
	KEXPECT_EQ(t, lt_get(f.fs, "/s", buf, 64), 4);
	KEXPECT_EQ(t, lt_get(f.fs, "/dir/rel", buf, 64), 4);
	KEXPECT_EQ(t, lt_put(f.fs, "/sd/through", "z", 1), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/dir/through", &st), 0);
	KEXPECT_EQ(t, lt_get(f.fs, "/loop", buf, 64), -ELOOP);
	KEXPECT_EQ(t, lt_remount(&f), 0);
	KEXPECT_EQ(t, logfs_readlink(f.fs, "/dir/rel", buf, sizeof(buf)), 4);
	KEXPECT_MEMEQ(t, buf, "../b", 4);
	KEXPECT_EQ(t, logfs_unlink(f.fs, "/s"), 0);
	KEXPECT_EQ(t, lt_get(f.fs, "/b", buf, 64), 4);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	lt_teardown(&f);
}

static void posix_rename(struct ktest *t)
{
	static struct lt_fix f;
	struct logfs_stat st;
	char buf[16];

	KASSERT_EQ(t, setup(t, &f), 0);
	KEXPECT_EQ(t, lt_put(f.fs, "/a", "AAAA", 4), 0);
	KEXPECT_EQ(t, lt_put(f.fs, "/b", "BB", 2), 0);
	KEXPECT_EQ(t, logfs_rename(f.fs, "/a", "/b"), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/a", &st), -ENOENT);
	KEXPECT_EQ(t, lt_get(f.fs, "/b", buf, 16), 4);
	KEXPECT_EQ(t, logfs_rename(f.fs, "/nope", "/c"), -ENOENT);
	KEXPECT_EQ(t, logfs_mkdir(f.fs, "/d1", 0755), 0);
	KEXPECT_EQ(t, logfs_mkdir(f.fs, "/d1/sub", 0755), 0);
	KEXPECT_EQ(t, logfs_mkdir(f.fs, "/d2", 0755), 0);
	KEXPECT_EQ(t, logfs_rename(f.fs, "/d1", "/d1/sub/x"), -EINVAL);
	KEXPECT_EQ(t, logfs_rename(f.fs, "/b", "/d2"), -EISDIR);
	KEXPECT_EQ(t, logfs_rename(f.fs, "/d2", "/b"), -ENOTDIR);
	KEXPECT_EQ(t, logfs_rename(f.fs, "/d2", "/d1"), -ENOTEMPTY);
	KEXPECT_EQ(t, logfs_rename(f.fs, "/d1/sub", "/d2/moved"), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/d1", &st), 0);
	KEXPECT_EQ(t, st.nlink, 2);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/d2", &st), 0);
	KEXPECT_EQ(t, st.nlink, 3);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/d2/moved/..", &st), 0);
	KEXPECT_EQ(t, st.nlink, 3);
	/* directory over an empty directory */
	KEXPECT_EQ(t, logfs_rename(f.fs, "/d2", "/d1"), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/d1/moved", &st), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/", &st), 0);
	KEXPECT_EQ(t, st.nlink, 3);
	/* two names of one inode: rename does nothing */
	KEXPECT_EQ(t, logfs_link(f.fs, "/b", "/b2"), 0);
	KEXPECT_EQ(t, logfs_rename(f.fs, "/b", "/b2"), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/b", &st), 0);
	KEXPECT_EQ(t, st.nlink, 2);
	KEXPECT_EQ(t, lt_remount(&f), 0);
	KEXPECT_EQ(t, lt_get(f.fs, "/b2", buf, 16), 4);
	KEXPECT_MEMEQ(t, buf, "AAAA", 4);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	lt_teardown(&f);
}

static void posix_truncate_sparse(struct ktest *t)
{
	static struct lt_fix f;
	u8 *buf = kmalloc(3 * 1024 * 1024, GFP_KERNEL);
	struct logfs_file *fl;
	struct logfs_stat st;
	u64 i;

	KASSERT_NOT_NULL(t, buf);
	KASSERT_EQ(t, setup(t, &f), 0);
	fl = logfs_open(f.fs, "/sparse", LOGFS_O_RDWR | LOGFS_O_CREAT, 0600);
	KASSERT_FALSE(t, IS_ERR(fl));
	/* block 600 needs a two-level tree */
	KEXPECT_EQ(t, logfs_pwrite(fl, "end", 3, 600 * 4096ull + 7), 3);
	KEXPECT_EQ(t, logfs_fstat(fl, &st), 0);
	KEXPECT_EQ(t, st.size, 600 * 4096ull + 10);
	KEXPECT_EQ(t, st.blocks, 8);
	KEXPECT_EQ(t, logfs_pread(fl, buf, 600 * 4096ull + 10, 0),
		   600 * 4096 + 10);
	for (i = 0; i < 600 * 4096ull + 7; i++)
		if (buf[i])
			break;
	KEXPECT_EQ(t, i, 600 * 4096ull + 7);
	KEXPECT_MEMEQ(t, buf + i, "end", 3);
	KEXPECT_EQ(t, logfs_ftruncate(fl, 5000), 0);
	KEXPECT_EQ(t, logfs_pwrite(fl, "ab", 2, 4998), 2);
	KEXPECT_EQ(t, logfs_ftruncate(fl, 4999), 0);
	KEXPECT_EQ(t, logfs_ftruncate(fl, 9000), 0);	/* grows: zeros */
	KEXPECT_EQ(t, logfs_pread(fl, buf, 9000, 0), 9000);
	KEXPECT_EQ(t, buf[4998], 'a');
	KEXPECT_EQ(t, buf[4999], 0);
	logfs_close(fl);
	KEXPECT_EQ(t, lt_remount(&f), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/sparse", &st), 0);
	KEXPECT_EQ(t, st.size, 9000);
	KEXPECT_EQ(t, lt_get(f.fs, "/sparse", buf, 9000), 9000);
	KEXPECT_EQ(t, buf[4998], 'a');
	KEXPECT_EQ(t, buf[4999], 0);
	KEXPECT_EQ(t, logfs_truncate(f.fs, "/sparse", 0), 0);
	KEXPECT_EQ(t, logfs_truncate(f.fs, "/", 0), -EISDIR);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/sparse", &st), 0);
	KEXPECT_EQ(t, st.blocks, 0);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	lt_teardown(&f);
	kfree(buf);
}

static void posix_attributes(struct ktest *t)
{
	static struct lt_fix f;
	struct logfs_iattr ia = { 0 };
	struct logfs_stat st, st2;
	struct logfs_statfs sf, sf2;
	u8 *big = kzalloc(256 * 1024, GFP_KERNEL);

	KASSERT_NOT_NULL(t, big);
	KASSERT_EQ(t, setup(t, &f), 0);
	KEXPECT_EQ(t, lt_put(f.fs, "/f", "x", 1), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/f", &st), 0);
	ia.valid = LOGFS_ATTR_MODE | LOGFS_ATTR_UID | LOGFS_ATTR_GID |
		   LOGFS_ATTR_MTIME | LOGFS_ATTR_ATIME;
	ia.mode = 0600;
	ia.uid = 1000;
	ia.gid = 100;
	ia.mtime_ns = 1234567890123ll;
	ia.atime_ns = 42;
	KEXPECT_EQ(t, logfs_setattr(f.fs, "/f", &ia), 0);
	KEXPECT_EQ(t, lt_remount(&f), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/f", &st2), 0);
	KEXPECT_EQ(t, st2.mode, LOGFS_S_IFREG | 0600);
	KEXPECT_EQ(t, st2.uid, 1000);
	KEXPECT_EQ(t, st2.gid, 100);
	KEXPECT_EQ(t, st2.mtime_ns, 1234567890123ll);
	KEXPECT_EQ(t, st2.atime_ns, 42);
	KEXPECT_GT(t, st2.ctime_ns, st.ctime_ns);
	KEXPECT_EQ(t, logfs_statfs(f.fs, &sf), 0);
	KEXPECT_EQ(t, sf.block_size, 4096);
	KEXPECT_GT(t, sf.blocks, 100);
	KEXPECT_EQ(t, lt_put(f.fs, "/big", big + 1, 0), 0);
	memset(big, 0x5a, 256 * 1024);
	KEXPECT_EQ(t, lt_put(f.fs, "/big", big, 256 * 1024), 0);
	KEXPECT_EQ(t, logfs_sync(f.fs), 0);
	KEXPECT_EQ(t, logfs_statfs(f.fs, &sf2), 0);
	KEXPECT_LE(t, sf2.bfree + 64, sf.bfree);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	lt_teardown(&f);
	kfree(big);
}

static void posix_enospc_and_back(struct ktest *t)
{
	static struct lt_fix f;
	u8 *blk = kmalloc(65536, GFP_KERNEL);
	struct logfs_statfs sf;
	char p[32];
	int i, ret = 0, made = 0;

	KASSERT_NOT_NULL(t, blk);
	KASSERT_EQ(t, setup(t, &f), 0);
	for (i = 0; i < 1000 && !ret; i++) {
		lt_pattern(blk, 65536, i);
		snprintf(p, sizeof(p), "/f%d", i);
		ret = lt_put(f.fs, p, blk, 65536);
		made += !ret;
	}
	KEXPECT_EQ(t, ret, -ENOSPC);
	KEXPECT_GT(t, made, 20);
	KEXPECT_EQ(t, logfs_statfs(f.fs, &sf), 0);
	KEXPECT_FALSE(t, sf.read_only);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	/* deleting and rewriting works, and everything kept is intact */
	for (i = 0; i < made; i += 2) {
		snprintf(p, sizeof(p), "/f%d", i);
		KEXPECT_EQ(t, logfs_unlink(f.fs, p), 0);
	}
	snprintf(p, sizeof(p), "/f%d", made);
	logfs_unlink(f.fs, p);	/* the partial one, if any */
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	KEXPECT_EQ(t, logfs_statfs(f.fs, &sf), 0);
	ktest_log(t, "made %d, after deleting half: %llu of %llu blocks free, %u free segs",
		  made, (unsigned long long)sf.bfree, (unsigned long long)sf.blocks,
		  sf.free_segs);
	/* the space of the deleted half, less a few blocks of metadata */
	for (i = 0; i < made / 2 - 2; i++) {
		lt_pattern(blk, 65536, 5000 + i);
		snprintf(p, sizeof(p), "/g%d", i);
		KEXPECT_EQ(t, lt_put(f.fs, p, blk, 65536), 0);
	}
	KEXPECT_EQ(t, logfs_statfs(f.fs, &sf), 0);
	KEXPECT_GT(t, sf.gc_segs, 0);
	KEXPECT_EQ(t, lt_remount(&f), 0);
	for (i = 1; i < made; i += 2) {
		u8 *got = blk + 32768;

		snprintf(p, sizeof(p), "/f%d", i);
		lt_pattern(blk, 32768, i);
		KEXPECT_EQ(t, lt_get(f.fs, p, got, 32768), 32768);
		KEXPECT_MEMEQ(t, blk, got, 32768);
	}
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	lt_teardown(&f);
	kfree(blk);
}

/*
 * Inode numbers run out: a medium of 1-2 MiB hands out 8000-16000; creating
 * and deleting many more files (a log rotated for years) must go on
 * working, by reusing freed numbers, and every mount must accept the
 * anchor.  Before reuse existed, next_ino grew past the range mount
 * checks and the filesystem could no longer be mounted.
 */
static void posix_inode_numbers_reused(struct ktest *t)
{
	static struct lt_fix f;
	struct logfs_stat st;
	char p[32], buf[16];
	u32 i, k, max_ino = 0, rounds = mtdsim_test_scaled(20000, 18000);
	int ret = 0;

	KASSERT_EQ(t, setup(t, &f), 0);
	KEXPECT_EQ(t, lt_put(f.fs, "/keep", "kept", 4), 0);
	for (i = 0; i < rounds && !ret; i++) {
		snprintf(p, sizeof(p), "/r%u", i % 7);
		ret = lt_put(f.fs, p, &i, sizeof(i));
		if (!ret && i % 7 == 6)		/* delete a batch of seven */
			for (k = 0; k < 7 && !ret; k++) {
				snprintf(p, sizeof(p), "/r%u", k);
				ret = logfs_unlink(f.fs, p);
			}
		if (!ret && !logfs_stat(f.fs, "/r0", &st) && st.ino > max_ino)
			max_ino = st.ino;
		if (!ret && i % 2500 == 0)
			ret = lt_remount(&f);
	}
	KEXPECT_EQ(t, ret, 0);
	ktest_log(t, "%u files created, highest inode number %u", rounds, max_ino);
	KEXPECT_LT(t, max_ino, rounds);		/* numbers were reused */
	KEXPECT_EQ(t, lt_remount(&f), 0);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	KEXPECT_EQ(t, lt_get(f.fs, "/keep", buf, sizeof(buf)), 4);
	KEXPECT_MEMEQ(t, buf, "kept", 4);
	lt_teardown(&f);
}

/*
 * Random 4 KiB overwrites of a file filling ~85 % of the space: GC-heavy.
 * The usage table must stay exact: GC never finds it wrong, fsck (which
 * recomputes it) agrees after every round, and the data reads back.
 */
static void posix_gc_usage_exact(struct ktest *t)
{
	static struct lt_fix f;
	u8 *blk = kmalloc(PG_4K, GFP_KERNEL);
	u8 *got = kmalloc(PG_4K, GFP_KERNEL);
	u32 *ver = NULL, nblk, i, round;
	struct logfs_statfs sf;
	struct logfs_file *fl;
	u64 x = 88172645463325252ull;

	KASSERT_NOT_NULL(t, blk);
	KASSERT_NOT_NULL(t, got);
	KASSERT_EQ(t, setup(t, &f), 0);
	KASSERT_EQ(t, logfs_statfs(f.fs, &sf), 0);
	nblk = (u32)(sf.blocks * 85 / 100);
	ver = kcalloc(nblk, sizeof(u32), GFP_KERNEL);
	KASSERT_NOT_NULL(t, ver);
	fl = logfs_open(f.fs, "/big", LOGFS_O_RDWR | LOGFS_O_CREAT, 0644);
	KASSERT_FALSE(t, IS_ERR(fl));
	for (i = 0; i < nblk; i++) {
		lt_pattern(blk, PG_4K, i << 8);
		KASSERT_EQ(t, logfs_pwrite(fl, blk, PG_4K,
					   (u64)i * PG_4K),
			   PG_4K);
	}
	for (round = 1; round <= 3; round++) {
		for (i = 0; i < nblk; i++) {
			u32 b;

			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			b = (u32)(x % nblk);
			ver[b] = round;
			lt_pattern(blk, PG_4K, b << 8 | round);
			KASSERT_EQ(t, logfs_pwrite(fl, blk, PG_4K,
						   (u64)b * PG_4K),
				   PG_4K);
		}
		KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	}
	KEXPECT_EQ(t, logfs_statfs(f.fs, &sf), 0);
	ktest_log(t, "%u blocks, 3 rounds: %llu segments collected", nblk,
		  (unsigned long long)sf.gc_segs);
	KEXPECT_GT(t, sf.gc_segs, 10);
	KEXPECT_EQ(t, sf.sut_errors, 0);
	logfs_close(fl);
	KEXPECT_EQ(t, lt_remount(&f), 0);
	fl = logfs_open(f.fs, "/big", LOGFS_O_RDONLY, 0);
	KASSERT_FALSE(t, IS_ERR(fl));
	for (i = 0; i < nblk; i++) {
		lt_pattern(blk, PG_4K, i << 8 | ver[i]);
		KEXPECT_EQ(t, logfs_pread(fl, got, PG_4K,
					  (u64)i * PG_4K),
			   PG_4K);
		if (memcmp(blk, got, PG_4K)) {
			KEXPECT_MEMEQ(t, blk, got, PG_4K);
			break;
		}
	}
	logfs_close(fl);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	lt_teardown(&f);
	kfree(ver);
	kfree(got);
	kfree(blk);
}

/* Unlinked or renamed over while open: the handle keeps the data (POSIX). */
static void posix_unlink_open(struct ktest *t)
{
	static struct lt_fix f;
	u8 *a = kmalloc(3 * PG_4K, GFP_KERNEL), *b = kmalloc(3 * PG_4K, GFP_KERNEL);
	struct logfs_statfs s0, s1;
	struct logfs_file *fl, *fr;
	struct logfs_stat st;

	KASSERT_NOT_NULL(t, a);
	KASSERT_NOT_NULL(t, b);
	KASSERT_EQ(t, setup(t, &f), 0);
	KASSERT_EQ(t, logfs_statfs(f.fs, &s0), 0);
	lt_pattern(a, 3 * PG_4K, 7);
	KASSERT_EQ(t, lt_put(f.fs, "/f", a, 3 * PG_4K), 0);
	fl = logfs_open(f.fs, "/f", LOGFS_O_RDWR, 0);
	KASSERT_FALSE(t, IS_ERR(fl));
	KEXPECT_EQ(t, logfs_unlink(f.fs, "/f"), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/f", &st), -ENOENT);
	KEXPECT_EQ(t, logfs_fstat(fl, &st), 0);
	KEXPECT_EQ(t, st.nlink, 0);
	KEXPECT_EQ(t, logfs_pread(fl, b, 3 * PG_4K, 0), 3 * PG_4K);
	KEXPECT_MEMEQ(t, a, b, 3 * PG_4K);
	/* still writable, and the data is still counted */
	KEXPECT_EQ(t, logfs_pwrite(fl, "new", 3, 5), 3);
	KEXPECT_EQ(t, logfs_pread(fl, b, 8, 0), 8);
	KEXPECT_MEMEQ(t, b + 5, "new", 3);
	KEXPECT_EQ(t, logfs_statfs(f.fs, &s1), 0);
	KEXPECT_EQ(t, s1.orphans, 1);
	KEXPECT_LT(t, s1.bfree + 3, s0.bfree + 1);
	KEXPECT_EQ(t, logfs_sync(f.fs), 0);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	/* a name reused meanwhile is another file */
	KEXPECT_EQ(t, lt_put(f.fs, "/f", "other", 5), 0);
	KEXPECT_EQ(t, logfs_close(fl), 0);
	KEXPECT_EQ(t, lt_get(f.fs, "/f", b, 100), 5);
	KEXPECT_EQ(t, logfs_statfs(f.fs, &s1), 0);
	KEXPECT_EQ(t, s1.orphans, 0);
	KEXPECT_EQ(t, logfs_unlink(f.fs, "/f"), 0);
	KEXPECT_EQ(t, logfs_statfs(f.fs, &s1), 0);
	KEXPECT_GE(t, s1.bfree + 2, s0.bfree);	/* the space is back */

	/* rename over an open file; a hard link keeps a file a file */
	KEXPECT_EQ(t, lt_put(f.fs, "/x", a, PG_4K), 0);
	KEXPECT_EQ(t, lt_put(f.fs, "/y", "y", 1), 0);
	KEXPECT_EQ(t, logfs_link(f.fs, "/y", "/y2"), 0);
	fl = logfs_open(f.fs, "/x", LOGFS_O_RDONLY, 0);
	fr = logfs_open(f.fs, "/y", LOGFS_O_RDONLY, 0);
	KASSERT_FALSE(t, IS_ERR(fl));
	KASSERT_FALSE(t, IS_ERR(fr));
	KEXPECT_EQ(t, logfs_rename(f.fs, "/y2", "/x"), 0);
	KEXPECT_EQ(t, logfs_unlink(f.fs, "/y"), 0);
	KEXPECT_EQ(t, logfs_fstat(fl, &st), 0);
	KEXPECT_EQ(t, st.nlink, 0);
	KEXPECT_EQ(t, logfs_pread(fl, b, PG_4K, 0), PG_4K);
	KEXPECT_MEMEQ(t, a, b, PG_4K);
	KEXPECT_EQ(t, logfs_fstat(fr, &st), 0);
	KEXPECT_EQ(t, st.nlink, 1);	/* still named /x */
	KEXPECT_EQ(t, logfs_statfs(f.fs, &s1), 0);
	KEXPECT_EQ(t, s1.orphans, 1);
	KEXPECT_EQ(t, logfs_close(fl), 0);
	KEXPECT_EQ(t, logfs_close(fr), 0);
	KEXPECT_EQ(t, lt_get(f.fs, "/x", b, 100), 1);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	KEXPECT_EQ(t, lt_remount(&f), 0);
	KEXPECT_EQ(t, logfs_statfs(f.fs, &s1), 0);
	KEXPECT_EQ(t, s1.orphans, 0);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	lt_teardown(&f);
	kfree(b);
	kfree(a);
}

/* The orphan table is bounded: one more fails before changing anything. */
static void posix_unlink_open_limit(struct ktest *t)
{
	static struct lt_fix f;
	static struct logfs_file *fl[LOGFS_MAX_ORPHANS + 1];
	struct logfs_stat st;
	char p[32];
	int i;

	KASSERT_EQ(t, lt_setup(&f, 64, 64 * 1024, 0, 1), 0);
	for (i = 0; i <= LOGFS_MAX_ORPHANS; i++) {
		snprintf(p, sizeof(p), "/o%d", i);
		KASSERT_EQ(t, lt_put(f.fs, p, p, 3), 0);
		fl[i] = logfs_open(f.fs, p, LOGFS_O_RDONLY, 0);
		KASSERT_FALSE(t, IS_ERR(fl[i]));
		KEXPECT_EQ(t, logfs_unlink(f.fs, p),
			   i < LOGFS_MAX_ORPHANS ? 0 : -ENFILE);
	}
	KEXPECT_EQ(t, logfs_stat(f.fs, p, &st), 0);	/* the last one stays */
	KEXPECT_EQ(t, st.nlink, 1);
	KEXPECT_EQ(t, logfs_rename(f.fs, "/o0", p), -ENOENT);
	KEXPECT_EQ(t, lt_put(f.fs, "/z", "z", 1), 0);
	KEXPECT_EQ(t, logfs_rename(f.fs, "/z", p), -ENFILE);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	for (i = 0; i <= LOGFS_MAX_ORPHANS; i++)
		KEXPECT_EQ(t, logfs_close(fl[i]), 0);
	KEXPECT_EQ(t, logfs_unlink(f.fs, p), 0);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	lt_teardown(&f);
}

struct orphan_crash {
	const char *name;
	bool commit;	/* the orphan is in an anchor (else only in the log) */
	bool cut;	/* power cut (else: read-only mount first) */
};

static const struct orphan_crash orphan_crashes[] = {
	{ "anchor, cut", true, true },
	{ "replayed, cut", false, true },
	{ "anchor, read-only mount first", true, false },
};

static void describe_crash(const void *p, char *buf, size_t len)
{
	snprintf(buf, len, "%s", ((const struct orphan_crash *)p)->name);
}

/* Power lost while an unlinked file is open: mount frees it. */
static void posix_unlink_open_powercut(struct ktest *t)
{
	const struct orphan_crash *oc = t->param;
	static struct lt_fix f;
	u8 *a = kmalloc(8 * PG_4K, GFP_KERNEL);
	struct logfs_statfs s0, s1;
	struct logfs_file *fl, *fs2;
	struct logfs_stat st;

	KASSERT_NOT_NULL(t, a);
	KASSERT_EQ(t, lt_setup(&f, 64, 64 * 1024, 0, 1), 0);
	KASSERT_EQ(t, logfs_statfs(f.fs, &s0), 0);
	lt_pattern(a, 8 * PG_4K, 9);
	KASSERT_EQ(t, lt_put(f.fs, "/big", a, 8 * PG_4K), 0);
	KASSERT_EQ(t, lt_put(f.fs, "/keep", "keep", 4), 0);
	fl = logfs_open(f.fs, "/big", LOGFS_O_RDONLY, 0);
	KASSERT_FALSE(t, IS_ERR(fl));
	KEXPECT_EQ(t, logfs_unlink(f.fs, "/big"), 0);
	if (oc->commit) {
		KEXPECT_EQ(t, logfs_sync(f.fs), 0);
	} else {
		fs2 = logfs_open(f.fs, "/keep", LOGFS_O_RDONLY, 0);
		KASSERT_FALSE(t, IS_ERR(fs2));
		KEXPECT_EQ(t, logfs_fsync(fs2), 0);	/* log only */
		KEXPECT_EQ(t, logfs_close(fs2), 0);
	}
	/* the lights go out before the close can free it */
	mtdsim_set_powercut(f.sim, 1);
	logfs_close(fl);
	lt_unmount(&f);
	mtdsim_power_on(f.sim);
	if (!oc->cut) {
		f.cfg.read_only = true;
		KASSERT_EQ(t, lt_mount(&f), 0);
		KEXPECT_EQ(t, logfs_statfs(f.fs, &s1), 0);
		KEXPECT_EQ(t, s1.orphans, 1);	/* kept: nothing is written */
		KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
		KEXPECT_EQ(t, lt_unmount(&f), 0);
		f.cfg.read_only = false;
	}
	KASSERT_EQ(t, lt_mount(&f), 0);
	KEXPECT_EQ(t, logfs_statfs(f.fs, &s1), 0);
	KEXPECT_EQ(t, s1.orphans, 0);
	KEXPECT_GE(t, s1.bfree + 3, s0.bfree);	/* its 8 blocks are free */
	KEXPECT_EQ(t, logfs_stat(f.fs, "/big", &st), -ENOENT);
	KEXPECT_EQ(t, lt_get(f.fs, "/keep", a, 10), 4);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	KEXPECT_EQ(t, lt_remount(&f), 0);
	KEXPECT_EQ(t, logfs_fsck(f.fs, false, NULL, NULL), 0);
	lt_teardown(&f);
	kfree(a);
}

static void posix_corruption_readonly(struct ktest *t)
{
	static struct lt_fix f;
	u8 *buf = kmalloc(65536, GFP_KERNEL);
	struct logfs_statfs sf;
	u32 blk;
	int ret;

	KASSERT_NOT_NULL(t, buf);
	KASSERT_EQ(t, lt_setup(&f, 64, 64 * 1024, 0, 1), 0);
	lt_pattern(buf, 65536, 3);
	KEXPECT_EQ(t, lt_put(f.fs, "/victim", buf, 65536), 0);
	KEXPECT_EQ(t, lt_unmount(&f), 0);
	/* flip bits all over the FTL data areas of the used blocks */
	for (blk = 2; blk < 64; blk++) {
		u8 *p = f.sim->mem + (u64)blk * 65536 + 4096;

		if (p[0] != 0xff)
			p[100] ^= 0x10;
	}
	ret = lt_mount(&f);
	if (ret) {
		KEXPECT_TRUE(t, ret == -EUCLEAN || ret == -EIO);
	} else {
		ret = (int)lt_get(f.fs, "/victim", buf, 65536);
		if (ret >= 0)
			ret = lt_put(f.fs, "/new", buf, 100);
		KEXPECT_TRUE(t, ret == -EUCLEAN || ret == -EIO || ret == -EROFS ||
			     ret == -ENOENT);
		logfs_statfs(f.fs, &sf);
		KEXPECT_TRUE(t, sf.read_only || ret == -ENOENT);
		KEXPECT_EQ(t, lt_put(f.fs, "/later", buf, 10),
			   sf.read_only ? -EROFS : 0);
	}
	lt_teardown(&f);
	kfree(buf);
}

/* A new format on a used medium leaves an empty filesystem (no old anchor wins). */
static void posix_reformat_forgets_old_fs(struct ktest *t)
{
	static struct lt_fix f;
	struct logfs_stat st;
	char name[16];
	int i;

	KASSERT_EQ(t, setup(t, &f), 0);
	for (i = 0; i < 40; i++) {	/* enough commits to fill journal slots */
		snprintf(name, sizeof(name), "/old%d", i);
		KEXPECT_EQ(t, lt_put(f.fs, name, "x", 1), 0);
		KEXPECT_EQ(t, logfs_sync(f.fs), 0);
	}
	KEXPECT_EQ(t, logfs_unmount(f.fs), 0);
	f.fs = NULL;
	KEXPECT_EQ(t, logfs_format(&f.dev), 0);
	lt_detach(&f);
	KASSERT_EQ(t, lt_mount(&f), 0);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/old0", &st), -ENOENT);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/old39", &st), -ENOENT);
	KEXPECT_EQ(t, logfs_stat(f.fs, "/", &st), 0);
	lt_teardown(&f);
}

static struct ktest_case posix_cases[] = {
	KTEST_CASE_PARAMS(posix_files, backends, describe_backend),
	KTEST_CASE_PARAMS(posix_directories, backends, describe_backend),
	KTEST_CASE_PARAMS(posix_links, backends, describe_backend),
	KTEST_CASE_PARAMS(posix_rename, backends, describe_backend),
	KTEST_CASE_PARAMS(posix_truncate_sparse, backends, describe_backend),
	KTEST_CASE_PARAMS(posix_attributes, backends, describe_backend),
	KTEST_CASE_PARAMS(posix_enospc_and_back, backends, describe_backend),
	KTEST_CASE_PARAMS(posix_gc_usage_exact, backends, describe_backend),
	KTEST_CASE_PARAMS(posix_inode_numbers_reused, small_backends,
			  describe_backend),
	KTEST_CASE_PARAMS(posix_unlink_open, backends, describe_backend),
	KTEST_CASE(posix_unlink_open_limit),
	KTEST_CASE_PARAMS(posix_unlink_open_powercut, orphan_crashes,
			  describe_crash),
	KTEST_CASE(posix_corruption_readonly),
	KTEST_CASE_PARAMS(posix_reformat_forgets_old_fs, backends, describe_backend),
	{}
};

static struct ktest_suite posix_suite = {
	.name = "logfs_posix",
	.cases = posix_cases,
};
KTEST_SUITE(posix_suite);
