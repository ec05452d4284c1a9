// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI (ARM DEN 0022, "Power State Coordination Interface"): system
 * power-off and reset, and secondary CPU start (CPU_ON, for CPUs whose
 * enable-method is "psci") through the firmware (or the hypervisor), called
 * with the conduit the DT's /psci node names in "method" (hvc or smc).
 * Function IDs are the SMC32 ones of PSCI 0.2+ (section 5.1).
 *
 * Layer: early DT driver (platform stage), like the other power drivers.
 * Locking: none; power-off runs once, at the end.
 */
#define pr_fmt(fmt) "psci: " fmt
#include <kernel/of.h>
#include <kernel/reboot.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/cpu.h>

#define PSCI_0_2_FN_PSCI_VERSION	0x84000000
#define PSCI_0_2_FN_CPU_ON		0x84000003
#define PSCI_0_2_FN_SYSTEM_OFF		0x84000008
#define PSCI_0_2_FN_SYSTEM_RESET	0x84000009

static bool use_smc;

static u32 psci_call3(u32 fn, u32 a1, u32 a2, u32 a3)
{
	register u32 r0 __asm__("r0") = fn;
	register u32 r1 __asm__("r1") = a1;
	register u32 r2 __asm__("r2") = a2;
	register u32 r3 __asm__("r3") = a3;

	if (use_smc)
		__asm__ __volatile__(".arch_extension sec\n\tsmc #0"
				     : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3) : "memory");
	else
		__asm__ __volatile__(".arch_extension virt\n\thvc #0"
				     : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3) : "memory");
	return r0;
}

static u32 psci_call(u32 fn)
{
	return psci_call3(fn, 0, 0, 0);
}

/* CPU_ON (section 5.6): start @cpu (its MPIDR affinity) at @entry_phys. */
static int psci_boot_secondary(int cpu, unsigned long entry_phys)
{
	int ret = (int)psci_call3(PSCI_0_2_FN_CPU_ON, (u32)cpu, (u32)entry_phys, 0);

	if (ret) {
		pr_err("CPU_ON for cpu%d failed: %d", cpu, ret);
		return ret == -2 ? -EINVAL : -EIO;	/* INVALID_PARAMETERS, others */
	}
	return 0;
}

static struct smp_ops psci_smp_ops = {
	.enable_method = "psci",
	.boot_secondary = psci_boot_secondary,
};

static void psci_poweroff(void)
{
	psci_call(PSCI_0_2_FN_SYSTEM_OFF);
}

static void psci_restart(void)
{
	psci_call(PSCI_0_2_FN_SYSTEM_RESET);
}

static const struct power_ops psci_power = {
	.name = "psci",
	.poweroff = psci_poweroff,
	.restart = psci_restart,
};

static int psci_probe(int node)
{
	const char *method = of_read_string(node, "method");
	u32 ver;

	if (!method || (strcmp(method, "hvc") && strcmp(method, "smc"))) {
		pr_err("no valid \"method\" (hvc or smc) in the DT");
		return -EINVAL;
	}
	use_smc = !strcmp(method, "smc");
	ver = psci_call(PSCI_0_2_FN_PSCI_VERSION);
	if ((int)ver < 0) {
		pr_err("PSCI_VERSION failed (%d): no PSCI 0.2+ firmware", (int)ver);
		return -ENODEV;
	}
	register_power_ops(&psci_power);
	register_smp_ops(&psci_smp_ops);
	pr_info("PSCI %u.%u over %s", ver >> 16, ver & 0xffff, method);
	return 0;
}

static const char *const psci_compat[] = { "arm,psci-1.0", "arm,psci-0.2", NULL };
static const struct dt_driver psci_driver = {
	.name = "psci", .stage = DT_STAGE_PLATFORM,
	.compatible = psci_compat, .probe = psci_probe,
};
DT_DRIVER(psci_driver);
