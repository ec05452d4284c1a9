// SPDX-License-Identifier: GPL-2.0
/*
 * FTL volumes by name, for filesystems to mount (kernel only).
 *
 * A mount source "ftl:<mtd>" (or "ftl:<mtd>/<volume>") names volume
 * <volume> (default: <mtd> again) of the FTL on the MTD device or
 * partition <mtd>, as UBIFS names "ubi:<volume>".  The first user attaches
 * the FTL (from its checkpoint: a few KiB read); the last one detaches it.
 *
 * First boot: an MTD device whose every erase block starts blank (erased
 * 0xff, or the 0x00 of a new QEMU image file) is formatted, and a fresh
 * FTL gets the named volume with every LEB.  Anything else that does not
 * attach is left alone with a clear error: formatting it could destroy
 * data that a repair tool might still save.
 *
 * Locking: ftl_volumes_lock serialises get/put (mounts are rare).
 */
#define pr_fmt(fmt) "ftl: " fmt
#include <mtd/ftl.h>
#include <mtd/mtd_device.h>
#include <mtd/ftl_volume.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/list.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>

struct ftl_attached {
	struct list_head node;
	struct mtd_info *mtd;
	struct ftl_device *ftl;
	unsigned int users;
};

static LIST_HEAD(ftl_attached_list);
static DEFINE_MUTEX(ftl_volumes_lock);

/* Bytes at the start of each erase block that must be blank. */
#define BLANK_PROBE 64

static bool probe_is_blank(const u8 *buf)
{
	u8 fill = buf[0];
	unsigned int i;

	if (fill != 0xff && fill != 0x00)
		return false;
	for (i = 1; i < BLANK_PROBE; i++)
		if (buf[i] != fill)
			return false;
	return true;
}

/* Never used: every erase block's header area is erased (or zero). */
static int mtd_is_blank(struct mtd_info *mtd)
{
	u8 buf[BLANK_PROBE];
	u64 ofs;
	int ret;

	for (ofs = 0; ofs < mtd->size; ofs += mtd->erasesize) {
		if (mtd_block_isbad(mtd, ofs) > 0)
			continue;
		ret = mtd_read(mtd, ofs, sizeof(buf), buf);
		if (ret < 0)
			return ret;
		if (!probe_is_blank(buf))
			return 0;
	}
	return 1;
}

static struct ftl_device *attach_or_format(struct mtd_info *mtd)
{
	struct ftl_device *ftl = ftl_attach(mtd, NULL);
	int blank, ret;

	if (!IS_ERR(ftl) || PTR_ERR(ftl) != -EUCLEAN)
		return ftl;
	blank = mtd_is_blank(mtd);
	if (blank <= 0) {
		pr_err("%s: not an FTL image and not blank: left untouched "
		       "(erase it to start again)", mtd->name);
		return ERR_PTR(blank < 0 ? blank : -EUCLEAN);
	}
	pr_notice("%s: blank, formatting (%llu KiB, %u erase blocks)",
		  mtd->name, mtd->size >> 10, mtd_nr_blocks(mtd));
	ret = ftl_format(mtd, NULL);
	if (ret) {
		pr_err("%s: format failed: %d", mtd->name, ret);
		return ERR_PTR(ret);
	}
	return ftl_attach(mtd, NULL);
}

static struct ftl_attached *find_attached(struct mtd_info *mtd)
{
	struct ftl_attached *a;

	list_for_each_entry(a, &ftl_attached_list, node)
		if (a->mtd == mtd)
			return a;
	return NULL;
}

/* Split "ftl:<mtd>[/<volume>]"; the volume defaults to the MTD name. */
static int parse_spec(const char *spec, char *mtd_name, char *vol_name)
{
	const char *name = spec + 4, *slash;
	size_t len;

	if (strncmp(spec, "ftl:", 4))
		return -EINVAL;
	slash = strchr(name, '/');
	len = slash ? (size_t)(slash - name) : strlen(name);
	if (!len || len >= FTL_VOLUME_NAME_MAX)
		return -EINVAL;
	memcpy(mtd_name, name, len);
	mtd_name[len] = '\0';
	name = slash ? slash + 1 : mtd_name;
	if (!*name || strlen(name) >= FTL_VOLUME_NAME_MAX)
		return -EINVAL;
	strcpy(vol_name, name);
	return 0;
}

/* The volume, created with every LEB when the FTL has no volume yet. */
static int find_or_create_volume(struct ftl_attached *a, const char *name)
{
	int vol = ftl_vol_find(a->ftl, name);
	struct ftl_stats st;

	if (vol != -ENOENT)
		return vol;
	ftl_get_stats(a->ftl, &st);
	vol = ftl_vol_create(a->ftl, name, 0);
	if (vol == -ENOSPC)	/* other volumes took every LEB */
		return -ENOENT;
	if (vol >= 0) {
		pr_notice("%s: created volume \"%s\" (%u LEBs of %u KiB)", a->mtd->name,
			  name, ftl_vol_lebs(a->ftl, vol), ftl_leb_size(a->ftl) >> 10);
		vol = ftl_sync(a->ftl) ?: vol;
	}
	return vol;
}

int ftl_volume_get(const char *spec, struct ftl_volume *v)
{
	char mtd_name[FTL_VOLUME_NAME_MAX], vol_name[FTL_VOLUME_NAME_MAX];
	struct ftl_attached *a;
	struct mtd_info *mtd;
	int ret;

	ret = parse_spec(spec, mtd_name, vol_name);
	if (ret)
		return ret;
	mutex_lock(&ftl_volumes_lock);
	mtd = mtd_find(mtd_name);
	ret = -ENODEV;
	if (!mtd)
		goto out;
	a = find_attached(mtd);
	if (!a) {
		a = kzalloc(sizeof(*a), GFP_KERNEL);
		ret = -ENOMEM;
		if (!a)
			goto out;
		a->mtd = mtd;
		a->ftl = attach_or_format(mtd);
		if (IS_ERR(a->ftl)) {
			ret = PTR_ERR(a->ftl);
			kfree(a);
			goto out;
		}
		list_add(&a->node, &ftl_attached_list);
	}
	a->users++;
	ret = find_or_create_volume(a, vol_name);
	if (ret < 0) {
		mutex_unlock(&ftl_volumes_lock);
		ftl_volume_put(a->ftl);
		return ret;
	}
	v->ftl = a->ftl;
	v->vol = ret;
	ret = 0;
out:
	mutex_unlock(&ftl_volumes_lock);
	return ret;
}

void ftl_volume_put(struct ftl_device *ftl)
{
	struct ftl_attached *a;
	int ret;

	mutex_lock(&ftl_volumes_lock);
	list_for_each_entry(a, &ftl_attached_list, node) {
		if (a->ftl != ftl || --a->users)
			continue;
		list_del(&a->node);
		ret = ftl_detach(a->ftl);
		if (ret)
			pr_err("%s: detach: final checkpoint failed: %d", a->mtd->name, ret);
		kfree(a);
		break;
	}
	mutex_unlock(&ftl_volumes_lock);
}

bool ftl_volume_is_empty(const struct ftl_volume *v, u32 first, u32 count)
{
	u32 lnum;

	for (lnum = first; lnum < first + count; lnum++)
		if (ftl_leb_is_mapped(v->ftl, v->vol, lnum) != 0)
			return false;
	return true;
}
