/* SPDX-License-Identifier: GPL-2.0 */
/* The user test program (utest.c), linked as an ELF and embedded as data. */
	.section .rodata
	.align	3
	.globl	utest_elf, utest_elf_end
utest_elf:
	.incbin	UTEST_ELF
utest_elf_end:
