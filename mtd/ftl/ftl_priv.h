/* SPDX-License-Identifier: GPL-2.0 */
/*
 * FTL internals shared by its layers:
 *   io.c      headers on flash: build, check, read, write; erase + EC
 *   wl.c      PEB states, the write pool, erasing, wear levelling,
 *             bad-block retirement
 *   ckpt.c    checkpoint records (write, find, load)
 *   attach.c  attach (checkpoint or scan) and format
 *   eba.c     LEB -> PEB mapping: read, write, change, unmap, copy/scrub
 *   vtbl.c    the volume table
 * Locking: ftl->lock protects everything in struct ftl_device; the public
 * entry points (eba.c, vtbl.c, attach.c) take it, internal helpers expect
 * it held.
 */
#ifndef MTD_FTL_PRIV_H
#define MTD_FTL_PRIV_H

#include <port/port.h>
#include <mtd/ftl.h>
#include "ftl_media.h"

enum ftl_peb_state {
	PEB_FREE,	/* erased, EC header written */
	PEB_USED,	/* mapped to (vol, lnum) */
	PEB_DIRTY,	/* to erase (after the next checkpoint) */
	PEB_BAD,
	PEB_CKPT,	/* checkpoint area */
};

struct ftl_peb {
	u32 ec;
	u32 vol_id;	/* PEB_USED */
	u32 lnum;	/* PEB_USED */
	u8 state;
	u8 in_pool;
};

struct ftl_volume {
	char name[FTL_VOL_NAME_MAX + 1];
	u32 reserved_lebs;	/* 0: no volume */
	u32 *eba;		/* LEB -> PEB, FTL_UNMAPPED if none */
};

#define FTL_UNMAPPED	0xffffffffu
#define FTL_MAX_POOL	64

struct ftl_device {
	struct mutex lock;
	struct mtd_info *mtd;
	u32 nr_pebs;
	u32 hdr_unit;		/* max(writesize, 64) */
	u32 leb_size;
	u32 min_io;
	u32 image_seq;
	u64 sqnum;		/* next sequence number */
	bool ro;		/* fatal error seen: refuse writes */

	struct ftl_peb *pebs;
	struct ftl_volume vols[FTL_MAX_VOLUMES];
	u32 layout_peb;		/* PEB of the volume table, or FTL_UNMAPPED */

	u32 pool[FTL_MAX_POOL];
	u32 pool_count;
	u32 pool_size;
	u32 wl_threshold;

	u32 ckpt_peb[FTL_CKPT_PEBS];
	u32 ckpt_cur;		/* index into ckpt_peb of the live area */
	u32 ckpt_next_slot;	/* next free slot in it */
	u32 ckpt_slot;		/* bytes per slot */
	u32 ckpt_nr_slots;
	u8 *buf;		/* chunk bytes: data copies and CRCs */
	u32 chunk;		/* 4 KiB rounded up to min_io */
	u8 *hbuf;		/* one header unit (headers) */
	u8 *ckbuf;		/* one checkpoint slot */
	u32 bad_reserve;	/* PEBs volumes may not claim */
	bool wl_pending;	/* run static WL at the end of this call */
	bool scanned;		/* attach fell back to a scan */

	struct ftl_stats st;
};

/* io.c */
void ftl_io_build_ec(struct ftl_device *ftl, void *unit, u64 ec);
void ftl_io_build_vid(struct ftl_device *ftl, void *unit, u32 vol, u32 lnum,
		      u32 data_size, u32 data_crc, bool copy);
int ftl_io_data_crc(struct ftl_device *ftl, u32 peb, u32 len, u32 *crc);
int ftl_io_data_len(struct ftl_device *ftl, u32 peb, u32 *len);
int ftl_io_read_ec(struct ftl_device *ftl, u32 peb, struct ftl_ec_hdr *ec);
int ftl_io_read_vid(struct ftl_device *ftl, u32 peb, struct ftl_vid_hdr *vid);
int ftl_io_write_unit(struct ftl_device *ftl, u32 peb, u32 ofs, const void *unit);
int ftl_io_read(struct ftl_device *ftl, u32 peb, u32 ofs, void *buf, u32 len);
int ftl_io_write(struct ftl_device *ftl, u32 peb, u32 ofs, const void *buf,
		 u32 len);
int ftl_io_erase(struct ftl_device *ftl, u32 peb);
bool ftl_io_all_ff(const void *buf, u32 len);
u64 ftl_peb_ofs(const struct ftl_device *ftl, u32 peb);

/* Header read results beyond 0/-errno. */
#define FTL_HDR_EMPTY	1	/* unit is all 0xff */
#define FTL_HDR_BAD	2	/* garbage or CRC mismatch */

/* wl.c */
int ftl_wl_get_peb(struct ftl_device *ftl, bool for_wl, u32 *peb);
void ftl_wl_put_peb(struct ftl_device *ftl, u32 peb);
int ftl_wl_erase_dirty(struct ftl_device *ftl);
void ftl_wl_fill_pool(struct ftl_device *ftl);
void ftl_wl_pool_remove(struct ftl_device *ftl, u32 peb);
int ftl_wl_retire(struct ftl_device *ftl, u32 peb);
int ftl_wl_static(struct ftl_device *ftl);
int ftl_wl_commit(struct ftl_device *ftl);
u32 ftl_wl_reserve(struct ftl_device *ftl);
void ftl_set_ro(struct ftl_device *ftl, const char *why);

/* ckpt.c */
int ftl_ckpt_geometry(struct ftl_device *ftl);
int ftl_ckpt_write(struct ftl_device *ftl);
int ftl_ckpt_load(struct ftl_device *ftl);

/* eba.c */
int ftl_eba_copy(struct ftl_device *ftl, u32 from, bool for_wl);
u32 *ftl_eba_slot(struct ftl_device *ftl, u32 vol, u32 lnum);
int ftl_eba_alloc_tables(struct ftl_device *ftl);
int __ftl_leb_change(struct ftl_device *ftl, u32 vol, u32 lnum,
		     const void *buf, u32 len);

/* vtbl.c */
int ftl_vtbl_load(struct ftl_device *ftl);
int ftl_vtbl_write(struct ftl_device *ftl);

#endif /* MTD_FTL_PRIV_H */
