/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User address spaces.  A process sees 0 .. USER_END (1 GiB, translated
 * through TTBR0 with its own first-level table and ASID); the kernel lives
 * above, through TTBR1, the same for everyone.  Memory is described by
 * areas (struct vm_area) and filled on demand by the fault handler: zero
 * pages for anonymous memory, copies for copy-on-write after fork().
 */
#ifndef MM_VM_H
#define MM_VM_H

#include <kernel/sched.h>
#include <kernel/types.h>
#include <kernel/list.h>
#include <kernel/mutex.h>

#define USER_END	0x40000000u	/* TTBCR.N = 2: TTBR0 covers 1 GiB */
#define USER_STACK_TOP	0x3f000000u
#define USER_STACK_MAX	(8u << 20)	/* the stack may grow down this far */
#define USER_MMAP_BASE	0x20000000u

#define VM_READ		0x1u
#define VM_WRITE	0x2u
#define VM_EXEC		0x4u
#define VM_GROWSDOWN	0x10u		/* the stack */
#define VM_HEAP		0x20u		/* brk area */

struct vm_area {
	u32 start, end;			/* [start, end), page aligned */
	u32 flags;			/* VM_* */
	struct list_head node;		/* mm->areas, sorted by address */
};

struct mm {
	u32 *pgd;			/* 1024 first-level entries for 0 .. 1 GiB */
	u32 asid;
	struct list_head areas;
	struct mutex lock;		/* protects areas, page tables, brk */
	int users;			/* references (threads, fork in progress) */
	u32 brk_start, brk;		/* heap: [brk_start, brk) */
	u32 mmap_next;			/* where the next anonymous mmap goes */
	u32 pages;			/* resident pages */
	u32 faults, cow_copies;		/* statistics */
};

struct mm *mm_create(void);
void mm_get(struct mm *mm);
void mm_put(struct mm *mm);
/* A copy-on-write copy of @src (fork); NULL when out of memory. */
struct mm *mm_fork(struct mm *src);

/**
 * vm_map() - add an anonymous area [@start, @start + @len)
 * Return: 0; -EINVAL (unaligned, outside user space), -EEXIST (overlap), -ENOMEM.
 */
int vm_map(struct mm *mm, u32 start, u32 len, u32 flags);
int vm_unmap(struct mm *mm, u32 start, u32 len);
/* Change the protection of [start, start + len); -ENOMEM if not all mapped. */
int vm_protect(struct mm *mm, u32 start, u32 len, u32 flags);
/* Finds room for @len bytes of anonymous memory; 0 on failure. */
u32 vm_find_free(struct mm *mm, u32 len);
struct vm_area *vm_find(struct mm *mm, u32 addr);

/**
 * vm_fault() - resolve a fault at @addr in @mm
 * @write: the access was a write   @exec: an instruction fetch
 * Return: 0 when the page is now mapped with the needed access, -EFAULT
 * when the address is not in an area or the area forbids the access,
 * -ENOMEM when no page could be allocated.
 */
int vm_fault(struct mm *mm, u32 addr, bool write, bool exec);

/* Copies into/out of @mm's pages from kernel memory (exec loader, tests). */
int vm_write(struct mm *mm, u32 addr, const void *src, u32 len);
int vm_read(struct mm *mm, u32 addr, void *dst, u32 len);

/* What each CPU's TTBR0 holds (vm.c); NULL before vm_init(). */
extern struct mm *cpu_active_mm[NR_CPUS];
void __mm_activate(struct mm *mm, unsigned int cpu);

/*
 * Makes @mm (or no user space, for NULL) this CPU's TTBR0/ASID.  Inline
 * test first: at most context switches the address space does not change.
 */
static inline void mm_activate(struct mm *mm)
{
	unsigned int cpu = smp_processor_id();

	if (likely(cpu_active_mm[cpu] == mm))
		return;
	__mm_activate(mm, cpu);
}

void vm_init(void);

#endif /* MM_VM_H */
