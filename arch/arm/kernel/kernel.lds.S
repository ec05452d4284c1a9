/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel linker script.  The image (zImage = objcopy -O binary) runs from
 * _start to _edata; BSS, the page table and the boot stack follow it.
 * The kallsyms table sits after .data so that adding it in the second link
 * pass moves no code.
 */
#include <asm/memory.h>

OUTPUT_ARCH(arm)
ENTRY(_start)

SECTIONS
{
	. = PAGE_OFFSET + TEXT_OFFSET;
	.head.text : { KEEP(*(.head.text)) }
	.text : {
		_stext = .;
		*(.text .text.*)
		_etext = .;
	}
	. = ALIGN(4096);
	_srodata = .;
	.rodata : {
		*(.rodata .rodata.*)
		. = ALIGN(4);
		__start_ktest_suites = .;
		KEEP(*(ktest_suites))
		__stop_ktest_suites = .;
		. = ALIGN(4);
		__initcall_start = .;
		KEEP(*(SORT(.initcall.*)))
		__initcall_end = .;
		. = ALIGN(4);
		__shell_cmds_start = .;
		KEEP(*(shell_cmds))
		__shell_cmds_end = .;
		. = ALIGN(4);
		__start___ex_table = .;
		KEEP(*(__ex_table))
		__stop___ex_table = .;
		. = ALIGN(4);
		__dt_drivers_start = .;
		KEEP(*(dt_drivers))
		__dt_drivers_end = .;
	}
	.ARM.exidx : { *(.ARM.exidx*) }
	_erodata = .;
	. = ALIGN(4096);
	_sdata = .;
	.data : { *(.data .data.*) }
	.kallsyms : { KEEP(*(.kallsyms)) }
	. = ALIGN(16);
	_edata = .;
	. = ALIGN(16384);
	.bss (NOLOAD) : {
		__bss_start = .;
		*(.bss..pgdir)
		*(.bss .bss.* COMMON)
		. = ALIGN(16);
		__bss_end = .;
	}
	_end = .;
	/DISCARD/ : { *(.note*) *(.comment) *(.ARM.attributes) }
}

__zimage_size = _edata - _start;
