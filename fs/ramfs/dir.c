// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs directories and symlinks: names kept in a list per directory (in
 * readdir-cookie order, so a reader's position survives insertions and
 * removals), link counts, rename with replacement, symlink targets.
 *
 * Layer: a filesystem under the VFS.  Locking: called with the
 * directory's inode lock held (both, for rename) and the victim's; see
 * include/fs/fs.h.  Knows nothing of the dcache or of paths.
 */
#include "internal.h"
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/string.h>

static struct ramfs_dirent *find(struct inode *dir, const struct qstr *name)
{
	struct ramfs_dirent *de;

	list_for_each_entry(de, &RI(dir)->entries, node)
		if (qstr_eq(name, de->name, de->len))
			return de;
	return NULL;
}

static struct ramfs_dirent *dirent_alloc(const struct qstr *name, struct inode *inode)
{
	struct ramfs_dirent *de = kmalloc(sizeof(*de) + name->len + 1, GFP_KERNEL);

	if (!de)
		return NULL;
	de->inode = inode;
	de->len = name->len;
	memcpy(de->name, name->name, name->len);
	de->name[name->len] = '\0';
	return de;
}

static void dirent_add(struct inode *dir, struct ramfs_dirent *de)
{
	struct ramfs_inode *ri = RI(dir);

	de->cookie = ri->next_cookie++;
	list_add_tail(&de->node, &ri->entries);
	ri->nentries++;
	inode_touch(dir);
}

static void dirent_del(struct inode *dir, struct ramfs_dirent *de)
{
	list_del(&de->node);
	RI(dir)->nentries--;
	inode_touch(dir);
}

static int ramfs_lookup(struct inode *dir, const struct qstr *name, struct inode **out)
{
	struct ramfs_dirent *de = find(dir, name);

	if (!de)
		return -ENOENT;
	ihold(de->inode);
	*out = de->inode;
	return 0;
}

/* Link a new inode of @mode under @name; *@out gets a second reference. */
static int make_node(struct inode *dir, const struct qstr *name, u32 mode,
		     struct inode **out)
{
	struct ramfs_dirent *de;
	struct inode *inode;

	inode = ramfs_new_inode(dir->sb, mode);
	if (!inode)
		return -ENOSPC;
	de = dirent_alloc(name, inode);
	if (!de) {
		iput(inode);
		return -ENOSPC;
	}
	if (S_ISDIR(mode)) {
		RI(inode)->parent_ino = dir->ino;
		dir->nlink++;
	}
	dirent_add(dir, de);		/* the dirent keeps new_inode()'s reference */
	ihold(inode);
	*out = inode;
	return 0;
}

static int ramfs_create(struct inode *dir, const struct qstr *name, u32 mode,
			struct inode **out)
{
	return make_node(dir, name, mode, out);
}

static int ramfs_symlink(struct inode *dir, const struct qstr *name,
			 const char *target, struct inode **out)
{
	size_t len = strlen(target);
	char *copy = kmalloc(len + 1, GFP_KERNEL);
	int ret;

	if (!copy)
		return -ENOSPC;
	memcpy(copy, target, len + 1);
	ret = make_node(dir, name, S_IFLNK | 0777, out);
	if (ret) {
		kfree(copy);
		return ret;
	}
	RI(*out)->target = copy;
	(*out)->size = len;
	return 0;
}

static int ramfs_link(struct inode *old, struct inode *dir, const struct qstr *name)
{
	struct ramfs_dirent *de;

	if (!old->nlink)
		return -ENOENT;		/* unlinked while open */
	de = dirent_alloc(name, old);
	if (!de)
		return -ENOSPC;
	ihold(old);
	old->nlink++;
	old->ctime = vfs_now();
	dirent_add(dir, de);
	return 0;
}

/* Remove @de from @dir and drop the link it held. */
static void drop_link(struct inode *dir, struct ramfs_dirent *de)
{
	struct inode *victim = de->inode;

	dirent_del(dir, de);
	if (S_ISDIR(victim->mode)) {
		victim->nlink = 0;
		dir->nlink--;
	} else {
		victim->nlink--;
	}
	victim->ctime = vfs_now();
	kfree(de);
	iput(victim);		/* the VFS still holds a reference */
}

static int ramfs_unlink(struct inode *dir, const struct qstr *name, struct inode *victim)
{
	struct ramfs_dirent *de = find(dir, name);

	if (!de || de->inode != victim)
		return -ENOENT;
	drop_link(dir, de);
	return 0;
}

static int ramfs_rmdir(struct inode *dir, const struct qstr *name, struct inode *victim)
{
	struct ramfs_dirent *de = find(dir, name);

	if (!de || de->inode != victim)
		return -ENOENT;
	if (RI(victim)->nentries)
		return -ENOTEMPTY;
	drop_link(dir, de);
	return 0;
}

static int ramfs_rename(struct inode *odir, const struct qstr *oname,
			struct inode *ndir, const struct qstr *nname,
			struct inode *moved, struct inode *victim)
{
	struct ramfs_dirent *de = find(odir, oname), *vde = NULL, *nde;

	if (!de || de->inode != moved)
		return -ENOENT;
	if (victim) {
		vde = find(ndir, nname);
		if (!vde || vde->inode != victim)
			return -ENOENT;
		if (S_ISDIR(victim->mode) && RI(victim)->nentries)
			return -ENOTEMPTY;
	}
	nde = dirent_alloc(nname, moved);	/* before anything changes */
	if (!nde)
		return -ENOSPC;
	if (vde)
		drop_link(ndir, vde);
	dirent_del(odir, de);
	kfree(de);
	dirent_add(ndir, nde);
	if (S_ISDIR(moved->mode) && odir != ndir) {
		odir->nlink--;
		ndir->nlink++;
		RI(moved)->parent_ino = ndir->ino;
	}
	moved->ctime = vfs_now();
	return 0;
}

static int ramfs_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->inode;
	struct ramfs_dirent *de;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dir->ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, RI(dir)->parent_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	list_for_each_entry(de, &RI(dir)->entries, node) {
		if (de->cookie < ctx->pos)
			continue;
		if (!dir_emit(ctx, de->name, de->len, de->inode->ino,
			      mode_to_dt(de->inode->mode)))
			return 0;
		ctx->pos = de->cookie + 1;
	}
	return 0;
}

static int ramfs_readlink(struct inode *inode, char *buf, size_t len)
{
	const char *t = RI(inode)->target;
	size_t n = t ? strlen(t) : 0;

	memcpy(buf, t, min(n, len));
	return n;
}

const struct inode_operations ramfs_dir_iops = {
	.lookup = ramfs_lookup,
	.create = ramfs_create,
	.mkdir = ramfs_create,
	.symlink = ramfs_symlink,
	.link = ramfs_link,
	.unlink = ramfs_unlink,
	.rmdir = ramfs_rmdir,
	.rename = ramfs_rename,
};

const struct inode_operations ramfs_symlink_iops = {
	.readlink = ramfs_readlink,
};

const struct file_operations ramfs_dir_fops = {
	.iterate = ramfs_iterate,
};
