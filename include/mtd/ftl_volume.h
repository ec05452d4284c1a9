/* SPDX-License-Identifier: GPL-2.0 */
/*
 * FTL volumes named by a mount source (kernel only; drivers/mtd/ftl_volume.c).
 *
 *	struct ftl_volume v;
 *	ret = ftl_volume_get("ftl:data", &v);     // attach (or format a blank) "data"
 *	logfs_dev_ftl(&dev, v.ftl, v.vol);
 *	...
 *	ftl_volume_put(v.ftl);                    // the last user detaches
 */
#ifndef MTD_FTL_VOLUME_H
#define MTD_FTL_VOLUME_H

#include <kernel/types.h>

struct ftl_device;

#define FTL_VOLUME_NAME_MAX 24

struct ftl_volume {
	struct ftl_device *ftl;
	int vol;
};

/**
 * ftl_volume_get() - the volume named by @spec, attaching its FTL if needed
 * @spec: "ftl:<mtd>" or "ftl:<mtd>/<volume>"
 * @v: out: the device and volume id; release with ftl_volume_put()
 *
 * A blank MTD device is formatted; an FTL without volumes gets this one
 * with every LEB.
 * Return: 0, -EINVAL (bad spec), -ENODEV (no such MTD), -ENOENT (no such
 * volume and no room for it), -EUCLEAN (not an FTL and not blank), or the
 * attach error.
 */
int ftl_volume_get(const char *spec, struct ftl_volume *v);

/** ftl_volume_put() - drop a reference; the last one detaches the FTL */
void ftl_volume_put(struct ftl_device *ftl);

/** ftl_volume_is_empty() - no LEB in [@first, @first + @count) is mapped */
bool ftl_volume_is_empty(const struct ftl_volume *v, u32 first, u32 count);

#endif /* MTD_FTL_VOLUME_H */
