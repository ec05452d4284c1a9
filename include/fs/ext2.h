/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ext2, read-only: the portable API the VFS will wrap.
 *
 *	struct ext2_fs *fs;
 *	ret = ext2_mount(bio, &fs);            // checks superblock and groups
 *	ret = ext2_lookup(fs, "/etc/passwd", &ino);
 *	ret = ext2_stat(fs, ino, &st);
 *	n = ext2_read(fs, ino, pos, buf, len);    // bytes read, 0 at EOF
 *	while ((ret = ext2_readdir(fs, dir, &cookie, &de)) > 0) ...
 *	n = ext2_readlink(fs, ino, buf, size);
 *	ext2_umount(fs);
 *
 * Supported: revision 0 and 1, block sizes 1-64 KiB, direct and (double,
 * triple) indirect blocks, linear directories (an htree directory reads
 * linearly too), fast and slow symlinks, the filetype and large_file
 * features.  Refused at mount (-EINVAL): incompat features other than
 * filetype (extents, 64bit, meta_bg, journal recovery, compression...).
 * Corrupt metadata gives -EUCLEAN with a log line, never a crash.
 * ext2_lookup() does not follow symlinks (the VFS does).
 * Locking: each call takes fs->lock; any thread may call.
 */
#ifndef FS_EXT2_H
#define FS_EXT2_H

#include <kernel/types.h>
#include <lib/blkio.h>

#define EXT2_ROOT_INO	2
#define EXT2_NAME_LEN	255

/* i_mode type bits (same values as POSIX S_IF*) */
#define EXT2_S_IFMT	0xF000
#define EXT2_S_IFSOCK	0xC000
#define EXT2_S_IFLNK	0xA000
#define EXT2_S_IFREG	0x8000
#define EXT2_S_IFBLK	0x6000
#define EXT2_S_IFDIR	0x4000
#define EXT2_S_IFCHR	0x2000
#define EXT2_S_IFIFO	0x1000

struct ext2_fs;

struct ext2_stat {
	u32 ino;
	u16 mode;		/* type and permission bits */
	u16 nlink;
	u32 uid, gid;
	u64 size;
	u32 atime, mtime, ctime;
	u64 blocks;		/* 512-byte units, as i_blocks */
};

struct ext2_dirent {
	u32 ino;
	u8 type;		/* EXT2_FT_* from the entry, 0 if unknown */
	char name[EXT2_NAME_LEN + 1];
};

/**
 * ext2_mount() - mount the filesystem on @bio, read-only
 * @bio: the device; sector size <= the fs block size
 * @out: the mounted filesystem
 * Return: 0, -EINVAL (not ext2 or unsupported features), -EUCLEAN
 * (corrupt superblock or group descriptors), -ENOMEM, -EIO.
 */
int ext2_mount(struct blkio *bio, struct ext2_fs **out);

/** ext2_umount() - release a filesystem; @fs may be NULL */
void ext2_umount(struct ext2_fs *fs);

/**
 * ext2_lookup() - resolve a path to an inode number (no symlink following)
 * @path: "/a/b", "a/b" (from the root), "" or "/" for the root
 * Return: 0, -ENOENT, -ENOTDIR, -ENAMETOOLONG, -EUCLEAN, -EIO, -ENOMEM.
 */
int ext2_lookup(struct ext2_fs *fs, const char *path, u32 *ino);

/** ext2_stat() - attributes of @ino. Return: 0, -EINVAL (bad number), -EUCLEAN, -EIO. */
int ext2_stat(struct ext2_fs *fs, u32 ino, struct ext2_stat *st);

/**
 * ext2_read() - read from a regular file (or any inode's data)
 * Return: bytes read (short only at end of file), or -errno
 * (-EISDIR for a directory).
 */
ssize_t ext2_read(struct ext2_fs *fs, u32 ino, u64 pos, void *buf, size_t len);

/**
 * ext2_readdir() - next entry of directory @ino
 * @cookie: 0 to start; advanced past the returned entry
 * @de: the entry
 * Return: 1 with an entry, 0 at the end, or -errno (-ENOTDIR, -EUCLEAN).
 */
int ext2_readdir(struct ext2_fs *fs, u32 ino, u64 *cookie, struct ext2_dirent *de);

/**
 * ext2_readlink() - target of a symlink, NUL-terminated, truncated to @len-1
 * Return: length of the full target, -EINVAL if not a symlink, or -errno.
 */
int ext2_readlink(struct ext2_fs *fs, u32 ino, char *buf, size_t len);

#endif /* FS_EXT2_H */
