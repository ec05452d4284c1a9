// SPDX-License-Identifier: GPL-2.0
/*
 * Device tree self-tests.  Part one reads the board's real DTB with libfdt
 * and the of_* layer; part two builds a small DTB at run time (libfdt's
 * sequential writer) with the corner cases a damaged or unusual tree has
 * (reg of the wrong size, no interrupt-parent, a bus without ranges,
 * status "disabled", an interrupt controller that has not probed yet) and
 * checks each gives its documented error.
 */
#include <kernel/ktest.h>
#include <kernel/of.h>
#include <kernel/errno.h>
#include <kernel/string.h>
#include <kernel/slab.h>
#include <libfdt.h>

/* --- the board's DTB ---------------------------------------------------- */

static void of_board_dtb_valid(struct ktest *t)
{
	KASSERT_NOT_NULL(t, of_fdt);
	KEXPECT_EQ(t, fdt_check_header(of_fdt), 0);
	KEXPECT_GE(t, fdt_version(of_fdt), 16);
	KEXPECT_NOT_NULL(t, of_read_string(0, "compatible"));
	KEXPECT_NE(t, strcmp(of_model(), "unknown"), 0);
}

static void of_board_stdout_is_uart(struct ktest *t)
{
	int node = of_stdout_node();

	KASSERT_GE(t, node, 0);
	KEXPECT_TRUE(t, of_node_is_compatible(node, "arm,pl011"));
	KEXPECT_TRUE(t, of_node_is_available(node));
	KEXPECT_TRUE(t, dt_node_bound(node));
}

static void of_board_cpus_and_gic(struct ktest *t)
{
	int root_ic = -1;
	u32 ph;

	KEXPECT_GE(t, of_cpu_count(), 1);
	KASSERT_EQ(t, of_read_u32(0, "interrupt-parent", &ph), 0);
	root_ic = of_find_phandle(ph);
	KASSERT_GE(t, root_ic, 0);
	KEXPECT_NOT_NULL(t, fdt_getprop(of_fdt, root_ic, "interrupt-controller", NULL));
	KEXPECT_TRUE(t, dt_node_bound(root_ic));
}

static void of_board_walk_all_nodes(struct ktest *t)
{
	int node, depth = 0, count = 0;

	for (node = fdt_next_node(of_fdt, -1, &depth); node >= 0;
	     node = fdt_next_node(of_fdt, node, &depth))
		count++;
	KEXPECT_EQ(t, node, -FDT_ERR_NOTFOUND);
	KEXPECT_GT(t, count, 5);
	ktest_log(t, "%d nodes", count);
}

/* --- a synthetic DTB with corner cases ---------------------------------- */

static const void *saved_fdt;
static void *test_fdt;

static void prop_cells(void *fdt, const char *name, const u32 *v, int n)
{
	fdt32_t buf[8];

	for (int i = 0; i < n; i++)
		buf[i] = cpu_to_fdt32(v[i]);
	fdt_property(fdt, name, buf, n * 4);
}

static int build_test_fdt(void *fdt, int size)
{
	static const u32 one = 1, three = 3, zero = 0;

	fdt_create(fdt, size);
	fdt_finish_reservemap(fdt);
	fdt_begin_node(fdt, "");
	prop_cells(fdt, "#address-cells", &one, 1);
	prop_cells(fdt, "#size-cells", &one, 1);

	fdt_begin_node(fdt, "ic");			/* phandle 1, never probed */
	fdt_property(fdt, "interrupt-controller", NULL, 0);
	prop_cells(fdt, "#interrupt-cells", &three, 1);
	prop_cells(fdt, "phandle", &one, 1);
	fdt_end_node(fdt);

	fdt_begin_node(fdt, "bus");
	prop_cells(fdt, "#address-cells", &one, 1);
	prop_cells(fdt, "#size-cells", &one, 1);
	prop_cells(fdt, "ranges", (const u32[]){ 0, 0x10000000, 0x1000 }, 3);
	fdt_begin_node(fdt, "dev@100");
	prop_cells(fdt, "reg", (const u32[]){ 0x100, 0x10, 0x200, 0x20 }, 4);
	prop_cells(fdt, "interrupt-parent", &one, 1);
	prop_cells(fdt, "interrupts", (const u32[]){ 0, 5, 4 }, 3);
	fdt_end_node(fdt);
	fdt_begin_node(fdt, "outside@2000");
	prop_cells(fdt, "reg", (const u32[]){ 0x2000, 0x10 }, 2);
	fdt_end_node(fdt);
	fdt_end_node(fdt);

	fdt_begin_node(fdt, "opaque-bus");		/* no ranges: not mapped */
	prop_cells(fdt, "#address-cells", &one, 1);
	prop_cells(fdt, "#size-cells", &zero, 1);
	fdt_begin_node(fdt, "child@0");
	prop_cells(fdt, "reg", &zero, 1);
	fdt_end_node(fdt);
	fdt_end_node(fdt);

	fdt_begin_node(fdt, "noparent");
	prop_cells(fdt, "reg", (const u32[]){ 0x3000, 0x10 }, 2);
	prop_cells(fdt, "interrupts", (const u32[]){ 0, 1, 4 }, 3);
	fdt_end_node(fdt);

	fdt_begin_node(fdt, "badreg");
	prop_cells(fdt, "reg", (const u32[]){ 0x4000 }, 1);
	fdt_end_node(fdt);

	fdt_begin_node(fdt, "off");
	fdt_property_string(fdt, "status", "disabled");
	fdt_end_node(fdt);

	fdt_begin_node(fdt, "clk");
	fdt_property_string(fdt, "compatible", "fixed-clock");
	prop_cells(fdt, "#clock-cells", &zero, 1);
	prop_cells(fdt, "clock-frequency", (const u32[]){ 32768 }, 1);
	prop_cells(fdt, "phandle", (const u32[]){ 2 }, 1);
	fdt_end_node(fdt);

	fdt_begin_node(fdt, "clocked");
	prop_cells(fdt, "clocks", (const u32[]){ 2 }, 1);
	fdt_end_node(fdt);

	fdt_end_node(fdt);
	return fdt_finish(fdt);
}

static int synth_init(struct ktest *t)
{
	(void)t;
	test_fdt = kzalloc(4096, GFP_KERNEL);
	if (!test_fdt || build_test_fdt(test_fdt, 4096)) {
		kfree(test_fdt);
		return -ENOMEM;
	}
	saved_fdt = of_fdt;
	of_fdt = test_fdt;
	return 0;
}

static void synth_exit(struct ktest *t)
{
	(void)t;
	of_fdt = saved_fdt;
	kfree(test_fdt);
}

static int node(const char *path)
{
	return fdt_path_offset(of_fdt, path);
}

static void of_reg_translated_through_ranges(struct ktest *t)
{
	u64 addr, size;

	KASSERT_EQ(t, of_address(node("/bus/dev@100"), 0, &addr, &size), 0);
	KEXPECT_UEQ(t, addr, 0x10000100);
	KEXPECT_UEQ(t, size, 0x10);
	KASSERT_EQ(t, of_address(node("/bus/dev@100"), 1, &addr, &size), 0);
	KEXPECT_UEQ(t, addr, 0x10000200);
	KEXPECT_EQ(t, of_address(node("/bus/dev@100"), 2, &addr, &size), -ENOENT);
}

static void of_reg_outside_ranges(struct ktest *t)
{
	u64 addr, size;

	KEXPECT_EQ(t, of_address(node("/bus/outside@2000"), 0, &addr, &size), -ERANGE);
	KEXPECT_EQ(t, of_address(node("/opaque-bus/child@0"), 0, &addr, &size), -ERANGE);
}

static void of_bad_reg_size(struct ktest *t)
{
	u64 addr, size;

	KEXPECT_EQ(t, of_address(node("/badreg"), 0, &addr, &size), -EINVAL);
	KEXPECT_EQ(t, of_address(node("/off"), 0, &addr, &size), -ENOENT);
}

static void of_irq_without_parent(struct ktest *t)
{
	unsigned int irq;

	KEXPECT_EQ(t, of_irq_get(node("/noparent"), 0, &irq), -ENXIO);
}

static void of_irq_controller_not_ready_defers(struct ktest *t)
{
	unsigned int irq;

	KEXPECT_EQ(t, of_irq_get(node("/bus/dev@100"), 0, &irq), -EPROBE_DEFER);
	KEXPECT_EQ(t, of_irq_get(node("/bus/dev@100"), 1, &irq), -ENOENT);
}

static void of_status_disabled(struct ktest *t)
{
	KEXPECT_FALSE(t, of_node_is_available(node("/off")));
	KEXPECT_TRUE(t, of_node_is_available(node("/badreg")));
}

static void of_fixed_clock_rate(struct ktest *t)
{
	u32 hz = 0;

	KEXPECT_EQ(t, of_clock_rate(node("/clocked"), 0, &hz), 0);
	KEXPECT_EQ(t, hz, 32768);
	KEXPECT_EQ(t, of_clock_rate(node("/clocked"), 1, &hz), -ENOENT);
	KEXPECT_EQ(t, of_clock_rate(node("/off"), 0, &hz), -ENOENT);
}

static void of_damaged_blob_rejected(struct ktest *t)
{
	u8 *copy = kmalloc(4096, GFP_KERNEL);

	KASSERT_NOT_NULL(t, copy);
	memcpy(copy, test_fdt, 4096);
	copy[0] ^= 0xff;			/* magic */
	KEXPECT_EQ(t, of_init(copy), -EINVAL);
	memcpy(copy, test_fdt, 4096);
	((fdt32_t *)copy)[2] = cpu_to_fdt32(0x7fff0000);	/* off_dt_struct */
	KEXPECT_NE(t, fdt_check_header(copy), 0);
	KEXPECT_EQ(t, of_init(copy), -EINVAL);
	KEXPECT_TRUE(t, of_fdt == test_fdt);	/* a rejected blob is not adopted */
	kfree(copy);
}

static struct ktest_case of_board_cases[] = {
	KTEST_CASE(of_board_dtb_valid),
	KTEST_CASE(of_board_stdout_is_uart),
	KTEST_CASE(of_board_cpus_and_gic),
	KTEST_CASE(of_board_walk_all_nodes),
	{}
};

static struct ktest_suite of_board_suite = {
	.name = "of_board",
	.cases = of_board_cases,
};
KTEST_SUITE(of_board_suite);

static struct ktest_case of_corner_cases[] = {
	KTEST_CASE(of_reg_translated_through_ranges),
	KTEST_CASE(of_reg_outside_ranges),
	KTEST_CASE(of_bad_reg_size),
	KTEST_CASE(of_irq_without_parent),
	KTEST_CASE(of_irq_controller_not_ready_defers),
	KTEST_CASE(of_status_disabled),
	KTEST_CASE(of_fixed_clock_rate),
	KTEST_CASE(of_damaged_blob_rejected),
	{}
};

static struct ktest_suite of_corner_suite = {
	.name = "of_corner_cases",
	.cases = of_corner_cases,
	.init = synth_init,
	.exit = synth_exit,
};
KTEST_SUITE(of_corner_suite);
