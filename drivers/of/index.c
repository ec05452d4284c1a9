// SPDX-License-Identifier: GPL-2.0
/*
 * A table of the adopted blob's nodes: each one's parent and phandle.
 *
 * libfdt answers "parent of" and "node of phandle" by walking the blob from
 * its start, and binding the board's devices asks both many times (reg
 * translation climbs to the root, every interrupt looks up its parent):
 * traced under QEMU -icount, those walks were about 19M of the 26M
 * instructions before init's first one.  One walk when the blob is adopted
 * records the answers; a query on any other blob (the tests swap in their
 * own) or on an offset the table does not know goes to libfdt as before.
 *
 * Layer: part of drivers/of, under base.c.  Built once before other CPUs
 * start and read-only afterwards: no locking.
 */
#include <kernel/of.h>
#include <libfdt.h>

/* Nodes and depth recorded at most; a bigger tree just goes unindexed. */
#define OF_INDEX_MAX_NODES	512
#define OF_INDEX_MAX_DEPTH	32

struct of_index_entry {
	int node;		/* offset in the blob: the table is sorted by it */
	int parent;		/* offset, or -FDT_ERR_NOTFOUND for the root */
	u32 phandle;		/* 0: none */
};

static struct of_index_entry of_index[OF_INDEX_MAX_NODES];
static int of_index_len;
static const void *of_index_fdt;	/* the blob the table describes */

/**
 * of_index_build() - record @fdt's nodes; on a tree too big or damaged the
 * table stays off and every query goes to libfdt
 */
void of_index_build(const void *fdt)
{
	int parents[OF_INDEX_MAX_DEPTH];
	int node = 0, depth = 0, n = 0;

	of_index_fdt = NULL;
	of_index_len = 0;
	for (;;) {
		if (depth >= OF_INDEX_MAX_DEPTH || n == OF_INDEX_MAX_NODES)
			return;
		parents[depth] = node;
		of_index[n].node = node;
		of_index[n].parent = depth ? parents[depth - 1] : -FDT_ERR_NOTFOUND;
		of_index[n].phandle = fdt_get_phandle(fdt, node);
		n++;
		/* the end: the root closed (depth -1), or the structure ended */
		node = fdt_next_node(fdt, node, &depth);
		if (node < 0 || depth < 0)
			break;
	}
	if (node < 0 && node != -FDT_ERR_NOTFOUND)
		return;		/* damaged: libfdt reports it query by query */
	of_index_len = n;
	of_index_fdt = fdt;
}

/* @node's entry when the table describes the blob in use, else NULL. */
static const struct of_index_entry *lookup(int node)
{
	int lo = 0, hi = of_index_len - 1;

	if (of_fdt != of_index_fdt)
		return NULL;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;

		if (of_index[mid].node == node)
			return &of_index[mid];
		if (of_index[mid].node < node)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

int of_parent(int node)
{
	const struct of_index_entry *e = lookup(node);

	return e ? e->parent : fdt_parent_offset(of_fdt, node);
}

int of_find_phandle(u32 phandle)
{
	if (of_fdt != of_index_fdt)
		return fdt_node_offset_by_phandle(of_fdt, phandle);
	if (!phandle || phandle == (u32)-1)
		return -FDT_ERR_BADPHANDLE;
	for (int i = 0; i < of_index_len; i++)
		if (of_index[i].phandle == phandle)
			return of_index[i].node;
	return -FDT_ERR_NOTFOUND;
}
