/* SPDX-License-Identifier: GPL-2.0 */
/* Private to devfs: the node registry shared by its files. */
#ifndef FS_DEVFS_INTERNAL_H
#define FS_DEVFS_INTERNAL_H

#include <fs/devfs.h>
#include <fs/fs.h>
#include <kernel/list.h>

struct devfs_node {
	struct list_head node;		/* on the registry, in ino order */
	char name[DEVFS_NAME_LEN];
	u32 mode;
	u32 ino;
	int refs;			/* devfs_lock: registry + inodes */
	int active;			/* devfs_lock: I/Os in the driver */
	bool gone;			/* unregistered */
	int claims;			/* devfs_lock: shared claims */
	bool claimed_excl;		/* devfs_lock: an exclusive claim */
	const struct devfs_char_ops *ops;
	const struct devfs_blk_ops *blk_ops;	/* block nodes; may be NULL */
	void *priv;
	struct blkio *bio;
};

/* What a block node file holds, in file->private_data (devfs_lock). */
#define DEVFS_CLAIM_NONE	0UL
#define DEVFS_CLAIM_SHARED	1UL
#define DEVFS_CLAIM_EXCL	2UL

#define DEVFS_ROOT_INO 1

/* registry.c */
struct devfs_node *devfs_node_find(const char *name, u32 len);
struct devfs_node *devfs_node_next(u64 from_ino);
void devfs_node_put(struct devfs_node *n);
bool devfs_node_enter(struct devfs_node *n);
bool devfs_node_gone(struct devfs_node *n);
void devfs_node_exit(struct devfs_node *n);
int devfs_node_claim(struct devfs_node *n, struct file *file, bool excl);
unsigned long devfs_node_unclaim(struct devfs_node *n, struct file *file);

/* file.c */
extern const struct file_operations devfs_char_fops;
extern const struct file_operations devfs_blk_fops;

/* super.c */
extern struct fs_type devfs_type;
void devfs_refresh_size(struct inode *inode);

#endif
