// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): the boot sequence after head.S, in order:
 *   arch setup (vectors, DTB, memory map) -> heap -> early DT drivers
 *   (interrupt controller, console, timers) -> banner -> interrupts on ->
 *   initcalls -> self-tests (`selftest` on the command line) or the shell.
 */
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <kernel/of.h>
#include <kernel/init.h>
#include <kernel/time.h>
#include <kernel/reboot.h>
#include <kernel/cmdline.h>
#include <kernel/version.h>
#include <kernel/slab.h>
#include <kernel/irq.h>
#include <kernel/sched.h>
#include <kernel/process.h>
#include <kernel/errno.h>
#include <kernel/string.h>
#include <kernel/bench.h>
#include <mm/memblock.h>
#include <mm/page_alloc.h>
#include <mm/slab_cache.h>
#include <mm/vm.h>
#include <asm/irqflags.h>
#include <asm/mmu.h>
#include <asm/memory.h>

void setup_arch(void);
void kallsyms_setup(void);
void shell_run(void);
int selftest_run(const char *filter);

static void print_banner(void)
{
	pr_notice("%s", kernel_banner);
	pr_info("Machine model: %s", of_model());
	pr_info("Memory: %llu MiB RAM, linear map from %08x, %llu KiB reserved",
		memblock_total() >> 20, phys_base, memblock_reserved_total() >> 10);
	pr_info("CPUs: %d in the device tree", of_cpu_count());
	pr_info("Command line: %s", of_bootargs());
}

/*
 * Runs /sbin/init (or the program "init=" names on the command line, as
 * on Linux: a test harness or a rescue shell, with the words after "--"
 * as its arguments) and waits for it.  Return:
 * -ENOENT when there is none, else its exit code (init only exits in
 * self-test mode or when it is a test program; its end is reported).
 */
static int run_init(void)
{
	static const char *const envp[] = { "HOME=/", "PATH=/sbin:/bin", "TERM=vt100", NULL };
	const char *path = cmdline_get("init");
	const char *const *extra = cmdline_init_args();
	const char *argv[12] = { NULL };
	int status = 0, pid, argc = 0;

	if (!path || !*path)
		path = "/sbin/init";
	argv[argc++] = path;
	if (selftest_mode)
		argv[argc++] = "selftest";
	while (*extra && argc < (int)ARRAY_SIZE(argv) - 1)
		argv[argc++] = *extra++;
	process_next_is_init();
	pid = process_spawn(path, argv, envp);
	if (pid == -ENOENT && strcmp(path, "/sbin/init"))
		pr_err("init=%s: not found", path);
	if (pid == -ENOENT)
		return -ENOENT;
	if (pid < 0) {
		pr_err("cannot start %s: %d", path, pid);
		return -ENOENT;
	}
	if (process_wait(pid, &status) != pid)
		return -ECHILD;
	if (!selftest_mode)
		pr_emerg("init exited (status %#x)", status);
	return (status & 0x7f) ? 128 + (status & 0x7f) : (status >> 8) & 0xff;
}

void start_kernel(void)
{
	const char *filter;

	kallsyms_setup();
	setup_arch();
	page_alloc_init();
	protect_kernel_image();
	slab_init();
	vm_init();
	mmu_split_user_space();
	mm_activate(NULL);
	sched_init();
	cmdline_parse(of_bootargs());
	dt_probe_stage(DT_STAGE_IRQCHIP);
	dt_probe_stage(DT_STAGE_CONSOLE);
	print_banner();
	if (!irq_root_chip())
		panic("no interrupt controller found in the device tree");
	dt_probe_stage(DT_STAGE_TIMER);
	dt_probe_stage(DT_STAGE_PLATFORM);
	local_irq_enable();
	do_initcalls();

	filter = cmdline_get("selftest");
	if (filter) {
		int failed;

		selftest_mode = true;
		failed = selftest_run(filter);
		/* Then user space's own tests, when the root has an init. */
		if (!*filter && run_init() > 0)
			failed++;
		machine_exit_status(failed ? 1 : 0);
	}
	filter = cmdline_get("bench");
	if (filter)	/* without CONFIG_BENCH: -ENOSYS, exit status 1 */
		machine_exit_status(bench_run(filter) ? 1 : 0);
	/* `ubench`: init runs the user-space benchmarks and exits with their status. */
	if (cmdline_get("ubench"))
		machine_exit_status(run_init() ? 1 : 0);
	if (run_init() == -ENOENT)
		shell_run();	/* no user space: the in-kernel console shell */
	machine_poweroff();
}
