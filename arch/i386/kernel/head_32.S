/* SPDX-License-Identifier: MIT */
/*
 * i386 entry.  The boot loader starts startup_32 in protected mode with
 * paging off, at the physical address the image was loaded to.  The kernel
 * is linked at PAGE_OFFSET + 16 MiB (0xc1000000 with the 3G/1G split), so
 * before any C code runs we turn on paging with boot tables that map low
 * memory (MAXMEM) at PAGE_OFFSET with large pages, plus the first 64 MiB at
 * 0 for the instant paging turns on:
 *
 *   2-level (no PAE)  one page directory of 4 MiB (PSE) entries
 *   PAE (HIGHMEM64G)  the 4-entry pointer table, and page directories of
 *                     2 MiB entries, one per GiB of low memory
 *
 * i386_start_kernel() drops the identity part; paging_init() later builds
 * the real tables (arch/x86/mm/init.c).
 */
#include <linux/linkage.h>
#include <asm/page_types.h>
#include <asm/segment.h>
#include <asm/processor-flags.h>
#include <asm/pgtable_types.h>

#define PHYS(sym)	((sym) - __PAGE_OFFSET)
#define LARGE_FLAGS	(_PAGE_PRESENT | _PAGE_RW | _PAGE_PSE)
#define IDENTITY_SIZE	0x4000000		/* 64 MiB: the image is at 16 */

#ifdef CONFIG_X86_PAE
#define NR_PMD_PAGES	((MAXMEM + 0x3fffffff) >> 30)
#endif

	.section ".head.text", "ax"
	.code32
SYM_FUNC_START(startup_32)
	cli
	cld
	movl	$PHYS(boot_stack_end), %esp
	movl	%eax, %edi		/* boot protocol magic */
	movl	%ebx, %esi		/* its information structure */

#ifdef CONFIG_X86_PAE
	/* initial_pg_pmd: 2 MiB entries for all of MAXMEM, 64-bit each. */
	movl	$PHYS(initial_pg_pmd), %ebx
	movl	$LARGE_FLAGS, %eax
	xorl	%ecx, %ecx
1:	movl	%eax, (%ebx, %ecx, 8)
	addl	$0x200000, %eax
	incl	%ecx
	cmpl	$(MAXMEM >> 21), %ecx
	jne	1b
	/* The pointer table: the identity GiB, and PAGE_OFFSET's GiBs. */
	movl	$PHYS(initial_pg_pdpt), %edx
	movl	$(PHYS(initial_pg_pmd) + _PAGE_PRESENT), %eax
	movl	%eax, (%edx)
	xorl	%ecx, %ecx
2:	movl	%eax, ((__PAGE_OFFSET >> 30) * 8)(%edx, %ecx, 8)
	addl	$4096, %eax
	incl	%ecx
	cmpl	$NR_PMD_PAGES, %ecx
	jne	2b
	movl	%cr4, %eax
	orl	$X86_CR4_PAE, %eax
	movl	%eax, %cr4
	movl	%edx, %cr3
#else
	/* One directory: 4 MiB entries for MAXMEM, and 64 MiB at 0. */
	movl	$PHYS(initial_page_table), %ebx
	movl	$LARGE_FLAGS, %eax
	xorl	%ecx, %ecx
1:	movl	%eax, (__PAGE_OFFSET >> 20)(%ebx, %ecx, 4)
	cmpl	$(IDENTITY_SIZE >> 22), %ecx
	jae	2f
	movl	%eax, (%ebx, %ecx, 4)
2:	addl	$0x400000, %eax
	incl	%ecx
	cmpl	$(MAXMEM >> 22), %ecx
	jne	1b
	movl	%cr4, %eax
	orl	$X86_CR4_PSE, %eax
	movl	%eax, %cr4
	movl	%ebx, %cr3
#endif
	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_PE | X86_CR0_WP), %eax
	movl	%eax, %cr0

	/* Paging is on; move to the linked addresses. */
	movl	$1f, %eax
	jmp	*%eax
1:	lgdt	boot_gdt_desc
	ljmp	$__KERNEL_CS, $2f
2:	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	movl	$boot_stack_end, %esp
	xorl	%ebp, %ebp		/* ends the backtrace */
	pushl	%esi
	pushl	%edi
	call	i386_start_kernel
3:	hlt
	jmp	3b
SYM_FUNC_END(startup_32)

	.section ".head.data", "aw"
	/* The boot GDT: Linux's i386 slots (asm/segment.h). */
	.balign 16
SYM_DATA_START(gdt_table)
	.fill	GDT_ENTRY_KERNEL_CS, 8, 0
	.quad	0x00cf9b000000ffff	/* 12: kernel code */
	.quad	0x00cf93000000ffff	/* 13: kernel data */
	.quad	0x00cffb000000ffff	/* 14: user code */
	.quad	0x00cff3000000ffff	/* 15: user data */
	.fill	GDT_ENTRIES - GDT_ENTRY_DEFAULT_USER_DS - 1, 8, 0
gdt_table_end:
SYM_DATA_END(gdt_table)

boot_gdt_desc:
	.word	gdt_table_end - gdt_table - 1
	.long	gdt_table

	.section ".bss..page_aligned", "aw", @nobits
	.balign 4096
#ifdef CONFIG_X86_PAE
SYM_DATA_START(initial_pg_pdpt)
	.skip	4096
SYM_DATA_END(initial_pg_pdpt)
initial_pg_pmd:
	.skip	NR_PMD_PAGES * 4096
#else
SYM_DATA_START(initial_page_table)
	.skip	4096
SYM_DATA_END(initial_page_table)
#endif
SYM_DATA_START(boot_stack)
	.skip	2 * 4096
	.globl boot_stack_end
boot_stack_end:
SYM_DATA_END(boot_stack)
