/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ticket spinlock with LDREX/STREX (ARMv7-A ARM A3.4): fair between CPUs,
 * waiters sleep in WFE and the unlocker's SEV (implied by the DSB+SEV
 * below) wakes them.
 */
#ifndef ASM_SPINLOCK_H
#define ASM_SPINLOCK_H

#include <kernel/types.h>
#include <asm/barrier.h>

typedef struct {
	union {
		u32 slock;
		struct {
			u16 owner;
			u16 next;
		} tickets;
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { { 0 } }

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u32 tmp, newval;
	arch_spinlock_t lockval;

	__asm__ __volatile__(
"1:	ldrex	%0, [%3]\n"
"	add	%1, %0, %4\n"
"	strex	%2, %1, [%3]\n"
"	teq	%2, #0\n"
"	bne	1b"
	: "=&r"(lockval), "=&r"(newval), "=&r"(tmp)
	: "r"(&lock->slock), "I"(1 << 16)
	: "cc");

	while (lockval.tickets.next != lockval.tickets.owner) {
		wfe();
		lockval.tickets.owner = READ_ONCE(lock->tickets.owner);
	}
	smp_mb();
}

static inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 contended, res;
	u32 slock;

	do {
		__asm__ __volatile__(
		"	ldrex	%0, [%3]\n"
		"	mov	%2, #0\n"
		"	subs	%1, %0, %0, ror #16\n"
		"	addeq	%0, %0, %4\n"
		"	strexeq	%2, %0, [%3]"
		: "=&r"(slock), "=&r"(contended), "=&r"(res)
		: "r"(&lock->slock), "I"(1 << 16)
		: "cc");
	} while (res);

	if (!contended) {
		smp_mb();
		return true;
	}
	return false;
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	smp_mb();
	lock->tickets.owner++;
	dsb();
	sev();
}

static inline bool arch_spin_is_locked(arch_spinlock_t *lock)
{
	arch_spinlock_t v = READ_ONCE(*lock);

	return v.tickets.owner != v.tickets.next;
}

#endif /* ASM_SPINLOCK_H */
