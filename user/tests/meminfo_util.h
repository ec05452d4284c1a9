/* SPDX-License-Identifier: GPL-2.0 */
#ifndef USER_TESTS_MEMINFO_UTIL_H
#define USER_TESTS_MEMINFO_UTIL_H

/*
 * Kernel memory in use, from /proc/meminfo: live allocations (slab objects
 * and large blocks handed out; objects parked in per-CPU caches are not
 * counted), free pages and the pages that slabs hold.
 */
struct mem_snapshot {
	long objects;		/* HeapObjects */
	long free_kb;		/* MemFree */
	long slab_kb;		/* Slab */
};

/*
 * Read /proc/meminfo.  Return: 0, or -1 when it is missing or is not
 * ours (a host run under qemu-arm: no HeapObjects line), whose figures
 * move with everything else the host runs.
 */
int mem_snapshot(struct mem_snapshot *m);

#endif
