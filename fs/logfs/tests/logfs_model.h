/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An in-memory model of the LogFS namespace for model-based and power-cut
 * tests: a fixed universe of paths, each absent, a directory, a file (an
 * index into shared contents, so hard links work) or a symlink.  Random
 * operations are applied to both the model (which predicts the result,
 * error codes included) and the filesystem; lm_compare() checks that the
 * filesystem shows exactly the model's state.  One file may be held open
 * across operations (LM_HOLD/LM_HWRITE/LM_RELEASE): unlinking it keeps
 * its contents for the handle until the release (orphans, POSIX).
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
	u8 hold;			/* content held open + 1; 0: none */
	struct lm_content c[LM_PATHS + 1];	/* + 1: a held orphan */
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

	for (i = 0; i < LM_PATHS + 1; i++)
		if (!m->c[i].nlink && m->hold != i + 1)
			return i;
	return -1;
}

static u64 lm_orphans_made;	/* last links dropped while held (coverage) */

static void lm_drop(struct lm_model *m, int i)
{
	int c = m->content[i];

	if (m->type[i] != LM_FILE || --m->c[c].nlink)
		goto out;
	if (m->hold == c + 1)
		lm_orphans_made++;
	else
		m->c[c].size = 0;
out:
	m->type[i] = LM_NONE;
}

/* The handle goes: an unlinked file it kept is freed. */
static void lm_release(struct lm_model *m)
{
	if (m->hold && !m->c[m->hold - 1].nlink)
		m->c[m->hold - 1].size = 0;
	m->hold = 0;
}


enum lm_op_kind { LM_WRITE, LM_TRUNC, LM_UNLINK, LM_MKDIR, LM_RMDIR,
		  LM_RENAME, LM_LINK, LM_SYMLINK, LM_FSYNC, LM_SYNC,
		  LM_HOLD, LM_HWRITE, LM_RELEASE, LM_NOPS };

struct lm_op {
	enum lm_op_kind kind;
	int a, b;
	u32 off, len, seed;
};

/* Apply the write @op to content @c (a file of the model). */
static void lm_write_content(struct lm_content *c, const struct lm_op *op)
{
	u32 end = min(op->off + op->len, (u32)LM_MAXFILE);

	if (op->off > c->size)
		memset(c->data + c->size, 0, op->off - c->size);
	lt_pattern(c->data + op->off, end - op->off, op->seed);
	c->size = max(c->size, end);
}

static u32 lm_rand(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (u32)(*s >> 11);
}

/* A path naming the held file, or -1. */
static int lm_held_path(const struct lm_model *m)
{
	int i;

	for (i = 0; m->hold && i < LM_PATHS; i++)
		if (m->type[i] == LM_FILE && m->content[i] == m->hold - 1)
			return i;
	return -1;
}

static void lm_gen(struct lm_op *op, u64 *s, const struct lm_model *m)
{
	int held;

	u32 r = lm_rand(s) % 100;

	op->a = (int)(lm_rand(s) % LM_PATHS);
	op->b = (int)(lm_rand(s) % LM_PATHS);
	op->off = lm_rand(s) % (LM_MAXFILE / 2);
	op->len = 1 + lm_rand(s) % (LM_MAXFILE / 2);
	op->seed = lm_rand(s);
	op->kind = r < 25 ? LM_WRITE : r < 33 ? LM_TRUNC : r < 43 ? LM_UNLINK :
		   r < 54 ? LM_MKDIR : r < 59 ? LM_RMDIR : r < 71 ? LM_RENAME :
		   r < 76 ? LM_LINK : r < 79 ? LM_SYMLINK : r < 85 ? LM_FSYNC :
		   r < 87 ? LM_SYNC : r < 94 ? LM_HOLD : r < 98 ? LM_HWRITE :
		   LM_RELEASE;
	if (op->kind == LM_TRUNC)
		op->len = lm_rand(s) % LM_MAXFILE;
	/* aim most unlinks and renames at the held file: orphans */
	held = lm_held_path(m);
	if (held >= 0 && lm_rand(s) % 4) {
		if (op->kind == LM_UNLINK)
			op->a = held;
		else if (op->kind == LM_RENAME)
			op->b = held;
	}
}

/* Predict @op on the model, applying it; returns the expected result. */
static int lm_predict_rename(struct lm_model *m, int a, int b)
{
	u8 otype[LM_PATHS], ocontent[LM_PATHS];	/* not the contents: stack */
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
	memcpy(otype, m->type, sizeof(otype));
	memcpy(ocontent, m->content, sizeof(ocontent));
	lm_drop(m, b);
	m->type[b] = otype[a];
	m->content[b] = ocontent[a];
	m->type[a] = LM_NONE;
	if (otype[a] == LM_DIR) {
		for (i = 0; i < LM_PATHS; i++) {
			char np[32];

			if (otype[i] == LM_NONE || !lm_is_under(i, a))
				continue;
			snprintf(np, sizeof(np), "%s%s", lm_paths[b],
				 lm_paths[i] + strlen(lm_paths[a]));
			j = lm_find(np, (u32)strlen(np));
			m->type[i] = LM_NONE;
			m->type[j] = otype[i];
			m->content[j] = ocontent[i];
		}
	}
	return 0;
}

static int lm_predict(struct lm_model *m, const struct lm_op *op)
{
	int a = op->a, b = op->b, e, c;

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
		lm_write_content(&m->c[m->content[a]], op);
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
	case LM_HOLD:
		lm_release(m);		/* a new hold closes the old one */
		if (e)
			return e;
		if (m->type[a] == LM_NONE || m->type[a] == LM_LNK)
			return -ENOENT;
		if (m->type[a] == LM_DIR)
			return -EISDIR;
		m->hold = (u8)(m->content[a] + 1);
		return 0;
	case LM_HWRITE:
		if (m->hold)
			lm_write_content(&m->c[m->hold - 1], op);
		return 0;
	case LM_RELEASE:
		lm_release(m);
		return 0;
	default:
		return 0;
	}
}

static u8 lm_buf[LM_MAXFILE];
static struct logfs_file *lm_handle;	/* the file LM_HOLD keeps open */

/* Close the held handle (before an unmount, or after a power cut). */
static int lm_drop_handle(void)
{
	int ret = 0;

	if (lm_handle)
		ret = logfs_close(lm_handle);
	lm_handle = NULL;
	return ret;
}

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
	case LM_HOLD:
		n = lm_drop_handle();
		if (n)
			return (int)n;
		f = logfs_open(fs, a, LOGFS_O_RDWR, 0);
		if (IS_ERR(f))
			return PTR_ERR(f);
		lm_handle = f;
		return 0;
	case LM_HWRITE:
		if (!lm_handle)
			return 0;
		end = min(op->off + op->len, (u32)LM_MAXFILE);
		lt_pattern(lm_buf, end - op->off, op->seed);
		n = logfs_pwrite(lm_handle, lm_buf, end - op->off, op->off);
		return n < 0 ? (int)n : n == end - op->off ? 0 : -EIO;
	case LM_RELEASE:
		return lm_drop_handle();
	default:
		return 0;
	}
}

/* Does the held handle show the model's held contents and link count? */
static bool lm_compare_handle(struct ktest *t, const struct lm_model *m,
			      bool quiet)
{
	const struct lm_content *c;
	struct logfs_stat st;
	s64 n;

	if (!lm_handle)
		return true;	/* none, or dropped by a power cut */
	if (!m->hold) {
		if (!quiet)
			ktest_log(t, "a handle is held, the model holds none");
		return false;
	}
	c = &m->c[m->hold - 1];
	if (logfs_fstat(lm_handle, &st) || st.size != c->size ||
	    st.nlink != c->nlink) {
		if (!quiet)
			ktest_log(t, "held file: size %llu nlink %u, model %u/%u",
				  (unsigned long long)st.size, st.nlink, c->size,
				  c->nlink);
		return false;
	}
	n = logfs_pread(lm_handle, lm_buf, LM_MAXFILE, 0);
	if (n != (s64)c->size || memcmp(lm_buf, c->data, c->size)) {
		if (!quiet)
			ktest_log(t, "held file: contents differ (read %lld)",
				  (long long)n);
		return false;
	}
	return true;
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
	return lm_compare_handle(t, m, quiet);
}

#endif /* LOGFS_MODEL_H */
