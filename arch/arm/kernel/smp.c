// SPDX-License-Identifier: GPL-2.0
/*
 * Secondary CPU bring-up.  The boot CPU walks /cpus in the DT, and for each
 * other available CPU whose enable-method a registered struct smp_ops
 * handles, gives it a stack, maps the start-up code 1:1 (the CPU turns its
 * MMU on there), releases it and waits until it reports online.  The new
 * CPU sets up its vectors, interrupt controller interface and timer, then
 * becomes its run queue's idle thread.
 *
 * Also the "arm,vexpress-smp" method: the boot monitor (or QEMU's boot
 * stub) parks secondaries in WFI polling the system flags register; we
 * write the entry point there and wake them with a software interrupt.
 */
#define pr_fmt(fmt) "smp: " fmt
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/cpu.h>
#include <kernel/of.h>
#include <kernel/irq.h>
#include <kernel/wait.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/errno.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <mm/kstack.h>
#include <asm/cp15.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/irqflags.h>
#include <asm/mmu.h>
#include <mm/vm.h>
#include <libfdt.h>

u32 secondary_stack_top[NR_CPUS];
extern char secondary_startup[], exception_vectors[];
void map_identity_section(unsigned long pa, bool map);
void irq_cpu_init(void);
void sched_secondary_prepare(int cpu);
__noreturn void sched_secondary_idle(void);

static struct smp_ops *smp_ops_list;
static struct cpu_hook *cpu_hooks;
static struct completion cpu_up;

void register_smp_ops(struct smp_ops *ops)
{
	ops->next = smp_ops_list;
	smp_ops_list = ops;
}

void register_cpu_starting(struct cpu_hook *hook)
{
	hook->next = cpu_hooks;
	cpu_hooks = hook;
}

void run_cpu_starting_hooks(int cpu)
{
	for (struct cpu_hook *h = cpu_hooks; h; h = h->next)
		h->starting(cpu);
}

static struct smp_ops *find_ops(const char *method)
{
	for (struct smp_ops *o = smp_ops_list; o; o = o->next)
		if (method && !strcmp(o->enable_method, method))
			return o;
	return NULL;
}

/* Entry on the new CPU, MMU on, on its own stack, IRQs off. */
__noreturn void secondary_start_kernel(void)
{
	int cpu = (int)smp_processor_id();

	write_vbar((u32)(unsigned long)exception_vectors);
	mmu_split_user_space();
	mm_activate(NULL);
	sched_secondary_prepare(cpu);
	irq_cpu_init();
	run_cpu_starting_hooks(cpu);
	__atomic_or_fetch(&cpu_online_mask, 1u << cpu, __ATOMIC_SEQ_CST);
	complete(&cpu_up);
	sched_secondary_idle();
}

static int boot_one(int cpu, struct smp_ops *ops)
{
	u32 size;
	void *stack = kstack_alloc(&size);
	int err;

	if (!stack)
		return -ENOMEM;
	secondary_stack_top[cpu] = (u32)(unsigned long)stack + size;
	write_dccmvac_range(&secondary_stack_top[cpu], sizeof(u32));
	reinit_completion(&cpu_up);
	err = ops->boot_secondary(cpu, __pa(secondary_startup));
	if (err) {
		kstack_free(stack, size);
		if (err == -ENODEV)
			pr_info("cpu%d: not present", cpu);
		return err;
	}
	/* A CPU is up within microseconds; 200 ms means it is not coming. */
	if (wait_for_completion_timeout(&cpu_up, 200 * NSEC_PER_MSEC)) {
		pr_err("cpu%d did not come online", cpu);
		return -ETIMEDOUT;	/* its stack stays: the CPU may still use it */
	}
	return 0;
}

int smp_boot_secondaries(void)
{
	int cpus = fdt_path_offset(of_fdt, "/cpus"), node, started = 1;
	const char *default_method = cpus >= 0 ? of_read_string(cpus, "enable-method") : NULL;
	u32 self = read_mpidr() & 0xff;
	bool prepared = false;

	if (!IS_ENABLED(CONFIG_SMP) || cpus < 0)
		return 1;
	init_completion(&cpu_up);
	map_identity_section(__pa(secondary_startup), true);
	fdt_for_each_subnode(node, of_fdt, cpus) {
		const char *type = of_read_string(node, "device_type");
		const char *method = of_read_string(node, "enable-method");
		struct smp_ops *ops;
		u32 hwid;

		if (!type || strcmp(type, "cpu") || !of_node_is_available(node) ||
		    of_read_u32(node, "reg", &hwid) || (hwid & 0xff) == self)
			continue;
		hwid &= 0xff;
		if (hwid >= NR_CPUS) {
			pr_warn("cpu%u: beyond CONFIG_NR_CPUS (%d); not started", hwid, NR_CPUS);
			continue;
		}
		ops = find_ops(method ? method : default_method);
		if (!ops) {
			pr_warn("cpu%u: no supported enable-method (%s); not started", hwid,
				method ? method : default_method ? default_method : "none");
			continue;
		}
		if (!prepared && ops->prepare && ops->prepare()) {
			pr_err("%s: preparation failed", ops->enable_method);
			break;
		}
		prepared = true;
		if (!boot_one((int)hwid, ops))
			started++;
	}
	map_identity_section(__pa(secondary_startup), false);
	pr_info("%d CPU%s online", started, started > 1 ? "s" : "");
	return started;
}

static int smp_init(void)
{
	smp_boot_secondaries();
	return 0;
}
initcall_pair(arch, smp_init, NULL);

/* --- "arm,vexpress-smp": system flags register + SGI ------------------- */

#define SYS_FLAGSSET	0x30
#define SYS_FLAGSCLR	0x34
#define SCU_CTRL	0x00
#define SCU_CONFIG	0x04	/* bits 1:0: number of cores - 1 */

static void *vexpress_sysreg;
static u32 vexpress_cores = NR_CPUS;

static int vexpress_smp_prepare(void)
{
	int node = fdt_node_offset_by_compatible(of_fdt, -1, "arm,vexpress-sysreg");
	u64 base, size;
	void *scu;

	if (node < 0 || of_address(node, 0, &base, &size))
		return -ENODEV;
	vexpress_sysreg = ioremap((phys_addr_t)base, (size_t)size);
	if (!vexpress_sysreg)
		return -ENOMEM;
	/* The SCU keeps the cores' L1 caches coherent (A9 MPCore TRM 2.2). */
	node = fdt_node_offset_by_compatible(of_fdt, -1, "arm,cortex-a9-scu");
	if (node >= 0 && !of_address(node, 0, &base, &size)) {
		scu = ioremap((phys_addr_t)base, (size_t)size);
		if (scu) {
			writel(readl(scu + SCU_CTRL) | 1, scu + SCU_CTRL);
			/* The DT lists the tile's CPUs; the SCU knows how many exist. */
			vexpress_cores = (readl(scu + SCU_CONFIG) & 3) + 1;
		}
	}
	return 0;
}

static int vexpress_boot_secondary(int cpu, unsigned long entry)
{
	struct irq_chip *chip = irq_root_chip();

	if ((u32)cpu >= vexpress_cores)
		return -ENODEV;
	writel(~0u, vexpress_sysreg + SYS_FLAGSCLR);
	writel((u32)entry, vexpress_sysreg + SYS_FLAGSSET);
	dsb();
	if (!chip || !chip->raise_sgi)
		return -ENODEV;
	chip->raise_sgi(chip, 0, 1u << cpu);	/* wakes it from WFI */
	return 0;
}

static struct smp_ops vexpress_smp_ops = {
	.enable_method = "arm,vexpress-smp",
	.prepare = vexpress_smp_prepare,
	.boot_secondary = vexpress_boot_secondary,
};

static int vexpress_smp_register(void)
{
	register_smp_ops(&vexpress_smp_ops);
	return 0;
}
initcall_pair(early, vexpress_smp_register, NULL);
