// SPDX-License-Identifier: GPL-2.0
/*
 * FTL eraseblock association: the LEB -> PEB tables and the LEB calls
 * (read, write, atomic change, unmap), plus copying a LEB to a new PEB for
 * wear levelling, scrubbing and program-failure recovery.
 *
 * A LEB is written by taking a PEB from the pool (wl.c), writing a VID
 * header with a fresh sequence number, then the data; a change or a copy
 * sets copy_flag with the data's size and CRC, so that after a power cut
 * attach keeps the old copy unless the new one is complete.
 *
 * Layer: the top of the FTL; the public LEB calls take ftl->lock.
 * Must not know: what the data means (LogFS, volumes' contents).
 */
#define pr_fmt(fmt) "ftl: " fmt
#include <lib/crc32.h>
#include "ftl_priv.h"

#define FTL_WRITE_TRIES	3

/**
 * ftl_eba_slot() - the mapping entry of (@vol, @lnum)
 * Return: pointer to the PEB number, or NULL if there is no such LEB.
 */
u32 *ftl_eba_slot(struct ftl_device *ftl, u32 vol, u32 lnum)
{
	if (vol == FTL_VOL_LAYOUT)
		return lnum == 0 ? &ftl->layout_peb : NULL;
	if (vol >= FTL_MAX_VOLUMES || !ftl->vols[vol].reserved_lebs ||
	    lnum >= ftl->vols[vol].reserved_lebs)
		return NULL;
	return &ftl->vols[vol].eba[lnum];
}

/**
 * ftl_eba_alloc_tables() - build every volume's table from the PEB states
 *
 * Mappings to no volume (a removed or never-created one) become DIRTY.
 * Return: 0 or -ENOMEM.
 */
int ftl_eba_alloc_tables(struct ftl_device *ftl)
{
	u32 i, l, *slot;

	ftl->layout_peb = FTL_UNMAPPED;
	for (i = 0; i < FTL_MAX_VOLUMES; i++) {
		struct ftl_volume *v = &ftl->vols[i];

		kfree(v->eba);
		v->eba = NULL;
		if (!v->reserved_lebs)
			continue;
		v->eba = kcalloc(v->reserved_lebs, sizeof(u32), GFP_KERNEL);
		if (!v->eba)
			return -ENOMEM;
		for (l = 0; l < v->reserved_lebs; l++)
			v->eba[l] = FTL_UNMAPPED;
	}
	for (i = 0; i < ftl->nr_pebs; i++) {
		struct ftl_peb *p = &ftl->pebs[i];

		if (p->state != PEB_USED)
			continue;
		slot = ftl_eba_slot(ftl, p->vol_id, p->lnum);
		if (!slot || *slot != FTL_UNMAPPED) {
			pr_warn("PEB %u: stale LEB %u:%u dropped\n", i,
				p->vol_id, p->lnum);
			p->state = PEB_DIRTY;
			continue;
		}
		*slot = i;
	}
	return 0;
}

static void ftl_eba_map(struct ftl_device *ftl, u32 *slot, u32 peb, u32 vol,
			u32 lnum)
{
	struct ftl_peb *p = &ftl->pebs[peb];

	if (*slot != FTL_UNMAPPED)
		ftl_wl_put_peb(ftl, *slot);
	p->state = PEB_USED;
	p->vol_id = vol;
	p->lnum = lnum;
	*slot = peb;
}

/*
 * What a new PEB receives: the first peb_len data bytes of PEB @peb (if
 * any), then buf_len bytes of @buf.
 */
struct ftl_src {
	u32 peb;
	u32 peb_len;
	const void *buf;
	u32 buf_len;
};

/* Copy src->peb's first peb_len bytes to @dst, a chunk at a time. */
static int ftl_eba_copy_data(struct ftl_device *ftl, u32 dst,
			     const struct ftl_src *src)
{
	u32 data = 2 * ftl->hdr_unit, ofs, n;
	int ret;

	for (ofs = 0; ofs < src->peb_len; ofs += n) {
		n = min(ftl->chunk, src->peb_len - ofs);
		ret = ftl_io_read(ftl, src->peb, data + ofs, ftl->buf, n);
		if (ret)
			return ret == -EIO ? -EBADMSG : ret;	/* source fault */
		ret = ftl_io_write(ftl, dst, data + ofs, ftl->buf, n);
		if (ret)
			return ret;
	}
	return 0;
}

/* Write VID header + data to a fresh PEB, retrying on program failure. */
static int ftl_eba_write_new(struct ftl_device *ftl, u32 vol, u32 lnum,
			     const struct ftl_src *src, bool copy, bool for_wl,
			     u32 *out)
{
	u32 data = 2 * ftl->hdr_unit, peb, crc = 0;
	int ret, tries;

	if (copy && src->peb_len) {
		ret = ftl_io_data_crc(ftl, src->peb, src->peb_len, &crc);
		if (ret)
			return ret;
	}
	if (copy)
		crc = crc32(crc, src->buf, src->buf_len);
	for (tries = 0; tries < FTL_WRITE_TRIES; tries++) {
		ret = ftl_wl_get_peb(ftl, for_wl, &peb);
		if (ret)
			return ret;
		ftl_io_build_vid(ftl, ftl->hbuf, vol, lnum,
				 src->peb_len + src->buf_len, crc, copy);
		ret = ftl_io_write_unit(ftl, peb, ftl->hdr_unit, ftl->hbuf);
		if (!ret)
			ret = ftl_eba_copy_data(ftl, peb, src);
		if (!ret && src->buf_len)
			ret = ftl_io_write(ftl, peb, data + src->peb_len,
					   src->buf, src->buf_len);
		if (!ret) {
			*out = peb;
			return 0;
		}
		if (ret != -EIO) {
			ftl_wl_put_peb(ftl, peb);
			return ret;
		}
		ret = ftl_wl_retire(ftl, peb);
		if (ret)
			return ret;
	}
	ftl_set_ro(ftl, "repeated program failures");
	return -EIO;
}

/**
 * ftl_eba_copy() - move the LEB in PEB @from to a new PEB
 * @ftl: device
 * @from: a USED PEB
 * @for_wl: static WL move (most-worn target; no checkpoint on empty pool)
 *
 * Return: 0, -ENOSPC, -EBADMSG (source unreadable), -EIO, -EROFS.
 */
int ftl_eba_copy(struct ftl_device *ftl, u32 from, bool for_wl)
{
	struct ftl_peb *p = &ftl->pebs[from];
	u32 vol = p->vol_id, lnum = p->lnum, peb, *slot;
	struct ftl_src src = { .peb = from };
	int ret;

	slot = ftl_eba_slot(ftl, vol, lnum);
	if (p->state != PEB_USED || !slot || *slot != from)
		return -EINVAL;
	ret = ftl_io_data_len(ftl, from, &src.peb_len);
	if (ret)
		return ret;
	ret = ftl_eba_write_new(ftl, vol, lnum, &src, true, for_wl, &peb);
	if (ret)
		return ret;
	ftl_eba_map(ftl, slot, peb, vol, lnum);
	return 0;
}

static int ftl_check_io(struct ftl_device *ftl, int vol, u32 lnum, u32 offset,
			u32 len, bool write, u32 **slot)
{
	if (vol < 0 || vol >= FTL_MAX_VOLUMES)
		return -EINVAL;
	*slot = ftl_eba_slot(ftl, vol, lnum);
	if (!*slot || offset > ftl->leb_size || len > ftl->leb_size - offset)
		return -EINVAL;
	if (write && (offset % ftl->min_io || len % ftl->min_io))
		return -EINVAL;
	if (write && ftl->ro)
		return -EROFS;
	return 0;
}

/* End of a public write call: run static WL if a checkpoint asked for it. */
static void ftl_eba_after_write(struct ftl_device *ftl)
{
	int ret;

	if (!ftl->wl_pending)
		return;
	ret = ftl_wl_static(ftl);
	if (ret)
		pr_warn("wear-levelling move failed: %d\n", ret);
}

/**
 * ftl_leb_read() - read from a LEB (unmapped reads as 0xff)
 * @ftl: device
 * @vol: volume id
 * @lnum: LEB
 * @offset: byte offset
 * @buf: destination
 * @len: bytes
 *
 * Return: 0, -EINVAL, -EBADMSG, -EIO.
 */
int ftl_leb_read(struct ftl_device *ftl, int vol, u32 lnum, u32 offset,
		 void *buf, u32 len)
{
	u32 *slot, peb;
	int ret;

	mutex_lock(&ftl->lock);
	ret = ftl_check_io(ftl, vol, lnum, offset, len, false, &slot);
	if (ret)
		goto out_unlock;
	peb = *slot;
	if (peb == FTL_UNMAPPED) {
		memset(buf, 0xff, len);
		goto out_unlock;
	}
	ret = mtd_read(ftl->mtd, ftl_peb_ofs(ftl, peb) + 2 * ftl->hdr_unit +
		       offset, len, buf);
	if (ret == -EUCLEAN) {
		/* data is good; move it before the flips become errors */
		ret = 0;
		if (!ftl->ro && !ftl_eba_copy(ftl, peb, false))
			ftl->st.scrubs++;
		ftl_eba_after_write(ftl);
	} else if (ret) {
		pr_err("LEB %d:%u (PEB %u) read failed: %d\n", vol, lnum, peb, ret);
	}
out_unlock:
	mutex_unlock(&ftl->lock);
	return ret;
}

/* A program failure on a mapped LEB: move what it held plus the new data. */
static int ftl_eba_recover(struct ftl_device *ftl, u32 *slot, int vol,
			   u32 lnum, u32 offset, const void *buf, u32 len)
{
	struct ftl_src src = { .peb = *slot, .peb_len = offset, .buf = buf,
			       .buf_len = len };
	u32 old = *slot, peb;
	int ret;

	ret = ftl_eba_write_new(ftl, vol, lnum, &src, true, false, &peb);
	if (ret)
		return ret;
	*slot = FTL_UNMAPPED;
	ftl_eba_map(ftl, slot, peb, vol, lnum);
	return ftl_wl_retire(ftl, old);
}

/**
 * ftl_leb_write() - write to a LEB, mapping it first if needed
 * @ftl: device
 * @vol: volume id
 * @lnum: LEB
 * @offset: multiple of min_io, not written since the LEB was mapped
 * @buf: data
 * @len: multiple of min_io
 *
 * Return: 0, -EINVAL, -ENOSPC, -EROFS, -EIO.
 */
int ftl_leb_write(struct ftl_device *ftl, int vol, u32 lnum, u32 offset,
		  const void *buf, u32 len)
{
	u32 *slot, peb;
	int ret;

	mutex_lock(&ftl->lock);
	ret = ftl_check_io(ftl, vol, lnum, offset, len, true, &slot);
	if (ret)
		goto out_unlock;
	if (*slot == FTL_UNMAPPED) {
		struct ftl_src none = { .peb = FTL_UNMAPPED };

		ret = ftl_eba_write_new(ftl, vol, lnum, &none, false, false,
					&peb);
		if (ret)
			goto out_unlock;
		ftl_eba_map(ftl, slot, peb, vol, lnum);
	}
	if (!len)
		goto out_wl;
	ret = ftl_io_write(ftl, *slot, 2 * ftl->hdr_unit + offset, buf, len);
	if (ret == -EIO)
		ret = ftl_eba_recover(ftl, slot, vol, lnum, offset, buf, len);
out_wl:
	if (!ret)
		ftl_eba_after_write(ftl);
out_unlock:
	mutex_unlock(&ftl->lock);
	return ret;
}

/**
 * __ftl_leb_change() - atomic LEB change, lock held (vtbl.c uses it)
 * Return: as ftl_leb_change().
 */
int __ftl_leb_change(struct ftl_device *ftl, u32 vol, u32 lnum,
		     const void *buf, u32 len)
{
	struct ftl_src src = { .peb = FTL_UNMAPPED, .buf = buf, .buf_len = len };
	u32 *slot = ftl_eba_slot(ftl, vol, lnum), peb;
	int ret;

	if (!slot || len > ftl->leb_size || len % ftl->min_io)
		return -EINVAL;
	if (ftl->ro)
		return -EROFS;
	ret = ftl_eba_write_new(ftl, vol, lnum, &src, true, false, &peb);
	if (ret)
		return ret;
	ftl_eba_map(ftl, slot, peb, vol, lnum);
	return 0;
}

/**
 * ftl_leb_change() - replace a LEB atomically
 * @ftl: device
 * @vol: volume id
 * @lnum: LEB
 * @buf: new contents
 * @len: bytes, multiple of min_io
 *
 * Return: 0, -EINVAL, -ENOSPC, -EROFS, -EIO.
 */
int ftl_leb_change(struct ftl_device *ftl, int vol, u32 lnum,
		   const void *buf, u32 len)
{
	int ret;

	if (vol < 0 || vol >= FTL_MAX_VOLUMES)
		return -EINVAL;
	mutex_lock(&ftl->lock);
	ret = __ftl_leb_change(ftl, vol, lnum, buf, len);
	if (!ret)
		ftl_eba_after_write(ftl);
	mutex_unlock(&ftl->lock);
	return ret;
}

/**
 * ftl_leb_unmap() - forget a LEB (durable after the next ftl_sync())
 * Return: 0, -EINVAL, -EROFS.
 */
int ftl_leb_unmap(struct ftl_device *ftl, int vol, u32 lnum)
{
	u32 *slot;
	int ret;

	mutex_lock(&ftl->lock);
	ret = ftl_check_io(ftl, vol, lnum, 0, 0, true, &slot);
	if (!ret && *slot != FTL_UNMAPPED) {
		ftl_wl_put_peb(ftl, *slot);
		*slot = FTL_UNMAPPED;
	}
	mutex_unlock(&ftl->lock);
	return ret;
}

/**
 * ftl_leb_is_mapped() - does the LEB hold data?
 * Return: 1, 0, or -EINVAL.
 */
int ftl_leb_is_mapped(struct ftl_device *ftl, int vol, u32 lnum)
{
	u32 *slot;
	int ret;

	mutex_lock(&ftl->lock);
	ret = ftl_check_io(ftl, vol, lnum, 0, 0, false, &slot);
	if (!ret)
		ret = *slot != FTL_UNMAPPED;
	mutex_unlock(&ftl->lock);
	return ret;
}
