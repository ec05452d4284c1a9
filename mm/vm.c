// SPDX-License-Identifier: GPL-2.0
/*
 * User address spaces: areas, page tables, demand paging, copy-on-write.
 *
 * Each struct mm has a 4 KiB first-level table for 0 .. 1 GiB (TTBR0 with
 * TTBCR.N = 2) and second-level tables of 1 KiB from their own cache.
 * User pages are non-global (tagged with the mm's ASID), shareable,
 * write-back cacheable; read-only user pages are read-only for the kernel
 * too, so a kernel write through copy_to_user() into a copy-on-write page
 * faults and gets its private copy like a user write does.
 *
 * struct page's refs counts the mms mapping a user page: fork() shares
 * every page read-only and bumps refs; the first write copies (or, when
 * refs is 1, just makes the page writable again).  The mms sharing a page
 * may run on other CPUs under their own locks, so refs changes atomically.
 *
 * ASIDs: 1..254 are handed out for the life of an mm; with none left an
 * mm gets ASID 255 and the TLB entries of that ASID are flushed whenever
 * one of those mms is switched in.  ASID 0 stays unused so that it can be
 * the safe value while TTBR0 changes (ARMv7-A ARM B3.10.4).
 *
 * An mm is active (in TTBR0) only on CPUs running one of its threads; its
 * last user switches away (process exit, execve) before it is freed.
 *
 * Locking: mm->lock (a mutex) protects an mm's areas and page tables;
 * asid_lock protects the ASID bitmap.  Knows nothing about processes.
 */
#define pr_fmt(fmt) "vm: " fmt
#include <mm/vm.h>
#include <mm/page_alloc.h>
#include <mm/slab_cache.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <kernel/spinlock.h>
#include <kernel/sched.h>
#include <asm/cp15.h>
#include <asm/barrier.h>
#include <asm/memory.h>

#define L1_TABLE	0x1u
#define PTE_SMALL	0x2u
#define PTE_XN		0x1u
#define PTE_NORMAL	(0x40u | 0x8u | 0x4u | 0x400u)	/* TEX=001 C B, shareable */
#define PTE_NG		0x800u
#define PTE_AP_RW	0x30u			/* kernel and user read-write */
#define PTE_AP_RO	(0x200u | 0x30u)	/* kernel and user read-only */
#define PTE_AP_NONE	0x10u			/* kernel only: PROT_NONE, a guard page */
#define ASID_SHARED	255u

static struct kmem_cache *l2_cache;
static u32 asid_map[256 / 32] = { 1u };	/* ASID 0 reserved */
static DEFINE_SPINLOCK(asid_lock);
static u32 *empty_pgd;			/* for kernel threads: nothing mapped */

static void clean_dcache(const void *p, u32 len)
{
	write_dccmvac_range(p, len);
}

static u32 asid_alloc(void)
{
	unsigned long flags;
	u32 asid = ASID_SHARED;

	spin_lock_irqsave(&asid_lock, flags);
	for (u32 a = 1; a < ASID_SHARED; a++) {
		if (!(asid_map[a / 32] & (1u << (a % 32)))) {
			asid_map[a / 32] |= 1u << (a % 32);
			asid = a;
			break;
		}
	}
	spin_unlock_irqrestore(&asid_lock, flags);
	return asid;
}

static void asid_free(u32 asid)
{
	unsigned long flags;

	if (asid == ASID_SHARED)
		return;
	spin_lock_irqsave(&asid_lock, flags);
	asid_map[asid / 32] &= ~(1u << (asid % 32));
	spin_unlock_irqrestore(&asid_lock, flags);
}

static void flush_tlb_page(struct mm *mm, u32 va)
{
	dsb();
	write_tlbimvais((va & ~(PAGE_SIZE - 1)) | mm->asid);
	dsb();
	isb();
}

static void flush_tlb_asid(u32 asid)
{
	dsb();
	__asm__ __volatile__("mcr p15, 0, %0, c8, c3, 2" :: "r"(asid) : "memory"); /* TLBIASIDIS */
	dsb();
	isb();
}

struct mm *cpu_active_mm[NR_CPUS];	/* what each CPU's TTBR0 holds */
#define ACTIVE_UNKNOWN ((struct mm *)1)

void vm_init(void)
{
	for (int i = 0; i < NR_CPUS; i++)
		cpu_active_mm[i] = ACTIVE_UNKNOWN;
	l2_cache = kmem_cache_create("pgtable-l2", 1024, 1024, 0, NULL);
	empty_pgd = get_free_pages(0, 0);
	if (!l2_cache || !empty_pgd)
		panic("vm: no memory for page tables");
	memset(empty_pgd, 0, PAGE_SIZE);
	clean_dcache(empty_pgd, PAGE_SIZE);
}

/* --- page tables ------------------------------------------------------ */

static u32 *pte_of(struct mm *mm, u32 va, bool create)
{
	u32 *l1 = &mm->pgd[va >> 20], *l2;

	if (!*l1) {
		if (!create)
			return NULL;
		l2 = kmem_cache_alloc(l2_cache, GFP_KERNEL);
		if (!l2)
			return NULL;
		memset(l2, 0, 1024);
		clean_dcache(l2, 1024);
		*l1 = (u32)__pa(l2) | L1_TABLE;
		clean_dcache(l1, 4);
	}
	l2 = __va(*l1 & ~0x3ffu);
	return &l2[(va >> PAGE_SHIFT) & 0xff];
}

static void set_pte(struct mm *mm, u32 va, u32 *pte, u32 val)
{
	*pte = val;
	clean_dcache(pte, 4);
	flush_tlb_page(mm, va);
}

static u32 pte_val(phys_addr_t pa, u32 flags, bool writable)
{
	u32 ap = !(flags & (VM_READ | VM_WRITE | VM_EXEC)) ? PTE_AP_NONE :
		 writable ? PTE_AP_RW : PTE_AP_RO;

	return (pa & ~(PAGE_SIZE - 1)) | PTE_SMALL | PTE_NORMAL | PTE_NG | ap |
	       ((flags & VM_EXEC) ? 0 : PTE_XN);
}

static struct page *pte_page(u32 pte)
{
	return virt_to_page(__va(pte & ~(PAGE_SIZE - 1)));
}

/* The mms sharing a page each hold only their own lock: refs is atomic. */
static void put_user_page(struct page *p)
{
	if (__atomic_sub_fetch(&p->refs, 1, __ATOMIC_ACQ_REL) == 0)
		free_pages(p, 0);
}

/* Unmap and release the pages of [start, end). Caller holds mm->lock. */
static void zap_range(struct mm *mm, u32 start, u32 end)
{
	for (u32 va = start; va < end; va += PAGE_SIZE) {
		u32 *pte = pte_of(mm, va, false);

		struct page *pg;

		if (!pte || !*pte)
			continue;
		/* Unmapped (every CPU's TLB too) before freed: another thread may run. */
		pg = pte_page(*pte);
		set_pte(mm, va, pte, 0);
		put_user_page(pg);
		mm->pages--;
	}
}

/* --- areas -------------------------------------------------------------- */

struct vm_area *vm_find(struct mm *mm, u32 addr)
{
	struct vm_area *a;

	list_for_each_entry(a, &mm->areas, node)
		if (addr >= a->start && addr < a->end)
			return a;
	return NULL;
}

static bool overlaps(struct mm *mm, u32 start, u32 end)
{
	struct vm_area *a;

	list_for_each_entry(a, &mm->areas, node)
		if (start < a->end && a->start < end)
			return true;
	return false;
}

static int insert_area(struct mm *mm, u32 start, u32 end, u32 flags)
{
	struct vm_area *a = kzalloc(sizeof(*a), GFP_KERNEL), *pos;

	if (!a)
		return -ENOMEM;
	a->start = start;
	a->end = end;
	a->flags = flags;
	list_for_each_entry(pos, &mm->areas, node)
		if (pos->start > start)
			break;
	list_add_tail(&a->node, &pos->node);
	return 0;
}

/* Cut @a in two at @at (inside it): @a keeps [start, at). Caller holds mm->lock. */
static int split_area(struct mm *mm, struct vm_area *a, u32 at)
{
	int err = insert_area(mm, at, a->end, a->flags);

	if (!err)
		a->end = at;
	return err;
}

int vm_map(struct mm *mm, u32 start, u32 len, u32 flags)
{
	u32 end = start + len;
	int err;

	if (!len || start % PAGE_SIZE || len % PAGE_SIZE || end > USER_END || end < start)
		return -EINVAL;
	mutex_lock(&mm->lock);
	err = overlaps(mm, start, end) ? -EEXIST : insert_area(mm, start, end, flags);
	mutex_unlock(&mm->lock);
	return err;
}

/* Cut [start, end) out of every area, splitting where needed. */
int vm_unmap(struct mm *mm, u32 start, u32 len)
{
	u32 end = start + len;
	struct vm_area *a, *n;
	int err = 0;

	if (!len || start % PAGE_SIZE || end > USER_END || end < start)
		return -EINVAL;
	end = ALIGN_UP(end, PAGE_SIZE);
	mutex_lock(&mm->lock);
	list_for_each_entry_safe(a, n, &mm->areas, node) {
		if (a->end <= start || a->start >= end)
			continue;
		zap_range(mm, max(a->start, start), min(a->end, end));
		if (a->start < start && a->end > end) {		/* hole in the middle */
			err = insert_area(mm, end, a->end, a->flags);
			if (err)
				break;
			a->end = start;
		} else if (a->start < start) {
			a->end = start;
		} else if (a->end > end) {
			a->start = end;
		} else {
			list_del(&a->node);
			kfree(a);
		}
	}
	mutex_unlock(&mm->lock);
	return err;
}

int vm_protect(struct mm *mm, u32 start, u32 len, u32 flags)
{
	u32 end = start + ALIGN_UP(len, PAGE_SIZE);
	struct vm_area *a;
	int err = 0;

	if (start % PAGE_SIZE || end > USER_END || end < start)
		return -EINVAL;
	mutex_lock(&mm->lock);
	for (u32 va = start; va < end; va += PAGE_SIZE)
		if (!vm_find(mm, va))
			err = -ENOMEM;
	/* Only whole areas change: split those the range cuts (a guard page). */
	list_for_each_entry(a, &mm->areas, node) {
		if (err || a->end <= start || a->start >= end)
			continue;
		if (a->start < start)
			err = split_area(mm, a, start);	/* a keeps the part below */
		else if (a->end > end)
			err = split_area(mm, a, end);
	}
	if (!err) {
		list_for_each_entry(a, &mm->areas, node) {
			if (a->end <= start || a->start >= end)
				continue;
			a->flags = (a->flags & ~(VM_READ | VM_WRITE | VM_EXEC)) | flags;
			for (u32 va = a->start; va < a->end; va += PAGE_SIZE) {
				u32 *pte = pte_of(mm, va, false);

				if (pte && *pte)	/* refault writable pages on demand */
					set_pte(mm, va, pte, pte_val(*pte, flags, false));
			}
		}
	}
	mutex_unlock(&mm->lock);
	return err;
}

u32 vm_find_free(struct mm *mm, u32 len)
{
	u32 addr;

	len = ALIGN_UP(len, PAGE_SIZE);
	mutex_lock(&mm->lock);
	for (addr = max(mm->mmap_next, USER_MMAP_BASE); addr + len <= USER_STACK_TOP - USER_STACK_MAX;
	     addr += PAGE_SIZE) {
		if (!overlaps(mm, addr, addr + len))
			break;
	}
	if (addr + len > USER_STACK_TOP - USER_STACK_MAX)
		addr = 0;
	else
		mm->mmap_next = addr + len;
	mutex_unlock(&mm->lock);
	return addr;
}

/* --- faults ------------------------------------------------------------- */

/* Caller holds mm->lock.  Maps a private, writable copy of a shared page. */
static int break_cow(struct mm *mm, u32 va, u32 *pte, struct vm_area *a)
{
	struct page *old = pte_page(*pte), *new;

	/* Last user: just take it back (only our own fork could share it). */
	if (__atomic_load_n(&old->refs, __ATOMIC_ACQUIRE) == 1) {
		set_pte(mm, va, pte, pte_val(*pte, a->flags, true));
		return 0;
	}
	new = alloc_pages(0, 0);
	if (!new)
		return -ENOMEM;
	memcpy(page_address(new), page_address(old), PAGE_SIZE);
	clean_dcache(page_address(new), PAGE_SIZE);
	new->refs = 1;
	set_pte(mm, va, pte, pte_val(__pa(page_address(new)), a->flags, true));
	put_user_page(old);	/* the others may all have gone meanwhile */
	mm->cow_copies++;
	return 0;
}

static struct vm_area *stack_area(struct mm *mm, u32 addr)
{
	struct vm_area *a;

	list_for_each_entry(a, &mm->areas, node)
		if ((a->flags & VM_GROWSDOWN) && addr < a->start &&
		    addr >= a->end - USER_STACK_MAX && !overlaps(mm, ALIGN_DOWN(addr, PAGE_SIZE), a->start))
			return a;
	return NULL;
}

int vm_fault(struct mm *mm, u32 addr, bool write, bool exec)
{
	struct vm_area *a;
	struct page *p;
	u32 *pte, va = addr & ~(PAGE_SIZE - 1);
	int err = 0;

	if (!mm || addr >= USER_END)
		return -EFAULT;
	mutex_lock(&mm->lock);
	mm->faults++;
	a = vm_find(mm, addr);
	if (!a && (a = stack_area(mm, addr)))
		a->start = va;			/* the stack grows down */
	if (!a || (write && !(a->flags & VM_WRITE)) || (exec && !(a->flags & VM_EXEC)) ||
	    (!write && !exec && !(a->flags & (VM_READ | VM_WRITE | VM_EXEC)))) {
		err = -EFAULT;
		goto out_unlock;
	}
	pte = pte_of(mm, va, true);
	if (!pte) {
		err = -ENOMEM;
		goto out_unlock;
	}
	if (*pte) {
		if (write && (*pte & 0x200u))	/* read-only: copy-on-write */
			err = break_cow(mm, va, pte, a);
		goto out_unlock;		/* else another thread mapped it */
	}
	p = alloc_pages(0, 0);
	if (!p) {
		err = -ENOMEM;
		goto out_unlock;
	}
	memset(page_address(p), 0, PAGE_SIZE);
	clean_dcache(page_address(p), PAGE_SIZE);
	p->refs = 1;
	mm->pages++;
	set_pte(mm, va, pte, pte_val(__pa(page_address(p)), a->flags,
				    (a->flags & VM_WRITE) != 0));
	if (a->flags & VM_EXEC)
		write_iciallu(0);	/* fresh code page: no stale lines */
out_unlock:
	mutex_unlock(&mm->lock);
	return err;
}

/* --- creating, copying, destroying -------------------------------------- */

struct mm *mm_create(void)
{
	struct mm *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->pgd = get_free_pages(0, 0);
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	memset(mm->pgd, 0, PAGE_SIZE);
	clean_dcache(mm->pgd, PAGE_SIZE);
	INIT_LIST_HEAD(&mm->areas);
	mutex_init(&mm->lock);
	mm->users = 1;
	mm->asid = asid_alloc();
	mm->mmap_next = USER_MMAP_BASE;
	return mm;
}

void mm_get(struct mm *mm)
{
	__atomic_add_fetch(&mm->users, 1, __ATOMIC_SEQ_CST);
}

void mm_put(struct mm *mm)
{
	struct vm_area *a, *n;

	if (!mm || __atomic_sub_fetch(&mm->users, 1, __ATOMIC_SEQ_CST))
		return;
	mutex_lock(&mm->lock);
	list_for_each_entry_safe(a, n, &mm->areas, node) {
		zap_range(mm, a->start, a->end);
		list_del(&a->node);
		kfree(a);
	}
	for (int i = 0; i < (int)(USER_END >> 20); i++)
		if (mm->pgd[i])
			kmem_cache_free(l2_cache, __va(mm->pgd[i] & ~0x3ffu));
	mutex_unlock(&mm->lock);
	flush_tlb_asid(mm->asid);
	asid_free(mm->asid);
	free_pages_addr(mm->pgd, 0);
	kfree(mm);
}

struct mm *mm_fork(struct mm *src)
{
	struct mm *dst = mm_create();
	struct vm_area *a;

	if (!dst)
		return NULL;
	mutex_lock(&src->lock);
	dst->brk_start = src->brk_start;
	dst->brk = src->brk;
	dst->mmap_next = src->mmap_next;
	list_for_each_entry(a, &src->areas, node) {
		if (insert_area(dst, a->start, a->end, a->flags))
			goto out_fail;
		for (u32 va = a->start; va < a->end; va += PAGE_SIZE) {
			u32 *spte = pte_of(src, va, false), *dpte;

			if (!spte || !*spte)
				continue;
			dpte = pte_of(dst, va, true);
			if (!dpte)
				goto out_fail;
			/* Both share it read-only until one of them writes. */
			if (!(*spte & 0x200u))
				set_pte(src, va, spte, pte_val(*spte, a->flags, false));
			*dpte = *spte;
			clean_dcache(dpte, 4);
			__atomic_add_fetch(&pte_page(*spte)->refs, 1, __ATOMIC_RELAXED);
			dst->pages++;
		}
	}
	mutex_unlock(&src->lock);
	return dst;

out_fail:
	mutex_unlock(&src->lock);
	mm_put(dst);
	return NULL;
}

/* --- kernel access to a (not necessarily current) mm's pages ----------- */

static int vm_copy(struct mm *mm, u32 addr, void *buf, u32 len, bool to_user)
{
	while (len) {
		u32 off = addr & (PAGE_SIZE - 1), n = min(len, (u32)PAGE_SIZE - off);
		u32 *pte;
		int err;

		struct vm_area *a;

		mutex_lock(&mm->lock);
		pte = pte_of(mm, addr, false);
		a = vm_find(mm, addr);
		/* A shared (copy-on-write) page in a writable area gets its copy
		 * first; read-only areas are written as they are (the loader
		 * fills text this way, in an address space nobody runs yet). */
		if (!pte || !*pte || (to_user && (*pte & 0x200u) && a && (a->flags & VM_WRITE) &&
				      pte_page(*pte)->refs > 1)) {
			bool write = pte && *pte;

			mutex_unlock(&mm->lock);
			err = vm_fault(mm, addr, write, false);
			if (err)
				return err;
			continue;
		}
		if (to_user) {
			memcpy((char *)page_address(pte_page(*pte)) + off, buf, n);
			clean_dcache((char *)page_address(pte_page(*pte)) + off, n);
		} else {
			memcpy(buf, (char *)page_address(pte_page(*pte)) + off, n);
		}
		mutex_unlock(&mm->lock);
		addr += n;
		buf = (char *)buf + n;
		len -= n;
	}
	return 0;
}

int vm_write(struct mm *mm, u32 addr, const void *src, u32 len)
{
	int err = vm_copy(mm, addr, (void *)src, len, true);

	if (!err)
		write_iciallu(0);	/* it may be code */
	return err;
}

int vm_read(struct mm *mm, u32 addr, void *dst, u32 len)
{
	return vm_copy(mm, addr, dst, len, false);
}

/* --- switching ---------------------------------------------------------- */

/*
 * TTBR0 and the ASID change with ASID 0 (never used for user mappings) in
 * force between them, so that no walk under the new table is tagged with
 * the old ASID or the reverse.  IRQs are off (context switch).
 */
/* mm_activate() found @cpu on another address space than @mm. */
void __mm_activate(struct mm *mm, unsigned int cpu)
{
	u32 *pgd = mm ? mm->pgd : empty_pgd;
	u32 asid = mm ? mm->asid : 0;

	if (unlikely(!empty_pgd))
		return;		/* before vm_init() */
	cpu_active_mm[cpu] = mm;
	__asm__ __volatile__(
		"mcr	p15, 0, %2, c13, c0, 1\n"	/* CONTEXTIDR = 0 */
		"isb\n"
		"mcr	p15, 0, %0, c2, c0, 0\n"	/* TTBR0 */
		"isb\n"
		"mcr	p15, 0, %1, c13, c0, 1\n"	/* CONTEXTIDR = asid */
		"isb\n"
		:: "r"((u32)__pa(pgd) | 0x6au), "r"(asid), "r"(0u) : "memory");
	if (asid == ASID_SHARED)
		flush_tlb_asid(ASID_SHARED);
}
