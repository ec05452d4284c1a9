/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ASM_MMU_H
#define ASM_MMU_H

#include <kernel/types.h>

int map_kernel_page(unsigned long va, phys_addr_t pa, bool ro, bool exec);
void unmap_kernel_page(unsigned long va);
void paging_init(void);
void protect_kernel_image(void);
void mmu_split_user_space(void);

#endif
