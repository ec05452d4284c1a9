// SPDX-License-Identifier: GPL-2.0
/*
 * ARM Generic Interrupt Controller v1/v2 (ARM IHI 0048B): distributor and
 * CPU interface, found from the DT (reg[0] = distributor, reg[1] = CPU
 * interface).  All SPIs are routed to CPU 0, level-sensitive unless the DT
 * says edge, at one default priority.
 *
 * Layer: irqchip; the root controller behind kernel/irq.c.  Register
 * writes to the enable/priority banks are atomic per register (set/clear
 * registers), so no lock is needed for mask/unmask.
 */
#define pr_fmt(fmt) "gic: " fmt
#include <kernel/irq.h>
#include <kernel/of.h>
#include <kernel/printk.h>
#include <kernel/errno.h>
#include <asm/io.h>

#define GICD_CTLR		0x000
#define GICD_TYPER		0x004
#define GICD_ISENABLER		0x100
#define GICD_ICENABLER		0x180
#define GICD_ICPENDR		0x280
#define GICD_IPRIORITYR		0x400
#define GICD_ITARGETSR		0x800
#define GICD_ICFGR		0xc00
#define GICD_SGIR		0xf00

#define GICC_CTLR		0x00
#define GICC_PMR		0x04
#define GICC_BPR		0x08
#define GICC_IAR		0x0c
#define GICC_EOIR		0x10

#define GIC_SPURIOUS		1020
#define DEFAULT_PRIORITY	0xa0

struct gic {
	void *dist;
	void *cpu;
	unsigned int nr_irqs;
	struct irq_chip chip;
};

static struct gic gic_data;

static void gic_mask(struct irq_chip *chip, unsigned int irq)
{
	struct gic *g = chip->priv;

	writel(1u << (irq % 32), g->dist + GICD_ICENABLER + 4 * (irq / 32));
}

static void gic_unmask(struct irq_chip *chip, unsigned int irq)
{
	struct gic *g = chip->priv;

	writel(1u << (irq % 32), g->dist + GICD_ISENABLER + 4 * (irq / 32));
}

/* Specifier: <type number flags>, type 0 = SPI, 1 = PPI (GIC binding). */
static int gic_xlate(struct irq_chip *chip, const u32 *spec, int cells,
		     unsigned int *irq)
{
	struct gic *g = chip->priv;
	unsigned int hw;

	if (cells < 2)
		return -EINVAL;
	if (spec[0] == 0)
		hw = spec[1] + 32;
	else if (spec[0] == 1 && spec[1] < 16)
		hw = spec[1] + 16;
	else
		return -EINVAL;
	if (hw >= g->nr_irqs)
		return -EINVAL;
	*irq = hw;
	return 0;
}

/*
 * One interrupt per exception, as Zephyr does: the latency to the thread
 * an interrupt wakes is what counts here, and looking for another one
 * would put an extra read of IAR before the switch to that thread.  A
 * second pending interrupt keeps the IRQ line up, so the CPU takes the
 * exception again as soon as this one returns.
 */
static void gic_handle(struct irq_chip *chip, struct pt_regs *regs)
{
	struct gic *g = chip->priv;
	u32 iar = readl_relaxed(g->cpu + GICC_IAR);
	unsigned int irq = iar & 0x3ff;

	(void)regs;
	if (irq >= GIC_SPURIOUS)
		return;
	generic_handle_irq(irq);
	writel_relaxed(iar, g->cpu + GICC_EOIR);
}

static void gic_raise_sgi(struct irq_chip *chip, unsigned int irq, u32 cpumask)
{
	struct gic *g = chip->priv;

	dsb();
	writel((cpumask & 0xff) << 16 | (irq & 0xf), g->dist + GICD_SGIR);
}

static void gic_dist_init(struct gic *g)
{
	writel(0, g->dist + GICD_CTLR);
	for (unsigned int i = 32; i < g->nr_irqs; i += 4)
		writel(0x01010101, g->dist + GICD_ITARGETSR + i);	/* CPU 0 */
	for (unsigned int i = 0; i < g->nr_irqs; i += 4)
		writel(DEFAULT_PRIORITY * 0x01010101u, g->dist + GICD_IPRIORITYR + i);
	for (unsigned int i = 32; i < g->nr_irqs; i += 32) {
		writel(0xffffffff, g->dist + GICD_ICENABLER + i / 8);
		writel(0xffffffff, g->dist + GICD_ICPENDR + i / 8);
	}
	writel(1, g->dist + GICD_CTLR);
}

static void gic_cpu_init(struct gic *g)
{
	/* Banked per CPU: SGI/PPI priorities, then the CPU interface. */
	for (unsigned int i = 0; i < 32; i += 4)
		writel(DEFAULT_PRIORITY * 0x01010101u, g->dist + GICD_IPRIORITYR + i);
	writel(0xf0, g->cpu + GICC_PMR);	/* let every priority through */
	writel(0, g->cpu + GICC_BPR);
	writel(1, g->cpu + GICC_CTLR);
}

static void gic_chip_cpu_init(struct irq_chip *chip)
{
	gic_cpu_init(chip->priv);
}

static int gic_probe(int node)
{
	struct gic *g = &gic_data;
	u64 dbase, dsize, cbase, csize;
	u32 cells;
	int err;

	if (g->dist) {
		pr_warn("only one GIC is supported; ignoring another");
		return -EBUSY;
	}
	err = of_address(node, 0, &dbase, &dsize);
	if (!err)
		err = of_address(node, 1, &cbase, &csize);
	if (err)
		return err;
	if (of_read_u32(node, "#interrupt-cells", &cells) || cells != 3)
		return -EINVAL;
	g->dist = ioremap((phys_addr_t)dbase, (size_t)dsize);
	g->cpu = ioremap((phys_addr_t)cbase, (size_t)csize);
	if (!g->dist || !g->cpu)
		return -ENOMEM;
	g->nr_irqs = min(32 * ((readl(g->dist + GICD_TYPER) & 0x1f) + 1), 1020u);
	gic_dist_init(g);
	gic_cpu_init(g);
	g->chip = (struct irq_chip){
		.name = "GIC", .mask = gic_mask, .unmask = gic_unmask,
		.xlate = gic_xlate, .handle = gic_handle,
		.raise_sgi = gic_raise_sgi, .cpu_init = gic_chip_cpu_init,
		.of_node = node, .irq_cells = 3,
		.priv = g,
	};
	err = irq_chip_register(&g->chip);
	if (err)
		return err;
	pr_info("GIC at %08llx/%08llx, %u interrupt lines", dbase, cbase, g->nr_irqs);
	return 0;
}

static const char *const gic_compat[] = {
	"arm,cortex-a9-gic", "arm,cortex-a15-gic", "arm,cortex-a7-gic",
	"arm,gic-400", NULL
};

static const struct dt_driver gic_driver = {
	.name = "gic", .stage = DT_STAGE_IRQCHIP,
	.compatible = gic_compat, .probe = gic_probe,
};
DT_DRIVER(gic_driver);
