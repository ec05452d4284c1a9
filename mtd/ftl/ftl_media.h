/* SPDX-License-Identifier: GPL-2.0 */
/*
 * On-flash format of the FTL (format version FTL_FORMAT_VERSION).  Layout
 * only: no code.  See mtd/ftl/README.md for the rules that go with it.
 *
 * Every PEB (physical erase block) starts with two header units of
 * hdr_unit = max(writesize, 64) bytes:
 *   offset 0         struct ftl_ec_hdr   erase counter, written after erase
 *   offset hdr_unit  struct ftl_vid_hdr  which LEB the PEB holds, written
 *                                        when the PEB is first used
 *   offset 2*hdr_unit  LEB data (leb_size = erasesize - 2*hdr_unit)
 * An erased unit (all 0xff) means "not written".  All integers are little
 * endian; every header ends with a CRC-32 (lib/crc32.h) of the bytes before
 * it.
 *
 * Internal volumes: FTL_VOL_LAYOUT (LEB 0: the volume table, changed
 * atomically) and FTL_VOL_CKPT (the two checkpoint PEBs, which live in the
 * first FTL_CKPT_SEARCH PEBs and hold appended checkpoint records in
 * slots of ckpt_slot bytes).
 */
#ifndef MTD_FTL_MEDIA_H
#define MTD_FTL_MEDIA_H

#include <kernel/types.h>
#include <kernel/compiler.h>

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the FTL format helpers assume a little-endian CPU"
#endif

#define FTL_FORMAT_VERSION	1
#define FTL_EC_MAGIC		0x45544c46u	/* "FLTE" */
#define FTL_VID_MAGIC		0x56544c46u	/* "FLTV" */
#define FTL_CKPT_MAGIC		0x43544c46u	/* "FLTC" */

#define FTL_HDR_MIN		64u
#define FTL_MAX_VOLUMES		16
#define FTL_VOL_NAME_MAX	23
#define FTL_VOL_LAYOUT		0x7fffefffu
#define FTL_VOL_CKPT		0x7fffeffeu
#define FTL_CKPT_PEBS		2	/* checkpoint PEBs, used in turn */
#define FTL_CKPT_SEARCH		8	/* ...found among the first 8 PEBs */

struct ftl_ec_hdr {
	u32 magic;
	u8 version;
	u8 pad[3];
	u64 ec;			/* erases of this PEB */
	u32 image_seq;		/* random per format: tells images apart */
	u32 hdr_crc;		/* CRC-32 of the bytes above */
} __packed;

struct ftl_vid_hdr {
	u32 magic;
	u8 version;
	u8 copy_flag;		/* 1: written by a copy/atomic change;
				 * data_size/data_crc are valid */
	u8 pad[2];
	u32 vol_id;
	u32 lnum;
	u32 data_size;
	u32 data_crc;
	u64 sqnum;		/* global write sequence: higher is newer */
	u32 pad2;
	u32 hdr_crc;
} __packed;

/* Volume table: FTL_MAX_VOLUMES records in LEB 0 of FTL_VOL_LAYOUT. */
struct ftl_vtbl_rec {
	u32 reserved_lebs;	/* 0: slot unused */
	u8 name_len;
	char name[FTL_VOL_NAME_MAX];
	u32 crc;		/* CRC-32 of the bytes above */
} __packed;

/*
 * Checkpoint record (one slot): this header, then nr_pebs struct
 * ftl_ckpt_peb, then pool_count u32 PEB numbers.  crc covers the whole
 * record (len bytes) with the crc field taken as 0.
 */
struct ftl_ckpt_hdr {
	u32 magic;
	u8 version;
	u8 pad[3];
	u64 sqnum;		/* next sequence number at writing time */
	u32 image_seq;
	u32 nr_pebs;
	u32 pool_count;
	u32 len;
	u32 crc;
	u32 pad2;
} __packed;

/* Per-PEB state in a checkpoint. */
enum ftl_ckpt_state {
	FTL_CK_FREE = 1,	/* erased, EC header written */
	FTL_CK_USED = 2,	/* holds vol_id/lnum */
	FTL_CK_ERASE = 3,	/* to be erased */
	FTL_CK_BAD = 4,
	FTL_CK_CKPT = 5,	/* a checkpoint PEB */
};

struct ftl_ckpt_peb {
	u32 ec;
	u32 vol_id;		/* FTL_CK_USED: volume; otherwise the state */
	u32 lnum;
} __packed;

static inline void ftl_media_build_checks(void)
{
	BUILD_BUG_ON(sizeof(struct ftl_ec_hdr) != 24);
	BUILD_BUG_ON(sizeof(struct ftl_vid_hdr) != 40);
	BUILD_BUG_ON(sizeof(struct ftl_vtbl_rec) != 32);
	BUILD_BUG_ON(sizeof(struct ftl_ckpt_hdr) != 40);
	BUILD_BUG_ON(sizeof(struct ftl_ckpt_peb) != 12);
}

#endif /* MTD_FTL_MEDIA_H */
