/* SPDX-License-Identifier: MIT */
/*
 * i386 entry.  The boot loader starts startup_32 in protected mode with
 * paging off, at the physical address the image was loaded to.  The kernel
 * is linked at PAGE_OFFSET + 16 MiB (0xc1000000 with the 3G/1G split), so
 * before any C code runs we turn on paging with one page directory that
 * maps low memory twice with 4 MiB (PSE) pages:
 *
 *   0 .. MAXMEM                      identity, for the jump that follows
 *   PAGE_OFFSET .. PAGE_OFFSET+MAXMEM the direct map the kernel lives in
 *
 * i386_start_kernel() drops the identity half.  The real page tables (2- or
 * 3-level with PAE, 4 KiB pages where needed) are built later in C.
 */
#include <linux/linkage.h>
#include <asm/page_types.h>
#include <asm/segment.h>
#include <asm/processor-flags.h>

#define PHYS(sym)	((sym) - __PAGE_OFFSET)
#define PDE_FLAGS	(_PAGE_PRESENT | _PAGE_RW | _PAGE_PSE)
#define NR_PDE		(MAXMEM >> 22)		/* 4 MiB each */

	.section ".head.text", "ax"
	.code32
SYM_FUNC_START(startup_32)
	cli
	cld
	movl	$PHYS(boot_stack_end), %esp
	movl	%eax, %edi		/* boot protocol magic */
	movl	%ebx, %esi		/* its information structure */

	/* Fill the identity and the PAGE_OFFSET halves of the directory. */
	movl	$PHYS(initial_page_table), %ebx
	movl	$PDE_FLAGS, %eax
	xorl	%ecx, %ecx
1:	movl	%eax, (%ebx, %ecx, 4)
	movl	%eax, (__PAGE_OFFSET >> 20)(%ebx, %ecx, 4)
	addl	$0x400000, %eax
	incl	%ecx
	cmpl	$NR_PDE, %ecx
	jne	1b

	movl	%cr4, %eax
	orl	$X86_CR4_PSE, %eax
	movl	%eax, %cr4
	movl	%ebx, %cr3
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
SYM_DATA_START(initial_page_table)
	.skip	4096
SYM_DATA_END(initial_page_table)
SYM_DATA_START(boot_stack)
	.skip	2 * 4096
	.globl boot_stack_end
boot_stack_end:
SYM_DATA_END(boot_stack)
