// SPDX-License-Identifier: GPL-2.0
/*
 * MTD partitions from the device tree: the flash node's "partitions"
 * child with compatible "fixed-partitions" (Linux binding
 * mtd/partitions/fixed-partitions.yaml): one child per partition with
 * reg = <offset size> and an optional label (else the node name).  Each
 * becomes a partition (mtd_part_init) registered under its master.
 *
 * Layer: glue, DT side.  Every entry is checked by mtd_part_init(): a
 * misaligned or out-of-range partition is logged and skipped alone.
 */
#define pr_fmt(fmt) "ofpart: " fmt
#include <mtd/mtd_device.h>
#include <kernel/of.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <libfdt.h>

struct of_part {
	struct mtd_info mtd;	/* first: freed as the mtd_info */
	char name[24];
};

/* reg of a partition: an offset in the flash, not a CPU address. */
static int read_part_reg(int node, u64 *ofs, u64 *size)
{
	int parent = of_parent(node), len;
	const fdt32_t *r = fdt_getprop(of_fdt, node, "reg", &len);
	u32 ac = 1, sc = 1;

	of_read_u32(parent, "#address-cells", &ac);
	of_read_u32(parent, "#size-cells", &sc);
	if (!r || ac < 1 || ac > 2 || sc < 1 || sc > 2 || len != (int)(4 * (ac + sc)))
		return -EINVAL;
	*ofs = fdt32_to_cpu(r[0]);
	if (ac == 2)
		*ofs = *ofs << 32 | fdt32_to_cpu(r[1]);
	*size = fdt32_to_cpu(r[ac]);
	if (sc == 2)
		*size = *size << 32 | fdt32_to_cpu(r[ac + 1]);
	return 0;
}

static int add_one(struct mtd_info *master, struct device *parent, int node)
{
	const char *label = of_read_string(node, "label");
	struct of_part *p;
	u64 ofs, size;
	int err;

	if (read_part_reg(node, &ofs, &size)) {
		pr_err("%s: %s: no reg fitting #address-cells/#size-cells: skipped",
		       master->name, of_node_name(node));
		return -EINVAL;
	}
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	strlcpy(p->name, label ? label : of_node_name(node), sizeof(p->name));
	err = mtd_part_init(&p->mtd, master, p->name, ofs, size);
	if (err) {
		pr_err("%s: partition %s (%llx+%llx) misaligned or outside the device: skipped",
		       master->name, p->name, ofs, size);
		goto out_free;
	}
	err = mtd_device_register(&p->mtd, parent, true);
	if (err) {
		pr_err("%s: partition %s: %d", master->name, p->name, err);
		goto out_free;
	}
	pr_info("%s: partition %s at %llx, %llu KiB", master->name, p->name, ofs, size >> 10);
	return 0;

out_free:
	kfree(p);
	return err;
}

int of_mtd_parse_partitions(struct mtd_info *master, struct device *master_dev, int node)
{
	int parts = fdt_subnode_offset(of_fdt, node, "partitions"), child, n = 0;
	struct device *mdev_parent = master_dev;

	if (parts < 0)
		return 0;
	if (!of_node_is_compatible(parts, "fixed-partitions")) {
		pr_err("%s: partitions node is not fixed-partitions: ignored", master->name);
		return 0;
	}
	/* Partitions hang under the master's own mtd device. */
	{
		struct device *dev;

		list_for_each_entry(dev, &master_dev->children, sibling)
			if (dev->class == &mtd_class && !strcmp(dev->name, master->name))
				mdev_parent = dev;
	}
	fdt_for_each_subnode(child, of_fdt, parts) {
		int err;

		if (!of_node_is_available(child))
			continue;
		err = add_one(master, mdev_parent, child);
		if (err == -ENOMEM)
			return err;
		if (!err)
			n++;
	}
	return n;
}
