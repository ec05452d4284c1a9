/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device tree access ("of" = Open Firmware, as in Linux).  The kernel keeps
 * its own copy of the DTB the boot loader passed (of_fdt) and reads it with
 * libfdt.  Nodes are libfdt node offsets.  Everything read from the DTB is
 * validated: a malformed property gives an error for that node only.
 */
#ifndef KERNEL_OF_H
#define KERNEL_OF_H

#include <kernel/types.h>
#include <kernel/compiler.h>

extern const void *of_fdt;

/**
 * of_init() - validate a DTB and adopt it
 * Return: 0, or a negative libfdt-derived errno (-EINVAL for a bad header).
 */
int of_init(const void *fdt);

bool of_node_is_available(int node);	/* status absent, "okay" or "ok" */
bool of_node_is_compatible(int node, const char *compat);
const char *of_node_name(int node);
int of_node_path(int node, char *buf, int len);

int of_read_u32(int node, const char *prop, u32 *val);
const char *of_read_string(int node, const char *prop);

/**
 * of_address() - the @index-th "reg" entry, translated to a CPU address
 * Translation goes up through each parent's "ranges".
 * Return: 0; -ENOENT without such an entry; -EINVAL when the property's
 * length does not fit #address-cells/#size-cells; -ERANGE when a parent
 * has no "ranges" (not memory-mapped) or no range covers the address.
 */
int of_address(int node, int index, u64 *addr, u64 *size);

/**
 * of_irq_get() - the @index-th interrupt of @node, as an irq number
 * Finds interrupt-parent (inherited from ancestors), checks the specifier
 * against the controller's #interrupt-cells and lets it translate.
 * Return: 0; -ENOENT: no such interrupt; -EINVAL: malformed; -ENXIO: no
 * interrupt-parent; -EPROBE_DEFER: its controller is not registered yet.
 */
int of_irq_get(int node, int index, unsigned int *irq);

/**
 * of_clock_rate() - rate of the @index-th clock (fixed-clock providers)
 * Return: 0; -ENOENT: no such clock; -EINVAL: not a fixed clock or no rate.
 */
int of_clock_rate(int node, int index, u32 *hz);

int of_stdout_node(void);	/* /chosen stdout-path, resolved; <0 if none */
u32 of_stdout_baud(void);	/* the rate in "serial0:38400n8", or 0 */
const char *of_model(void);
const char *of_bootargs(void);
int of_cpu_count(void);

/*
 * Parent and phandle lookups answer from a table of the blob's nodes built
 * when it is adopted (drivers/of/index.c); on another blob, from libfdt.
 */
void of_index_build(const void *fdt);
int of_parent(int node);		/* <0: the root, or a bad offset */
int of_find_phandle(u32 phandle);	/* <0: none (libfdt error) */

/* Early, table-driven drivers bound before the device model exists. */
enum dt_stage {
	DT_STAGE_IRQCHIP,
	DT_STAGE_CONSOLE,
	DT_STAGE_TIMER,
	DT_STAGE_PLATFORM,
	DT_STAGE_COUNT,
};

struct dt_driver {
	const char *name;
	enum dt_stage stage;
	const char *const *compatible;	/* NULL-terminated */
	int (*probe)(int node);	/* -ENODEV: decline, silently */
};

#define DT_DRIVER(var)							\
	static const struct dt_driver *const __dt_driver_##var		\
	__used __section("dt_drivers") __aligned(4) = &var

/**
 * dt_probe_stage() - bind the early drivers of @stage to matching nodes
 * Each available node with a matching compatible is probed once; a probe
 * error is logged with the node path and only that device is skipped.
 * Return: number of devices bound.
 */
int dt_probe_stage(enum dt_stage stage);
bool dt_node_bound(int node);
/* The early driver that bound @node, or NULL (for the device model). */
const struct dt_driver *dt_node_early_driver(int node);

#endif /* KERNEL_OF_H */
