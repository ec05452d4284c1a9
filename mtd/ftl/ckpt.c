// SPDX-License-Identifier: GPL-2.0
/*
 * FTL checkpoint: the whole PEB table (state, erase counter, mapping) and
 * the write pool, appended as a record to one of two checkpoint PEBs.
 *
 * Records go in fixed-size slots, so attach finds the newest one by reading
 * one header unit per slot rather than the whole PEB.  When the live PEB
 * is full, the other one is erased and started (its VID header sqnum says
 * which is newer); a torn record falls back to the previous one.
 *
 * Layer: beside wl.c, on io.c.  Locking: ftl->lock held.
 * Must not know: what volumes hold.
 */
#define pr_fmt(fmt) "ftl: " fmt
#include <lib/crc32.h>
#include "ftl_priv.h"

static u32 ckpt_len(const struct ftl_device *ftl, u32 pool_count)
{
	return sizeof(struct ftl_ckpt_hdr) +
	       ftl->nr_pebs * sizeof(struct ftl_ckpt_peb) + pool_count * 4;
}

/**
 * ftl_ckpt_geometry() - size the checkpoint slots
 * Return: 0, or -EINVAL if one record does not fit in a LEB.
 */
int ftl_ckpt_geometry(struct ftl_device *ftl)
{
	ftl->ckpt_slot = ALIGN_UP(ckpt_len(ftl, FTL_MAX_POOL), ftl->hdr_unit);
	ftl->ckpt_nr_slots = ftl->leb_size / ftl->ckpt_slot;
	if (!ftl->ckpt_nr_slots) {
		pr_err("%s: %u PEBs: checkpoint does not fit in a PEB\n",
		       ftl->mtd->name, ftl->nr_pebs);
		return -EINVAL;
	}
	return 0;
}

static u32 slot_ofs(const struct ftl_device *ftl, u32 slot)
{
	return 2 * ftl->hdr_unit + slot * ftl->ckpt_slot;
}

static void ckpt_build(struct ftl_device *ftl, u8 *rec)
{
	struct ftl_ckpt_hdr *h = (struct ftl_ckpt_hdr *)rec;
	struct ftl_ckpt_peb *e = (struct ftl_ckpt_peb *)(h + 1);
	u32 *pool, i, len = ckpt_len(ftl, ftl->pool_count);

	memset(rec, 0xff, ftl->ckpt_slot);
	memset(h, 0, sizeof(*h));
	h->magic = FTL_CKPT_MAGIC;
	h->version = FTL_FORMAT_VERSION;
	h->sqnum = ftl->sqnum;
	h->image_seq = ftl->image_seq;
	h->nr_pebs = ftl->nr_pebs;
	h->pool_count = ftl->pool_count;
	h->len = len;
	for (i = 0; i < ftl->nr_pebs; i++) {
		const struct ftl_peb *p = &ftl->pebs[i];
		static const u32 map[] = {
			[PEB_FREE] = FTL_CK_FREE, [PEB_DIRTY] = FTL_CK_ERASE,
			[PEB_BAD] = FTL_CK_BAD, [PEB_CKPT] = FTL_CK_CKPT,
		};

		e[i].ec = p->ec;
		e[i].vol_id = p->state == PEB_USED ? p->vol_id : map[p->state];
		e[i].lnum = p->state == PEB_USED ? p->lnum : 0;
		if (p->state == PEB_USED)
			e[i].vol_id |= 0x80000000u;	/* USED marker */
	}
	pool = (u32 *)(e + ftl->nr_pebs);
	memcpy(pool, ftl->pool, ftl->pool_count * 4);
	h->crc = crc32(0, rec, len);
}

/* Start the other checkpoint PEB: erase it, write its VID header. */
static int ckpt_switch(struct ftl_device *ftl)
{
	u32 next = (ftl->ckpt_cur + 1) % FTL_CKPT_PEBS;
	u32 peb = ftl->ckpt_peb[next];
	int ret;

	ret = ftl_io_erase(ftl, peb);
	if (ret) {
		ftl_set_ro(ftl, "checkpoint PEB erase failed");
		return ret;
	}
	ftl_io_build_vid(ftl, ftl->hbuf, FTL_VOL_CKPT, next, 0, 0, false);
	ret = ftl_io_write_unit(ftl, peb, ftl->hdr_unit, ftl->hbuf);
	if (ret)
		return ret;
	ftl->ckpt_cur = next;
	ftl->ckpt_next_slot = 0;
	return 0;
}

/**
 * ftl_ckpt_write() - refill the pool and append a checkpoint record
 * @ftl: device
 *
 * Return: 0, -EIO, -EROFS.
 */
int ftl_ckpt_write(struct ftl_device *ftl)
{
	int ret = -EIO, tries;
	u32 peb;

	if (ftl->ro)
		return -EROFS;
	ftl_wl_fill_pool(ftl);
	ckpt_build(ftl, ftl->ckbuf);
	/* a slot that fails to program is skipped, never programmed twice */
	for (tries = 0; tries < 3 && ret; tries++) {
		if (ftl->ckpt_next_slot >= ftl->ckpt_nr_slots) {
			ret = ckpt_switch(ftl);
			if (ret)
				return ret;
		}
		peb = ftl->ckpt_peb[ftl->ckpt_cur];
		ret = ftl_io_write(ftl, peb, slot_ofs(ftl, ftl->ckpt_next_slot),
				   ftl->ckbuf, ftl->ckpt_slot);
		ftl->ckpt_next_slot++;
	}
	if (ret)
		return ret;
	ftl->st.ckpt_writes++;
	return 0;
}

/* Check a record's header and CRC; rec holds ckpt_slot bytes. */
static int ckpt_check(struct ftl_device *ftl, u8 *rec)
{
	struct ftl_ckpt_hdr *h = (struct ftl_ckpt_hdr *)rec;
	u32 crc = h->crc;
	int ok;

	if (h->magic != FTL_CKPT_MAGIC || h->version != FTL_FORMAT_VERSION ||
	    h->nr_pebs != ftl->nr_pebs || h->pool_count > FTL_MAX_POOL ||
	    h->len != ckpt_len(ftl, h->pool_count) ||
	    h->image_seq != ftl->image_seq)
		return -EUCLEAN;
	h->crc = 0;
	ok = crc32(0, rec, h->len) == crc;
	h->crc = crc;
	return ok ? 0 : -EUCLEAN;
}

/* Take a checked record into RAM. */
static int ckpt_apply(struct ftl_device *ftl, const u8 *rec)
{
	const struct ftl_ckpt_hdr *h = (const struct ftl_ckpt_hdr *)rec;
	const struct ftl_ckpt_peb *e = (const struct ftl_ckpt_peb *)(h + 1);
	const u32 *pool = (const u32 *)(e + h->nr_pebs);
	u32 i;

	for (i = 0; i < ftl->nr_pebs; i++) {
		struct ftl_peb *p = &ftl->pebs[i];
		u32 v = e[i].vol_id;

		memset(p, 0, sizeof(*p));
		p->ec = e[i].ec;
		if (v & 0x80000000u) {
			p->state = PEB_USED;
			p->vol_id = v & ~0x80000000u;
			p->lnum = e[i].lnum;
		} else if (v == FTL_CK_FREE) {
			p->state = PEB_FREE;
		} else if (v == FTL_CK_ERASE) {
			p->state = PEB_DIRTY;
		} else if (v == FTL_CK_BAD) {
			p->state = PEB_BAD;
		} else if (v == FTL_CK_CKPT) {
			p->state = PEB_CKPT;
		} else {
			pr_err("checkpoint: PEB %u has state %u\n", i, v);
			return -EUCLEAN;
		}
	}
	ftl->pool_count = 0;
	for (i = 0; i < h->pool_count; i++) {
		if (pool[i] >= ftl->nr_pebs ||
		    ftl->pebs[pool[i]].state != PEB_FREE ||
		    ftl->pebs[pool[i]].in_pool) {
			pr_err("checkpoint: bad pool entry %u\n", pool[i]);
			return -EUCLEAN;
		}
		ftl->pebs[pool[i]].in_pool = 1;
		ftl->pool[ftl->pool_count++] = pool[i];
	}
	ftl->sqnum = h->sqnum;
	return 0;
}

/* Newest valid record in checkpoint PEB @peb; -ENOENT if none. */
static int ckpt_load_peb(struct ftl_device *ftl, u32 peb)
{
	u32 n, s;
	int ret;

	for (n = 0; n < ftl->ckpt_nr_slots; n++) {
		ret = ftl_io_read(ftl, peb, slot_ofs(ftl, n), ftl->hbuf,
				  ftl->hdr_unit);
		if (ret && ret != -EBADMSG)
			return ret;
		if (!ret && ftl_io_all_ff(ftl->hbuf, ftl->hdr_unit))
			break;
	}
	ftl->ckpt_next_slot = n;
	for (s = n; s-- > 0;) {
		ret = ftl_io_read(ftl, peb, slot_ofs(ftl, s), ftl->ckbuf,
				  ftl->ckpt_slot);
		if (ret == -EBADMSG)
			continue;
		if (ret)
			return ret;
		if (ckpt_check(ftl, ftl->ckbuf))
			continue;
		return ckpt_apply(ftl, ftl->ckbuf);
	}
	return -ENOENT;
}

/**
 * ftl_ckpt_load() - find the newest checkpoint in the first PEBs and load it
 * @ftl: device (image_seq 0: taken from the checkpoint PEB's EC header)
 *
 * Return: 0, -ENOENT (no valid checkpoint), -EUCLEAN, -EIO.
 */
int ftl_ckpt_load(struct ftl_device *ftl)
{
	u32 cand[FTL_CKPT_PEBS], i, n = 0, lim = min(ftl->nr_pebs, (u32)FTL_CKPT_SEARCH);
	u64 sq[FTL_CKPT_PEBS];
	struct ftl_vid_hdr vid;
	struct ftl_ec_hdr ec;
	int ret;

	for (i = 0; i < lim && n < FTL_CKPT_PEBS; i++) {
		if (mtd_block_isbad(ftl->mtd, ftl_peb_ofs(ftl, i)))
			continue;
		if (ftl_io_read_ec(ftl, i, &ec))
			continue;
		if (ftl_io_read_vid(ftl, i, &vid) || vid.vol_id != FTL_VOL_CKPT ||
		    vid.lnum >= FTL_CKPT_PEBS)
			continue;
		ftl->ckpt_peb[vid.lnum] = i;
		cand[n] = vid.lnum;
		sq[n++] = vid.sqnum;
	}
	if (n != FTL_CKPT_PEBS || cand[0] == cand[1])
		return -ENOENT;
	/* newest first */
	if (sq[1] > sq[0]) {
		u32 c = cand[0];

		cand[0] = cand[1];
		cand[1] = c;
	}
	for (i = 0; i < n; i++) {
		ret = ckpt_load_peb(ftl, ftl->ckpt_peb[cand[i]]);
		if (ret == -ENOENT)
			continue;
		if (ret)
			return ret;
		ftl->ckpt_cur = cand[i];
		if (i)	/* the newer PEB holds nothing valid: start over it */
			ftl->ckpt_next_slot = ftl->ckpt_nr_slots;
		return 0;
	}
	return -ENOENT;
}
