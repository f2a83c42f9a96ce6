/* SPDX-License-Identifier: MIT */
/*
 * Exception and interrupt entry on i386: as entry_64.S, with the segment
 * registers saved too (user mode has its own).  The stub pushes a 0 error code where
 * the CPU pushes none, then the vector; common_exception builds the rest
 * of struct pt_regs (asm/ptrace.h), switches to the kernel's data segments
 * and calls do_exception(regs).
 *
 * System calls come by "int $0x80" (entry_INT80_32): the same frame, with
 * the number in %eax and the arguments in %ebx %ecx %edx %esi %edi %ebp,
 * handled by do_int80_syscall_32().
 */
#include <linux/linkage.h>
#include <asm/irq_vectors.h>
#include <asm/segment.h>


	.text
	.balign 16
exception_stub_base:
	vector = 0
	.rept NR_IDT_STUBS
	.balign 16
	.if !HAS_ERROR_CODE(vector)
	pushl	$0
	.endif
	pushl	$vector
	jmp	common_exception
	vector = vector + 1
	.endr

SYM_FUNC_START_LOCAL(common_exception)
	pushl	%gs
	pushl	%fs
	pushl	%es
	pushl	%ds
	pushl	%eax
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%edx
	pushl	%ecx
	pushl	%ebx
	cld
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	/*
	 * The kernel runs with null %fs and %gs: the user's selectors
	 * (kept in pt_regs) may name a TLS slot that execve or a switch
	 * to another task empties, and an interrupt taken meanwhile would
	 * fault reloading one on its way out.
	 */
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	movl	%esp, %eax
	pushl	%eax
	call	do_exception
	addl	$4, %esp
SYM_INNER_LABEL(restore_regs_and_iret)
	popl	%ebx
	popl	%ecx
	popl	%edx
	popl	%esi
	popl	%edi
	popl	%ebp
	popl	%eax
	popl	%ds
	popl	%es
	popl	%fs
	popl	%gs
	addl	$8, %esp		/* vector and error code */
	iret
SYM_FUNC_END(common_exception)

SYM_FUNC_START(entry_INT80_32)
	pushl	$0
	pushl	$0x80
	jmp	common_exception
SYM_FUNC_END(entry_INT80_32)

	.section ".rodata", "a"
	.balign 4
SYM_DATA_START(idt_stubs)
	i = 0
	.rept NR_IDT_STUBS
	.long	exception_stub_base + i * 16
	i = i + 1
	.endr
SYM_DATA_END(idt_stubs)
