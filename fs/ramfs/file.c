// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs regular files: data in a sparse array of 4 KiB pages from the
 * page allocator.  A hole (a NULL slot, or anything past the written
 * pages) reads as zeroes; truncate frees the pages beyond the new end and
 * zeroes the tail of the last one.
 *
 * Layer: a filesystem under the VFS.  Locking: the VFS holds the inode
 * lock around read, write and setsize.  Knows nothing of descriptors
 * (the offset comes in @pos).
 */
#include "internal.h"
#include <kernel/errno.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <mm/page_alloc.h>

/**
 * ramfs_free_pages() - free the data pages from index @from on
 * @inode: a regular file, locked (or being evicted)
 */
void ramfs_free_pages(struct inode *inode, u32 from)
{
	struct ramfs_inode *ri = RI(inode);
	struct ramfs_sb *rs = inode->sb->fs_info;

	for (u32 i = from; i < ri->npages; i++) {
		if (!ri->pages[i])
			continue;
		free_pages_addr(ri->pages[i], 0);
		ri->pages[i] = NULL;
		__atomic_sub_fetch(&rs->pages_used, 1, __ATOMIC_SEQ_CST);
		inode->blocks -= RAMFS_PAGE_SIZE / 512;
	}
}

/* Make room for page index @idx in the slot array. */
static int grow_slots(struct ramfs_inode *ri, u32 idx)
{
	u32 n = ri->npages ? ri->npages : 4;
	u8 **slots;

	if (idx >= RAMFS_MAX_PAGES)
		return -EFBIG;
	if (idx < ri->npages)
		return 0;
	while (n <= idx)
		n *= 2;
	if (n > RAMFS_MAX_PAGES)
		n = RAMFS_MAX_PAGES;
	slots = kcalloc(n, sizeof(*slots), GFP_KERNEL);
	if (!slots)
		return -ENOSPC;
	if (ri->pages)
		memcpy(slots, ri->pages, ri->npages * sizeof(*slots));
	kfree(ri->pages);
	ri->pages = slots;
	ri->npages = n;
	return 0;
}

static u8 *page_for_write(struct inode *inode, u32 idx, int *err)
{
	struct ramfs_inode *ri = RI(inode);
	struct ramfs_sb *rs = inode->sb->fs_info;
	u8 *page;

	*err = grow_slots(ri, idx);
	if (*err)
		return NULL;
	if (ri->pages[idx])
		return ri->pages[idx];
	page = get_free_pages(GFP_KERNEL, 0);
	if (!page) {
		*err = -ENOSPC;
		return NULL;
	}
	memset(page, 0, RAMFS_PAGE_SIZE);
	ri->pages[idx] = page;
	__atomic_add_fetch(&rs->pages_used, 1, __ATOMIC_SEQ_CST);
	inode->blocks += RAMFS_PAGE_SIZE / 512;
	return page;
}

static ssize_t ramfs_read(struct file *file, void *buf, size_t len, u64 *pos)
{
	struct inode *inode = file->inode;
	struct ramfs_inode *ri = RI(inode);
	size_t done = 0;

	if (*pos >= inode->size)
		return 0;
	len = min((u64)len, inode->size - *pos);
	while (done < len) {
		u64 p = *pos + done;
		u32 idx = p / RAMFS_PAGE_SIZE, off = p % RAMFS_PAGE_SIZE;
		size_t n = min((size_t)(RAMFS_PAGE_SIZE - off), len - done);

		if (idx < ri->npages && ri->pages[idx])
			memcpy((u8 *)buf + done, ri->pages[idx] + off, n);
		else
			memset((u8 *)buf + done, 0, n);
		done += n;
	}
	*pos += done;
	inode->atime = vfs_now();
	return done;
}

static ssize_t ramfs_write(struct file *file, const void *buf, size_t len, u64 *pos)
{
	struct inode *inode = file->inode;
	size_t done = 0;
	int err = 0;

	if (*pos + len > (u64)RAMFS_MAX_PAGES * RAMFS_PAGE_SIZE)
		return -EFBIG;
	while (done < len) {
		u64 p = *pos + done;
		u32 idx = p / RAMFS_PAGE_SIZE, off = p % RAMFS_PAGE_SIZE;
		size_t n = min((size_t)(RAMFS_PAGE_SIZE - off), len - done);
		u8 *page = page_for_write(inode, idx, &err);

		if (!page)
			break;
		memcpy(page + off, (const u8 *)buf + done, n);
		done += n;
	}
	if (!done)
		return err;
	*pos += done;
	if (*pos > inode->size)
		inode->size = *pos;
	inode_touch(inode);
	return done;		/* short on -ENOSPC, like a full disk */
}

/**
 * ramfs_setsize() - truncate or extend (with a hole) a regular file
 * @inode: locked
 * Return: 0 or -EFBIG.
 */
int ramfs_setsize(struct inode *inode, u64 size)
{
	struct ramfs_inode *ri = RI(inode);
	u32 keep = DIV_ROUND_UP(size, RAMFS_PAGE_SIZE);
	u32 off = size % RAMFS_PAGE_SIZE;

	if (size > (u64)RAMFS_MAX_PAGES * RAMFS_PAGE_SIZE)
		return -EFBIG;
	if (size < inode->size) {
		ramfs_free_pages(inode, keep);
		/* Zero the tail of the last page so a later extension reads zeroes. */
		if (off && keep - 1 < ri->npages && ri->pages[keep - 1])
			memset(ri->pages[keep - 1] + off, 0, RAMFS_PAGE_SIZE - off);
	}
	inode->size = size;
	inode_touch(inode);
	return 0;
}

const struct inode_operations ramfs_file_iops = {
	.setsize = ramfs_setsize,
};

const struct file_operations ramfs_file_fops = {
	.read = ramfs_read,
	.write = ramfs_write,
};
