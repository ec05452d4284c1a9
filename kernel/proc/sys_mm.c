// SPDX-License-Identifier: GPL-2.0
/*
 * Memory system calls: brk, anonymous private mmap, munmap, mprotect.
 * File mappings are not supported yet (-ENODEV).
 */
#include <kernel/errno.h>
#include <mm/vm.h>
#include <asm/memory.h>
#include <uapi/linux-abi.h>
#include <kernel/uaccess.h>
#include "proc_internal.h"
#include "syscalls.h"

static u32 prot_to_vm(u32 prot)
{
	return ((prot & ABI_PROT_READ) ? VM_READ : 0) | ((prot & ABI_PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & ABI_PROT_EXEC) ? VM_EXEC : 0);
}

/* Linux semantics: returns the new break, or the old one on failure. */
long sys_brk(u32 addr)
{
	struct mm *mm = current->mm;
	u32 old = mm->brk, oldp = ALIGN_UP(old, PAGE_SIZE), newp;

	if (addr < mm->brk_start || addr > USER_MMAP_BASE)
		return old;
	newp = ALIGN_UP(addr, PAGE_SIZE);
	if (newp > oldp && vm_map(mm, oldp, newp - oldp, VM_READ | VM_WRITE | VM_HEAP))
		return old;
	if (newp < oldp)
		vm_unmap(mm, newp, oldp - newp);
	mm->brk = addr;
	return addr;
}

long sys_mmap2(u32 addr, u32 len, u32 prot, u32 flags, u32 fd, u32 pgoff)
{
	struct mm *mm = current->mm;
	int err;

	(void)fd;
	(void)pgoff;
	if (!len || len > USER_END)
		return -EINVAL;
	if (!(flags & ABI_MAP_ANONYMOUS) || (flags & ABI_MAP_SHARED))
		return -ENODEV;		/* file and shared mappings: not supported */
	len = ALIGN_UP(len, PAGE_SIZE);
	if (flags & ABI_MAP_FIXED) {
		if (addr % PAGE_SIZE || !access_ok(addr, len))
			return -EINVAL;
		vm_unmap(mm, addr, len);
	} else {
		addr = vm_find_free(mm, len);
		if (!addr)
			return -ENOMEM;
	}
	err = vm_map(mm, addr, len, prot_to_vm(prot));
	return err ? err : (long)addr;
}

long sys_munmap(u32 addr, u32 len)
{
	if (addr % PAGE_SIZE || !len || !access_ok(addr, ALIGN_UP(len, PAGE_SIZE)))
		return -EINVAL;
	return vm_unmap(current->mm, addr, ALIGN_UP(len, PAGE_SIZE));
}

long sys_mprotect(u32 addr, u32 len, u32 prot)
{
	if (addr % PAGE_SIZE || !access_ok(addr, ALIGN_UP(len, PAGE_SIZE)))
		return -EINVAL;
	return vm_protect(current->mm, addr, len, prot_to_vm(prot));
}
