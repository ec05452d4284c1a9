// SPDX-License-Identifier: GPL-2.0
/*
 * Signals.  Programs use newlib's numbers and sigset_t (bit n = signal n);
 * the kernel uses the ABI's (ARM numbers, 64-bit set, bit n-1).  Every
 * caught signal enters sig_entry() with the ABI number, which calls the
 * program's handler with newlib's number; the kernel returns through
 * __sig_restore (crt0.S, rt_sigreturn; always an rt frame: SA_SIGINFO).
 * The handler table is per process and not locked: a handler changed
 * while it runs may see the old one.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "sys.h"

extern void __sig_restore(void);

static _sig_func_ptr handlers[NSIG];

static void sig_entry(int abi_sig)
{
	int sig = sig_from_abi(abi_sig);
	_sig_func_ptr h = sig > 0 ? handlers[sig] : SIG_DFL;

	if (h != SIG_DFL && h != SIG_IGN)
		h(sig);
}

void sigset_to_abi(const sigset_t *set, unsigned long out[2])
{
	int s, a;

	out[0] = out[1] = 0;
	for (s = 1; s < NSIG; s++) {
		a = sig_to_abi(s);
		if (a && (*set & (1UL << s)))
			out[(a - 1) / 32] |= 1UL << ((a - 1) % 32);
	}
}

static void set_from_abi(const unsigned long in[2], sigset_t *set)
{
	int s, a;

	*set = 0;
	for (s = 1; s < NSIG; s++) {
		a = sig_to_abi(s);
		if (a && (in[(a - 1) / 32] & (1UL << ((a - 1) % 32))))
			*set |= 1UL << s;
	}
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct abi_sigaction k, ko;
	int asig = sig_to_abi(sig);
	_sig_func_ptr prev = handlers[asig ? sig : 0];

	if (!asig) {
		errno = EINVAL;
		return -1;
	}
	if (act) {
		memset(&k, 0, sizeof(k));
		if (act->sa_handler == SIG_DFL || act->sa_handler == SIG_IGN)
			k.sa_handler = (void (*)(int))act->sa_handler;
		else
			k.sa_handler = sig_entry;
		/*
		 * SA_SIGINFO always: an ARM kernel builds the rt frame (that
		 * rt_sigreturn undoes) only for SA_SIGINFO handlers.
		 */
		k.sa_flags = act->sa_flags | ABI_SA_SIGINFO | ABI_SA_RESTORER;
		k.sa_restorer = __sig_restore;
		sigset_to_abi(&act->sa_mask, k.sa_mask);
	}
	if (sys_ret(sys4(__NR_rt_sigaction, asig, act ? &k : NULL, &ko,
			 ABI_SIGSET_SIZE)) < 0)
		return -1;
	if (act)
		handlers[sig] = act->sa_handler;
	if (old) {
		memset(old, 0, sizeof(*old));
		if (ko.sa_handler == ABI_SIG_DFL || ko.sa_handler == ABI_SIG_IGN)
			old->sa_handler = (_sig_func_ptr)ko.sa_handler;
		else
			old->sa_handler = prev;
		old->sa_flags = ko.sa_flags & ~(ABI_SA_RESTORER | ABI_SA_SIGINFO);
		set_from_abi(ko.sa_mask, &old->sa_mask);
	}
	return 0;
}

_sig_func_ptr signal(int sig, _sig_func_ptr h)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = h;
	sa.sa_flags = SA_RESTART;
	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int raise(int sig)
{
	return kill(getpid(), sig);
}

int killpg(pid_t pgrp, int sig)
{
	return kill(-pgrp, sig);
}

static const int how_map[] = {
	[SIG_SETMASK] = ABI_SIG_SETMASK,
	[SIG_BLOCK] = ABI_SIG_BLOCK,
	[SIG_UNBLOCK] = ABI_SIG_UNBLOCK,
};

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	unsigned long k[2], ko[2];

	if (how < 0 || how > 2) {
		errno = EINVAL;
		return -1;
	}
	if (set)
		sigset_to_abi(set, k);
	if (sys_ret(sys4(__NR_rt_sigprocmask, how_map[how], set ? k : NULL,
			 ko, ABI_SIGSET_SIZE)) < 0)
		return -1;
	if (old)
		set_from_abi(ko, old);
	return 0;
}

int sigpending(sigset_t *set)
{
	unsigned long k[2];

	if (sys_ret(sys2(__NR_rt_sigpending, k, ABI_SIGSET_SIZE)) < 0)
		return -1;
	set_from_abi(k, set);
	return 0;
}

int sigsuspend(const sigset_t *set)
{
	unsigned long k[2];

	sigset_to_abi(set, k);
	return sys_ret(sys2(__NR_rt_sigsuspend, k, ABI_SIGSET_SIZE));
}

int pause(void)
{
	sigset_t cur;

	sigprocmask(SIG_BLOCK, NULL, &cur);
	return sigsuspend(&cur);
}
