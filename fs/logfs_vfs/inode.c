// SPDX-License-Identifier: GPL-2.0
/*
 * LogFS inodes under the VFS: the path each VFS inode stands for, kept
 * right across renames and hard links; attributes from logfs_stat();
 * directory operations (lookup, create, mkdir, symlink, link, unlink,
 * rmdir, rename, readdir, readlink) mapped onto LogFS's path calls.
 *
 * Layer: filesystem adapter between the VFS and fs/logfs.  Locking: the
 * VFS's inode locks; paths_lock (mutex) for the stored paths; LogFS takes
 * its own mutex in every call.  Knows nothing of the log format.
 */
#include "internal.h"
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/string.h>

static const struct inode_operations lgv_dir_iops;
static const struct inode_operations lgv_link_iops;
static const struct file_operations lgv_dir_fops;

static char *join(const char *dir, const char *name, u32 len)
{
	size_t dl = strlen(dir);
	char *p = kmalloc(dl + len + 2, GFP_KERNEL);

	if (!p)
		return NULL;
	memcpy(p, dir, dl);
	if (dl != 1)			/* not "/" */
		p[dl++] = '/';
	memcpy(p + dl, name, len);
	p[dl + len] = '\0';
	return p;
}

static struct lgv_alias *alias_new(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	struct lgv_alias *al = kmalloc(sizeof(*al) + la + lb + 1, GFP_KERNEL);

	if (!al)
		return NULL;
	memcpy(al->path, a, la);
	memcpy(al->path + la, b, lb + 1);
	return al;
}

static struct lgv_alias *alias_find(struct lgv_inode *li, const char *path)
{
	struct lgv_alias *al;

	list_for_each_entry(al, &li->aliases, node)
		if (!strcmp(al->path, path))
			return al;
	return NULL;
}

/**
 * lgv_path() - a copy of a path @inode is known by
 * @out: the copy (kfree it)
 * Return: 0, -ENOMEM, or -ENOENT (every known name was removed).
 */
int lgv_path(struct inode *inode, char **out)
{
	struct lgv_inode *li = inode->priv;
	struct lgv_alias *al;
	int ret = -ENOENT;

	mutex_lock(&LGV(inode->sb)->paths_lock);
	if (!list_empty(&li->aliases)) {
		al = list_first_entry(&li->aliases, struct lgv_alias, node);
		*out = kmalloc(strlen(al->path) + 1, GFP_KERNEL);
		ret = *out ? 0 : -ENOMEM;
		if (*out)
			strcpy(*out, al->path);
	}
	mutex_unlock(&LGV(inode->sb)->paths_lock);
	return ret;
}

/**
 * lgv_child_path() - "<dir's path>/<name>" (kfree it), or NULL
 */
char *lgv_child_path(struct inode *dir, const struct qstr *name)
{
	char *dpath, *p;

	if (lgv_path(dir, &dpath))
		return NULL;
	p = join(dpath, name->name, name->len);
	kfree(dpath);
	return p;
}

/**
 * lgv_add_alias() - @inode is also known as @path
 * Return: 0 or -ENOMEM.
 */
int lgv_add_alias(struct inode *inode, const char *path)
{
	struct lgv_inode *li = inode->priv;
	struct lgv_alias *al = alias_new(path, "");

	if (!al)
		return -ENOMEM;
	mutex_lock(&LGV(inode->sb)->paths_lock);
	if (alias_find(li, path)) {
		kfree(al);
	} else {
		list_add(&al->node, &li->aliases);	/* the newest name first */
	}
	mutex_unlock(&LGV(inode->sb)->paths_lock);
	return 0;
}

/**
 * lgv_drop_alias() - @path no longer names @inode
 */
void lgv_drop_alias(struct inode *inode, const char *path)
{
	struct lgv_inode *li = inode->priv;
	struct lgv_alias *al;

	mutex_lock(&LGV(inode->sb)->paths_lock);
	al = alias_find(li, path);
	if (al)
		list_del(&al->node);
	mutex_unlock(&LGV(inode->sb)->paths_lock);
	kfree(al);
}

/**
 * lgv_move_paths() - after a rename of @from to @to, re-point every path
 * at or below @from
 */
void lgv_move_paths(struct super_block *sb, const char *from, const char *to)
{
	struct lgv_sb *ls = LGV(sb);
	size_t fl = strlen(from);
	struct lgv_alias *al, *tmp, *np;
	struct lgv_inode *li;

	mutex_lock(&ls->paths_lock);
	list_for_each_entry(li, &ls->inodes, node) {
		list_for_each_entry_safe(al, tmp, &li->aliases, node) {
			if (strncmp(al->path, from, fl) ||
			    (al->path[fl] && al->path[fl] != '/'))
				continue;
			np = alias_new(to, al->path + fl);	/* "" or "/rest" */
			list_del(&al->node);
			kfree(al);
			if (np)		/* else forgotten: a lookup learns it again */
				list_add_tail(&np->node, &li->aliases);
		}
	}
	mutex_unlock(&ls->paths_lock);
}

static void fill(struct inode *inode, const struct logfs_stat *st)
{
	inode->mode = st->mode;
	inode->nlink = st->nlink;
	inode->uid = st->uid;
	inode->gid = st->gid;
	inode->size = st->size;
	inode->blocks = st->blocks;
	inode->atime = st->atime_ns / 1000000000;
	inode->mtime = st->mtime_ns / 1000000000;
	inode->ctime = st->ctime_ns / 1000000000;
}

/**
 * lgv_refresh() - re-read @inode's attributes (after a change)
 */
void lgv_refresh(struct inode *inode)
{
	struct logfs_stat st;
	char *path;

	if (lgv_path(inode, &path))
		return;
	if (!logfs_stat(LGV(inode->sb)->fs, path, &st) && st.ino == inode->ino)
		fill(inode, &st);
	kfree(path);
}

/**
 * lgv_iget() - the VFS inode for the LogFS file at @path
 * @err: out: -ENOMEM or logfs_stat()'s error
 * Return: a referenced inode or NULL.
 */
struct inode *lgv_iget(struct super_block *sb, const char *path, int *err)
{
	struct lgv_sb *ls = LGV(sb);
	struct logfs_stat st;
	struct lgv_inode *li;
	struct inode *inode;
	bool is_new;

	*err = logfs_stat(ls->fs, path, &st);
	if (*err)
		return NULL;
	inode = iget(sb, st.ino, &is_new);
	if (!inode) {
		*err = -ENOMEM;
		return NULL;
	}
	if (!is_new) {
		*err = lgv_add_alias(inode, path);	/* maybe another hard link */
		if (*err) {
			iput(inode);
			return NULL;
		}
		return inode;
	}
	li = kzalloc(sizeof(*li), GFP_KERNEL);
	if (!li) {
		*err = -ENOMEM;
		iget_failed(inode);
		return NULL;
	}
	INIT_LIST_HEAD(&li->aliases);
	fill(inode, &st);
	inode->priv = li;
	*err = lgv_add_alias(inode, path);
	if (*err) {
		inode->priv = NULL;
		kfree(li);
		iget_failed(inode);
		return NULL;
	}
	if (S_ISDIR(st.mode)) {
		inode->i_op = &lgv_dir_iops;
		inode->i_fop = &lgv_dir_fops;
	} else if (S_ISLNK(st.mode)) {
		inode->i_op = &lgv_link_iops;
	} else {
		inode->i_op = &lgv_file_iops;
		inode->i_fop = &lgv_file_fops;
	}
	mutex_lock(&ls->paths_lock);
	list_add(&li->node, &ls->inodes);
	mutex_unlock(&ls->paths_lock);
	unlock_new_inode(inode);
	return inode;
}

/**
 * lgv_evict() - forget @inode's path
 */
void lgv_evict(struct inode *inode)
{
	struct lgv_inode *li = inode->priv;
	struct lgv_alias *al, *tmp;

	if (!li)
		return;

	mutex_lock(&LGV(inode->sb)->paths_lock);
	list_del(&li->node);
	mutex_unlock(&LGV(inode->sb)->paths_lock);
	list_for_each_entry_safe(al, tmp, &li->aliases, node)
		kfree(al);
	kfree(li);
}

static int lgv_lookup(struct inode *dir, const struct qstr *name, struct inode **out)
{
	char *path = lgv_child_path(dir, name);
	int ret;

	if (!path)
		return -ENOMEM;
	*out = lgv_iget(dir->sb, path, &ret);
	kfree(path);
	return *out ? 0 : ret;
}

/* Make a name with @make, then hand back its inode. */
static int make_node(struct inode *dir, const struct qstr *name, struct inode **out,
		     int (*make)(struct logfs *fs, const char *path, const void *arg),
		     const void *arg)
{
	char *path = lgv_child_path(dir, name);
	int ret;

	if (!path)
		return -ENOMEM;
	ret = make(LGV(dir->sb)->fs, path, arg);
	if (!ret) {
		*out = lgv_iget(dir->sb, path, &ret);
		lgv_refresh(dir);
	}
	kfree(path);
	return ret;
}

static int make_file(struct logfs *fs, const char *path, const void *arg)
{
	struct logfs_file *f = logfs_open(fs, path, LOGFS_O_CREAT | LOGFS_O_EXCL |
					  LOGFS_O_WRONLY, *(const u32 *)arg & 07777);

	if (IS_ERR(f))
		return PTR_ERR(f);
	return logfs_close(f);
}

static int make_dir(struct logfs *fs, const char *path, const void *arg)
{
	return logfs_mkdir(fs, path, *(const u32 *)arg & 07777);
}

static int make_link(struct logfs *fs, const char *path, const void *arg)
{
	return logfs_symlink(fs, arg, path);
}

static int lgv_create(struct inode *dir, const struct qstr *name, u32 mode,
		      struct inode **out)
{
	return make_node(dir, name, out, make_file, &mode);
}

static int lgv_mkdir(struct inode *dir, const struct qstr *name, u32 mode,
		     struct inode **out)
{
	return make_node(dir, name, out, make_dir, &mode);
}

static int lgv_symlink(struct inode *dir, const struct qstr *name, const char *target,
		       struct inode **out)
{
	return make_node(dir, name, out, make_link, target);
}

static int lgv_link(struct inode *old, struct inode *dir, const struct qstr *name)
{
	char *from = NULL, *to = lgv_child_path(dir, name);
	int ret = to ? lgv_path(old, &from) : -ENOMEM;

	if (!ret)
		ret = logfs_link(LGV(dir->sb)->fs, from, to);
	if (!ret) {
		old->nlink++;
		lgv_add_alias(old, to);	/* out of memory: a lookup learns it */
		lgv_refresh(dir);
	}
	kfree(from);
	kfree(to);
	return ret;
}

static int remove_name(struct inode *dir, const struct qstr *name, struct inode *victim,
		       bool is_dir)
{
	char *path = lgv_child_path(dir, name);
	int ret;

	if (!path)
		return -ENOMEM;
	ret = is_dir ? logfs_rmdir(LGV(dir->sb)->fs, path) :
		       logfs_unlink(LGV(dir->sb)->fs, path);
	if (!ret) {
		victim->nlink = is_dir ? 0 : victim->nlink - 1;
		lgv_drop_alias(victim, path);
		lgv_refresh(dir);
	}
	kfree(path);
	return ret;
}

static int lgv_unlink(struct inode *dir, const struct qstr *name, struct inode *victim)
{
	return remove_name(dir, name, victim, false);
}

static int lgv_rmdir(struct inode *dir, const struct qstr *name, struct inode *victim)
{
	return remove_name(dir, name, victim, true);
}

static int lgv_rename(struct inode *odir, const struct qstr *oname,
		      struct inode *ndir, const struct qstr *nname,
		      struct inode *moved, struct inode *victim)
{
	char *from = lgv_child_path(odir, oname), *to = lgv_child_path(ndir, nname);
	int ret = -ENOMEM;

	if (from && to)
		ret = logfs_rename(LGV(odir->sb)->fs, from, to);
	if (!ret) {
		if (victim) {
			victim->nlink = S_ISDIR(victim->mode) ? 0 : victim->nlink - 1;
			lgv_drop_alias(victim, to);
		}
		lgv_move_paths(odir->sb, from, to);
		lgv_refresh(odir);
		lgv_refresh(ndir);
	}
	kfree(from);
	kfree(to);
	return ret;
}

static int lgv_readlink(struct inode *inode, char *buf, size_t len)
{
	char *path;
	int ret = lgv_path(inode, &path);

	if (ret)
		return ret;
	ret = logfs_readlink(LGV(inode->sb)->fs, path, buf, len);
	kfree(path);
	return ret;
}

struct fill_ctx {
	struct dir_context *ctx;
	u64 index;
};

static int fill_one(void *arg, const char *name, u32 len, u32 ino, u32 type)
{
	struct fill_ctx *fc = arg;

	if (fc->index++ < fc->ctx->pos)
		return 0;
	if (!dir_emit(fc->ctx, name, len, ino, mode_to_dt(type << 12)))
		return 1;
	fc->ctx->pos = fc->index;
	return 0;
}

/* Positions: 0 ".", 1 "..", then 2 + the entry's index in LogFS's order. */
static int lgv_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->inode;
	struct fill_ctx fc = { .ctx = ctx, .index = 2 };
	char *path;
	int ret;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dir->ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, dir->ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	ret = lgv_path(dir, &path);
	if (ret)
		return ret;
	ret = logfs_readdir(LGV(dir->sb)->fs, path, fill_one, &fc);
	kfree(path);
	return ret < 0 ? ret : 0;
}

static const struct inode_operations lgv_dir_iops = {
	.lookup = lgv_lookup,
	.create = lgv_create,
	.mkdir = lgv_mkdir,
	.symlink = lgv_symlink,
	.link = lgv_link,
	.unlink = lgv_unlink,
	.rmdir = lgv_rmdir,
	.rename = lgv_rename,
};

static const struct inode_operations lgv_link_iops = {
	.readlink = lgv_readlink,
};

static const struct file_operations lgv_dir_fops = {
	.iterate = lgv_iterate,
};
