// SPDX-License-Identifier: GPL-2.0
/*
 * Signals: sending (kill, faults), delivery on the way back to user mode
 * (default actions, handlers with a frame on the user stack), and
 * rt_sigreturn.  Signals are pending per thread: a process-directed one
 * (kill) goes to a thread that does not block it (process_signal()), a
 * thread-directed one (tgkill, a fault) to that thread.  Dispositions are
 * the process's, shared by its threads.
 *
 * Default actions: SIGCHLD, SIGURG, SIGWINCH and SIGCONT are ignored;
 * SIGSTOP and SIGTSTP are ignored too (there is no job control yet); every
 * other signal terminates the process with the signal in its wait status.
 *
 * A handler runs with r0 = signal, r1 = a siginfo in the frame, lr = the
 * SA_RESTORER trampoline (libc supplies it, as on Linux); rt_sigreturn
 * restores the saved registers, with the mode bits forced back to user so
 * a forged frame cannot raise privilege.
 *
 * Locking: pending masks are updated with atomics; a thread changes only
 * its own blocked mask; dispositions are changed without a lock (a
 * handler change racing a delivery in another thread sees one or the
 * other, each a consistent word).
 */
#define pr_fmt(fmt) "signal: " fmt
#include <kernel/uaccess.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <asm/ptrace.h>
#include <asm/irqflags.h>
#include "proc_internal.h"

#define FRAME_MAGIC	0x5349474eu	/* "SIGN" */
#define UNBLOCKABLE	((1ull << (SIGKILL - 1)) | (1ull << (SIGSTOP - 1)))

struct siginfo_k {
	s32 si_signo, si_errno, si_code;
	u32 si_addr;
	u8 pad[112];
};

struct sigframe {
	struct siginfo_k info;
	struct pt_regs regs;
	u64 blocked;
	u32 magic;
	u32 pad;
};

static u64 sigbit(int sig)
{
	return 1ull << (sig - 1);
}

static bool ignored_by_default(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT ||
	       sig == SIGSTOP || sig == SIGTSTP;
}

/*
 * As Linux: a signal the process ignores, and @t does not block, is
 * dropped when sent, so it interrupts no system call (a SIGCHLD nobody
 * handles must not make a wait4 or a read return EINTR).  A blocked one
 * stays pending: a handler may be set before it is unblocked.
 */
bool signal_ignored(struct thread *t, int sig)
{
	u32 handler;

	if (sig == SIGKILL || (t->sig_blocked & sigbit(sig)))
		return false;
	handler = t->proc->sigaction[sig].handler;
	return handler == SIG_IGN || (handler == SIG_DFL && ignored_by_default(sig));
}

void signal_raise(struct thread *t, int sig)
{
	__atomic_or_fetch(&t->sig_pending, sigbit(sig), __ATOMIC_SEQ_CST);
	/*
	 * Interrupt a blocking system call.  Not a thread its creator has yet
	 * to start (clone sets it up first): waking it would start it early,
	 * and it looks at its pending signals before its first user
	 * instruction anyway.
	 */
	if (READ_ONCE(t->state) != THREAD_NEW)
		wake_up_thread(t, -EINTR);
}

int send_signal(int pid, int sig)
{
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	return process_signal(pid, 0, sig);
}

int send_signal_thread(int tgid, int tid, int sig)
{
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (tid <= 0 || tgid < 0)
		return -EINVAL;
	return process_signal(tgid, tid, sig);
}

int force_signal(struct thread *t, int sig)
{
	/* A fault cannot be blocked or ignored away: reset to the default. */
	t->sig_blocked &= ~sigbit(sig);
	if (t->proc && t->proc->sigaction[sig].handler == SIG_IGN)
		t->proc->sigaction[sig].handler = SIG_DFL;
	signal_raise(t, sig);
	return 0;
}

void signal_reset_on_exec(struct process *p)
{
	for (int i = 1; i <= NSIG; i++)
		if (p->sigaction[i].handler != SIG_IGN)
			memset(&p->sigaction[i], 0, sizeof(p->sigaction[i]));
}


/*
 * ppoll, pselect6 and rt_sigsuspend put a mask of their own in force for
 * the call.  When the call ends with -EINTR for a signal that mask lets
 * in, the caller's mask comes back only after that signal's delivery: its
 * handler frame saves the caller's (rt_sigreturn restores it), so the
 * handler runs even when the caller's own mask blocks the signal.  That is
 * Linux's rule, and what makes sigsuspend() and pselect() work.
 */
void sigmask_set_temporary(u64 mask)
{
	struct thread *t = current;

	t->saved_sigmask = t->sig_blocked;
	t->sig_blocked = mask & ~UNBLOCKABLE;
	t->restore_sigmask = true;
}

void sigmask_end_temporary(long ret)
{
	struct thread *t = current;

	if (!t->restore_sigmask)
		return;
	/* A signal to deliver: do_notify_resume() runs on the way out. */
	if (ret == -EINTR && (READ_ONCE(t->sig_pending) & ~t->sig_blocked))
		return;
	t->sig_blocked = t->saved_sigmask;
	t->restore_sigmask = false;
}

static int setup_frame(struct pt_regs *regs, int sig, struct k_sigaction *ka)
{
	struct sigframe f;
	u32 sp = ALIGN_DOWN(regs->sp - sizeof(f), 8u);

	memset(&f, 0, sizeof(f));
	f.info.si_signo = sig;
	f.regs = *regs;
	f.blocked = current->restore_sigmask ? current->saved_sigmask : current->sig_blocked;
	f.magic = FRAME_MAGIC;
	if (copy_to_user(sp, &f, sizeof(f)))
		return -EFAULT;
	regs->r[0] = (u32)sig;
	regs->r[1] = sp;		/* &frame->info */
	regs->r[2] = 0;
	regs->sp = sp;
	regs->lr = (ka->flags & SA_RESTORER) ? ka->restorer : 0;
	regs->pc = ka->handler & ~1u;
	regs->psr = (regs->psr & ~PSR_T_BIT) | ((ka->handler & 1) ? PSR_T_BIT : 0);
	current->sig_blocked |= ka->mask | ((ka->flags & SA_NODEFER) ? 0 : sigbit(sig));
	current->sig_blocked &= ~UNBLOCKABLE;
	current->restore_sigmask = false;	/* the frame holds the caller's mask */
	if (ka->flags & SA_RESETHAND)
		ka->handler = SIG_DFL;
	return 0;
}

/* Entered with IRQs off on every return to user mode. */
void do_notify_resume(struct pt_regs *regs)
{
	struct thread *t = current;
	u64 ready;

	if (!t->proc)
		return;
	while ((ready = READ_ONCE(t->sig_pending) & ~t->sig_blocked)) {
		int sig = __builtin_ctzll(ready) + 1;
		struct k_sigaction *ka = &t->proc->sigaction[sig];

		__atomic_and_fetch(&t->sig_pending, ~sigbit(sig), __ATOMIC_SEQ_CST);
		if (sig != SIGKILL && ka->handler == SIG_IGN)
			continue;
		if (sig == SIGKILL || ka->handler == SIG_DFL) {
			if (sig != SIGKILL && ignored_by_default(sig))
				continue;
			local_irq_enable();
			process_exit(sig);		/* wait status: killed by @sig */
		}
		local_irq_enable();
		if (setup_frame(regs, sig, ka)) {
			pr_info("%s[%d]: cannot write a signal frame; killing it",
				t->proc->name, t->proc->pid);
			process_exit(SIGSEGV);
		}
		local_irq_disable();
		break;			/* one handler at a time */
	}
	/* No handler took the caller's mask into its frame: give it back now. */
	if (t->restore_sigmask) {
		t->sig_blocked = t->saved_sigmask;
		t->restore_sigmask = false;
	}
}

long sys_rt_sigreturn(struct pt_regs *regs)
{
	struct sigframe f;

	if (copy_from_user(&f, regs->sp, sizeof(f)) || f.magic != FRAME_MAGIC) {
		force_signal(current, SIGSEGV);
		return -EFAULT;
	}
	/* Only user mode, with interrupts on, may come back from a frame. */
	f.regs.psr = (f.regs.psr & ~(MODE_MASK | PSR_I_BIT | PSR_F_BIT | PSR_A_BIT)) | USR_MODE;
	*regs = f.regs;
	current->sig_blocked = f.blocked & ~UNBLOCKABLE;
	return (long)regs->r[0];	/* the dispatcher stores it back unchanged */
}

long sys_rt_sigaction(u32 sig, u32 act, u32 oldact, u32 sigsetsize)
{
	struct process *p = current_process();
	struct { u32 handler, flags, restorer; u64 mask; } __packed k;

	if (sig < 1 || sig > NSIG || sigsetsize != 8)
		return -EINVAL;
	if (oldact) {
		struct k_sigaction *o = &p->sigaction[sig];

		k.handler = o->handler;
		k.flags = o->flags;
		k.restorer = o->restorer;
		k.mask = o->mask;
		if (copy_to_user(oldact, &k, 20))
			return -EFAULT;
	}
	if (act) {
		if (copy_from_user(&k, act, 20))	/* EFAULT first, as Linux */
			return -EFAULT;
		if (sig == SIGKILL || sig == SIGSTOP)
			return -EINVAL;
		p->sigaction[sig].handler = k.handler;
		p->sigaction[sig].flags = k.flags;
		p->sigaction[sig].restorer = k.restorer;
		p->sigaction[sig].mask = k.mask & ~UNBLOCKABLE;
	}
	return 0;
}

long sys_rt_sigprocmask(u32 how, u32 set, u32 oldset, u32 sigsetsize)
{
	u64 new, old = current->sig_blocked;

	if (sigsetsize != 8)
		return -EINVAL;
	if (oldset && copy_to_user(oldset, &old, 8))
		return -EFAULT;
	if (!set)
		return 0;
	if (copy_from_user(&new, set, 8))
		return -EFAULT;
	switch (how) {
	case 0: old |= new; break;		/* SIG_BLOCK */
	case 1: old &= ~new; break;		/* SIG_UNBLOCK */
	case 2: old = new; break;		/* SIG_SETMASK */
	default: return -EINVAL;
	}
	current->sig_blocked = old & ~UNBLOCKABLE;
	return 0;
}

/* Sleep with @uset's mask until a signal it lets in arrives: always -EINTR. */
long sys_rt_sigsuspend(u32 uset, u32 sigsetsize)
{
	u64 mask;

	if (sigsetsize != 8)
		return -EINVAL;
	if (copy_from_user(&mask, uset, 8))
		return -EFAULT;
	sigmask_set_temporary(mask);
	for (;;) {
		set_current_blocked();
		if (signal_pending_current())
			break;
		schedule();
	}
	set_current_runnable();
	sigmask_end_temporary(-EINTR);
	return -EINTR;
}

long sys_rt_sigpending(u32 set, u32 sigsetsize)
{
	u64 pending = current->sig_pending & current->sig_blocked;

	if (sigsetsize != 8)
		return -EINVAL;
	return copy_to_user(set, &pending, 8);
}
