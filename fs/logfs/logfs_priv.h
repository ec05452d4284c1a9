/* SPDX-License-Identifier: GPL-2.0 */
/*
 * LogFS internals shared by its files:
 *   dev.c      backends: FTL volume, struct blkio
 *   log.c      the log: object write (write buffer, segments, plan),
 *              object read and check, segment usage
 *   journal.c  anchors: find the newest, append one
 *   tree.c     per-inode block trees and the node cache
 *   inode.c    inode cache and the inode file
 *   file.c     file data: read, write, truncate
 *   dir.c      directory blocks
 *   namei.c    the path API (one transaction per call)
 *   commit.c   commit: write dirty nodes and inodes, then an anchor
 *   replay.c   mount-time roll-forward of the log tail
 *   gc.c       garbage collection
 *   super.c    format, mount, unmount, statfs
 *   orphan.c   files unlinked while open: kept until the last close
 *   fsck.c     consistency check and safe repair
 * Locking: fs->lock (taken by the public calls in namei.c, super.c,
 * fsck.c) protects everything below; internal helpers expect it held.
 */
#ifndef FS_LOGFS_PRIV_H
#define FS_LOGFS_PRIV_H

#include <port/port.h>
#include <kernel/list.h>
#include <fs/logfs.h>
#include "logfs_format.h"

#define LOGFS_HDR		((u32)sizeof(struct logfs_obj_hdr))
#define LOGFS_OBJ_MAX		(LOGFS_HDR + LOGFS_BLOCK_SIZE)
#define LOGFS_MAX_DIRTY_NODES	12	/* commit when more are dirty */
#define LOGFS_MAX_DIRTY_INODES	32
#define LOGFS_MAX_CLEAN_NODES	4
#define LOGFS_MAX_CLEAN_INODES	16

struct logfs_inode_info {
	struct list_head list;
	u32 ino;
	struct logfs_inode di;
	bool dirty;		/* differs from the inode file */
	bool txn;		/* changed by the running transaction */
	int open_count;
};

struct logfs_node {
	struct list_head list;
	u32 ino;
	u8 level;		/* 1: points at data blocks */
	u64 index;		/* node number at its level */
	u64 loc;		/* where it is on the medium; 0: never written */
	bool dirty;
	u64 ptr[LOGFS_PTRS_PER_NODE];
};

struct logfs_file {
	struct logfs *fs;
	struct logfs_inode_info *ii;
	u32 flags;
};

struct logfs {
	struct mutex lock;
	struct logfs_dev *dev;
	struct logfs_config cfg;
	bool ro;
	u32 seg_size, nr_segs, io_unit;
	u32 uuid;

	/* the log (log.c) */
	u32 head_seg;		/* segment being written */
	u32 head_ofs;		/* next object offset (in wbuf or beyond) */
	u32 wbuf_ofs;		/* segment offset of wbuf[0], io-aligned */
	u32 wbuf_len;		/* bytes held in wbuf */
	u8 *wbuf;		/* io_unit-aligned staging of the head */
	u32 wbuf_size;
	u64 sqnum;		/* next object's sequence number */
	u32 plan[LOGFS_MAX_PLAN];
	u32 plan_count;
	u32 plan_want;		/* segments a commit plans ahead */
	bool in_commit;		/* commit output may leave the plan */
	u32 *sut;		/* live bytes per segment or LOGFS_SEG_FREE */
	u32 reserve_segs;	/* kept free so GC and commit make progress */
	u32 gc_floor;		/* free segments the plan leaves for GC+commit */
	u32 max_dirty_nodes;	/* commit beyond these (sized to the medium) */
	u32 max_dirty_inodes;

	/* journal (journal.c) */
	u64 commit_seq;
	u32 jseg, jslot, slot_size, nr_slots;
	u8 *abuf;

	/* inodes and trees */
	struct logfs_inode ifile;
	u32 next_ino;		/* above every inode number ever used */
	u32 max_ino;		/* next_ino stops here; then free ones are reused */
	u32 ino_cursor;		/* where the search for a free number goes on */
	struct list_head inodes;
	u32 nr_inodes, nr_dirty_inodes;
	struct list_head nodes;
	u32 nr_nodes, nr_dirty_nodes;
	bool commit_wanted;

	/* orphans (orphan.c): unlinked regular files still open */
	u32 orphans[LOGFS_MAX_ORPHANS];
	u32 nr_orphans;

	/* scratch */
	u8 *obuf;		/* one object */
	u8 *blk;		/* one block */
	u8 *blk2;		/* another block (read-modify-write) */
	void *lz4_state;	/* LZ4 compression state (mount "compress") */
	u32 lz4_size;

	struct logfs_statfs st;
};

/* dev.c: nothing beyond the public constructors */

/* log.c */
int logfs_log_init(struct logfs *fs);
void logfs_log_free(struct logfs *fs);
int logfs_write_obj(struct logfs *fs, u8 type, u8 flags, u32 ino, u64 index,
		    const void *payload, u32 len, u32 raw_len, u64 *loc);
int logfs_log_flush(struct logfs *fs);
int logfs_log_sync(struct logfs *fs);
int logfs_read_obj(struct logfs *fs, u64 loc, struct logfs_obj_hdr *hdr,
		   void *payload);
int logfs_read_obj_at(struct logfs *fs, u32 seg, u32 ofs,
		      struct logfs_obj_hdr *hdr, void *payload, u32 max);
u32 logfs_log_room(struct logfs *fs);
void logfs_obj_dead(struct logfs *fs, u64 loc);
void logfs_obj_live(struct logfs *fs, u64 loc);
int logfs_next_seg(struct logfs *fs);
u32 logfs_free_segs(struct logfs *fs);
bool logfs_seg_in_plan(struct logfs *fs, u32 seg);
void logfs_set_ro(struct logfs *fs, int err, const char *why);
u32 logfs_skip_to(struct logfs *fs, u32 ofs);

/* journal.c */
int logfs_journal_load(struct logfs *fs);
int logfs_journal_write(struct logfs *fs, bool clean);
u32 logfs_anchor_len(u32 nr_segs);

/* tree.c */
int logfs_tree_get(struct logfs *fs, struct logfs_inode *di, u32 ino,
		   u64 blk, u64 *loc);
int logfs_tree_set(struct logfs *fs, struct logfs_inode *di, u32 ino,
		   u64 blk, u64 loc);
int logfs_tree_truncate(struct logfs *fs, struct logfs_inode *di, u32 ino,
			u64 nblocks);
int logfs_tree_flush(struct logfs *fs, bool ifile);
int logfs_tree_node_loc(struct logfs *fs, struct logfs_inode *di, u32 ino,
			u8 level, u64 index, u64 *loc);
int logfs_tree_dirty_node(struct logfs *fs, struct logfs_inode *di, u32 ino,
			  u8 level, u64 index);
void logfs_tree_drop(struct logfs *fs, u32 ino);
void logfs_tree_trim_cache(struct logfs *fs);
int logfs_tree_count(struct logfs *fs, struct logfs_inode *di, u32 ino,
		     u64 nblocks, u64 *count);
struct logfs_inode *logfs_tree_owner(struct logfs *fs, u32 ino);

typedef int (*logfs_tree_visit_t)(void *ctx, u32 ino, u8 level, u64 index,
				  u64 loc);
int logfs_tree_walk(struct logfs *fs, struct logfs_inode *di, u32 ino,
		    logfs_tree_visit_t visit, void *ctx);

/* inode.c */
struct logfs_inode_info *logfs_iget(struct logfs *fs, u32 ino);
void logfs_iput(struct logfs *fs, struct logfs_inode_info *ii);
int logfs_inode_dirty(struct logfs *fs, struct logfs_inode_info *ii);
int logfs_inode_touch(struct logfs *fs, struct logfs_inode_info *ii);
struct logfs_inode_info *logfs_inode_new(struct logfs *fs, u32 mode);
int logfs_inode_free(struct logfs *fs, struct logfs_inode_info *ii);
int logfs_inodes_write(struct logfs *fs);
int logfs_inode_read_raw(struct logfs *fs, u32 ino, struct logfs_inode *di);
void logfs_inode_trim_cache(struct logfs *fs);
bool logfs_inode_cached(struct logfs *fs, u32 ino);
s64 logfs_now(struct logfs *fs);

/* file.c */
int logfs_read_block(struct logfs *fs, struct logfs_inode *di, u32 ino,
		     u64 blk, void *buf);
int logfs_write_block(struct logfs *fs, struct logfs_inode *di, u32 ino,
		      u64 blk, const void *buf, u8 flags);
s64 logfs_file_read(struct logfs *fs, struct logfs_inode_info *ii, void *buf,
		    u64 len, u64 off);
s64 logfs_file_write(struct logfs *fs, struct logfs_inode_info *ii,
		     const void *buf, u64 len, u64 off);
int logfs_file_truncate(struct logfs *fs, struct logfs_inode_info *ii, u64 size);

/* dir.c */
int logfs_dir_lookup(struct logfs *fs, struct logfs_inode_info *dir,
		     const char *name, u32 len, u32 *ino);
int logfs_dir_add(struct logfs *fs, struct logfs_inode_info *dir,
		  const char *name, u32 len, u32 ino, u32 type);
int logfs_dir_remove(struct logfs *fs, struct logfs_inode_info *dir,
		     const char *name, u32 len);
int logfs_dir_set(struct logfs *fs, struct logfs_inode_info *dir,
		  const char *name, u32 len, u32 ino, u32 type);
int logfs_dir_empty(struct logfs *fs, struct logfs_inode_info *dir);
int logfs_dir_iterate(struct logfs *fs, struct logfs_inode_info *dir,
		      logfs_filldir_t fill, void *ctx);

/* commit.c */
int logfs_commit(struct logfs *fs, bool clean);
int logfs_txn_begin(struct logfs *fs, u32 blocks);
int logfs_txn_end(struct logfs *fs, struct logfs_inode_info *ii);

/* super.c */
int logfs_geometry(struct logfs *fs, struct logfs_dev *dev);
size_t logfs_ram(struct logfs *fs);

/* replay.c */
int logfs_replay(struct logfs *fs, bool *replayed);

/* orphan.c */
bool logfs_orphan_is(struct logfs *fs, u32 ino);
int logfs_orphan_room(struct logfs *fs, struct logfs_inode_info *ii);
int logfs_orphan_add(struct logfs *fs, struct logfs_inode_info *ii);
void logfs_orphan_del(struct logfs *fs, u32 ino);
int logfs_orphan_replay(struct logfs *fs, u32 ino, const struct logfs_inode *di);
int logfs_orphan_release(struct logfs *fs, struct logfs_inode_info *ii);
int logfs_orphans_cleanup(struct logfs *fs);

/* gc.c */
int logfs_gc_make_room(struct logfs *fs, u32 segs);

#endif /* FS_LOGFS_PRIV_H */
