/* SPDX-License-Identifier: GPL-2.0 */
/* mmap(2) on mmap2, munmap(2), mprotect(2); ABI values passed through. */
#ifndef USER_SYS_MMAN_H
#define USER_SYS_MMAN_H

#include <stddef.h>
#include <sys/types.h>
#include <uapi/linux-abi.h>

#define PROT_NONE	ABI_PROT_NONE
#define PROT_READ	ABI_PROT_READ
#define PROT_WRITE	ABI_PROT_WRITE
#define PROT_EXEC	ABI_PROT_EXEC
#define MAP_SHARED	ABI_MAP_SHARED
#define MAP_PRIVATE	ABI_MAP_PRIVATE
#define MAP_FIXED	ABI_MAP_FIXED
#define MAP_ANONYMOUS	ABI_MAP_ANONYMOUS
#define MAP_ANON	ABI_MAP_ANONYMOUS
#define MAP_FAILED	((void *)-1)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);

#endif /* USER_SYS_MMAN_H */
