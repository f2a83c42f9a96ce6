/* SPDX-License-Identifier: MIT */
/*
 * x86-64 entry.  The boot loader starts startup_32 in 32-bit protected
 * mode with paging off.  To reach 64-bit mode we need paging, so this file
 * builds the smallest page tables that let the kernel run at its linked
 * address, 0xffffffff81000000:
 *
 *   early_pd[0..3]    map physical 0 - 4 GiB with 2 MiB pages
 *   early_pdpt_low    0 - 4 GiB through early_pd[0..3]
 *   early_pml4[0]     identity map (needed for the instant paging turns on)
 *   early_pml4[273]   the direct map at 0xffff888000000000
 *   early_pml4[511]   -> early_pdpt_high[510]: 0xffffffff80000000 = phys 0
 *
 * then sets PAE, EFER.LME and paging, which puts the CPU in long mode, far
 * jumps into a 64-bit code segment, and jumps up to the linked address.
 * x86_64_start_kernel() later drops the identity map.  Until then
 * everything runs at physical addresses, hence PHYS() on every symbol.
 */
#include <linux/linkage.h>
#include <asm/page_types.h>
#include <asm/segment.h>
#include <asm/processor-flags.h>
#include <asm/pgtable_types.h>

#define PHYS(sym)	((sym) - __START_KERNEL_map)
#define PTE_FLAGS	(_PAGE_PRESENT | _PAGE_RW)

	.section ".head.text", "ax"
	.code32
SYM_FUNC_START(startup_32)
	cli
	cld
	movl	$PHYS(boot_stack_end), %esp
	movl	%eax, %edi		/* boot protocol magic */
	movl	%ebx, %esi		/* its information structure */

	/* Long mode needs CPUID leaf 0x80000001 with the LM bit. */
	movl	$0x80000000, %eax
	cpuid
	cmpl	$0x80000001, %eax
	jb	no_long_mode
	movl	$0x80000001, %eax
	cpuid
	btl	$29, %edx
	jnc	no_long_mode

	/* early_pd: 2048 entries of 2 MiB each, 4 GiB in all. */
	movl	$PHYS(early_pd), %ebx
	movl	$(PTE_FLAGS | _PAGE_PSE), %eax
	xorl	%ecx, %ecx
1:	movl	%eax, (%ebx, %ecx, 8)
	movl	$0, 4(%ebx, %ecx, 8)
	addl	$0x200000, %eax
	incl	%ecx
	cmpl	$2048, %ecx
	jne	1b

	/* early_pdpt_low[0..3] -> the four tables of early_pd. */
	movl	$PHYS(early_pdpt_low), %edx
	movl	$(PHYS(early_pd) + PTE_FLAGS), %eax
	xorl	%ecx, %ecx
2:	movl	%eax, (%edx, %ecx, 8)
	addl	$4096, %eax
	incl	%ecx
	cmpl	$4, %ecx
	jne	2b

	movl	$(PHYS(early_pd) + PTE_FLAGS), PHYS(early_pdpt_high) + 510 * 8
	movl	$(PHYS(early_pdpt_low) + PTE_FLAGS), PHYS(early_pml4)
	movl	$(PHYS(early_pdpt_low) + PTE_FLAGS), PHYS(early_pml4) + 273 * 8
	movl	$(PHYS(early_pdpt_high) + PTE_FLAGS), PHYS(early_pml4) + 511 * 8

	movl	%cr4, %eax
	orl	$X86_CR4_PAE, %eax
	movl	%eax, %cr4
	movl	$PHYS(early_pml4), %eax
	movl	%eax, %cr3
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	wrmsr
	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_PE | X86_CR0_WP), %eax
	movl	%eax, %cr0

	lgdt	PHYS(early_gdt_desc)
	ljmp	$__KERNEL_CS, $PHYS(startup_64)

	/* Without long mode there is nothing to do but say so. */
no_long_mode:
	movl	$PHYS(no_lm_msg), %esi
	movw	$0x3f8, %dx
3:	lodsb
	testb	%al, %al
	jz	4f
	outb	%al, %dx
	jmp	3b
4:	hlt
	jmp	4b
SYM_FUNC_END(startup_32)

	.code64
SYM_FUNC_START_LOCAL(startup_64)
	/* Long mode, running at physical addresses: go to the linked ones. */
	movabsq	$1f, %rax
	jmp	*%rax
1:	lgdt	early_gdt_desc64(%rip)
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	leaq	boot_stack_end(%rip), %rsp
	xorl	%ebp, %ebp		/* ends the backtrace */
	/* x86_64_start_kernel(magic = %edi, info = %esi): already in place. */
	call	x86_64_start_kernel
2:	hlt
	jmp	2b
SYM_FUNC_END(startup_64)

	.section ".head.data", "aw"
no_lm_msg:
	.asciz	"Engram: this CPU has no long mode; boot the i386 kernel instead.\r\n"

	/* The boot GDT: Linux's x86-64 slots (asm/segment.h). */
	.balign 16
SYM_DATA_START(gdt_table)
	.quad	0			/* null */
	.quad	0x00cf9b000000ffff	/* 1: kernel 32-bit code */
	.quad	0x00af9b000000ffff	/* 2: kernel 64-bit code */
	.quad	0x00cf93000000ffff	/* 3: kernel data */
	.quad	0x00cffb000000ffff	/* 4: user 32-bit code */
	.quad	0x00cff3000000ffff	/* 5: user data */
	.quad	0x00affb000000ffff	/* 6: user 64-bit code */
	.fill	GDT_ENTRIES - 7, 8, 0	/* TSS and spare */
gdt_table_end:
SYM_DATA_END(gdt_table)

early_gdt_desc:				/* 32-bit lgdt: physical base */
	.word	gdt_table_end - gdt_table - 1
	.long	PHYS(gdt_table)
	.balign 8
early_gdt_desc64:			/* 64-bit lgdt: linked base */
	.word	gdt_table_end - gdt_table - 1
	.quad	gdt_table

	.section ".bss..page_aligned", "aw", @nobits
	.balign 4096
SYM_DATA_START(early_pml4)
	.skip	4096
SYM_DATA_END(early_pml4)
early_pdpt_low:
	.skip	4096
early_pdpt_high:
	.skip	4096
early_pd:
	.skip	4 * 4096
SYM_DATA_START(boot_stack)
	.skip	4 * 4096
	.globl boot_stack_end
boot_stack_end:
SYM_DATA_END(boot_stack)
