// SPDX-License-Identifier: GPL-2.0
/*
 * FTL wear levelling and PEB life cycle.
 *
 * PEB states: FREE (erased, EC header on it) -> in the write pool ->
 * USED (mapped) -> DIRTY (superseded or unmapped) -> erased after the next
 * checkpoint -> FREE; any erase or program failure -> BAD.
 * Only pool PEBs are written between two checkpoints, and DIRTY PEBs are
 * erased only once a checkpoint no longer names their old mapping: that is
 * what lets attach trust the checkpoint and read just the pool's headers.
 * Dynamic WL: the pool takes the least-worn FREE PEBs.  Static WL: when the
 * most-worn free PEB is more than wl_threshold erases ahead of the
 * least-worn used one, that cold LEB moves onto the worn PEB.
 *
 * Layer: under eba.c, above io.c and ckpt.c.  Locking: ftl->lock held.
 * Must not know: what LEBs hold.
 */
#define pr_fmt(fmt) "ftl: " fmt
#include "ftl_priv.h"

/**
 * ftl_set_ro() - turn the FTL read-only after a fatal error, saying why
 * @ftl: device
 * @why: reason for the log
 */
void ftl_set_ro(struct ftl_device *ftl, const char *why)
{
	if (!ftl->ro)
		pr_err("%s: switching to read-only: %s\n", ftl->mtd->name, why);
	ftl->ro = true;
}

/**
 * ftl_wl_fill_pool() - choose the PEBs writable until the next checkpoint
 * @ftl: device
 *
 * The least-worn FREE PEBs (dynamic WL) plus the most-worn one (the target
 * of static WL moves).
 */
void ftl_wl_fill_pool(struct ftl_device *ftl)
{
	u32 i, n, best, hi = FTL_UNMAPPED;

	for (i = 0; i < ftl->nr_pebs; i++)
		ftl->pebs[i].in_pool = 0;
	ftl->pool_count = 0;
	for (i = 0; i < ftl->nr_pebs; i++) {
		struct ftl_peb *p = &ftl->pebs[i];

		if (p->state == PEB_FREE &&
		    (hi == FTL_UNMAPPED || p->ec > ftl->pebs[hi].ec))
			hi = i;
	}
	if (hi == FTL_UNMAPPED)
		return;
	ftl->pebs[hi].in_pool = 1;
	ftl->pool[ftl->pool_count++] = hi;
	for (n = 1; n < ftl->pool_size; n++) {
		best = FTL_UNMAPPED;
		for (i = 0; i < ftl->nr_pebs; i++) {
			struct ftl_peb *p = &ftl->pebs[i];

			if (p->state != PEB_FREE || p->in_pool)
				continue;
			if (best == FTL_UNMAPPED || p->ec < ftl->pebs[best].ec)
				best = i;
		}
		if (best == FTL_UNMAPPED)
			break;
		ftl->pebs[best].in_pool = 1;
		ftl->pool[ftl->pool_count++] = best;
	}
}

/**
 * ftl_wl_pool_remove() - take @peb out of the write pool if it is in it
 * @ftl: device
 * @peb: PEB
 */
void ftl_wl_pool_remove(struct ftl_device *ftl, u32 peb)
{
	u32 i;

	if (!ftl->pebs[peb].in_pool)
		return;
	for (i = 0; i < ftl->pool_count; i++) {
		if (ftl->pool[i] == peb) {
			ftl->pool[i] = ftl->pool[--ftl->pool_count];
			break;
		}
	}
	ftl->pebs[peb].in_pool = 0;
}

/**
 * ftl_wl_retire() - mark @peb bad after a program or erase failure
 * @ftl: device
 * @peb: the failed PEB (its mapping, if any, has been moved off already)
 *
 * Return: 0, or -EROFS when the bad-block reserve is exhausted or the mark
 * cannot be written.
 */
int ftl_wl_retire(struct ftl_device *ftl, u32 peb)
{
	struct ftl_peb *p = &ftl->pebs[peb];

	ftl_wl_pool_remove(ftl, peb);
	p->state = PEB_BAD;
	pr_warn("%s: PEB %u retired as bad\n", ftl->mtd->name, peb);
	if (mtd_block_markbad(ftl->mtd, ftl_peb_ofs(ftl, peb))) {
		ftl_set_ro(ftl, "cannot mark a bad block");
		return -EROFS;
	}
	if ((int)ftl_wl_reserve(ftl) < 0) {
		ftl_set_ro(ftl, "no spare PEBs left for bad blocks");
		return -EROFS;
	}
	return 0;
}

/**
 * ftl_wl_reserve() - spare PEBs left for bad-block replacement
 * Return: as a signed count cast to u32 (negative: over-committed).
 */
u32 ftl_wl_reserve(struct ftl_device *ftl)
{
	int good = 0, used = FTL_CKPT_PEBS + 1 + 2;	/* ckpt, layout, spare */
	u32 i;

	for (i = 0; i < ftl->nr_pebs; i++)
		good += ftl->pebs[i].state != PEB_BAD;
	for (i = 0; i < FTL_MAX_VOLUMES; i++)
		used += ftl->vols[i].reserved_lebs;
	return (u32)(good - used);
}

/**
 * ftl_wl_erase_dirty() - erase every DIRTY PEB (a checkpoint was written)
 *
 * A PEB that fails to erase is retired; that is not an error of the call.
 * Return: 0, or -EROFS when retiring is impossible.
 */
int ftl_wl_erase_dirty(struct ftl_device *ftl)
{
	int ret;
	u32 i;

	for (i = 0; i < ftl->nr_pebs; i++) {
		struct ftl_peb *p = &ftl->pebs[i];

		if (p->state != PEB_DIRTY)
			continue;
		if (!ftl_io_erase(ftl, i)) {
			p->state = PEB_FREE;
			continue;
		}
		ret = ftl_wl_retire(ftl, i);
		if (ret)
			return ret;
	}
	return 0;
}

/**
 * ftl_wl_commit() - checkpoint, then erase the PEBs it freed
 * Return: 0 or -errno.
 */
int ftl_wl_commit(struct ftl_device *ftl)
{
	int ret;

	ret = ftl_ckpt_write(ftl);
	if (ret)
		return ret;
	ret = ftl_wl_erase_dirty(ftl);
	ftl->wl_pending = true;
	return ret;
}

static u32 ftl_wl_pick(struct ftl_device *ftl, bool highest)
{
	u32 i, best = 0;

	for (i = 1; i < ftl->pool_count; i++) {
		u32 a = ftl->pebs[ftl->pool[i]].ec, b = ftl->pebs[ftl->pool[best]].ec;

		if (highest ? a > b : a < b)
			best = i;
	}
	return best;
}

/**
 * ftl_wl_get_peb() - take a PEB to write from the pool
 * @ftl: device
 * @for_wl: static WL move: take the most worn, and never checkpoint
 * @peb: result
 *
 * An empty pool is refilled by a checkpoint (at most twice: the first one
 * may only turn DIRTY PEBs FREE).
 * Return: 0, -ENOSPC, -EROFS, -EIO.
 */
int ftl_wl_get_peb(struct ftl_device *ftl, bool for_wl, u32 *peb)
{
	int ret, tries;
	u32 i;

	if (ftl->ro)
		return -EROFS;
	for (tries = 0; !ftl->pool_count; tries++) {
		if (for_wl || tries == 2)
			return -ENOSPC;
		ret = ftl_wl_commit(ftl);
		if (ret)
			return ret;
	}
	i = ftl_wl_pick(ftl, for_wl);
	*peb = ftl->pool[i];
	ftl->pool[i] = ftl->pool[--ftl->pool_count];
	ftl->pebs[*peb].in_pool = 0;
	return 0;
}

/**
 * ftl_wl_put_peb() - a USED PEB is superseded or unmapped
 * @ftl: device
 * @peb: it becomes DIRTY (erased after the next checkpoint)
 */
void ftl_wl_put_peb(struct ftl_device *ftl, u32 peb)
{
	ftl->pebs[peb].state = PEB_DIRTY;
}

/**
 * ftl_wl_static() - move cold LEBs off little-worn PEBs when the spread is
 * above the threshold (a few moves per call)
 * Return: 0 or -errno from the move.
 */
int ftl_wl_static(struct ftl_device *ftl)
{
	int moves, ret;
	u32 i;

	ftl->wl_pending = false;
	for (moves = 0; moves < 4 && ftl->pool_count && !ftl->ro; moves++) {
		u32 hi = ftl->pool[ftl_wl_pick(ftl, true)], lo = FTL_UNMAPPED;

		for (i = 0; i < ftl->nr_pebs; i++) {
			struct ftl_peb *p = &ftl->pebs[i];

			if (p->state == PEB_USED &&
			    (lo == FTL_UNMAPPED || p->ec < ftl->pebs[lo].ec))
				lo = i;
		}
		if (lo == FTL_UNMAPPED ||
		    ftl->pebs[hi].ec - ftl->pebs[lo].ec <= ftl->wl_threshold)
			return 0;
		ret = ftl_eba_copy(ftl, lo, true);
		if (ret)
			return ret == -ENOSPC ? 0 : ret;
		ftl->st.wl_moves++;
	}
	return 0;
}
