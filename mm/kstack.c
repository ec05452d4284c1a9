// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel stacks in their own virtual area (KSTACK_AREA): each slot is a
 * guard page left unmapped followed by KSTACK_SIZE of mapped, execute-never
 * pages.  An overflow hits the guard and faults at once; the fault handler
 * asks kstack_is_guard() to name it a stack overflow.
 *
 * New stacks are filled with a pattern so that kstack_used() can report
 * the high-water mark (`threads` shows it).
 *
 * Each slot remembers its pages (slot_pages[]) for the free.  Asking the
 * MMU instead (an ATS1CPR translation, then reading PAR) is not safe: PAR
 * is one register per CPU, and an interrupt, a switch or a data abort (whose
 * entry probes the stack with ATS1CPW) between the two rewrites it, so the
 * free would take some other stack's pages.
 *
 * Locking: slot_lock protects the slot bitmap and slot_pages[].
 */
#include <mm/kstack.h>
#include <mm/page_alloc.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <asm/mmu.h>
#include <asm/memory.h>

#define SLOT_SIZE	(PAGE_SIZE + KSTACK_SIZE)
#define NR_SLOTS	((KSTACK_AREA_END - KSTACK_AREA) / SLOT_SIZE)
#define STACK_ORDER	1		/* KSTACK_SIZE = 2 pages */
#define FILL		0x57acfeedu

static u32 slot_map[(NR_SLOTS + 31) / 32];
static struct page *slot_pages[NR_SLOTS];
static DEFINE_SPINLOCK(slot_lock);

static int slot_get(void)
{
	unsigned long flags;
	int slot = -1;

	spin_lock_irqsave(&slot_lock, flags);
	for (u32 i = 0; i < NR_SLOTS; i++) {
		if (!(slot_map[i / 32] & (1u << (i % 32)))) {
			slot_map[i / 32] |= 1u << (i % 32);
			slot = (int)i;
			break;
		}
	}
	spin_unlock_irqrestore(&slot_lock, flags);
	return slot;
}

static void slot_put(u32 slot)
{
	unsigned long flags;

	spin_lock_irqsave(&slot_lock, flags);
	slot_map[slot / 32] &= ~(1u << (slot % 32));
	spin_unlock_irqrestore(&slot_lock, flags);
}

void *kstack_alloc(u32 *size)
{
	int slot = slot_get();
	unsigned long base;
	struct page *pg;

	if (slot < 0)
		return NULL;
	pg = alloc_pages(0, STACK_ORDER);
	if (!pg) {
		slot_put(slot);
		return NULL;
	}
	slot_pages[slot] = pg;		/* the slot is ours: no lock needed */
	base = KSTACK_AREA + slot * SLOT_SIZE + PAGE_SIZE;
	for (u32 i = 0; i < KSTACK_SIZE / PAGE_SIZE; i++) {
		if (map_kernel_page(base + i * PAGE_SIZE,
				    __pa(page_address(pg)) + i * PAGE_SIZE, false, false)) {
			while (i--)
				unmap_kernel_page(base + i * PAGE_SIZE);
			free_pages(pg, STACK_ORDER);
			slot_put(slot);
			return NULL;
		}
	}
	for (u32 *w = (u32 *)base; w < (u32 *)(base + KSTACK_SIZE); w++)
		*w = FILL;
	*size = KSTACK_SIZE;
	return (void *)base;
}

void kstack_free(void *stack, u32 size)
{
	unsigned long base = (unsigned long)stack;
	u32 slot;
	struct page *pg;

	if (base < KSTACK_AREA || base >= KSTACK_AREA_END)
		return;		/* a boot stack: not ours */
	slot = (u32)((base - PAGE_SIZE - KSTACK_AREA) / SLOT_SIZE);
	pg = slot_pages[slot];
	slot_pages[slot] = NULL;
	for (u32 i = 0; i < size / PAGE_SIZE; i++)
		unmap_kernel_page(base + i * PAGE_SIZE);
	if (pg)
		free_pages(pg, STACK_ORDER);
	slot_put(slot);
}

u32 kstack_used(const void *stack, u32 size)
{
	const u32 *w = stack;
	u32 i = 0;

	if ((unsigned long)stack < KSTACK_AREA || (unsigned long)stack >= KSTACK_AREA_END)
		return 0;	/* not filled: unknown */
	while (i < size / 4 && w[i] == FILL)
		i++;
	return size - i * 4;
}

bool kstack_is_guard(unsigned long addr)
{
	if (addr < KSTACK_AREA || addr >= KSTACK_AREA_END)
		return false;
	return (addr - KSTACK_AREA) % SLOT_SIZE < PAGE_SIZE;
}
