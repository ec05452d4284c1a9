/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks: short critical sections only.  The _irqsave variants also mask
 * local interrupts, for data shared with interrupt handlers.
 */
#ifndef KERNEL_SPINLOCK_H
#define KERNEL_SPINLOCK_H

#include <kernel/compiler.h>
#include <asm/spinlock.h>
#include <asm/irqflags.h>

typedef struct {
	arch_spinlock_t raw;
} spinlock_t;

#define SPINLOCK_INIT { __ARCH_SPIN_LOCK_UNLOCKED }
#define DEFINE_SPINLOCK(x) spinlock_t x = SPINLOCK_INIT

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->raw.slock = 0;
}

static inline void spin_lock(spinlock_t *lock)
{
	arch_spin_lock(&lock->raw);
}

static inline bool spin_trylock(spinlock_t *lock)
{
	return arch_spin_trylock(&lock->raw);
}

static inline void spin_unlock(spinlock_t *lock)
{
	arch_spin_unlock(&lock->raw);
}

#define spin_lock_irqsave(lock, flags) do {	\
	local_irq_save(flags);			\
	spin_lock(lock);			\
} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	spin_unlock(lock);
	local_irq_restore(flags);
}

#endif /* KERNEL_SPINLOCK_H */
