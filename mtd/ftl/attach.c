// SPDX-License-Identifier: GPL-2.0
/*
 * FTL attach, format and detach.
 *
 * Attach reads the newest checkpoint (ckpt.c) and the headers of the PEBs
 * in its write pool — the only ones that may have changed since — and
 * resolves LEBs written twice by sequence number (a copy with a bad data
 * CRC loses).  Without a valid checkpoint, or when a pool PEB contradicts
 * it, attach falls back to reading the EC and VID headers of every PEB,
 * then writes a fresh checkpoint.  No LEB data is read except the volume
 * table and the data of copies whose CRC must be checked.
 *
 * Layer: the FTL's entry; uses every other FTL file.  Locking: attach and
 * format own the device alone; detach/sync/stats take ftl->lock.
 * Must not know: volume contents.
 */
#define pr_fmt(fmt) "ftl: " fmt
#include "ftl_priv.h"

static void ftl_free(struct ftl_device *ftl)
{
	int i;

	for (i = 0; i < FTL_MAX_VOLUMES; i++)
		kfree(ftl->vols[i].eba);
	kfree(ftl->ckbuf);
	kfree(ftl->hbuf);
	kfree(ftl->buf);
	kfree(ftl->pebs);
	mutex_destroy(&ftl->lock);
	kfree(ftl);
}

static struct ftl_device *ftl_alloc(struct mtd_info *mtd,
				    const struct ftl_config *cfg)
{
	struct ftl_config def = { 0 };
	struct ftl_device *ftl;
	u32 hdr = max(mtd->writesize, FTL_HDR_MIN);

	if (!cfg)
		cfg = &def;
	if (mtd->erasesize <= 2 * hdr || mtd_nr_blocks(mtd) < 8 ||
	    hdr % mtd->writesize) {
		pr_err("%s: geometry unusable for the FTL\n", mtd->name);
		return ERR_PTR(-EINVAL);
	}
	ftl = kzalloc(sizeof(*ftl), GFP_KERNEL);
	if (!ftl)
		return ERR_PTR(-ENOMEM);
	mutex_init(&ftl->lock);
	ftl->mtd = mtd;
	ftl->nr_pebs = mtd_nr_blocks(mtd);
	ftl->hdr_unit = hdr;
	ftl->leb_size = mtd->erasesize - 2 * hdr;
	ftl->min_io = mtd->writesize;
	ftl->layout_peb = FTL_UNMAPPED;
	ftl->pool_size = min(cfg->pool_size ? cfg->pool_size : 16u,
			     (u32)FTL_MAX_POOL);
	ftl->wl_threshold = cfg->wl_threshold ? cfg->wl_threshold : 64;
	ftl->bad_reserve = cfg->bad_reserve ? cfg->bad_reserve :
			   max(2u, ftl->nr_pebs / 50);
	if (ftl_ckpt_geometry(ftl)) {
		ftl_free(ftl);
		return ERR_PTR(-EINVAL);
	}
	ftl->pebs = kcalloc(ftl->nr_pebs, sizeof(*ftl->pebs), GFP_KERNEL);
	ftl->chunk = ALIGN_UP(4096u, ftl->min_io);
	ftl->buf = kmalloc(ftl->chunk, GFP_KERNEL);
	ftl->hbuf = kmalloc(hdr, GFP_KERNEL);
	ftl->ckbuf = kmalloc(ftl->ckpt_slot, GFP_KERNEL);
	if (!ftl->pebs || !ftl->buf || !ftl->hbuf || !ftl->ckbuf) {
		ftl_free(ftl);
		return ERR_PTR(-ENOMEM);
	}
	return ftl;
}

/* Does a copy's data match the CRC in its VID header? */
static bool ftl_copy_ok(struct ftl_device *ftl, u32 peb,
			const struct ftl_vid_hdr *vid)
{
	u32 crc;

	if (!vid->copy_flag)
		return true;
	if (vid->data_size > ftl->leb_size)
		return false;
	if (ftl_io_data_crc(ftl, peb, vid->data_size, &crc))
		return false;
	return crc == vid->data_crc;
}

/* Map @peb to the LEB in @vid, unless a newer copy already holds it. */
static void ftl_take_leb(struct ftl_device *ftl, u32 peb,
			 const struct ftl_vid_hdr *vid, u64 *sq)
{
	struct ftl_peb *p = &ftl->pebs[peb];
	u32 i;

	p->state = PEB_DIRTY;
	if (!ftl_copy_ok(ftl, peb, vid)) {
		pr_notice("PEB %u: incomplete copy of LEB %u:%u dropped\n", peb,
			  vid->vol_id, vid->lnum);
		return;
	}
	for (i = 0; i < ftl->nr_pebs; i++) {
		struct ftl_peb *q = &ftl->pebs[i];

		if (q->state != PEB_USED || q->vol_id != vid->vol_id ||
		    q->lnum != vid->lnum)
			continue;
		if (sq && sq[i] > vid->sqnum)
			return;		/* the other one is newer */
		q->state = PEB_DIRTY;
	}
	p->state = PEB_USED;
	p->vol_id = vid->vol_id;
	p->lnum = vid->lnum;
	if (sq)
		sq[peb] = vid->sqnum;
	if (vid->sqnum >= ftl->sqnum)
		ftl->sqnum = vid->sqnum + 1;
}

/* Pool scan scratch: ~2.8 KiB, too big for an 8 KiB kernel stack. */
struct ftl_pool_scan {
	struct ftl_vid_hdr vid[FTL_MAX_POOL];
	u32 pool[FTL_MAX_POOL];
};

/* Read the pool PEBs' headers into @s; return how many hold a LEB. */
static int ftl_pool_read(struct ftl_device *ftl, struct ftl_pool_scan *s)
{
	u32 n = ftl->pool_count, i, k = 0;
	struct ftl_ec_hdr ec;
	int ret;

	memcpy(s->pool, ftl->pool, n * 4);
	for (i = 0; i < n; i++) {
		u32 peb = s->pool[i];

		ret = ftl_io_read_ec(ftl, peb, &ec);
		if (ret < 0)
			return ret;
		if (ret || ec.ec < ftl->pebs[peb].ec) {
			pr_notice("pool PEB %u contradicts the checkpoint\n", peb);
			return -ESTALE;
		}
		ftl->pebs[peb].ec = (u32)ec.ec;
		ret = ftl_io_read_vid(ftl, peb, &s->vid[k]);
		if (ret < 0)
			return ret;
		if (ret == FTL_HDR_EMPTY)
			continue;
		ftl_wl_pool_remove(ftl, peb);
		if (ret == FTL_HDR_BAD) {
			ftl->pebs[peb].state = PEB_DIRTY;
			continue;
		}
		if (s->vid[k].vol_id == FTL_VOL_CKPT) {
			pr_notice("pool PEB %u holds a checkpoint header\n", peb);
			return -ESTALE;
		}
		s->pool[k++] = peb;
	}
	return (int)k;
}

/* After a checkpoint: look at the pool PEBs, the only ones written since. */
static int ftl_attach_pool(struct ftl_device *ftl)
{
	struct ftl_pool_scan *s = kmalloc(sizeof(*s), GFP_KERNEL);
	struct ftl_vid_hdr *vid;
	u32 *pool, i, j, k;
	int ret;

	if (!s)
		return -ENOMEM;
	ret = ftl_pool_read(ftl, s);
	if (ret < 0)
		goto out_free;
	k = (u32)ret;
	vid = s->vid;
	pool = s->pool;
	/* oldest first, so later copies win */
	for (i = 1; i < k; i++) {
		for (j = i; j > 0 && vid[j].sqnum < vid[j - 1].sqnum; j--) {
			struct ftl_vid_hdr tv = vid[j];
			u32 tp = pool[j];

			vid[j] = vid[j - 1];
			pool[j] = pool[j - 1];
			vid[j - 1] = tv;
			pool[j - 1] = tp;
		}
	}
	for (i = 0; i < k; i++)
		ftl_take_leb(ftl, pool[i], &vid[i], NULL);
	ret = 0;
out_free:
	kfree(s);
	return ret;
}

static int ftl_scan_peb(struct ftl_device *ftl, u32 peb, u64 *sq,
			u64 *ckpt_sq, bool *ec_known)
{
	struct ftl_peb *p = &ftl->pebs[peb];
	struct ftl_vid_hdr vid;
	struct ftl_ec_hdr ec;
	int ret;

	memset(p, 0, sizeof(*p));
	ret = mtd_block_isbad(ftl->mtd, ftl_peb_ofs(ftl, peb));
	if (ret) {
		p->state = PEB_BAD;
		return ret < 0 ? ret : 0;
	}
	p->state = PEB_DIRTY;
	ret = ftl_io_read_ec(ftl, peb, &ec);
	if (ret)
		return ret < 0 ? ret : 0;
	p->ec = (u32)ec.ec;
	*ec_known = true;
	ret = ftl_io_read_vid(ftl, peb, &vid);
	if (ret < 0)
		return ret;
	if (ret == FTL_HDR_EMPTY)
		p->state = PEB_FREE;
	if (ret)
		return 0;
	if (vid.sqnum >= ftl->sqnum)
		ftl->sqnum = vid.sqnum + 1;
	if (vid.vol_id == FTL_VOL_CKPT) {
		if (vid.lnum < FTL_CKPT_PEBS && peb < FTL_CKPT_SEARCH &&
		    ftl->ckpt_peb[vid.lnum] == FTL_UNMAPPED) {
			p->state = PEB_CKPT;
			ftl->ckpt_peb[vid.lnum] = peb;
			ckpt_sq[vid.lnum] = vid.sqnum;
		}
		return 0;
	}
	ftl_take_leb(ftl, peb, &vid, sq);
	return 0;
}

/* Give the checkpoint area fresh PEBs: nothing stale survives in it. */
static int ftl_ckpt_area_reset(struct ftl_device *ftl)
{
	u32 i, peb;
	int ret;

	for (i = 0; i < FTL_CKPT_PEBS; i++) {
		peb = ftl->ckpt_peb[i];
		if (peb == FTL_UNMAPPED) {
			for (peb = 0; peb < min(ftl->nr_pebs, (u32)FTL_CKPT_SEARCH); peb++)
				if (ftl->pebs[peb].state == PEB_FREE ||
				    ftl->pebs[peb].state == PEB_DIRTY)
					break;
			if (peb == min(ftl->nr_pebs, (u32)FTL_CKPT_SEARCH)) {
				pr_err("no PEB left for the checkpoint area\n");
				return -ENOSPC;
			}
			ftl->pebs[peb].state = PEB_CKPT;
			ftl->ckpt_peb[i] = peb;
		}
		ret = ftl_io_erase(ftl, peb);
		if (ret)
			return ret;
		ftl_io_build_vid(ftl, ftl->hbuf, FTL_VOL_CKPT, i, 0, 0, false);
		ret = ftl_io_write_unit(ftl, peb, ftl->hdr_unit, ftl->hbuf);
		if (ret)
			return ret;
	}
	ftl->ckpt_cur = FTL_CKPT_PEBS - 1;
	ftl->ckpt_next_slot = 0;
	return 0;
}

static int ftl_scan(struct ftl_device *ftl)
{
	u64 ckpt_sq[FTL_CKPT_PEBS], sum = 0;
	u32 i, known = 0;
	bool *ec_known;
	u64 *sq;
	int ret = -ENOMEM;

	sq = kcalloc(ftl->nr_pebs, sizeof(*sq), GFP_KERNEL);
	ec_known = kcalloc(ftl->nr_pebs, sizeof(bool), GFP_KERNEL);
	if (!sq || !ec_known)
		goto out_free;
	ftl->scanned = true;
	ftl->pool_count = 0;
	for (i = 0; i < FTL_CKPT_PEBS; i++)
		ftl->ckpt_peb[i] = FTL_UNMAPPED;
	for (i = 0; i < ftl->nr_pebs; i++) {
		ret = ftl_scan_peb(ftl, i, sq, ckpt_sq, &ec_known[i]);
		if (ret)
			goto out_free;
		if (ec_known[i]) {
			sum += ftl->pebs[i].ec;
			known++;
		}
	}
	if (!known) {
		pr_err("%s: no FTL headers found: not formatted?\n",
		       ftl->mtd->name);
		ret = -EUCLEAN;
		goto out_free;
	}
	for (i = 0; i < ftl->nr_pebs; i++)
		if (!ec_known[i])
			ftl->pebs[i].ec = (u32)(sum / known);
	ret = 0;
out_free:
	kfree(ec_known);
	kfree(sq);
	return ret;
}

static int ftl_load_volumes(struct ftl_device *ftl)
{
	u32 i;
	int ret;

	ftl->layout_peb = FTL_UNMAPPED;
	for (i = 0; i < ftl->nr_pebs; i++)
		if (ftl->pebs[i].state == PEB_USED &&
		    ftl->pebs[i].vol_id == FTL_VOL_LAYOUT &&
		    ftl->pebs[i].lnum == 0)
			ftl->layout_peb = i;
	ret = ftl_vtbl_load(ftl);
	if (ret)
		return ret;
	return ftl_eba_alloc_tables(ftl);
}

/**
 * ftl_attach() - attach an FTL-formatted device
 * @mtd: device or partition
 * @cfg: pool_size, wl_threshold, bad_reserve; may be NULL
 *
 * Return: the device or ERR_PTR(-EINVAL / -EUCLEAN / -EIO / -ENOMEM).
 */
struct ftl_device *ftl_attach(struct mtd_info *mtd, const struct ftl_config *cfg)
{
	struct ftl_device *ftl = ftl_alloc(mtd, cfg);
	int ret;

	if (IS_ERR(ftl))
		return ftl;
	ret = ftl_ckpt_load(ftl);
	if (!ret)
		ret = ftl_attach_pool(ftl);
	if (ret == -ENOENT || ret == -ESTALE || ret == -EUCLEAN) {
		pr_notice("%s: no usable checkpoint (%d): scanning\n",
			  mtd->name, ret);
		ret = ftl_scan(ftl);
		if (!ret)
			ret = ftl_load_volumes(ftl);
		if (!ret)
			ret = ftl_ckpt_area_reset(ftl);
		if (!ret)
			ret = ftl_wl_commit(ftl);
	} else if (!ret) {
		ret = ftl_load_volumes(ftl);
	}
	if (ret)
		goto out_free;
	ftl->st.attached_by_scan = ftl->scanned;
	return ftl;

out_free:
	pr_err("%s: attach failed: %d\n", mtd->name, ret);
	ftl_free(ftl);
	return ERR_PTR(ret == -ENOMEM || ret == -EINVAL ? ret :
		       ret == -EUCLEAN ? -EUCLEAN : -EIO);
}

/* Format: read what erase counters survive, erase everything. */
static int ftl_format_pebs(struct ftl_device *ftl, u32 image_seq)
{
	u64 sum = 0, known = 0;
	struct ftl_ec_hdr ec;
	u32 i, n = 0;

	for (i = 0; i < ftl->nr_pebs; i++) {
		struct ftl_peb *p = &ftl->pebs[i];

		p->state = PEB_FREE;
		if (mtd_block_isbad(ftl->mtd, ftl_peb_ofs(ftl, i))) {
			p->state = PEB_BAD;
			continue;
		}
		ftl->image_seq = 0;
		p->ec = FTL_UNMAPPED;
		if (!ftl_io_read_ec(ftl, i, &ec) && ec.ec < FTL_UNMAPPED) {
			p->ec = (u32)ec.ec;
			sum += p->ec;
			known++;
		}
	}
	ftl->image_seq = image_seq;
	for (i = 0; i < ftl->nr_pebs; i++) {
		struct ftl_peb *p = &ftl->pebs[i];

		if (p->state == PEB_BAD)
			continue;
		if (p->ec == FTL_UNMAPPED)
			p->ec = known ? (u32)(sum / known) : 0;
		if (ftl_io_erase(ftl, i)) {
			p->state = PEB_BAD;
			mtd_block_markbad(ftl->mtd, ftl_peb_ofs(ftl, i));
			continue;
		}
		if (n < FTL_CKPT_PEBS && i < FTL_CKPT_SEARCH) {
			p->state = PEB_CKPT;
			ftl->ckpt_peb[n++] = i;
		}
	}
	if (n < FTL_CKPT_PEBS) {
		pr_err("%s: too few good PEBs at the start\n", ftl->mtd->name);
		return -ENOSPC;
	}
	return 0;
}

/**
 * ftl_format() - write an empty FTL on @mtd
 * @mtd: device or partition
 * @cfg: image_seq (0: from the clock); may be NULL
 *
 * Return: 0, -EINVAL, -ENOSPC, -EIO, -ENOMEM.
 */
int ftl_format(struct mtd_info *mtd, const struct ftl_config *cfg)
{
	struct ftl_device *ftl = ftl_alloc(mtd, cfg);
	u32 seq;
	int ret;

	if (IS_ERR(ftl))
		return PTR_ERR(ftl);
	seq = cfg && cfg->image_seq ? cfg->image_seq :
	      (u32)(ktime_get_ns() * 2654435761u) | 1;
	ret = ftl_format_pebs(ftl, seq);
	if (!ret)
		ret = ftl_ckpt_area_reset(ftl);
	if (!ret) {
		ftl_wl_fill_pool(ftl);
		ret = ftl_vtbl_write(ftl);
	}
	if (!ret)
		ret = ftl_wl_commit(ftl);
	if (ret)
		pr_err("%s: format failed: %d\n", mtd->name, ret);
	ftl_free(ftl);
	return ret;
}

/**
 * ftl_sync() - checkpoint and erase dirty PEBs
 * Return: 0, -EIO, -EROFS.
 */
int ftl_sync(struct ftl_device *ftl)
{
	int ret;

	mutex_lock(&ftl->lock);
	ret = ftl->ro ? -EROFS : ftl_wl_commit(ftl);
	mutex_unlock(&ftl->lock);
	return ret;
}

/**
 * ftl_detach() - final checkpoint, then free
 * Return: 0 or the checkpoint's error (the device is freed anyway).
 */
int ftl_detach(struct ftl_device *ftl)
{
	int ret = 0;

	mutex_lock(&ftl->lock);
	if (!ftl->ro)
		ret = ftl_wl_commit(ftl);
	mutex_unlock(&ftl->lock);
	ftl_free(ftl);
	return ret;
}

/** ftl_leb_size() - bytes per LEB */
u32 ftl_leb_size(const struct ftl_device *ftl)
{
	return ftl->leb_size;
}

/** ftl_min_io() - write unit */
u32 ftl_min_io(const struct ftl_device *ftl)
{
	return ftl->min_io;
}

/**
 * ftl_get_stats() - counters, erase-count spread and RAM
 * @ftl: device
 * @st: filled in (the spread excludes the checkpoint PEBs)
 */
void ftl_get_stats(struct ftl_device *ftl, struct ftl_stats *st)
{
	u32 i;

	mutex_lock(&ftl->lock);
	*st = ftl->st;
	st->nr_pebs = ftl->nr_pebs;
	st->min_ec = FTL_UNMAPPED;
	st->ram_bytes = sizeof(*ftl) + ftl->nr_pebs * sizeof(*ftl->pebs) +
			ftl->chunk + ftl->hdr_unit + ftl->ckpt_slot;
	for (i = 0; i < FTL_MAX_VOLUMES; i++)
		st->ram_bytes += ftl->vols[i].reserved_lebs * sizeof(u32);
	for (i = 0; i < ftl->nr_pebs; i++) {
		struct ftl_peb *p = &ftl->pebs[i];

		if (p->state == PEB_BAD) {
			st->bad_pebs++;
			continue;
		}
		st->good_pebs++;
		if (p->state == PEB_FREE || p->state == PEB_DIRTY)
			st->free_pebs++;
		if (p->state == PEB_CKPT)
			continue;
		st->min_ec = min(st->min_ec, p->ec);
		st->max_ec = max(st->max_ec, p->ec);
	}
	i = ftl_wl_reserve(ftl);
	st->reserve_pebs = (int)i > 0 ? i : 0;
	mutex_unlock(&ftl->lock);
}
