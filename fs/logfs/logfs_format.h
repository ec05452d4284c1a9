/* SPDX-License-Identifier: GPL-2.0 */
/*
 * LogFS on-media format, version LOGFS_FORMAT_VERSION.  Layout only; the
 * rules are in fs/logfs/SPEC.md.  Little endian; every object and every
 * anchor carries a CRC-32 (lib/crc32.h).
 *
 * The medium is a row of segments (FTL LEBs, or fixed runs of sectors).
 * Segments 0 and 1 are the journal: anchors appended in slots.  The others
 * hold the log: objects (header + payload, 8-byte aligned) with strictly
 * consecutive sequence numbers.
 */
#ifndef FS_LOGFS_FORMAT_H
#define FS_LOGFS_FORMAT_H

#include <kernel/types.h>
#include <kernel/compiler.h>

#include <fs/logfs.h>	/* LOGFS_MAX_ORPHANS: the anchor's orphan table */

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the LogFS format helpers assume a little-endian CPU"
#endif

#define LOGFS_FORMAT_VERSION	2
#define LOGFS_OBJ_MAGIC		0x4a424f4cu	/* "LOBJ" */
#define LOGFS_ANCHOR_MAGIC	0x524e414cu	/* "LANR" */

#define LOGFS_BLOCK_SIZE	4096u
#define LOGFS_BLOCK_SHIFT	12
#define LOGFS_PTRS_PER_NODE	512u		/* u64 pointers in a node */
#define LOGFS_PTR_SHIFT		9
#define LOGFS_MAX_HEIGHT	4
#define LOGFS_INODE_SIZE	128u
#define LOGFS_INODES_PER_BLOCK	(LOGFS_BLOCK_SIZE / LOGFS_INODE_SIZE)
/* LOGFS_JOURNAL_SEGS (the first segments, holding the anchors): fs/logfs.h */
#define LOGFS_MAX_PLAN		32
#define LOGFS_NAME_MAX		255

#define LOGFS_INO_IFILE		0	/* the inode file; its inode is in the anchor */
#define LOGFS_INO_ROOT		1

/*
 * A pointer to an object: segment, byte offset in it, total object length
 * (header + payload).  0 is "none" (segment 0 is the journal).
 */
#define LOGFS_LOC(seg, ofs, len) \
	(((u64)(seg) << 40) | ((u64)(ofs) << 16) | (u64)(len))
#define LOGFS_LOC_SEG(l)	((u32)((l) >> 40))
#define LOGFS_LOC_OFS(l)	((u32)((l) >> 16) & 0xffffffu)
#define LOGFS_LOC_LEN(l)	((u32)(l) & 0xffffu)

enum logfs_obj_type {
	LOGFS_OBJ_PAD = 1,	/* skip len payload bytes (not CRC'd) */
	LOGFS_OBJ_INODE = 2,	/* replay alias of an inode: ino, payload inode */
	LOGFS_OBJ_DATA = 3,	/* block @index of @ino (ino 0: inode file) */
	LOGFS_OBJ_NODE = 4,	/* tree node of @ino: index = level << 56 | n */
};

#define LOGFS_OF_LAST		0x01	/* last object of a transaction */
#define LOGFS_OF_LZ4		0x02	/* payload is LZ4 block format */

struct logfs_obj_hdr {
	u32 magic;
	u8 type;
	u8 flags;
	u16 pad;
	u32 ino;
	u32 len;		/* payload bytes on the medium */
	u64 index;
	u64 sqnum;		/* consecutive across the whole log */
	u32 raw_len;		/* payload bytes once decompressed (<= block) */
	u32 crc;		/* header (crc = 0) + payload */
} __packed;

/* Inode (in the inode file at ino * 128, and in INODE objects). */
struct logfs_inode {
	u32 mode;		/* 0: free */
	u32 uid;
	u32 gid;
	u32 nlink;
	u64 size;
	s64 atime_ns;
	s64 mtime_ns;
	s64 ctime_ns;
	u64 root;		/* tree root (loc) */
	u8 height;		/* 0: root is block 0's DATA object */
	u8 pad[3];
	u32 parent;		/* directories: the parent directory */
	u32 generation;
	u8 reserved[60];
} __packed;

/* Directory block: records like ext2's, never crossing a block. */
struct logfs_dirent {
	u32 ino;		/* 0: unused record */
	u16 rec_len;		/* to the next record, multiple of 8 */
	u8 name_len;
	u8 type;		/* mode >> 12 of the target */
	char name[];
} __packed;

/*
 * Anchor: the journal record written by each commit.  Followed by nr_segs
 * u32 segment usage entries (live bytes, or LOGFS_SEG_FREE), then
 * LOGFS_MAX_ORPHANS u32 orphan inode numbers (the first nr_orphans used,
 * the rest 0); crc covers len bytes with crc taken as 0.  An orphan is a
 * regular file unlinked while open (nlink 0): mount frees it.
 */
#define LOGFS_SEG_FREE		0xffffffffu
#define LOGFS_AF_CLEAN		0x01	/* written by unmount: nothing follows */

struct logfs_anchor {
	u32 magic;
	u8 version;
	u8 flags;
	u16 nr_orphans;		/* entries used in the orphan table */
	u64 seq;		/* commit number */
	u64 sqnum;		/* next object sequence number */
	u32 seg_size;
	u32 nr_segs;
	u32 io_unit;
	u32 head_seg;		/* where the log goes on (replay starts) */
	u32 head_ofs;
	u32 plan_count;
	u32 plan[LOGFS_MAX_PLAN];	/* next log segments, in order */
	u32 next_ino;
	u32 uuid;
	u32 len;
	u32 crc;
	struct logfs_inode ifile;
} __packed;

static inline void logfs_format_build_checks(void)
{
	BUILD_BUG_ON(sizeof(struct logfs_obj_hdr) != 40);
	BUILD_BUG_ON(sizeof(struct logfs_inode) != LOGFS_INODE_SIZE);
	BUILD_BUG_ON(sizeof(struct logfs_dirent) != 8);
}

#endif /* FS_LOGFS_FORMAT_H */
