// SPDX-License-Identifier: GPL-2.0
/*
 * Synchronous exceptions: undefined instruction, prefetch and data abort,
 * SVC, and vectors that should never fire.  Each prints what happened
 * (kind, fault address and status decoded, registers, backtrace).  A fault
 * inside run_catching_faults() then resumes there; any other fault in the
 * kernel is a broken invariant and panics.
 */
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <kernel/fault.h>
#include <asm/ptrace.h>
#include <asm/cp15.h>
#include <asm/stacktrace.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <mm/kstack.h>
#include <mm/vm.h>
#include <kernel/process.h>
#include <kernel/uaccess.h>
#include <asm/irqflags.h>

void syscall_entry(struct pt_regs *regs);
__noreturn void process_exit(int status);

static struct {
	struct kjmp_buf jb;
	struct fault_info *info;
	bool armed;
} recovery;

const char *fault_kind_name(enum fault_kind kind)
{
	switch (kind) {
	case FAULT_UNDEF: return "undefined instruction";
	case FAULT_PREFETCH_ABORT: return "prefetch abort";
	case FAULT_DATA_ABORT: return "data abort";
	default: return "none";
	}
}

/* Short-descriptor fault status (ARMv7-A ARM B3.13.3). */
static const char *fsr_name(u32 fsr)
{
	switch ((fsr & 0xf) | ((fsr >> 6) & 0x10)) {
	case 0x01: return "alignment fault";
	case 0x02: return "debug event";
	case 0x03: return "access flag fault (section)";
	case 0x05: return "translation fault (section)";
	case 0x06: return "access flag fault (page)";
	case 0x07: return "translation fault (page)";
	case 0x08: return "synchronous external abort";
	case 0x09: return "domain fault (section)";
	case 0x0b: return "domain fault (page)";
	case 0x0d: return "permission fault (section)";
	case 0x0f: return "permission fault (page)";
	case 0x16: return "asynchronous external abort";
	default: return "unknown fault";
	}
}

int run_catching_faults(void (*fn)(void *), void *arg, struct fault_info *info)
{
	info->kind = FAULT_NONE;
	if (kernel_setjmp(&recovery.jb)) {
		recovery.armed = false;
		return 1;
	}
	recovery.info = info;
	recovery.armed = true;
	fn(arg);
	recovery.armed = false;
	return 0;
}

static void report_fault(enum fault_kind kind, struct pt_regs *regs, u32 addr,
			 u32 status)
{
	const char *who = recovery.armed ? "caught" : "Oops";

	if (kind == FAULT_UNDEF)
		pr_emerg("%s: undefined instruction %08x at %pS", who,
			 *(u32 *)(unsigned long)regs->pc, (void *)(unsigned long)regs->pc);
	else
		pr_emerg("%s: %s: %s at address %08x (%s, FSR %03x)", who,
			 fault_kind_name(kind), fsr_name(status), addr,
			 kind == FAULT_DATA_ABORT ? (status & (1 << 11) ? "write" : "read") :
						    "exec", status);
	show_regs(regs);
	dump_backtrace(regs->r[11], regs->pc, regs->lr);
}

/* A fault in a kernel thread ends that thread only; the rest runs on. */
static bool thread_killable(void)
{
	struct thread *t;

	if (!sched_running() || in_interrupt())
		return false;
	t = current;
	return !t->is_idle && strcmp(t->name, "init") != 0;
}

/*
 * A fault on a user address: page it in (demand paging, copy-on-write,
 * stack growth).  From user mode an unresolvable fault is SIGSEGV for the
 * process; from the kernel's user-copy routines it resumes at their fixup
 * (-EFAULT).  Returns true when the fault was dealt with here.
 */
static bool user_fault(enum fault_kind kind, struct pt_regs *regs, u32 addr, u32 status)
{
	unsigned long fixup = user_mode(regs) ? 0 : search_exception_table(regs->pc);
	bool write = kind == FAULT_DATA_ABORT && (status & (1 << 11));
	bool exec = kind == FAULT_PREFETCH_ABORT;
	int err = -EFAULT;

	if (!user_mode(regs) && !fixup)
		return false;			/* a kernel bug, not a user address */
	if (!(regs->psr & PSR_I_BIT))
		local_irq_enable();		/* paging in may sleep */
	if (sched_running() && current->mm && addr < USER_END && kind != FAULT_UNDEF)
		err = vm_fault(current->mm, addr, write, exec);
	local_irq_disable();
	if (!err)
		return true;			/* retry the access */
	if (fixup) {
		regs->pc = (u32)fixup;
		return true;
	}
	if (current->proc)
		pr_info("%s[%d]: %s at %08x (pc %08x): %s", current->proc->name,
			current->proc->pid, fault_kind_name(kind), addr, regs->pc,
			kind == FAULT_UNDEF ? "SIGILL" : "SIGSEGV");
	force_signal(current, kind == FAULT_UNDEF ? SIGILL : SIGSEGV);
	do_notify_resume(regs);
	return true;
}

static void handle_fault(enum fault_kind kind, struct pt_regs *regs, u32 addr,
			 u32 status)
{
	bool overflow = kind == FAULT_DATA_ABORT && kstack_is_guard(addr);

	if (user_fault(kind, regs, addr, status))
		return;

	if (overflow)
		pr_emerg("kernel stack overflow in thread %s: hit the guard page at %08x",
			 sched_running() ? current->name : "boot", addr);
	report_fault(kind, regs, addr, status);
	if (recovery.armed && !user_mode(regs) && !overflow) {
		recovery.info->kind = kind;
		recovery.info->pc = regs->pc;
		recovery.info->addr = addr;
		recovery.info->status = status;
		kernel_longjmp(&recovery.jb, 1);
	}
	if (thread_killable()) {
		pr_emerg("---[ killing thread %s (%s) ]---", current->name, fault_kind_name(kind));
		if (current->proc)
			process_exit(SIGKILL);	/* the kernel failed this process */
		kthread_exit(-EFAULT);
	}
	panic("Fatal exception: %s in %s", fault_kind_name(kind),
	      in_interrupt() ? "interrupt context" : sched_running() ? current->name : "boot");
}

void do_undefinstr(struct pt_regs *regs)
{
	handle_fault(FAULT_UNDEF, regs, regs->pc, 0);
}

void do_data_abort(struct pt_regs *regs)
{
	handle_fault(FAULT_DATA_ABORT, regs, read_dfar(), read_dfsr());
}

void do_prefetch_abort(struct pt_regs *regs)
{
	handle_fault(FAULT_PREFETCH_ABORT, regs, read_ifar(), read_ifsr());
}

/* An SVC from kernel mode (user mode goes to syscall_entry from entry.S). */
void do_svc(struct pt_regs *regs)
{
	/* Only the semihosting SVC ends up here (when no host listens), and
	 * then it is a no-op. */
	if (user_mode(regs))
		syscall_entry(regs);
}

void do_bad_vector(struct pt_regs *regs)
{
	show_regs(regs);
	panic("unexpected exception vector (reset or FIQ)");
}
