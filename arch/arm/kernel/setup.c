// SPDX-License-Identifier: GPL-2.0
/*
 * Architecture setup, run once on the boot CPU with interrupts off:
 * vectors, the DTB (validated, copied into kernel memory), memblock from
 * /memory and the reserve map, the full linear map.  After this the
 * kernel no longer depends on where the boot loader put anything.
 */
#define pr_fmt(fmt) "setup: " fmt
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <kernel/of.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <mm/memblock.h>
#include <asm/memory.h>
#include <asm/cp15.h>
#include <asm/semihosting.h>
#include <libfdt.h>

extern char _start[], _end[], exception_vectors[];
extern u32 boot_dtb_phys;
void paging_init(void);
void unmap_boot_section(unsigned long va);

#define DTB_MAX_SIZE	(2 * SECTION_SIZE)	/* what head.S maps for it */
#define ATAG_CORE	0x54410001		/* the first tag of an ATAG list */

/*
 * Bytes of the blob up to the end of its last block; QEMU's virt DTB has
 * about 1 MiB of free space after that which is not worth copying.
 */
static u32 fdt_used_size(const void *fdt)
{
	u32 rsv = (fdt_num_mem_rsv(fdt) + 1) * sizeof(struct fdt_reserve_entry);
	u32 end = fdt_off_mem_rsvmap(fdt) + rsv;

	end = max(end, (u32)(fdt_off_dt_struct(fdt) + fdt_size_dt_struct(fdt)));
	end = max(end, (u32)(fdt_off_dt_strings(fdt) + fdt_size_dt_strings(fdt)));
	return min(end, (u32)fdt_totalsize(fdt));
}

/* The boot loader's DTB, through head.S's identity sections. */
static const void *boot_fdt(phys_addr_t pa)
{
	const void *fdt = (const void *)(unsigned long)pa;
	u32 room = DTB_MAX_SIZE - (pa & (SECTION_SIZE - 1));
	int err;

	if (!pa)
		panic("no device tree: the boot loader passed r2 = 0 "
		      "(QEMU: -dtb FILE; U-Boot: bootz with an fdt address)");
	if (pa & 3)
		panic("device tree pointer %08x is not aligned", pa);
	err = fdt_check_header(fdt);
	if (err && ((const u32 *)fdt)[1] == ATAG_CORE)
		panic("the boot loader passed ATAGs at %08x, not a device tree "
		      "(QEMU: add -dtb FILE; U-Boot: give bootz an fdt address)", pa);
	if (err)
		panic("device tree at %08x is invalid: %s", pa, fdt_strerror(err));
	if (fdt_totalsize(fdt) > room && fdt_used_size(fdt) > room)
		panic("device tree at %08x is too large (%u bytes)", pa, (u32)fdt_totalsize(fdt));
	return fdt;
}

static void add_memory_nodes(const void *fdt)
{
	int node = -1;

	while ((node = fdt_node_offset_by_prop_value(fdt, node, "device_type",
						     "memory", 7)) >= 0) {
		for (int i = 0;; i++) {
			u64 base, size;

			if (of_address(node, i, &base, &size))
				break;
			if (memblock_add(base, size))
				pr_err("too many memory ranges; ignoring %llx+%llx", base, size);
		}
	}
}

static void reserve_dt_regions(const void *fdt)
{
	int n = fdt_num_mem_rsv(fdt), rm, child;

	for (int i = 0; i < n; i++) {
		u64 addr, size;

		if (!fdt_get_mem_rsv(fdt, i, &addr, &size))
			memblock_reserve(addr, size);
	}
	rm = fdt_path_offset(fdt, "/reserved-memory");
	if (rm < 0)
		return;
	fdt_for_each_subnode(child, fdt, rm) {
		u64 base, size;

		if (of_node_is_available(child) && !of_address(child, 0, &base, &size))
			memblock_reserve(base, size);
	}
}

/* Keep the initrd (/chosen linux,initrd-start/end) away from the allocators. */
static void reserve_initrd(const void *fdt)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), len1, len2;
	const fdt32_t *s = chosen >= 0 ? fdt_getprop(fdt, chosen, "linux,initrd-start", &len1) : NULL;
	const fdt32_t *e = chosen >= 0 ? fdt_getprop(fdt, chosen, "linux,initrd-end", &len2) : NULL;
	u64 start, end;

	if (!s || !e || (len1 != 4 && len1 != 8) || len1 != len2)
		return;
	start = len1 == 4 ? fdt32_to_cpu(s[0]) : ((u64)fdt32_to_cpu(s[0]) << 32 | fdt32_to_cpu(s[1]));
	end = len2 == 4 ? fdt32_to_cpu(e[0]) : ((u64)fdt32_to_cpu(e[0]) << 32 | fdt32_to_cpu(e[1]));
	if (end > start)
		memblock_reserve(start, end - start);
}

/* Copy the used part of the DTB into memblock memory and adopt the copy. */
static void relocate_fdt(const void *fdt)
{
	u32 used = fdt_used_size(fdt);
	u32 size = ALIGN_UP(used, 8u);
	phys_addr_t pa = memblock_alloc(size, 8);
	void *copy;
	int err;

	if (!pa)
		panic("no memory for the device tree (%u bytes)", size);
	copy = __va(pa);
	memcpy(copy, fdt, used);
	memset((char *)copy + used, 0, size - used);
	fdt_set_totalsize(copy, size);
	err = fdt_check_header(copy);
	if (err)
		panic("cannot copy the device tree: %s", fdt_strerror(err));
	of_fdt = copy;
	of_index_build(copy);	/* the offsets are the same; the table is per blob */
}

void setup_arch(void)
{
	phys_addr_t dtb = boot_dtb_phys;
	const void *fdt;

	write_vbar((u32)(unsigned long)exception_vectors);
	fdt = boot_fdt(dtb);
	if (of_init(fdt))
		panic("device tree rejected");
	add_memory_nodes(fdt);
	if (!memblock_memory.count)
		panic("device tree has no /memory node");
	memblock_reserve(__pa(_start) - TEXT_OFFSET, (u64)(_end - _start) + TEXT_OFFSET);
	reserve_dt_regions(fdt);
	reserve_initrd(fdt);
	paging_init();
	relocate_fdt(fdt);
	/* The boot-time identity sections are no longer needed. */
	unmap_boot_section(dtb & ~(SECTION_SIZE - 1));
	unmap_boot_section((dtb & ~(SECTION_SIZE - 1)) + SECTION_SIZE);
	unmap_boot_section(__pa(_start) & ~(SECTION_SIZE - 1));
}

void early_emergency_write(const char *s)
{
	semihosting_write0(s);
	semihosting_write0("\n");
}
