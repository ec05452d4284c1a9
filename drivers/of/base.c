// SPDX-License-Identifier: GPL-2.0
/*
 * Device tree queries over libfdt: availability, reg translation through
 * ranges, interrupts via interrupt-parent, fixed clocks, /chosen.
 *
 * Layer: below every driver; knows no device.  Every length read from the
 * blob is checked before use (a damaged DTB must not crash the kernel).
 * Read-only after boot: no locking.
 */
#define pr_fmt(fmt) "of: " fmt
#include <kernel/of.h>
#include <kernel/irq.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <libfdt.h>

const void *of_fdt;

int of_init(const void *fdt)
{
	int err = fdt_check_header(fdt);

	if (err) {
		pr_err("bad DTB header: %s", fdt_strerror(err));
		return -EINVAL;
	}
	of_fdt = fdt;
	of_index_build(fdt);
	return 0;
}

bool of_node_is_available(int node)
{
	int len;
	const char *s = fdt_getprop(of_fdt, node, "status", &len);

	if (!s)
		return true;
	return (len == 5 && !memcmp(s, "okay", 5)) || (len == 3 && !memcmp(s, "ok", 3));
}

bool of_node_is_compatible(int node, const char *compat)
{
	return fdt_node_check_compatible(of_fdt, node, compat) == 0;
}

const char *of_node_name(int node)
{
	const char *n = fdt_get_name(of_fdt, node, NULL);

	return n ? n : "?";
}

int of_node_path(int node, char *buf, int len)
{
	return fdt_get_path(of_fdt, node, buf, len) ? -EINVAL : 0;
}

int of_read_u32(int node, const char *prop, u32 *val)
{
	int len;
	const fdt32_t *p = fdt_getprop(of_fdt, node, prop, &len);

	if (!p)
		return -ENOENT;
	if (len != 4)
		return -EINVAL;
	*val = fdt32_to_cpu(*p);
	return 0;
}

const char *of_read_string(int node, const char *prop)
{
	int len;
	const char *s = fdt_getprop(of_fdt, node, prop, &len);

	if (!s || len < 1 || s[len - 1] != '\0')
		return NULL;
	return s;
}

/* Cells of addresses/sizes for the children of @parent (defaults 2/1). */
static int cells_of(int parent, const char *name, int dflt)
{
	u32 v;

	if (of_read_u32(parent, name, &v))
		return dflt;
	return v <= 2 ? (int)v : -1;
}

static u64 read_cells(const fdt32_t *p, int n)
{
	u64 v = 0;

	while (n--)
		v = (v << 32) | fdt32_to_cpu(*p++);
	return v;
}

/* Map @addr, in @node's parent's space, up to the CPU's address space. */
static int translate(int node, u64 *addr)
{
	int child = of_parent(node);

	while (child > 0) {		/* child: the bus whose space @addr is in */
		int bus_parent = of_parent(child);
		int len, ac, pac, sc, entry;
		const fdt32_t *r;

		if (bus_parent < 0)
			return -ERANGE;
		r = fdt_getprop(of_fdt, child, "ranges", &len);
		if (!r)
			return -ERANGE;
		if (len == 0) {		/* empty ranges: identity */
			child = bus_parent;
			continue;
		}
		ac = cells_of(child, "#address-cells", 2);
		sc = cells_of(child, "#size-cells", 1);
		pac = cells_of(bus_parent, "#address-cells", 2);
		entry = (ac + pac + sc) * 4;
		if (ac < 1 || pac < 1 || sc < 0 || len % entry)
			return -EINVAL;
		for (; len > 0; len -= entry, r += entry / 4) {
			u64 cb = read_cells(r, ac);
			u64 pb = read_cells(r + ac, pac);
			u64 sz = read_cells(r + ac + pac, sc);

			if (*addr >= cb && *addr - cb < sz) {
				*addr = *addr - cb + pb;
				break;
			}
		}
		if (len <= 0)
			return -ERANGE;
		child = bus_parent;
	}
	return 0;
}

int of_address(int node, int index, u64 *addr, u64 *size)
{
	int parent = of_parent(node);
	int ac, sc, len;
	const fdt32_t *reg;

	if (parent < 0)
		return -EINVAL;
	ac = cells_of(parent, "#address-cells", 2);
	sc = cells_of(parent, "#size-cells", 1);
	reg = fdt_getprop(of_fdt, node, "reg", &len);
	if (!reg)
		return -ENOENT;
	if (ac < 1 || sc < 0 || len <= 0 || len % ((ac + sc) * 4))
		return -EINVAL;
	if (index < 0 || index >= len / ((ac + sc) * 4))
		return -ENOENT;
	reg += index * (ac + sc);
	*addr = read_cells(reg, ac);
	*size = read_cells(reg + ac, sc);
	return translate(node, addr);
}

static int interrupt_parent(int node)
{
	for (int n = node; n >= 0; n = of_parent(n)) {
		u32 ph;

		if (of_read_u32(n, "interrupt-parent", &ph) == 0)
			return of_find_phandle(ph);
	}
	return -ENXIO;
}

int of_irq_get(int node, int index, unsigned int *irq)
{
	int ctrl = interrupt_parent(node), len;
	const fdt32_t *spec;
	struct irq_chip *chip;
	u32 cells, tmp[4];

	if (ctrl < 0)
		return -ENXIO;
	if (of_read_u32(ctrl, "#interrupt-cells", &cells) || cells < 1 || cells > 4)
		return -EINVAL;
	spec = fdt_getprop(of_fdt, node, "interrupts", &len);
	if (!spec)
		return -ENOENT;
	if (len <= 0 || len % (cells * 4))
		return -EINVAL;
	if (index < 0 || index >= len / (int)(cells * 4))
		return -ENOENT;
	chip = irq_chip_find(ctrl);
	if (!chip)
		return -EPROBE_DEFER;
	for (u32 i = 0; i < cells; i++)
		tmp[i] = fdt32_to_cpu(spec[index * cells + i]);
	return chip->xlate(chip, tmp, cells, irq);
}

int of_clock_rate(int node, int index, u32 *hz)
{
	int len, pos = 0;
	const fdt32_t *c = fdt_getprop(of_fdt, node, "clocks", &len);

	if (!c)
		return -ENOENT;
	len /= 4;
	for (int i = 0; pos < len; i++) {
		int prov = of_find_phandle(fdt32_to_cpu(c[pos]));
		u32 cells = 0;

		if (prov < 0)
			return -EINVAL;
		of_read_u32(prov, "#clock-cells", &cells);
		if (i == index) {
			if (!of_node_is_compatible(prov, "fixed-clock"))
				return -EINVAL;
			return of_read_u32(prov, "clock-frequency", hz) ? -EINVAL : 0;
		}
		pos += 1 + cells;
	}
	return -ENOENT;
}

int of_stdout_node(void)
{
	int chosen = fdt_path_offset(of_fdt, "/chosen");
	const char *path;
	char name[64];
	const char *colon;

	if (chosen < 0)
		return -ENOENT;
	path = of_read_string(chosen, "stdout-path");
	if (!path)
		path = of_read_string(chosen, "linux,stdout-path");
	if (!path)
		return -ENOENT;
	colon = strchr(path, ':');	/* "serial0:115200n8" */
	if (colon) {
		size_t n = min((size_t)(colon - path), sizeof(name) - 1);

		memcpy(name, path, n);
		name[n] = '\0';
		path = name;
	}
	if (path[0] != '/') {
		path = fdt_get_alias(of_fdt, path);
		if (!path)
			return -ENOENT;
	}
	return fdt_path_offset(of_fdt, path);
}

u32 of_stdout_baud(void)
{
	int chosen = fdt_path_offset(of_fdt, "/chosen");
	const char *path = chosen >= 0 ? of_read_string(chosen, "stdout-path") : NULL;
	const char *colon = path ? strchr(path, ':') : NULL;

	return colon ? (u32)strtoul(colon + 1, NULL, 10) : 0;
}

const char *of_model(void)
{
	const char *m = of_read_string(0, "model");

	return m ? m : "unknown";
}

const char *of_bootargs(void)
{
	int chosen = fdt_path_offset(of_fdt, "/chosen");
	const char *s = chosen >= 0 ? of_read_string(chosen, "bootargs") : NULL;

	return s ? s : "";
}

int of_cpu_count(void)
{
	int cpus = fdt_path_offset(of_fdt, "/cpus"), node, n = 0;

	if (cpus < 0)
		return 0;
	fdt_for_each_subnode(node, of_fdt, cpus) {
		const char *t = of_read_string(node, "device_type");

		if (t && !strcmp(t, "cpu") && of_node_is_available(node))
			n++;
	}
	return n;
}
