// SPDX-License-Identifier: GPL-2.0
/*
 * Character nodes for MTD devices, /dev/mtd0, /dev/mtd1 ... numbered in
 * registration order like Linux's: mtd_device_register() calls
 * devfs_add_mtd() for every device and partition, and the device's
 * release drops the node.
 *
 * read() and write() work at the file offset (sequentially: character
 * nodes do not seek); write() programs, so the range must be erased.
 * There is no erase ioctl yet.
 *
 * Layer: devfs, over include/mtd/mtd.h.  Locking: mtd_nodes_lock (mutex)
 * protects the name table; I/O runs unlocked, bracketed by the registry's
 * enter/exit.
 */
#define pr_fmt(fmt) "devfs: " fmt
#include "internal.h"
#include <kernel/errno.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <mtd/mtd.h>

struct mtd_node {
	struct list_head node;
	struct mtd_info *mtd;
	char name[DEVFS_NAME_LEN];
};

static LIST_HEAD(mtd_nodes);
static DEFINE_MUTEX(mtd_nodes_lock);
static int mtd_next_index;		/* mtd_nodes_lock */

static ssize_t mtd_node_read(void *priv, void *buf, size_t len, u64 *pos)
{
	struct mtd_info *mtd = priv;
	int ret;

	if (*pos >= mtd->size)
		return 0;
	len = min((u64)len, mtd->size - *pos);
	ret = mtd_read(mtd, *pos, len, buf);
	if (ret && ret != -EUCLEAN)	/* corrected bit flips: the data is good */
		return ret;
	*pos += len;
	return len;
}

static ssize_t mtd_node_write(void *priv, const void *buf, size_t len, u64 *pos)
{
	struct mtd_info *mtd = priv;
	int ret;

	if (*pos >= mtd->size)
		return -ENOSPC;
	len = min((u64)len, mtd->size - *pos);
	ret = mtd_write(mtd, *pos, len, buf);
	if (ret)
		return ret;
	*pos += len;
	return len;
}

static const struct devfs_char_ops mtd_node_ops = {
	.read = mtd_node_read,
	.write = mtd_node_write,
};

/**
 * devfs_add_mtd() - /dev/mtdN for @mtd, N counting registrations from 0
 * Return: 0, -ENOMEM, or devfs_register_char()'s error.
 */
int devfs_add_mtd(struct mtd_info *mtd)
{
	struct mtd_node *n = kzalloc(sizeof(*n), GFP_KERNEL);
	int ret;

	if (!n)
		return -ENOMEM;
	n->mtd = mtd;
	mutex_lock(&mtd_nodes_lock);
	snprintf(n->name, sizeof(n->name), "mtd%d", mtd_next_index);
	ret = devfs_register_char(n->name, &mtd_node_ops, mtd);
	if (!ret) {
		mtd_next_index++;
		list_add_tail(&n->node, &mtd_nodes);
	}
	mutex_unlock(&mtd_nodes_lock);
	if (ret)
		kfree(n);
	else
		pr_info("%s: /dev/%s", mtd->name, n->name);
	return ret;
}

/**
 * devfs_remove_mtd() - drop @mtd's node (open files then get -ENODEV);
 * nothing happens when it has none
 */
void devfs_remove_mtd(struct mtd_info *mtd)
{
	struct mtd_node *n, *found = NULL;

	mutex_lock(&mtd_nodes_lock);
	list_for_each_entry(n, &mtd_nodes, node) {
		if (n->mtd == mtd) {
			found = n;
			list_del(&n->node);
			break;
		}
	}
	mutex_unlock(&mtd_nodes_lock);
	if (!found)
		return;
	devfs_unregister(found->name);
	kfree(found);
}
