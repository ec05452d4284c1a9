// SPDX-License-Identifier: GPL-2.0
/*
 * Early DT binding: the interrupt controller, the console and the timers
 * are needed before anything else, so they bind from a table (the
 * "dt_drivers" linker section) in fixed stages rather than through the
 * device model.  A node is bound at most once; a probe error is reported
 * with the node's path and skips only that node.
 */
#define pr_fmt(fmt) "of: " fmt
#include <kernel/of.h>
#include <kernel/printk.h>
#include <kernel/errno.h>
#include <libfdt.h>

extern const struct dt_driver *const __dt_drivers_start[] __weak;
extern const struct dt_driver *const __dt_drivers_end[] __weak;

#define MAX_BOUND 64
static struct {
	int node;
	const struct dt_driver *drv;
} bound_nodes[MAX_BOUND];
static int nr_bound;

const struct dt_driver *dt_node_early_driver(int node)
{
	for (int i = 0; i < nr_bound; i++)
		if (bound_nodes[i].node == node)
			return bound_nodes[i].drv;
	return NULL;
}

bool dt_node_bound(int node)
{
	return dt_node_early_driver(node) != NULL;
}

static int probe_matches(const struct dt_driver *drv)
{
	int count = 0;

	for (const char *const *c = drv->compatible; *c; c++) {
		int node = -1;

		while ((node = fdt_node_offset_by_compatible(of_fdt, node, *c)) >= 0) {
			char path[128];
			int err;

			if (!of_node_is_available(node) || dt_node_bound(node))
				continue;
			err = drv->probe(node);
			if (err == -ENODEV)	/* "not for me": left to the device model */
				continue;
			if (err) {
				of_node_path(node, path, sizeof(path));
				pr_err("%s: probe of %s failed: %d", drv->name, path, err);
				continue;
			}
			if (nr_bound < MAX_BOUND) {
				bound_nodes[nr_bound].node = node;
				bound_nodes[nr_bound++].drv = drv;
			} else {
				pr_err("%s: too many early devices to record", drv->name);
			}
			count++;
		}
	}
	return count;
}

int dt_probe_stage(enum dt_stage stage)
{
	int count = 0;

	for (const struct dt_driver *const *d = __dt_drivers_start; d < __dt_drivers_end; d++)
		if ((*d)->stage == stage)
			count += probe_matches(*d);
	return count;
}
