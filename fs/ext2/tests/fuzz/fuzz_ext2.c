// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: an ext2 image.  Mounts it and walks the tree (bounded
 * depth and entry count), stats, reads and readlinks what it finds; errors
 * are fine, crashes and out-of-bounds accesses are the bugs.
 */
#include <port/port.h>
#include <fs/ext2.h>
#include <block/memblk.h>

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

static int budget;

static void walk(struct ext2_fs *fs, u32 dir, int depth)
{
	struct ext2_dirent de;
	struct ext2_stat st;
	u64 cookie = 0;
	char buf[1024];

	while (budget-- > 0 && ext2_readdir(fs, dir, &cookie, &de) > 0) {
		if (!strcmp(de.name, ".") || !strcmp(de.name, "..") ||
		    ext2_stat(fs, de.ino, &st))
			continue;
		if ((st.mode & EXT2_S_IFMT) == EXT2_S_IFDIR && depth < 6)
			walk(fs, de.ino, depth + 1);
		else if ((st.mode & EXT2_S_IFMT) == EXT2_S_IFLNK)
			ext2_readlink(fs, de.ino, buf, sizeof(buf));
		else
			ext2_read(fs, de.ino, 0, buf, sizeof(buf));
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	size_t len = ALIGN_UP(size, (size_t)1024);
	struct ext2_fs *fs;
	struct memblk mb;
	u32 ino;
	u8 *img;

	if (size < 2048 || size > (1 << 20))
		return 0;
	img = calloc(1, len);
	if (!img)
		return 0;
	memcpy(img, data, size);
	if (!memblk_init(&mb, img, len, 512, true) && !ext2_mount(&mb.bio, &fs)) {
		budget = 2000;
		walk(fs, EXT2_ROOT_INO, 0);
		ext2_lookup(fs, "/d/b", &ino);
		ext2_umount(fs);
	}
	free(img);
	return 0;
}
