// SPDX-License-Identifier: GPL-2.0
/*
 * Concurrency: several threads, each with its own context and
 * descriptors, working in private directories, then fighting over the
 * same names in one directory (create, link, rename over, unlink, mkdir,
 * rmdir), and appending to one shared file.  Afterwards the namespace
 * must be consistent and the mount must unmount cleanly (no reference
 * left behind).
 */
#include "vfs_helpers.h"
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/slab.h>

#define NTHREADS 4
#define ROUNDS 150

struct racer {
	int id;
	int errors;		/* unexpected results */
	int first_error;
	struct vfs_ctx *ctx;
};

static void note(struct racer *r, int ret)
{
	if (!r->errors)
		r->first_error = ret;
	r->errors++;
}

static int private_worker(void *arg)
{
	struct racer *r = arg;
	struct vfs_ctx *c = r->ctx;
	char dir[32], a[40], b[40], buf[40], want[40];
	int i, n;

	snprintf(dir, sizeof(dir), VT "/p%d", r->id);
	if (vfs_mkdir(c, dir, 0755) || vfs_chdir(c, dir))
		note(r, -1);
	for (i = 0; i < ROUNDS; i++) {
		snprintf(a, sizeof(a), "f%d", i % 7);
		snprintf(b, sizeof(b), "sub/g%d", i % 5);
		snprintf(want, sizeof(want), "thread %d round %d", r->id, i);
		if (vfs_mkdir(c, "sub", 0755) && i == 0)
			note(r, -2);
		n = vt_write_file(c, a, want);
		if (n != (int)strlen(want))
			note(r, n);
		n = vfs_rename(c, a, b);
		if (n)
			note(r, n);
		n = vt_read_file(c, b, buf, sizeof(buf));
		if (n != (int)strlen(want) || strcmp(buf, want))
			note(r, n < 0 ? n : -3);
		if (i % 3 == 0) {
			n = vfs_unlink(c, b);
			if (n)
				note(r, n);
		}
	}
	return 0;
}

static int shared_worker(void *arg)
{
	static const int ok[] = { 0, -ENOENT, -EEXIST, -ENOTEMPTY, -ENOTDIR, -EISDIR };
	struct racer *r = arg;
	struct vfs_ctx *c = r->ctx;
	char a[40], b[40];
	int i, ret;

	for (i = 0; i < ROUNDS; i++) {
		int k = (i * 7 + r->id * 3) % 6;

		snprintf(a, sizeof(a), VT "/s/n%d", (i + r->id) % 4);
		snprintf(b, sizeof(b), VT "/s/n%d", (i * 3 + r->id) % 4);
		switch (k) {
		case 0:
			ret = vt_write_file(c, a, "x");
			ret = ret == 1 ? 0 : ret;
			break;
		case 1:
			ret = vfs_rename(c, a, b);
			break;
		case 2:
			ret = vfs_unlink(c, a);
			break;
		case 3:
			ret = vfs_link(c, a, b);
			break;
		case 4:
			ret = vfs_mkdir(c, b, 0755);
			break;
		default:
			ret = vfs_rmdir(c, a);
			break;
		}
		bool fine = false;

		for (size_t j = 0; j < ARRAY_SIZE(ok); j++)
			fine |= ret == ok[j];
		if (!fine)
			note(r, ret);
	}
	return 0;
}

static int append_worker(void *arg)
{
	struct racer *r = arg;
	struct vfs_ctx *c = r->ctx;
	char rec[10];
	int fd, i, n;

	fd = vfs_open(c, VT "/log", O_WRONLY | O_APPEND | O_CREAT, 0644);
	if (fd < 0) {
		note(r, fd);
		return 0;
	}
	memset(rec, 'a' + r->id, sizeof(rec));
	rec[9] = '\n';
	for (i = 0; i < ROUNDS; i++) {
		n = vfs_write(c, fd, rec, sizeof(rec));
		if (n != sizeof(rec))
			note(r, n);
	}
	vfs_close(c, fd);
	return 0;
}

#define RR "/tmp/rr"

static const char *const tree_paths[] = {
	RR "/a", RR "/b", RR "/c", RR "/a/b", RR "/b/a", RR "/c/a",
	RR "/a/c", RR "/b/c", RR "/c/b", RR "/a/b/c", RR "/b/c/a",
};

/* Directories made and renamed into and out of each other: never a loop. */
static int rename_worker(void *arg)
{
	static const int ok[] = { 0, -ENOENT, -EINVAL, -ENOTEMPTY, -ENOTDIR, -EEXIST };
	struct racer *r = arg;
	u32 seed = 12345 + r->id * 7919;
	int i, ret;

	for (i = 0; i < ROUNDS * 2; i++) {
		const char *src, *dst;
		bool fine = false;

		seed = seed * 1103515245 + 12345;
		src = tree_paths[(seed >> 16) % ARRAY_SIZE(tree_paths)];
		seed = seed * 1103515245 + 12345;
		dst = tree_paths[(seed >> 16) % ARRAY_SIZE(tree_paths)];
		/* half the time make a directory, so the tree keeps changing */
		ret = (i & 1) ? vfs_mkdir(r->ctx, dst, 0755) : vfs_rename(r->ctx, src, dst);
		for (size_t j = 0; j < ARRAY_SIZE(ok); j++)
			fine |= ret == ok[j];
		if (!fine)
			note(r, ret);
	}
	return 0;
}

/*
 * Directories reachable below @path (not counting it), checking on the way
 * that each one's link count is 2 + its subdirectories; -errno on error,
 * -EUCLEAN for a wrong count.  Buffers on the heap: this recurses.
 */
static int count_tree(struct vfs_ctx *c, const char *path, int depth)
{
	const size_t dlen = 256, plen = 160;
	int fd, n, total = 0, subdirs = 0, sub;
	u8 *buf;
	char *child;

	if (depth > 32)
		return -ELOOP;
	buf = kmalloc(dlen + plen, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	child = (char *)buf + dlen;
	fd = vfs_open(c, path, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0) {
		kfree(buf);
		return fd;
	}
	while ((n = vfs_getdents(c, fd, buf, dlen)) > 0) {
		for (int off = 0; off < n;) {
			struct dirent64 *de = (struct dirent64 *)(buf + off);

			off += de->d_reclen;
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			snprintf(child, plen, "%s/%s", path, de->d_name);
			sub = count_tree(c, child, depth + 1);
			if (sub < 0) {
				n = sub;
				goto out_close;
			}
			subdirs++;
			total += 1 + sub;
		}
	}
out_close:
	vfs_close(c, fd);
	kfree(buf);
	if (n < 0)
		return n;
	return vt_nlink(c, path) == 2 + subdirs ? total : -EUCLEAN;
}

static void run_racers(struct ktest *t, int (*fn)(void *), struct racer *r)
{
	struct thread *th[NTHREADS];
	int i;

	for (i = 0; i < NTHREADS; i++) {
		r[i].id = i;
		r[i].ctx = vfs_ctx_create();
		KASSERT_NOT_NULL(t, r[i].ctx);
	}
	for (i = 0; i < NTHREADS; i++) {
		th[i] = kthread_run(fn, &r[i], PRIO_DEFAULT + 1, "vfs-race");
		KASSERT_FALSE(t, IS_ERR(th[i]));
	}
	for (i = 0; i < NTHREADS; i++)
		kthread_join(th[i]);
	for (i = 0; i < NTHREADS; i++) {
		if (r[i].errors)
			ktest_log(t, "thread %d: %d errors, first %d", i, r[i].errors,
				  r[i].first_error);
		KEXPECT_EQ(t, r[i].errors, 0);
		vfs_ctx_destroy(r[i].ctx);
	}
}

static void race_private_dirs(struct ktest *t)
{
	struct racer r[NTHREADS] = { 0 };
	char dir[32];

	run_racers(t, private_worker, r);
	for (int i = 0; i < NTHREADS; i++) {
		snprintf(dir, sizeof(dir), VT "/p%d/sub", i);
		/* g0..g4 were written last in rounds 145..149; 147 was unlinked */
		KEXPECT_EQ(t, vt_count_entries(vt_ctx(t), dir), 2 + 4);
	}
}

static void race_shared_names(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct racer r[NTHREADS] = { 0 };
	u64 buf64[32];
	struct stat st;
	char path[300];
	int fd, n, subdirs = 0, listed = 0;

	KASSERT_EQ(t, vfs_mkdir(c, VT "/s", 0755), 0);
	run_racers(t, shared_worker, r);
	/* every listed name resolves; the directory's link count adds up */
	fd = vfs_open(c, VT "/s", O_RDONLY, 0);
	KASSERT_GE(t, fd, 0);
	while ((n = vfs_getdents(c, fd, buf64, sizeof(buf64))) > 0) {
		for (int off = 0; off < n;) {
			struct dirent64 *de = (struct dirent64 *)((u8 *)buf64 + off);

			off += de->d_reclen;
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			listed++;
			snprintf(path, sizeof(path), VT "/s/%s", de->d_name);
			KEXPECT_EQ(t, vfs_lstat(c, path, &st), 0);
			KEXPECT_EQ(t, mode_to_dt(st.st_mode), de->d_type);
			subdirs += S_ISDIR(st.st_mode);
		}
	}
	KEXPECT_EQ(t, n, 0);
	vfs_close(c, fd);
	KEXPECT_LE(t, listed, 4);
	KEXPECT_EQ(t, vt_nlink(c, VT "/s"), 2 + subdirs);
	ktest_log(t, "%d names left, %d directories", listed, subdirs);
}

static void race_append(struct ktest *t)
{
	struct racer r[NTHREADS] = { 0 };
	struct vfs_ctx *c = vt_ctx(t);
	char *buf = kmalloc(NTHREADS * ROUNDS * 10 + 1, GFP_KERNEL);
	int n, torn = 0;

	KASSERT_NOT_NULL(t, buf);
	run_racers(t, append_worker, r);
	n = vt_read_file(c, VT "/log", buf, NTHREADS * ROUNDS * 10 + 1);
	KEXPECT_EQ(t, n, NTHREADS * ROUNDS * 10);
	for (int i = 0; i + 10 <= n; i += 10) {
		for (int j = 1; j < 9; j++)
			torn += buf[i + j] != buf[i];
		torn += buf[i + 9] != '\n';
	}
	KEXPECT_EQ(t, torn, 0);		/* every record whole: appends are atomic */
	kfree(buf);
}

/*
 * Its own mount, so that the heap can be compared around it: a directory
 * moved under itself would leave a detached loop that umount cannot free.
 */
static void race_rename_dirs(struct ktest *t)
{
	struct vfs_ctx *c = vt_ctx(t);
	struct racer r[NTHREADS] = { 0 };
	struct heap_stats before, after;
	int n;

	KASSERT_EQ(t, vfs_mkdir(c, RR, 0755), 0);
	heap_get_stats(&before);
	KASSERT_EQ(t, vfs_mount(c, "rr", RR, "ramfs", 0, NULL), 0);
	KASSERT_EQ(t, vfs_mkdir(c, RR "/a", 0755), 0);
	KASSERT_EQ(t, vfs_mkdir(c, RR "/b", 0755), 0);
	KASSERT_EQ(t, vfs_mkdir(c, RR "/c", 0755), 0);
	run_racers(t, rename_worker, r);
	/*
	 * A directory renamed over an empty one replaces it, and new ones
	 * are made: what is left must be one tree with right link counts,
	 * and unmounting must free every inode.
	 */
	n = count_tree(c, RR, 0);
	KEXPECT_GE(t, n, 1);
	ktest_log(t, "%d directories left", n);
	KEXPECT_EQ(t, vfs_umount(c, RR), 0);
	heap_get_stats(&after);
	KEXPECT_EQ(t, after.allocs, before.allocs);
	KEXPECT_EQ(t, vfs_rmdir(c, RR), 0);
}

static struct ktest_case vfs_race_cases[] = {
	KTEST_CASE(race_private_dirs),
	KTEST_CASE(race_shared_names),
	KTEST_CASE(race_append),
	KTEST_CASE(race_rename_dirs),
	{}
};

static struct ktest_suite vfs_race_suite = {
	.name = "vfs_race",
	.cases = vfs_race_cases,
	.init = vt_init,
	.exit = vt_exit,
};
KTEST_SUITE(vfs_race_suite);
