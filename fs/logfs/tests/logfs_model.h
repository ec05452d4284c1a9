/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An in-memory model of the LogFS namespace for model-based and power-cut
 * tests: a fixed universe of paths, each absent, a directory, a file (an
 * index into shared contents, so hard links work) or a symlink.  Random
 * operations are applied to both the model (which predicts the result,
 * error codes included) and the filesystem; lm_compare() checks that the
 * filesystem shows exactly the model's state.
 */
#ifndef LOGFS_MODEL_H
#define LOGFS_MODEL_H

#include "logfs_test_util.h"

#define LM_PATHS	10
#ifndef LM_MAXFILE
#define LM_MAXFILE	(24 * 1024)
#endif

static const char *const lm_paths[LM_PATHS] = {
	"/a", "/b", "/a/c", "/f0", "/f1", "/f2", "/a/x", "/a/y", "/a/c/z", "/b/w",
};

enum lm_type { LM_NONE, LM_DIR, LM_FILE, LM_LNK };

struct lm_content {
	u8 data[LM_MAXFILE];
	u32 size;
	u32 nlink;
};

struct lm_model {
	u8 type[LM_PATHS];
	u8 content[LM_PATHS];		/* LM_FILE: index into c[] */
	struct lm_content c[LM_PATHS];
};

static int lm_find(const char *p, u32 len)
{
	int i;

	for (i = 0; i < LM_PATHS; i++)
		if (strlen(lm_paths[i]) == len && !memcmp(lm_paths[i], p, len))
			return i;
	return -1;
}

/* Parent path index (-2: the root). */
static int lm_parent(int i)
{
	const char *p = lm_paths[i], *s = p + strlen(p);

	while (s > p && s[-1] != '/')
		s--;
	if (s - p == 1)
		return -2;
	return lm_find(p, (u32)(s - p - 1));
}

/* Can @i be created?  0, or the error a create would give. */
static int lm_parent_ok(const struct lm_model *m, int i)
{
	int p = lm_parent(i), pp;

	if (p == -2)
		return 0;
	pp = lm_parent(p);
	if (pp != -2 && m->type[pp] != LM_DIR)
		return m->type[pp] == LM_FILE ? -ENOTDIR : -ENOENT;
	if (m->type[p] == LM_NONE || m->type[p] == LM_LNK)
		return -ENOENT;
	if (m->type[p] != LM_DIR)
		return -ENOTDIR;
	return 0;
}

/* Error of looking @i up (0 if it can be reached, even if absent). */
static int lm_lookup_err(const struct lm_model *m, int i)
{
	return lm_parent_ok(m, i);
}

static bool lm_is_under(int child, int dir)
{
	const char *c = lm_paths[child], *d = lm_paths[dir];
	size_t n = strlen(d);

	return !strncmp(c, d, n) && c[n] == '/';
}

static bool lm_dir_empty(const struct lm_model *m, int d)
{
	int i;

	for (i = 0; i < LM_PATHS; i++)
		if (m->type[i] != LM_NONE && lm_is_under(i, d))
			return false;
	return true;
}

static int lm_free_content(struct lm_model *m)
{
	int i;

	for (i = 0; i < LM_PATHS; i++)
		if (!m->c[i].nlink)
			return i;
	return -1;
}

static void lm_drop(struct lm_model *m, int i)
{
	if (m->type[i] == LM_FILE && !--m->c[m->content[i]].nlink)
		m->c[m->content[i]].size = 0;
	m->type[i] = LM_NONE;
}

enum lm_op_kind { LM_WRITE, LM_TRUNC, LM_UNLINK, LM_MKDIR, LM_RMDIR,
		  LM_RENAME, LM_LINK, LM_SYMLINK, LM_FSYNC, LM_SYNC, LM_NOPS };

struct lm_op {
	enum lm_op_kind kind;
	int a, b;
	u32 off, len, seed;
};

static u32 lm_rand(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (u32)(*s >> 11);
}

static void lm_gen(struct lm_op *op, u64 *s)
{
	u32 r = lm_rand(s) % 100;

	op->a = (int)(lm_rand(s) % LM_PATHS);
	op->b = (int)(lm_rand(s) % LM_PATHS);
	op->off = lm_rand(s) % (LM_MAXFILE / 2);
	op->len = 1 + lm_rand(s) % (LM_MAXFILE / 2);
	op->seed = lm_rand(s);
	op->kind = r < 35 ? LM_WRITE : r < 43 ? LM_TRUNC : r < 53 ? LM_UNLINK :
		   r < 65 ? LM_MKDIR : r < 70 ? LM_RMDIR : r < 82 ? LM_RENAME :
		   r < 87 ? LM_LINK : r < 90 ? LM_SYMLINK : r < 97 ? LM_FSYNC :
		   LM_SYNC;
	if (op->kind == LM_TRUNC)
		op->len = lm_rand(s) % LM_MAXFILE;
}

/* Predict @op on the model, applying it; returns the expected result. */
static int lm_predict_rename(struct lm_model *m, int a, int b)
{
	struct lm_model old;
	int e, i, j;

	e = lm_lookup_err(m, a);
	if (e)
		return e;
	if (m->type[a] == LM_NONE)
		return -ENOENT;
	e = lm_parent_ok(m, b);
	if (e)
		return e;
	if (m->type[a] == LM_DIR && (a == b || lm_is_under(b, a)))
		return a == b ? 0 : -EINVAL;
	if (a == b || (m->type[a] == LM_FILE && m->type[b] == LM_FILE &&
		       m->content[a] == m->content[b]))
		return 0;
	if (m->type[b] != LM_NONE) {
		if (m->type[a] == LM_DIR && m->type[b] != LM_DIR)
			return -ENOTDIR;
		if (m->type[a] != LM_DIR && m->type[b] == LM_DIR)
			return -EISDIR;
		if (m->type[b] == LM_DIR && !lm_dir_empty(m, b))
			return -ENOTEMPTY;
	}
	/* moving a directory moves what is below it: keep to the universe */
	if (m->type[a] == LM_DIR) {
		for (i = 0; i < LM_PATHS; i++) {
			char np[32];

			if (m->type[i] == LM_NONE || !lm_is_under(i, a))
				continue;
			snprintf(np, sizeof(np), "%s%s", lm_paths[b],
				 lm_paths[i] + strlen(lm_paths[a]));
			if (lm_find(np, (u32)strlen(np)) < 0)
				return 1;	/* not modelled: skip the op */
		}
	}
	old = *m;
	lm_drop(m, b);
	m->type[b] = old.type[a];
	m->content[b] = old.content[a];
	m->type[a] = LM_NONE;
	if (old.type[a] == LM_DIR) {
		for (i = 0; i < LM_PATHS; i++) {
			char np[32];

			if (old.type[i] == LM_NONE || !lm_is_under(i, a))
				continue;
			snprintf(np, sizeof(np), "%s%s", lm_paths[b],
				 lm_paths[i] + strlen(lm_paths[a]));
			j = lm_find(np, (u32)strlen(np));
			m->type[i] = LM_NONE;
			m->type[j] = old.type[i];
			m->content[j] = old.content[i];
		}
	}
	return 0;
}

static int lm_predict(struct lm_model *m, const struct lm_op *op)
{
	int a = op->a, b = op->b, e, c;
	u32 end;

	e = lm_lookup_err(m, a);
	switch (op->kind) {
	case LM_WRITE:
		if (e)
			return e;
		if (m->type[a] == LM_DIR)
			return -EISDIR;
		if (m->type[a] == LM_LNK)
			return -ENOENT;
		if (m->type[a] == LM_NONE) {
			c = lm_free_content(m);
			m->type[a] = LM_FILE;
			m->content[a] = (u8)c;
			m->c[c].nlink = 1;
			m->c[c].size = 0;
		}
		c = m->content[a];
		end = min(op->off + op->len, (u32)LM_MAXFILE);
		if (op->off > m->c[c].size)
			memset(m->c[c].data + m->c[c].size, 0, op->off - m->c[c].size);
		lt_pattern(m->c[c].data + op->off, end - op->off, op->seed);
		m->c[c].size = max(m->c[c].size, end);
		return 0;
	case LM_TRUNC:
		if (e)
			return e;
		if (m->type[a] == LM_NONE || m->type[a] == LM_LNK)
			return -ENOENT;
		if (m->type[a] == LM_DIR)
			return -EISDIR;
		c = m->content[a];
		if (op->len > m->c[c].size)
			memset(m->c[c].data + m->c[c].size, 0, op->len - m->c[c].size);
		m->c[c].size = op->len;
		return 0;
	case LM_UNLINK:
		if (e)
			return e;
		if (m->type[a] == LM_NONE)
			return -ENOENT;
		if (m->type[a] == LM_DIR)
			return -EISDIR;
		lm_drop(m, a);
		return 0;
	case LM_MKDIR:
	case LM_SYMLINK:
		e = lm_parent_ok(m, a);
		if (e)
			return e;
		if (m->type[a] != LM_NONE)
			return -EEXIST;
		m->type[a] = op->kind == LM_MKDIR ? LM_DIR : LM_LNK;
		return 0;
	case LM_RMDIR:
		if (e)
			return e;
		if (m->type[a] == LM_NONE)
			return -ENOENT;
		if (m->type[a] != LM_DIR)
			return -ENOTDIR;
		if (!lm_dir_empty(m, a))
			return -ENOTEMPTY;
		m->type[a] = LM_NONE;
		return 0;
	case LM_RENAME:
		return lm_predict_rename(m, a, b);
	case LM_LINK:
		if (e)
			return e;
		if (m->type[a] == LM_NONE)
			return -ENOENT;
		if (m->type[a] == LM_DIR)
			return -EPERM;
		e = lm_parent_ok(m, b);
		if (e)
			return e;
		if (m->type[b] != LM_NONE)
			return -EEXIST;
		if (m->type[a] == LM_LNK)
			return 1;	/* links to symlinks: not modelled */
		m->type[b] = LM_FILE;
		m->content[b] = m->content[a];
		m->c[m->content[a]].nlink++;
		return 0;
	default:
		return 0;
	}
}

static u8 lm_buf[LM_MAXFILE];

/* Run @op on the filesystem. */
static int lm_apply(struct logfs *fs, const struct lm_op *op)
{
	const char *a = lm_paths[op->a], *b = lm_paths[op->b];
	struct logfs_file *f;
	u32 end;
	s64 n;

	switch (op->kind) {
	case LM_WRITE:
		f = logfs_open(fs, a, LOGFS_O_WRONLY | LOGFS_O_CREAT, 0644);
		if (IS_ERR(f))
			return PTR_ERR(f);
		end = min(op->off + op->len, (u32)LM_MAXFILE);
		lt_pattern(lm_buf, end - op->off, op->seed);
		n = logfs_pwrite(f, lm_buf, end - op->off, op->off);
		logfs_close(f);
		return n < 0 ? (int)n : n == end - op->off ? 0 : -EIO;
	case LM_TRUNC:
		return logfs_truncate(fs, a, op->len);
	case LM_UNLINK:
		return logfs_unlink(fs, a);
	case LM_MKDIR:
		return logfs_mkdir(fs, a, 0755);
	case LM_SYMLINK:
		return logfs_symlink(fs, "/nowhere", a);
	case LM_RMDIR:
		return logfs_rmdir(fs, a);
	case LM_RENAME:
		return logfs_rename(fs, a, b);
	case LM_LINK:
		return logfs_link(fs, a, b);
	case LM_FSYNC:
		f = logfs_open(fs, "/f0", LOGFS_O_RDONLY, 0);
		if (IS_ERR(f))
			return logfs_sync(fs);
		n = logfs_fsync(f);
		logfs_close(f);
		return (int)n;
	case LM_SYNC:
		return logfs_sync(fs);
	default:
		return 0;
	}
}

/* Does the filesystem show exactly the model?  Logs the first mismatch. */
static bool lm_compare(struct ktest *t, struct logfs *fs,
		       const struct lm_model *m, bool quiet)
{
	struct logfs_stat st;
	int i, ret;
	s64 n;

	for (i = 0; i < LM_PATHS; i++) {
		ret = logfs_stat(fs, lm_paths[i], &st);
		if (m->type[i] == LM_NONE) {
			if (ret != -ENOENT && ret != -ENOTDIR) {
				if (!quiet)
					ktest_log(t, "%s: exists (%d), model: absent",
						  lm_paths[i], ret);
				return false;
			}
			continue;
		}
		if (ret) {
			if (!quiet)
				ktest_log(t, "%s: stat %d", lm_paths[i], ret);
			return false;
		}
		if ((m->type[i] == LM_DIR && (st.mode & LOGFS_S_IFMT) != LOGFS_S_IFDIR) ||
		    (m->type[i] == LM_FILE && (st.mode & LOGFS_S_IFMT) != LOGFS_S_IFREG) ||
		    (m->type[i] == LM_LNK && (st.mode & LOGFS_S_IFMT) != LOGFS_S_IFLNK)) {
			if (!quiet)
				ktest_log(t, "%s: mode %o, model type %d",
					  lm_paths[i], st.mode, m->type[i]);
			return false;
		}
		if (m->type[i] != LM_FILE)
			continue;
		if (st.size != m->c[m->content[i]].size ||
		    st.nlink != m->c[m->content[i]].nlink) {
			if (!quiet)
				ktest_log(t, "%s: size %llu nlink %u, model %u/%u",
					  lm_paths[i], (unsigned long long)st.size,
					  st.nlink, m->c[m->content[i]].size,
					  m->c[m->content[i]].nlink);
			return false;
		}
		n = lt_get(fs, lm_paths[i], lm_buf, LM_MAXFILE);
		if (n != (s64)st.size || memcmp(lm_buf, m->c[m->content[i]].data, n)) {
			if (!quiet) {
				s64 d = 0;

				while (d < n && lm_buf[d] == m->c[m->content[i]].data[d])
					d++;
				ktest_log(t, "%s: contents differ at %lld (got %d, want %d, read %lld)",
					  lm_paths[i], (long long)d, d < n ? lm_buf[d] : -1,
					  d < n ? m->c[m->content[i]].data[d] : -1,
					  (long long)n);
			}
			return false;
		}
	}
	return true;
}

#endif /* LOGFS_MODEL_H */
