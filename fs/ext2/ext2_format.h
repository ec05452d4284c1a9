/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ext2 on-disk format (format only: offsets and constants), as documented
 * in "The Second Extended File System" (Poirier) and e2fsprogs'
 * lib/ext2fs/ext2_fs.h.  All fields little-endian.
 */
#ifndef FS_EXT2_FORMAT_H
#define FS_EXT2_FORMAT_H

#define EXT2_SUPER_OFFSET	1024
#define EXT2_SUPER_SIZE		1024
#define EXT2_SUPER_MAGIC	0xEF53

/* superblock field offsets */
#define SB_INODES_COUNT		0
#define SB_BLOCKS_COUNT		4
#define SB_FIRST_DATA_BLOCK	20
#define SB_LOG_BLOCK_SIZE	24
#define SB_BLOCKS_PER_GROUP	32
#define SB_INODES_PER_GROUP	40
#define SB_MAGIC		56
#define SB_REV_LEVEL		76
#define SB_FIRST_INO		84
#define SB_INODE_SIZE		88
#define SB_FEATURE_COMPAT	92
#define SB_FEATURE_INCOMPAT	96
#define SB_FEATURE_RO_COMPAT	100

#define EXT2_FEATURE_INCOMPAT_FILETYPE	0x0002
#define EXT2_GOOD_OLD_INODE_SIZE	128

/* group descriptor: 32 bytes */
#define GD_SIZE			32
#define GD_INODE_TABLE		8

/* inode field offsets */
#define I_MODE			0
#define I_UID			2
#define I_SIZE			4
#define I_ATIME			8
#define I_CTIME			12
#define I_MTIME			16
#define I_GID			24
#define I_LINKS			26
#define I_BLOCKS		28
#define I_FLAGS			32
#define I_BLOCK			40
#define I_FILE_ACL		104
#define I_SIZE_HIGH		108
#define I_UID_HIGH		120
#define I_GID_HIGH		122

#define EXT2_NDIR_BLOCKS	12
#define EXT2_IND_BLOCK		12
#define EXT2_DIND_BLOCK		13
#define EXT2_TIND_BLOCK		14
#define EXT2_N_BLOCKS		15
#define EXT2_FAST_LINK_MAX	60

/* directory entry */
#define DE_INODE		0
#define DE_REC_LEN		4
#define DE_NAME_LEN		6
#define DE_FILE_TYPE		7
#define DE_NAME			8

#endif /* FS_EXT2_FORMAT_H */
