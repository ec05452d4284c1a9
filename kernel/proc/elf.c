// SPDX-License-Identifier: GPL-2.0
/*
 * Static ELF32 ARM executables -> a new address space (System V ABI ELF
 * format; ARM ELF supplement for EM_ARM).  Every header field is checked
 * before use: a malformed file gives -ENOEXEC and leaves nothing behind.
 * Segments become anonymous areas filled from the file (no page sharing
 * with a page cache: simple, and executables are small here).  The stack
 * gets the Linux initial layout: argc, argv[], NULL, envp[], NULL, auxv.
 *
 * Knows nothing of files: the caller supplies a read callback.
 */
#define pr_fmt(fmt) "elf: " fmt
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <mm/vm.h>
#include <asm/memory.h>
#include "proc_internal.h"

#define EI_NIDENT	16
#define ET_EXEC		2
#define EM_ARM		40
#define PT_LOAD		1
#define PT_INTERP	3
#define PF_X		1
#define PF_W		2
#define PF_R		4
#define MAX_PHDRS	16
#define MAX_ARGS	256
#define MAX_ARG_BYTES	(64 * 1024)
#define STACK_INITIAL	(64 * 1024)

#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_ENTRY	9
#define AT_RANDOM	25

struct elf32_ehdr {
	u8 ident[EI_NIDENT];
	u16 type, machine;
	u32 version, entry, phoff, shoff, flags;
	u16 ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf32_phdr {
	u32 type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

static int check_header(const struct elf32_ehdr *eh, u32 size)
{
	if (size < sizeof(*eh) || memcmp(eh->ident, "\x7f" "ELF", 4))
		return -ENOEXEC;
	if (eh->ident[4] != 1 || eh->ident[5] != 1)	/* ELFCLASS32, little-endian */
		return -ENOEXEC;
	if (eh->type != ET_EXEC || eh->machine != EM_ARM || eh->version != 1)
		return -ENOEXEC;
	if (eh->phentsize != sizeof(struct elf32_phdr) || !eh->phnum || eh->phnum > MAX_PHDRS)
		return -ENOEXEC;
	if (eh->phoff > size || eh->phnum * sizeof(struct elf32_phdr) > size - eh->phoff)
		return -ENOEXEC;
	if (eh->entry >= USER_END)
		return -ENOEXEC;
	return 0;
}

static int check_segment(const struct elf32_phdr *ph, u32 size)
{
	if (ph->type == PT_INTERP)
		return -ENOEXEC;		/* static executables only */
	if (ph->type != PT_LOAD)
		return 0;
	if (ph->filesz > ph->memsz || ph->offset > size || ph->filesz > size - ph->offset)
		return -ENOEXEC;
	if (ph->vaddr < PAGE_SIZE || ph->vaddr >= USER_END || ph->memsz > USER_END - ph->vaddr)
		return -ENOEXEC;
	if (ph->vaddr + ph->memsz > USER_STACK_TOP - USER_STACK_MAX)
		return -ENOEXEC;		/* would collide with the stack */
	return 0;
}

static u32 vm_flags_of(u32 pflags)
{
	return ((pflags & PF_R) ? VM_READ : 0) | ((pflags & PF_W) ? VM_WRITE : 0) |
	       ((pflags & PF_X) ? VM_EXEC : 0);
}

/* Map [start, end) with @flags, merging pages another segment already has. */
static int map_segment_pages(struct mm *mm, u32 start, u32 end, u32 flags)
{
	int err = vm_map(mm, start, end - start, flags);

	if (err != -EEXIST)
		return err;
	for (u32 va = start; va < end; va += PAGE_SIZE) {
		struct vm_area *a = vm_find(mm, va);

		if (a)
			a->flags |= flags;	/* shared page: the union of both */
		else if ((err = vm_map(mm, va, PAGE_SIZE, flags)))
			return err;
	}
	return 0;
}

static int load_segment(const struct elf_source *src, struct mm *mm,
			const struct elf32_phdr *ph, void *buf)
{
	u32 start = ALIGN_DOWN(ph->vaddr, PAGE_SIZE);
	u32 end = ALIGN_UP(ph->vaddr + ph->memsz, PAGE_SIZE);
	int err = map_segment_pages(mm, start, end, vm_flags_of(ph->flags) | VM_READ);

	for (u32 done = 0; !err && done < ph->filesz;) {
		u32 n = min(ph->filesz - done, (u32)PAGE_SIZE);

		err = src->read(src->ctx, ph->offset + done, buf, n);
		if (!err)
			err = vm_write(mm, ph->vaddr + done, buf, n);
		done += n;
	}
	return err;
}

static u32 count_strings(const char *const v[], u32 *bytes)
{
	u32 n = 0;

	for (; v && v[n] && n <= MAX_ARGS; n++)
		*bytes += strlen(v[n]) + 1;
	return n;
}

/* Push strings then the vectors; returns the initial sp or 0 on error. */
static u32 build_stack(struct mm *mm, const char *const argv[], const char *const envp[],
		       u32 entry, int *err)
{
	u32 bytes = 16, argc, envc, sp = USER_STACK_TOP, vec_words, *vec, p;
	static const u8 random_bytes[16] = "not-random-16B!";	/* AT_RANDOM: no RNG yet */

	argc = count_strings(argv, &bytes);
	envc = count_strings(envp, &bytes);
	if (argc > MAX_ARGS || envc > MAX_ARGS || bytes > MAX_ARG_BYTES) {
		*err = -E2BIG;
		return 0;
	}
	vec_words = 1 + argc + 1 + envc + 1 + 2 * 4;
	vec = kmalloc(vec_words * 4, GFP_KERNEL);
	if (!vec) {
		*err = -ENOMEM;
		return 0;
	}
	sp -= 16;
	*err = vm_write(mm, sp, random_bytes, 16);
	p = sp;
	vec[0] = argc;
	for (u32 i = 0; i < argc && !*err; i++) {
		u32 len = strlen(argv[i]) + 1;

		p -= len;
		vec[1 + i] = p;
		*err = vm_write(mm, p, argv[i], len);
	}
	vec[1 + argc] = 0;
	for (u32 i = 0; i < envc && !*err; i++) {
		u32 len = strlen(envp[i]) + 1;

		p -= len;
		vec[2 + argc + i] = p;
		*err = vm_write(mm, p, envp[i], len);
	}
	vec[2 + argc + envc] = 0;
	{
		u32 *aux = &vec[3 + argc + envc];

		aux[0] = AT_PAGESZ; aux[1] = PAGE_SIZE;
		aux[2] = AT_ENTRY; aux[3] = entry;
		aux[4] = AT_RANDOM; aux[5] = sp;
		aux[6] = AT_NULL; aux[7] = 0;
	}
	sp = ALIGN_DOWN(p - vec_words * 4, 8u);
	if (!*err)
		*err = vm_write(mm, sp, vec, vec_words * 4);
	kfree(vec);
	return *err ? 0 : sp;
}

int elf_load(const struct elf_source *src, const char *const argv[],
	     const char *const envp[], struct exec_image *img)
{
	struct elf32_ehdr eh;
	struct elf32_phdr *ph = NULL;
	struct mm *mm = NULL;
	void *buf = NULL;
	u32 brk = 0;
	int err;

	err = src->read(src->ctx, 0, &eh, sizeof(eh));
	if (!err)
		err = check_header(&eh, src->size);
	if (err)
		return err == -EIO ? -EIO : -ENOEXEC;
	ph = kmalloc(eh.phnum * sizeof(*ph), GFP_KERNEL);
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	mm = mm_create();
	if (!ph || !buf || !mm) {
		err = -ENOMEM;
		goto out_fail;
	}
	err = src->read(src->ctx, eh.phoff, ph, eh.phnum * sizeof(*ph));
	for (u32 i = 0; !err && i < eh.phnum; i++)
		err = check_segment(&ph[i], src->size);
	for (u32 i = 0; !err && i < eh.phnum; i++) {
		if (ph[i].type != PT_LOAD)
			continue;
		err = load_segment(src, mm, &ph[i], buf);
		brk = max(brk, ALIGN_UP(ph[i].vaddr + ph[i].memsz, PAGE_SIZE));
	}
	if (!err && !brk)
		err = -ENOEXEC;			/* nothing to run */
	if (!err)
		err = vm_map(mm, USER_STACK_TOP - STACK_INITIAL, STACK_INITIAL,
			     VM_READ | VM_WRITE | VM_GROWSDOWN);
	if (!err)
		img->sp = build_stack(mm, argv, envp, eh.entry, &err);
	if (err)
		goto out_fail;
	mm->brk_start = mm->brk = brk;
	img->mm = mm;
	img->entry = eh.entry;
	kfree(ph);
	kfree(buf);
	return 0;

out_fail:
	if (mm)
		mm_put(mm);
	kfree(ph);
	kfree(buf);
	if (err == -EINVAL || err == -EEXIST)
		err = -ENOEXEC;		/* bad segment addresses */
	return err;
}
