// SPDX-License-Identifier: GPL-2.0
/*
 * FTL volume table: up to FTL_MAX_VOLUMES named volumes with a number of
 * reserved LEBs, stored in LEB 0 of the internal layout volume and changed
 * atomically (ftl_leb_change semantics), so a power cut during volume
 * creation leaves the old table or the new one.
 *
 * Layer: beside eba.c.  Locking: the public calls take ftl->lock.
 * Must not know: what is stored in the volumes.
 */
#define pr_fmt(fmt) "ftl: " fmt
#include <lib/crc32.h>
#include "ftl_priv.h"

#define VTBL_SIZE (FTL_MAX_VOLUMES * sizeof(struct ftl_vtbl_rec))

/**
 * ftl_vtbl_load() - read the volume table into ftl->vols
 *
 * Caller has set ftl->layout_peb from the PEB table.
 * Return: 0, -EUCLEAN (corrupt record), -EIO.
 */
int ftl_vtbl_load(struct ftl_device *ftl)
{
	struct ftl_vtbl_rec rec[FTL_MAX_VOLUMES];
	int ret, i;

	memset(ftl->vols, 0, sizeof(ftl->vols));
	if (ftl->layout_peb == FTL_UNMAPPED) {
		pr_warn("%s: no volume table: no volumes\n", ftl->mtd->name);
		return 0;
	}
	ret = ftl_io_read(ftl, ftl->layout_peb, 2 * ftl->hdr_unit, rec,
			  VTBL_SIZE);
	if (ret)
		return ret;
	for (i = 0; i < FTL_MAX_VOLUMES; i++) {
		struct ftl_vtbl_rec *r = &rec[i];

		if (crc32(0, r, offsetof(struct ftl_vtbl_rec, crc)) != r->crc ||
		    r->name_len > FTL_VOL_NAME_MAX ||
		    (r->reserved_lebs && !r->name_len) ||
		    r->reserved_lebs > ftl->nr_pebs) {
			pr_err("%s: volume table record %d corrupt\n",
			       ftl->mtd->name, i);
			return -EUCLEAN;
		}
		ftl->vols[i].reserved_lebs = r->reserved_lebs;
		memcpy(ftl->vols[i].name, r->name, r->name_len);
		ftl->vols[i].name[r->name_len] = 0;
	}
	return 0;
}

/**
 * ftl_vtbl_write() - write ftl->vols as the new volume table
 * Return: as __ftl_leb_change().
 */
int ftl_vtbl_write(struct ftl_device *ftl)
{
	u32 len = ALIGN_UP((u32)VTBL_SIZE, ftl->min_io);
	struct ftl_vtbl_rec *rec;
	int ret, i;

	rec = kmalloc(len, GFP_KERNEL);
	if (!rec)
		return -ENOMEM;
	memset(rec, 0xff, len);
	for (i = 0; i < FTL_MAX_VOLUMES; i++) {
		struct ftl_vtbl_rec *r = &rec[i];

		memset(r, 0, sizeof(*r));
		r->reserved_lebs = ftl->vols[i].reserved_lebs;
		r->name_len = (u8)strlen(ftl->vols[i].name);
		memcpy(r->name, ftl->vols[i].name, r->name_len);
		r->crc = crc32(0, r, offsetof(struct ftl_vtbl_rec, crc));
	}
	ret = __ftl_leb_change(ftl, FTL_VOL_LAYOUT, 0, rec, len);
	kfree(rec);
	return ret;
}

static int vtbl_find(struct ftl_device *ftl, const char *name)
{
	int i;

	for (i = 0; i < FTL_MAX_VOLUMES; i++)
		if (ftl->vols[i].reserved_lebs && !strcmp(ftl->vols[i].name, name))
			return i;
	return -ENOENT;
}

/**
 * ftl_vol_find() - look a volume up by name
 * Return: volume id or -ENOENT.
 */
int ftl_vol_find(struct ftl_device *ftl, const char *name)
{
	int ret;

	mutex_lock(&ftl->lock);
	ret = vtbl_find(ftl, name);
	mutex_unlock(&ftl->lock);
	return ret;
}

/**
 * ftl_vol_lebs() - LEBs reserved by volume @vol
 * Return: the count, 0 if no such volume.
 */
u32 ftl_vol_lebs(struct ftl_device *ftl, int vol)
{
	u32 n = 0;

	mutex_lock(&ftl->lock);
	if (vol >= 0 && vol < FTL_MAX_VOLUMES)
		n = ftl->vols[vol].reserved_lebs;
	mutex_unlock(&ftl->lock);
	return n;
}

static int vol_create_locked(struct ftl_device *ftl, const char *name,
			     u32 nr_lebs)
{
	size_t len = strnlen(name, FTL_VOL_NAME_MAX + 1);
	int avail = (int)ftl_wl_reserve(ftl) - (int)ftl->bad_reserve;
	struct ftl_volume *v;
	int id, ret;
	u32 l;

	if (!len || len > FTL_VOL_NAME_MAX)
		return -EINVAL;
	if (ftl->ro)
		return -EROFS;
	if (vtbl_find(ftl, name) >= 0)
		return -EEXIST;
	for (id = 0; id < FTL_MAX_VOLUMES; id++)
		if (!ftl->vols[id].reserved_lebs)
			break;
	if (id == FTL_MAX_VOLUMES)
		return -ENFILE;
	if (!nr_lebs)
		nr_lebs = avail > 0 ? (u32)avail : 0;
	if (!nr_lebs || (int)nr_lebs > avail)
		return -ENOSPC;
	v = &ftl->vols[id];
	v->eba = kcalloc(nr_lebs, sizeof(u32), GFP_KERNEL);
	if (!v->eba)
		return -ENOMEM;
	for (l = 0; l < nr_lebs; l++)
		v->eba[l] = FTL_UNMAPPED;
	memcpy(v->name, name, len);
	v->name[len] = 0;
	v->reserved_lebs = nr_lebs;
	ret = ftl_vtbl_write(ftl);
	if (ret)
		goto out_forget;
	return id;

out_forget:
	kfree(v->eba);
	memset(v, 0, sizeof(*v));
	return ret;
}

/**
 * ftl_vol_create() - create a volume
 * @ftl: device
 * @name: 1..23 characters
 * @nr_lebs: LEBs, 0 for all that are left
 *
 * Return: volume id, -EEXIST, -ENOSPC, -ENFILE, -EINVAL, -EROFS, -EIO.
 */
int ftl_vol_create(struct ftl_device *ftl, const char *name, u32 nr_lebs)
{
	int ret;

	mutex_lock(&ftl->lock);
	ret = vol_create_locked(ftl, name, nr_lebs);
	mutex_unlock(&ftl->lock);
	return ret;
}
