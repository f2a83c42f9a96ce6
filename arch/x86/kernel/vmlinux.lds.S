/* SPDX-License-Identifier: MIT */
/*
 * The kernel's layout, for both ports.  Virtual addresses start at
 * __START_KERNEL; each section is loaded at its virtual address minus
 * __START_KERNEL_map (AT()), which is what the flat engram.img and the
 * multiboot headers describe.  Order: the multiboot headers and entry
 * first (loaders look for the headers in the first 8 KiB), text, rodata,
 * data, init (freed after boot one day), the symbol table, then bss.
 */
#include <asm/page_types.h>

#define LOAD_OFFSET	__START_KERNEL_map

#ifdef CONFIG_X86_64
OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
#else
OUTPUT_FORMAT("elf32-i386")
OUTPUT_ARCH(i386)
#endif
ENTRY(startup_32)

SECTIONS
{
	. = __START_KERNEL;

	.text : AT(ADDR(.text) - LOAD_OFFSET) {
		_text = .;
		KEEP(*(.head.header))
		*(.head.text)
		_stext = .;
		*(.text .text.*)
		_etext = .;
	}

	. = ALIGN(PAGE_SIZE);
	.rodata : AT(ADDR(.rodata) - LOAD_OFFSET) {
		__start_rodata = .;
		*(.rodata .rodata.*)
		. = ALIGN(8);
		__start_kunit_test_suites = .;
		KEEP(*(kunit_test_suites))
		__stop_kunit_test_suites = .;
		. = ALIGN(8);
		__start_bench_cases = .;
		KEEP(*(bench_cases))
		__stop_bench_cases = .;
		. = ALIGN(8);
		__start___ex_table = .;
		KEEP(*(__ex_table))
		__stop___ex_table = .;
		__end_rodata = .;
	}

	. = ALIGN(PAGE_SIZE);
	.data : AT(ADDR(.data) - LOAD_OFFSET) {
		_sdata = .;
		*(.head.data)
		*(.data .data.*)
		_edata_rw = .;
	}

	/* init text and init data get pages of their own: RX and RW. */
	. = ALIGN(PAGE_SIZE);
	.init.text : AT(ADDR(.init.text) - LOAD_OFFSET) {
		__init_begin = .;
		*(.init.text)
		. = ALIGN(PAGE_SIZE);
		__init_text_end = .;
	}
	.init : AT(ADDR(.init) - LOAD_OFFSET) {
		*(.init.rodata)
		*(.init.data)
		. = ALIGN(8);
		__setup_start = .;
		KEEP(*(.init.setup))
		__setup_end = .;
		__initcall_start = .;
		KEEP(*(.initcall1.init))
		KEEP(*(.initcall3.init))
		KEEP(*(.initcall4.init))
		KEEP(*(.initcall5.init))
		KEEP(*(.initcallrootfs.init))
		KEEP(*(.initcall6.init))
		KEEP(*(.initcall7.init))
		__initcall_end = .;
		. = ALIGN(PAGE_SIZE);
		__init_end = .;
	}

	/* Filled by scripts/link-vmlinux.sh in the second link. */
	.kallsyms : AT(ADDR(.kallsyms) - LOAD_OFFSET) {
		. = ALIGN(8);
		*(.kallsyms)
		_edata = .;
	}

	. = ALIGN(PAGE_SIZE);
	.bss : AT(ADDR(.bss) - LOAD_OFFSET) {
		__bss_start = .;
		*(.bss..page_aligned)
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(PAGE_SIZE);
		__bss_stop = .;
	}
	_end = .;

	/DISCARD/ : {
		*(.note .note.*)
		*(.comment)
		*(.eh_frame)
	}
}
