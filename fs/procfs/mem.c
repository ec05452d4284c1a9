// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/meminfo and /proc/slabinfo: the page allocator's, the heap's and
 * the slab caches' counters, in Linux's "Name:   value kB" layout.
 *
 * Layer: procfs entries over mm/.  Locking: the allocators' stats calls
 * take their own locks.
 */
#include <fs/procfs.h>
#include <kernel/init.h>
#include <kernel/slab.h>
#include <mm/memblock.h>
#include <mm/page_alloc.h>
#include <mm/slab_cache.h>

static int meminfo_show(struct seq_buf *s)
{
	struct page_stats ps;
	struct heap_stats hs;

	page_alloc_get_stats(&ps);
	heap_get_stats(&hs);
	seq_printf(s, "MemTotal:       %8llu kB\n", memblock_total() >> 10);
	seq_printf(s, "MemManaged:     %8u kB\n", ps.total_pages * 4);
	seq_printf(s, "MemFree:        %8u kB\n", ps.free_pages * 4);
	seq_printf(s, "Reserved:       %8llu kB\n", memblock_reserved_total() >> 10);
	seq_printf(s, "HeapUsed:       %8zu kB\n", hs.used >> 10);
	seq_printf(s, "HeapObjects:    %8zu\n", hs.allocs);
	/* As Linux's: pages held by slabs, their free and parked slots too. */
	seq_printf(s, "Slab:           %8zu kB\n", hs.slab >> 10);
	seq_printf(s, "AllocFailures:  %8zu\n", hs.failures + ps.failures);
	return 0;
}

static void cache_line(const struct kmem_cache *c, void *arg)
{
	seq_printf(arg, "%-16s %6u %6u %6u %5u\n", c->name, c->active,
		   c->nr_slabs * c->per_slab, c->object_size, c->nr_slabs);
}

static int slabinfo_show(struct seq_buf *s)
{
	seq_printf(s, "# name            active  total objsize slabs\n");
	kmem_cache_for_each(cache_line, s);
	return 0;
}

static struct proc_entry meminfo_entry = { .name = "meminfo", .show = meminfo_show };
static struct proc_entry slabinfo_entry = { .name = "slabinfo", .show = slabinfo_show };

static int proc_mem_init(void)
{
	int ret = proc_register(&meminfo_entry);

	if (ret)
		return ret;
	ret = proc_register(&slabinfo_entry);
	if (ret)
		proc_unregister(&meminfo_entry);
	return ret;
}

static void proc_mem_exit(void)
{
	proc_unregister(&slabinfo_entry);
	proc_unregister(&meminfo_entry);
}
initcall_pair(fs, proc_mem_init, proc_mem_exit);
