// SPDX-License-Identifier: GPL-2.0
/*
 * ext2 mount: superblock and group descriptors, checked before use.
 *
 * Layer: filesystem over a struct blkio; read-only.  Everything in the
 * superblock and the group descriptors that later code relies on (block
 * size, counts, inode size, inode table locations) is validated here so
 * that inode.c and dir.c can trust it.  Locking: ext2_mount() builds a
 * private struct; afterwards fs->lock guards the scratch buffers.
 * Knows nothing about cloop or the VFS.
 */
#define pr_fmt(fmt) "ext2: " fmt
#include "internal.h"

/**
 * ext2_read_block() - read one filesystem block
 * @fs: filesystem
 * @block: block number, checked against the block count
 * @buf: block_size bytes
 *
 * Return: 0, -EUCLEAN for a block outside the filesystem, or the device's
 * error.
 */
int ext2_read_block(struct ext2_fs *fs, u32 block, void *buf)
{
	u32 per = fs->block_size / fs->bio->sector_size;

	if (block >= fs->blocks_count) {
		pr_err("block %u beyond the end (%u blocks)\n", block,
		       fs->blocks_count);
		return -EUCLEAN;
	}
	return fs->bio->read(fs->bio, (u64)block * per, buf, per);
}

static int ext2_check_super(struct ext2_fs *fs, const u8 *sb)
{
	u32 log = get_le32(sb + SB_LOG_BLOCK_SIZE);
	u32 rev = get_le32(sb + SB_REV_LEVEL);
	u32 incompat = rev ? get_le32(sb + SB_FEATURE_INCOMPAT) : 0;

	if (get_le16(sb + SB_MAGIC) != EXT2_SUPER_MAGIC) {
		pr_err("bad magic\n");
		return -EINVAL;
	}
	if (incompat & ~EXT2_FEATURE_INCOMPAT_FILETYPE) {
		pr_err("unsupported incompatible features 0x%x\n", incompat);
		return -EINVAL;
	}
	if (log > 6)
		goto out_corrupt;
	fs->block_size = 1024u << log;
	fs->filetype = incompat & EXT2_FEATURE_INCOMPAT_FILETYPE;
	fs->blocks_count = get_le32(sb + SB_BLOCKS_COUNT);
	fs->inodes_count = get_le32(sb + SB_INODES_COUNT);
	fs->first_data_block = get_le32(sb + SB_FIRST_DATA_BLOCK);
	fs->blocks_per_group = get_le32(sb + SB_BLOCKS_PER_GROUP);
	fs->inodes_per_group = get_le32(sb + SB_INODES_PER_GROUP);
	fs->inode_size = rev ? get_le16(sb + SB_INODE_SIZE) :
		EXT2_GOOD_OLD_INODE_SIZE;
	if (fs->inode_size < EXT2_GOOD_OLD_INODE_SIZE ||
	    !is_power_of_2(fs->inode_size) || fs->inode_size > fs->block_size)
		goto out_corrupt;
	if (fs->first_data_block != (fs->block_size == 1024 ? 1u : 0u) ||
	    fs->blocks_count <= fs->first_data_block)
		goto out_corrupt;
	if (!fs->blocks_per_group || fs->blocks_per_group > fs->block_size * 8 ||
	    !fs->inodes_per_group || fs->inodes_per_group > fs->block_size * 8)
		goto out_corrupt;
	fs->groups = DIV_ROUND_UP(fs->blocks_count - fs->first_data_block,
				  fs->blocks_per_group);
	if ((u64)fs->groups * fs->inodes_per_group < fs->inodes_count ||
	    fs->inodes_count < EXT2_ROOT_INO)
		goto out_corrupt;
	if (fs->block_size < fs->bio->sector_size) {
		pr_err("block size %u below the device sector size\n",
		       fs->block_size);
		return -EINVAL;
	}
	return 0;
out_corrupt:
	pr_err("corrupt superblock\n");
	return -EUCLEAN;
}

static int ext2_load_groups(struct ext2_fs *fs)
{
	u32 per_block = fs->block_size / GD_SIZE, g;
	u64 itb = DIV_ROUND_UP((u64)fs->inodes_per_group * fs->inode_size,
			       (u64)fs->block_size);
	int ret;

	fs->inode_tables = kcalloc(fs->groups, sizeof(u32), GFP_KERNEL);
	if (!fs->inode_tables)
		return -ENOMEM;
	for (g = 0; g < fs->groups; g++) {
		const u8 *gd = fs->buf + (g % per_block) * GD_SIZE;
		u32 table;

		if (g % per_block == 0) {
			ret = ext2_read_block(fs, fs->first_data_block + 1 +
					      g / per_block, fs->buf);
			if (ret)
				return ret;
		}
		table = get_le32(gd + GD_INODE_TABLE);
		if (table <= fs->first_data_block || table >= fs->blocks_count ||
		    itb > fs->blocks_count - table) {
			pr_err("group %u: bad inode table %u\n", g, table);
			return -EUCLEAN;
		}
		fs->inode_tables[g] = table;
	}
	return 0;
}

static void ext2_free(struct ext2_fs *fs)
{
	int i;

	for (i = 0; i < 3; i++)
		kfree(fs->ibuf[i]);
	kfree(fs->buf);
	kfree(fs->inode_tables);
	kfree(fs);
}

static int ext2_alloc_buffers(struct ext2_fs *fs)
{
	int i;

	fs->buf = kmalloc(fs->block_size, GFP_KERNEL);
	if (!fs->buf)
		return -ENOMEM;
	for (i = 0; i < 3; i++) {
		fs->ibuf[i] = kmalloc(fs->block_size, GFP_KERNEL);
		if (!fs->ibuf[i])
			return -ENOMEM;
	}
	return 0;
}

static int ext2_read_super(struct ext2_fs *fs)
{
	u32 ss = fs->bio->sector_size;
	u64 first = EXT2_SUPER_OFFSET / ss;
	u32 count = DIV_ROUND_UP(EXT2_SUPER_OFFSET + EXT2_SUPER_SIZE, ss) - first;
	u8 *raw;
	int ret;

	if (fs->bio->nr_sectors < first + count) {
		pr_err("device too small\n");
		return -EINVAL;
	}
	raw = kmalloc((size_t)count * ss, GFP_KERNEL);
	if (!raw)
		return -ENOMEM;
	ret = fs->bio->read(fs->bio, first, raw, count);
	if (!ret)
		ret = ext2_check_super(fs, raw + EXT2_SUPER_OFFSET - first * ss);
	kfree(raw);
	return ret;
}

/**
 * ext2_mount() - mount read-only
 * @bio: device
 * @out: filesystem
 *
 * Return: 0, -EINVAL, -EUCLEAN, -ENOMEM or the device's error.
 */
int ext2_mount(struct blkio *bio, struct ext2_fs **out)
{
	struct ext2_fs *fs;
	int ret;

	if (!bio || !bio->read || bio->sector_size < 512)
		return -EINVAL;
	fs = kzalloc(sizeof(*fs), GFP_KERNEL);
	if (!fs)
		return -ENOMEM;
	fs->bio = bio;
	ret = ext2_read_super(fs);
	if (ret)
		goto out_free;
	if ((u64)fs->blocks_count * fs->block_size >
	    bio->nr_sectors * bio->sector_size) {
		pr_err("filesystem larger than the device\n");
		ret = -EUCLEAN;
		goto out_free;
	}
	ret = ext2_alloc_buffers(fs);
	if (ret)
		goto out_free;
	ret = ext2_load_groups(fs);
	if (ret)
		goto out_free;
	mutex_init(&fs->lock);
	*out = fs;
	return 0;
out_free:
	ext2_free(fs);
	return ret;
}

/**
 * ext2_umount() - release a filesystem
 * @fs: filesystem or NULL
 */
void ext2_umount(struct ext2_fs *fs)
{
	if (!fs)
		return;
	mutex_destroy(&fs->lock);
	ext2_free(fs);
}
