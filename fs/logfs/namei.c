// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS path API: the calls of include/fs/logfs.h.
 *
 * Every call takes fs->lock, resolves and checks everything first (no
 * change is made before all checks passed), then runs as one transaction
 * (commit.c): begin (room, maybe commit or GC), change, end (log the
 * changed inodes).  An error after the first change means RAM and medium
 * may disagree: the fs turns read-only (a remount replays a consistent
 * state).
 *
 * Layer: the top of LogFS.  Must not know: the medium, the log format.
 */
#define pr_fmt(fmt) "logfs: " fmt
#include "logfs_priv.h"

#define LOGFS_MAX_SYMLINKS	8
#define LOGFS_MAX_FILE_SIZE	(1ull << 40)

static bool is_dir(const struct logfs_inode_info *ii)
{
	return (ii->di.mode & LOGFS_S_IFMT) == LOGFS_S_IFDIR;
}

static bool is_lnk(const struct logfs_inode_info *ii)
{
	return (ii->di.mode & LOGFS_S_IFMT) == LOGFS_S_IFLNK;
}

static bool is_reg(const struct logfs_inode_info *ii)
{
	return (ii->di.mode & LOGFS_S_IFMT) == LOGFS_S_IFREG;
}

/* Next component of [*p, end): 1 and the name, or 0 at the end. */
static int next_comp(const char **p, const char *end, const char **name,
		     u32 *len)
{
	const char *s = *p;

	while (s < end && *s == '/')
		s++;
	if (s == end)
		return 0;
	*name = s;
	while (s < end && *s != '/')
		s++;
	*len = (u32)(s - *name);
	*p = s;
	return *len > LOGFS_NAME_MAX ? -ENAMETOOLONG : 1;
}

static bool only_slashes(const char *p, const char *end)
{
	while (p < end && *p == '/')
		p++;
	return p == end;
}

static int logfs_walk(struct logfs *fs, u32 start, const char *path, u32 plen,
		      bool follow, int depth, u32 *out);

/* Follow symlink @ii found in directory @dir. */
static int logfs_follow(struct logfs *fs, u32 dir, struct logfs_inode_info *ii,
			int depth, u32 *out)
{
	u64 size = ii->di.size;
	char *target;
	s64 n;
	int ret;

	if (depth >= LOGFS_MAX_SYMLINKS)
		return -ELOOP;
	if (!size || size >= LOGFS_BLOCK_SIZE)
		return -EUCLEAN;
	target = kmalloc(size, GFP_KERNEL);
	if (!target)
		return -ENOMEM;
	n = logfs_file_read(fs, ii, target, size, 0);
	ret = n < 0 ? (int)n : logfs_walk(fs, dir, target, (u32)size, true,
					   depth + 1, out);
	kfree(target);
	return ret;
}

static int logfs_walk(struct logfs *fs, u32 start, const char *path, u32 plen,
		      bool follow, int depth, u32 *out)
{
	const char *p = path, *end = path + plen, *name;
	struct logfs_inode_info *dir, *ii;
	u32 cur = start, len, ino;
	int ret;

	if (plen && path[0] == '/')
		cur = LOGFS_INO_ROOT;
	while ((ret = next_comp(&p, end, &name, &len)) > 0) {
		dir = logfs_iget(fs, cur);
		if (IS_ERR(dir))
			return PTR_ERR(dir);
		if (!is_dir(dir))
			return -ENOTDIR;
		if (len == 1 && name[0] == '.')
			continue;
		if (len == 2 && name[0] == '.' && name[1] == '.') {
			cur = dir->di.parent;
			continue;
		}
		ret = logfs_dir_lookup(fs, dir, name, len, &ino);
		if (ret)
			return ret;
		ii = logfs_iget(fs, ino);
		if (IS_ERR(ii))
			return PTR_ERR(ii) == -ENOENT ? -EUCLEAN : PTR_ERR(ii);
		if (!ii->di.mode) {
			pr_err("directory %u names free inode %u\n", cur, ino);
			logfs_set_ro(fs, -EUCLEAN, "dangling directory entry");
			return -EUCLEAN;
		}
		if (is_lnk(ii) && (follow || !only_slashes(p, end))) {
			ret = logfs_follow(fs, cur, ii, depth, &ino);
			if (ret)
				return ret;
		}
		cur = ino;
	}
	if (ret < 0)
		return ret;
	*out = cur;
	return 0;
}

/* Resolve @path to a cached inode. */
static struct logfs_inode_info *logfs_lookup(struct logfs *fs,
					     const char *path, bool follow)
{
	u32 ino;
	int ret;

	if (!path || path[0] != '/')
		return ERR_PTR(-EINVAL);
	ret = logfs_walk(fs, LOGFS_INO_ROOT, path, (u32)strlen(path), follow, 0,
			 &ino);
	if (ret)
		return ERR_PTR(ret);
	return logfs_iget(fs, ino);
}

struct logfs_where {
	struct logfs_inode_info *dir;
	const char *name;
	u32 len;
	u32 ino;		/* what the name names, 0 if absent */
};

/* Parent directory and last name of @path; w->ino if it exists. */
static int logfs_parent(struct logfs *fs, const char *path,
			struct logfs_where *w)
{
	u32 plen, start, dino;
	int ret;

	if (!path || path[0] != '/')
		return -EINVAL;
	plen = (u32)strlen(path);
	while (plen > 1 && path[plen - 1] == '/')
		plen--;
	start = plen;
	while (start > 0 && path[start - 1] != '/')
		start--;
	w->name = path + start;
	w->len = plen - start;
	if (!w->len)
		return -EBUSY;		/* the root */
	if (w->len > LOGFS_NAME_MAX)
		return -ENAMETOOLONG;
	if ((w->len == 1 && w->name[0] == '.') ||
	    (w->len == 2 && w->name[0] == '.' && w->name[1] == '.'))
		return -EINVAL;
	ret = logfs_walk(fs, LOGFS_INO_ROOT, path, start, true, 0, &dino);
	if (ret)
		return ret;
	w->dir = logfs_iget(fs, dino);
	if (IS_ERR(w->dir))
		return PTR_ERR(w->dir);
	if (!is_dir(w->dir))
		return -ENOTDIR;
	ret = logfs_dir_lookup(fs, w->dir, w->name, w->len, &w->ino);
	if (ret == -ENOENT) {
		w->ino = 0;
		ret = 0;
	}
	return ret;
}

/* After the first change, a failure leaves RAM ahead of the medium. */
static int logfs_fail(struct logfs *fs, int ret)
{
	if (ret)
		logfs_set_ro(fs, ret, "operation failed half-way");
	return ret;
}

static struct logfs_inode_info *logfs_create(struct logfs *fs,
					     struct logfs_where *w, u32 mode,
					     const char *target)
{
	struct logfs_inode_info *ii;
	u32 tlen = target ? (u32)strlen(target) : 0;
	int ret;

	if (target && (!tlen || tlen >= LOGFS_BLOCK_SIZE))
		return ERR_PTR(tlen ? -ENAMETOOLONG : -ENOENT);
	ret = logfs_txn_begin(fs, 2);
	if (ret)
		return ERR_PTR(ret);
	ii = logfs_inode_new(fs, mode);
	if (IS_ERR(ii))
		return ii;
	ii->di.nlink = 1;
	if ((mode & LOGFS_S_IFMT) == LOGFS_S_IFDIR) {
		ii->di.nlink = 2;
		ii->di.parent = w->dir->ino;
		w->dir->di.nlink++;
	}
	ret = logfs_dir_add(fs, w->dir, w->name, w->len, ii->ino, mode >> 12);
	if (!ret && target)
		ret = (int)min(logfs_file_write(fs, ii, target, tlen, 0), (s64)0);
	if (!ret)
		ret = logfs_txn_end(fs, ii);
	if (ret)
		return ERR_PTR(logfs_fail(fs, ret));
	return ii;
}

static int logfs_mknode(struct logfs *fs, const char *path, u32 mode,
			const char *target)
{
	struct logfs_inode_info *ii;
	struct logfs_where w;
	int ret;

	mutex_lock(&fs->lock);
	ret = logfs_parent(fs, path, &w);
	if (ret == -EBUSY)
		ret = -EEXIST;
	if (!ret && w.ino)
		ret = -EEXIST;
	if (!ret) {
		ii = logfs_create(fs, &w, mode, target);
		ret = IS_ERR(ii) ? PTR_ERR(ii) : 0;
	}
	mutex_unlock(&fs->lock);
	return ret;
}

/** logfs_mkdir() - see include/fs/logfs.h */
int logfs_mkdir(struct logfs *fs, const char *path, u32 mode)
{
	return logfs_mknode(fs, path, LOGFS_S_IFDIR | (mode & 07777), NULL);
}

/** logfs_symlink() - see include/fs/logfs.h */
int logfs_symlink(struct logfs *fs, const char *target, const char *path)
{
	return logfs_mknode(fs, path, LOGFS_S_IFLNK | 0777, target);
}

/*
 * Drop one link of @ii (freeing it at zero; an open file becomes an
 * orphan instead, freed by its last close: orphan.c).
 */
static int logfs_drop_link(struct logfs *fs, struct logfs_inode_info *ii)
{
	if (is_reg(ii) && ii->di.nlink <= 1 && ii->open_count)
		return logfs_orphan_add(fs, ii);
	if (is_dir(ii) || ii->di.nlink <= 1)
		return logfs_inode_free(fs, ii);
	ii->di.nlink--;
	ii->di.ctime_ns = logfs_now(fs);
	return logfs_inode_touch(fs, ii);
}

static int logfs_remove(struct logfs *fs, const char *path, bool dir)
{
	struct logfs_inode_info *ii;
	struct logfs_where w;
	int ret;

	mutex_lock(&fs->lock);
	ret = logfs_parent(fs, path, &w);
	if (!ret && !w.ino)
		ret = -ENOENT;
	if (ret)
		goto out_unlock;
	ii = logfs_iget(fs, w.ino);
	if (IS_ERR(ii)) {
		ret = PTR_ERR(ii);
		goto out_unlock;
	}
	if (dir && !is_dir(ii))
		ret = -ENOTDIR;
	else if (!dir && is_dir(ii))
		ret = -EISDIR;
	else if (dir)
		ret = logfs_dir_empty(fs, ii) == 1 ? 0 : -ENOTEMPTY;
	else
		ret = logfs_orphan_room(fs, ii);
	if (!ret)
		ret = logfs_txn_begin(fs, 0);
	if (ret)
		goto out_unlock;
	ret = logfs_dir_remove(fs, w.dir, w.name, w.len);
	if (!ret && dir)
		w.dir->di.nlink--;
	if (!ret)
		ret = logfs_drop_link(fs, ii);
	if (!ret)
		ret = logfs_txn_end(fs, w.dir);
	logfs_fail(fs, ret);
out_unlock:
	mutex_unlock(&fs->lock);
	return ret;
}

/** logfs_unlink() - see include/fs/logfs.h */
int logfs_unlink(struct logfs *fs, const char *path)
{
	return logfs_remove(fs, path, false);
}

/** logfs_rmdir() - see include/fs/logfs.h */
int logfs_rmdir(struct logfs *fs, const char *path)
{
	return logfs_remove(fs, path, true);
}

/** logfs_link() - see include/fs/logfs.h */
int logfs_link(struct logfs *fs, const char *from, const char *to)
{
	struct logfs_inode_info *ii;
	struct logfs_where w;
	int ret;

	mutex_lock(&fs->lock);
	ii = logfs_lookup(fs, from, false);
	ret = IS_ERR(ii) ? PTR_ERR(ii) : 0;
	if (!ret && is_dir(ii))
		ret = -EPERM;
	if (!ret)
		ret = logfs_parent(fs, to, &w);
	if (ret == -EBUSY || (!ret && w.ino))
		ret = -EEXIST;
	if (!ret && ii->di.nlink >= 65000)
		ret = -EMLINK;
	if (!ret)
		ret = logfs_txn_begin(fs, 0);
	if (ret)
		goto out_unlock;
	ret = logfs_dir_add(fs, w.dir, w.name, w.len, ii->ino, ii->di.mode >> 12);
	if (!ret) {
		ii->di.nlink++;
		ii->di.ctime_ns = logfs_now(fs);
		logfs_inode_touch(fs, ii);
		ret = logfs_txn_end(fs, ii);
	}
	logfs_fail(fs, ret);
out_unlock:
	mutex_unlock(&fs->lock);
	return ret;
}

/* Is directory @anc (an inode number) @dir or one of its ancestors? */
static int logfs_is_ancestor(struct logfs *fs, u32 anc, u32 dir)
{
	struct logfs_inode_info *ii;
	int i;

	for (i = 0; i < 4096; i++) {
		if (dir == anc)
			return 1;
		if (dir == LOGFS_INO_ROOT)
			return 0;
		ii = logfs_iget(fs, dir);
		if (IS_ERR(ii))
			return PTR_ERR(ii);
		dir = ii->di.parent;
	}
	return -ELOOP;
}

static int logfs_rename_check(struct logfs *fs, struct logfs_inode_info *src,
			      struct logfs_where *nw, struct logfs_inode_info **tgt)
{
	struct logfs_inode_info *t;
	int ret;

	*tgt = NULL;
	if (is_dir(src)) {
		ret = logfs_is_ancestor(fs, src->ino, nw->dir->ino);
		if (ret)
			return ret < 0 ? ret : -EINVAL;
	}
	if (!nw->ino)
		return 0;
	t = logfs_iget(fs, nw->ino);
	if (IS_ERR(t))
		return PTR_ERR(t);
	if (is_dir(src) && !is_dir(t))
		return -ENOTDIR;
	if (!is_dir(src) && is_dir(t))
		return -EISDIR;
	if (is_dir(t)) {
		ret = logfs_dir_empty(fs, t);
		if (ret != 1)
			return ret < 0 ? ret : -ENOTEMPTY;
	} else if (t != src) {
		ret = logfs_orphan_room(fs, t);
		if (ret)
			return ret;
	}
	*tgt = t;
	return 0;
}

static int logfs_rename_do(struct logfs *fs, struct logfs_where *ow,
			   struct logfs_where *nw, struct logfs_inode_info *src,
			   struct logfs_inode_info *tgt)
{
	u32 type = src->di.mode >> 12;
	int ret;

	if (tgt) {
		ret = logfs_dir_set(fs, nw->dir, nw->name, nw->len, src->ino, type);
		if (!ret && is_dir(tgt))
			nw->dir->di.nlink--;
		if (!ret)
			ret = logfs_drop_link(fs, tgt);
	} else {
		ret = logfs_dir_add(fs, nw->dir, nw->name, nw->len, src->ino, type);
	}
	if (!ret)
		ret = logfs_dir_remove(fs, ow->dir, ow->name, ow->len);
	if (!ret && is_dir(src) && ow->dir != nw->dir) {
		ow->dir->di.nlink--;
		nw->dir->di.nlink++;
		src->di.parent = nw->dir->ino;
		logfs_inode_touch(fs, ow->dir);
		logfs_inode_touch(fs, nw->dir);
	}
	if (!ret) {
		src->di.ctime_ns = logfs_now(fs);
		logfs_inode_touch(fs, src);
		ret = logfs_txn_end(fs, src);
	}
	return logfs_fail(fs, ret);
}

/** logfs_rename() - see include/fs/logfs.h */
int logfs_rename(struct logfs *fs, const char *from, const char *to)
{
	struct logfs_inode_info *src, *tgt;
	struct logfs_where ow, nw;
	int ret;

	mutex_lock(&fs->lock);
	ret = logfs_parent(fs, from, &ow);
	if (!ret && !ow.ino)
		ret = -ENOENT;
	if (!ret)
		ret = logfs_parent(fs, to, &nw);
	if (ret)
		goto out_unlock;
	src = logfs_iget(fs, ow.ino);
	if (IS_ERR(src)) {
		ret = PTR_ERR(src);
		goto out_unlock;
	}
	/* same name, or two names of one inode: nothing to do */
	if (nw.ino == ow.ino)
		goto out_unlock;
	ret = logfs_rename_check(fs, src, &nw, &tgt);
	if (!ret)
		ret = logfs_txn_begin(fs, 0);
	if (!ret) {
		/* the checks may have evicted nothing; refetch the dirs */
		ret = logfs_rename_do(fs, &ow, &nw, src, tgt);
	}
out_unlock:
	mutex_unlock(&fs->lock);
	return ret;
}

/** logfs_readlink() - see include/fs/logfs.h */
int logfs_readlink(struct logfs *fs, const char *path, char *buf, u32 len)
{
	struct logfs_inode_info *ii;
	s64 n;

	mutex_lock(&fs->lock);
	ii = logfs_lookup(fs, path, false);
	if (IS_ERR(ii))
		n = PTR_ERR(ii);
	else if (!is_lnk(ii))
		n = -EINVAL;
	else
		n = logfs_file_read(fs, ii, buf, len, 0);
	mutex_unlock(&fs->lock);
	return (int)n;
}

static void logfs_fill_stat(struct logfs *fs, struct logfs_inode_info *ii,
			    struct logfs_stat *st)
{
	u64 count = 0;

	memset(st, 0, sizeof(*st));
	st->ino = ii->ino;
	st->mode = ii->di.mode;
	st->nlink = ii->di.nlink;
	st->uid = ii->di.uid;
	st->gid = ii->di.gid;
	st->size = ii->di.size;
	st->atime_ns = ii->di.atime_ns;
	st->mtime_ns = ii->di.mtime_ns;
	st->ctime_ns = ii->di.ctime_ns;
	if (!logfs_tree_count(fs, &ii->di, ii->ino,
			      DIV_ROUND_UP(ii->di.size, LOGFS_BLOCK_SIZE), &count))
		st->blocks = count * (LOGFS_BLOCK_SIZE / 512);
}

/** logfs_stat() - see include/fs/logfs.h */
int logfs_stat(struct logfs *fs, const char *path, struct logfs_stat *st)
{
	struct logfs_inode_info *ii;
	int ret = 0;

	mutex_lock(&fs->lock);
	ii = logfs_lookup(fs, path, false);
	if (IS_ERR(ii))
		ret = PTR_ERR(ii);
	else
		logfs_fill_stat(fs, ii, st);
	logfs_inode_trim_cache(fs);
	mutex_unlock(&fs->lock);
	return ret;
}

/** logfs_setattr() - see include/fs/logfs.h */
int logfs_setattr(struct logfs *fs, const char *path,
		  const struct logfs_iattr *attr)
{
	struct logfs_inode_info *ii;
	int ret;

	mutex_lock(&fs->lock);
	ii = logfs_lookup(fs, path, true);
	ret = IS_ERR(ii) ? PTR_ERR(ii) : logfs_txn_begin(fs, 0);
	if (ret)
		goto out_unlock;
	if (attr->valid & LOGFS_ATTR_MODE)
		ii->di.mode = (ii->di.mode & LOGFS_S_IFMT) | (attr->mode & 07777);
	if (attr->valid & LOGFS_ATTR_UID)
		ii->di.uid = attr->uid;
	if (attr->valid & LOGFS_ATTR_GID)
		ii->di.gid = attr->gid;
	if (attr->valid & LOGFS_ATTR_ATIME)
		ii->di.atime_ns = attr->atime_ns;
	if (attr->valid & LOGFS_ATTR_MTIME)
		ii->di.mtime_ns = attr->mtime_ns;
	ii->di.ctime_ns = logfs_now(fs);
	logfs_inode_touch(fs, ii);
	ret = logfs_fail(fs, logfs_txn_end(fs, ii));
out_unlock:
	mutex_unlock(&fs->lock);
	return ret;
}

static int logfs_do_truncate(struct logfs *fs, struct logfs_inode_info *ii,
			     u64 size)
{
	int ret;

	if (!is_reg(ii))
		return is_dir(ii) ? -EISDIR : -EINVAL;
	if (size > LOGFS_MAX_FILE_SIZE)
		return -EFBIG;
	ret = logfs_txn_begin(fs, 1);
	if (ret)
		return ret;
	ret = logfs_file_truncate(fs, ii, size);
	if (!ret)
		ret = logfs_txn_end(fs, ii);
	return logfs_fail(fs, ret);
}

/** logfs_truncate() - see include/fs/logfs.h */
int logfs_truncate(struct logfs *fs, const char *path, u64 size)
{
	struct logfs_inode_info *ii;
	int ret;

	mutex_lock(&fs->lock);
	ii = logfs_lookup(fs, path, true);
	ret = IS_ERR(ii) ? PTR_ERR(ii) : logfs_do_truncate(fs, ii, size);
	mutex_unlock(&fs->lock);
	return ret;
}

/** logfs_readdir() - see include/fs/logfs.h */
int logfs_readdir(struct logfs *fs, const char *path, logfs_filldir_t fill,
		  void *ctx)
{
	struct logfs_inode_info *ii;
	int ret;

	mutex_lock(&fs->lock);
	ii = logfs_lookup(fs, path, true);
	if (IS_ERR(ii))
		ret = PTR_ERR(ii);
	else if (!is_dir(ii))
		ret = -ENOTDIR;
	else
		ret = logfs_dir_iterate(fs, ii, fill, ctx);
	logfs_inode_trim_cache(fs);
	mutex_unlock(&fs->lock);
	return ret;
}

static struct logfs_inode_info *logfs_open_inode(struct logfs *fs,
						 const char *path, u32 flags,
						 u32 mode)
{
	struct logfs_inode_info *ii;
	struct logfs_where w;
	int ret;

	ii = logfs_lookup(fs, path, true);
	if (!IS_ERR(ii) || PTR_ERR(ii) != -ENOENT || !(flags & LOGFS_O_CREAT)) {
		if (!IS_ERR(ii) && (flags & LOGFS_O_CREAT) &&
		    (flags & LOGFS_O_EXCL))
			return ERR_PTR(-EEXIST);
		return ii;
	}
	ret = logfs_parent(fs, path, &w);
	if (!ret && w.ino)
		ret = -ENOENT;	/* a dangling symlink: not created through */
	if (ret)
		return ERR_PTR(ret);
	return logfs_create(fs, &w, LOGFS_S_IFREG | (mode & 07777), NULL);
}

/** logfs_open() - see include/fs/logfs.h */
struct logfs_file *logfs_open(struct logfs *fs, const char *path, u32 flags,
			      u32 mode)
{
	struct logfs_inode_info *ii;
	struct logfs_file *f;
	u32 acc = flags & LOGFS_O_ACCMODE;
	int ret = 0;

	if (acc == LOGFS_O_ACCMODE)
		return ERR_PTR(-EINVAL);
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return ERR_PTR(-ENOMEM);
	mutex_lock(&fs->lock);
	ii = logfs_open_inode(fs, path, flags, mode);
	if (IS_ERR(ii))
		ret = PTR_ERR(ii);
	else if (is_dir(ii))
		ret = -EISDIR;
	else if (!is_reg(ii))
		ret = -EINVAL;
	if (!ret && (flags & LOGFS_O_TRUNC) && acc != LOGFS_O_RDONLY &&
	    ii->di.size)
		ret = logfs_do_truncate(fs, ii, 0);
	if (!ret) {
		ii->open_count++;
		f->fs = fs;
		f->ii = ii;
		f->flags = flags;
	}
	mutex_unlock(&fs->lock);
	if (ret) {
		kfree(f);
		return ERR_PTR(ret);
	}
	return f;
}

/** logfs_pread() - see include/fs/logfs.h */
s64 logfs_pread(struct logfs_file *f, void *buf, u64 len, u64 off)
{
	struct logfs *fs = f->fs;
	s64 ret;

	if ((f->flags & LOGFS_O_ACCMODE) == LOGFS_O_WRONLY)
		return -EBADF;
	mutex_lock(&fs->lock);
	ret = f->ii->di.mode ? logfs_file_read(fs, f->ii, buf, len, off) : -ESTALE;
	mutex_unlock(&fs->lock);
	return ret;
}

/** logfs_pwrite() - see include/fs/logfs.h */
s64 logfs_pwrite(struct logfs_file *f, const void *buf, u64 len, u64 off)
{
	struct logfs *fs = f->fs;
	struct logfs_inode_info *ii = f->ii;
	u64 done = 0, n, max = LOGFS_MAX_TXN_BLOCKS * LOGFS_BLOCK_SIZE;
	s64 w;
	int ret = 0;

	if ((f->flags & LOGFS_O_ACCMODE) == LOGFS_O_RDONLY)
		return -EBADF;
	mutex_lock(&fs->lock);
	if (!ii->di.mode)
		ret = -ESTALE;
	if (f->flags & LOGFS_O_APPEND)
		off = ii->di.size;
	if (!ret && (off > LOGFS_MAX_FILE_SIZE || len > LOGFS_MAX_FILE_SIZE - off))
		ret = -EFBIG;
	while (!ret && done < len) {
		n = min(len - done, max - ((off + done) & (LOGFS_BLOCK_SIZE - 1)));
		ret = logfs_txn_begin(fs, (u32)DIV_ROUND_UP(n, LOGFS_BLOCK_SIZE) + 1);
		if (ret)
			break;
		w = logfs_file_write(fs, ii, (const u8 *)buf + done, n, off + done);
		ret = w < 0 ? (int)w : logfs_txn_end(fs, ii);
		logfs_fail(fs, ret);
		if (!ret)
			done += n;
	}
	mutex_unlock(&fs->lock);
	return done ? (s64)done : ret;
}

/** logfs_ftruncate() - see include/fs/logfs.h */
int logfs_ftruncate(struct logfs_file *f, u64 size)
{
	struct logfs *fs = f->fs;
	int ret;

	if ((f->flags & LOGFS_O_ACCMODE) == LOGFS_O_RDONLY)
		return -EBADF;
	mutex_lock(&fs->lock);
	ret = f->ii->di.mode ? logfs_do_truncate(fs, f->ii, size) : -ESTALE;
	mutex_unlock(&fs->lock);
	return ret;
}

/** logfs_fsync() - see include/fs/logfs.h */
int logfs_fsync(struct logfs_file *f)
{
	struct logfs *fs = f->fs;
	int ret;

	mutex_lock(&fs->lock);
	ret = fs->ro ? -EROFS : logfs_log_sync(fs);
	mutex_unlock(&fs->lock);
	return ret;
}

/** logfs_fstat() - see include/fs/logfs.h */
int logfs_fstat(struct logfs_file *f, struct logfs_stat *st)
{
	struct logfs *fs = f->fs;

	mutex_lock(&fs->lock);
	logfs_fill_stat(fs, f->ii, st);
	mutex_unlock(&fs->lock);
	return f->ii->di.mode ? 0 : -ESTALE;
}

/** logfs_close() - see include/fs/logfs.h */
int logfs_close(struct logfs_file *f)
{
	struct logfs *fs = f->fs;
	struct logfs_inode_info *ii = f->ii;
	int ret = 0;

	mutex_lock(&fs->lock);
	ii->open_count--;
	if (!ii->open_count && ii->di.mode && !ii->di.nlink && !fs->ro)
		ret = logfs_orphan_release(fs, ii);
	logfs_inode_trim_cache(fs);
	mutex_unlock(&fs->lock);
	kfree(f);
	return ret;
}
